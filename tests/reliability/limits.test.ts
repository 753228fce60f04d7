/**
 * One bad input costs only itself (issue 17): an English title with a 300-letter word once made a 352-character id,
 * and ingest died with ENAMETOOLONG writing nothing, good pages included, on every run. Ids, titles, lines and words
 * are now bounded (src/lib/limits.ts): cut with a warning naming the file, never a crash.
 */
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { articleId } from "../../src/lib/identity.ts";
import { boundArticle, boundText, LIMITS } from "../../src/lib/limits.ts";
import { arabicPage } from "./generate.ts";
import { contentEnv, makeContentDir, runMain, SEED_PAGES } from "./helpers.ts";

const longWord = (n: number, letter = "a") => letter.repeat(n);

describe("bounded ids", () => {
  it("a 300-letter word in an English title gives a short id", () => {
    const id = articleId({ lang: "en", title: `UN envoy ${longWord(300)} urges rivals to agree`, body: ["Text."] });
    expect(id.length).toBeLessThanOrEqual(LIMITS.idSlugChars + 13);
    expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it("six long words are cut at a word boundary; ordinary titles keep their id", () => {
    const id = articleId({ lang: "en", title: Array.from({ length: 6 }, (_, i) => longWord(20, String.fromCharCode(97 + i))).join(" "), body: ["x"] });
    expect(id.length).toBeLessThanOrEqual(LIMITS.idSlugChars + 13);
    expect(id.split("-").slice(0, -1).every((w) => w.length === 20)).toBe(true);
    expect(articleId({ lang: "en", title: "Syrian forces move into strategic town", body: ["x"] })).toMatch(/^syrian-forces-move-into-strategic-town-[0-9a-f]{12}$/);
  });
});

describe("bounded texts", () => {
  it("cuts words, lines and titles with an ellipsis, and reports each field", () => {
    const article = {
      title: `Title ${longWord(100_000)}`,
      subtitle: null,
      source: null,
      author: "x".repeat(36_000),
      dateline: null,
      body: ["Short paragraph.", `${"word ".repeat(10_000)}end`, `كلمة ${"ب".repeat(100_000)}`],
      captions: [],
    };
    const { article: bounded, notes } = boundArticle(article);
    expect(bounded.title!.length).toBeLessThanOrEqual(LIMITS.titleChars + 1);
    expect(bounded.author!.length).toBeLessThanOrEqual(LIMITS.titleChars + 1);
    expect(bounded.body[0]).toBe("Short paragraph.");
    expect(bounded.body[1]!.length).toBeLessThanOrEqual(LIMITS.lineChars + 1);
    expect(bounded.body[1]!.endsWith("…")).toBe(true);
    expect(Math.max(...bounded.body[2]!.split(" ").map((w) => w.length))).toBeLessThanOrEqual(LIMITS.wordChars + 1);
    expect(notes.join("\n")).toMatch(/title cut[\s\S]*author cut[\s\S]*2 body line\(s\) cut/);
    // Within the limits: the same object, nothing reported.
    const fine = { ...article, title: "A title", author: null, body: ["ok"] };
    expect(boundArticle(fine)).toEqual({ article: fine, notes: [] });
  });

  it("never cuts inside a surrogate pair", () => {
    expect(boundText(`${"😀".repeat(400)}`, 301)).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it("is linear: a 1 MB line is bounded in well under a second", () => {
    const started = performance.now();
    boundText(`${"كلمة ".repeat(200_000)}`, LIMITS.lineChars);
    boundText("ب".repeat(1_000_000), LIMITS.lineChars);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe("ingest of an inbox holding one page with a 300-letter title word", () => {
  it("writes every article, the bad one with a short id, and exits 0", { timeout: 300_000 }, async () => {
    const dir = makeContentDir("limits");
    const inbox = join(dir, "inbox");
    const wire = readFileSync(join(SEED_PAGES, "en-wire.txt"), "utf8");
    writeFileSync(join(inbox, "long-word.txt"), wire.replace("UN envoy urges", `UN envoy ${longWord(300)} urges`));
    copyFileSync(join(SEED_PAGES, "ar-single.txt"), join(inbox, "ar-single.txt"));
    writeFileSync(join(inbox, "ar-generated.txt"), arabicPage(3));
    const run = await runMain(["ingest", "--json"], contentEnv(dir, { MARSAD_INGEST_WORKERS: "0" }));
    expect(run.status, run.stderr).toBe(0);
    const names = readdirSync(join(dir, "articles")).filter((n) => n.endsWith(".md"));
    expect(names.length).toBeGreaterThanOrEqual(3);
    for (const name of names) expect(name.length).toBeLessThan(100);
    expect(names.some((n) => n.startsWith("un-envoy-"))).toBe(true);
  });
});

describe("bounded words at read time", () => {
  it("a hand-edited article with a 100,000-letter word is shown with the word cut, and the scan stays linear", async () => {
    const { siteArticle } = await import("../../src/content/read-content.ts");
    const body = [`كلمة ${"ب".repeat(100_000)} نهاية`, `${"ك".repeat(LIMITS.wordChars)} `.repeat(3_000)];
    const started = performance.now();
    const shown = siteArticle({ id: "x", lang: "ar", title: "t", subtitle: null, source: null, author: null, dateline: null, published: null, seen: null, body, captions: [], actors: [], countries: [], places: [], mentions: [], sources: [], secondary: false });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(Math.max(...shown.body[0]!.split(" ").map((w) => w.length))).toBeLessThanOrEqual(LIMITS.wordChars + 1);
    expect(shown.body[1]).toBe(body[1]); // words at the limit are kept whole
  });
});
