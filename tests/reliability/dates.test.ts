/**
 * Dates (issue 17): frontmatter dates are real calendar dates in a sane range, refused with the field named
 * (2024-13-45 and 0000-00-00 were accepted: `<pubDate>Invalid Date`, "30 November 1899"; 9999-12-31 sent the
 * timeline into an endless loop); an article dated after the build's today is flagged and never the latest brief.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseArticle, serializeArticle } from "../../src/content/article-file.ts";
import type { Article } from "../../src/schemas/article.ts";
import { IsoDate, isoDateProblem } from "../../src/schemas/common.ts";
import { readArticleFile } from "../../src/content/fast-frontmatter.ts";
import { buildToday, loadSite, withholdFutureDates } from "../../src/site/load.ts";
import { loadSettings } from "../../src/config.ts";

const article = (id: string, published: string | null, title = "عنوان الخبر"): Article => ({
  id,
  lang: "ar",
  title,
  subtitle: null,
  source: "وكالة",
  author: null,
  dateline: null,
  published,
  seen: null,
  body: ["فقرة أولى من الخبر."],
  captions: [],
  actors: [],
  countries: ["LY"],
  places: [],
  mentions: [],
  sources: [],
  secondary: false,
});

describe("IsoDate", () => {
  it.each(["2024-13-45", "0000-00-00", "2023-02-29", "2024-04-31", "2024-00-10", "9999-12-31", "1066-10-14", "2024-1-5", "2024-01-05T00:00"])("refuses %s", (date) => {
    expect(IsoDate.safeParse(date).success).toBe(false);
    expect(isoDateProblem(date)).toBeTruthy();
  });

  it.each(["2024-02-29", "2025-12-31", "1900-01-01", "2100-06-30"])("accepts %s", (date) => {
    expect(IsoDate.parse(date)).toBe(date);
  });

  it.each(["2024-13-45", "0000-00-00", "9999-12-31"])("an article file dated %s is refused naming the field, by both readers", (date) => {
    const text = serializeArticle(article("a-1", "2024-08-15")).replace("published: 2024-08-15", `published: ${date}`);
    expect(() => parseArticle(text, "a-1.md")).toThrow(/a-1\.md: frontmatter field `published`: /);
    expect(() => readArticleFile(text, "a-1.md")).toThrow(/a-1\.md: frontmatter field `published`: /);
  });
});

describe("dates in the future", () => {
  it("are withheld and reported: the latest brief is today's, not 2100's", () => {
    const warnings: string[] = [];
    const out = withholdFutureDates([article("now", "2026-03-01"), article("typo", "2100-03-01"), article("tomorrow", "2026-03-02")], "2026-03-01", {
      warn: (m) => warnings.push(m),
    });
    expect(out.map((a) => a.published)).toEqual(["2026-03-01", null, "2026-03-02"]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^typo: published 2100-03-01 is after today \(2026-03-01\)/);
    // A crawl date standing in for a missing publication date follows the same rule.
    const seen = withholdFutureDates([{ ...article("crawl", null), seen: "2099-01-01" }], "2026-03-01", { warn: (m) => warnings.push(m) });
    expect(seen[0]!.seen).toBeNull();
  });

  it("the build's today is injected (MARSAD_TODAY) or the clock's", () => {
    expect(buildToday({ MARSAD_TODAY: "2026-03-01" })).toBe("2026-03-01");
    expect(buildToday({}, () => Date.parse("2026-12-06T23:59:00Z"))).toBe("2026-12-06");
  });

  it("a site with a 9999-12-31 file and a 2100 article builds its model at once, with the 2100 article not featured", () => {
    const dir = mkdtempSync(join(tmpdir(), "marsad-dates-"));
    const articlesDir = join(dir, "content", "articles");
    mkdirSync(articlesDir, { recursive: true });
    writeFileSync(join(articlesDir, "a.md"), serializeArticle(article("a", "2026-02-27", "خبر قديم")));
    writeFileSync(join(articlesDir, "b.md"), serializeArticle(article("b", "2100-01-01", "خبر بتاريخ خاطئ")));
    writeFileSync(join(articlesDir, "c.md"), serializeArticle(article("c", "2026-02-20")).replace("published: 2026-02-20", "published: 9999-12-31"));
    const settings = loadSettings(dir, { MARSAD_CACHE_DIR: join(dir, "cache") });
    const started = performance.now();
    const { model } = loadSite(settings, { today: "2026-03-01" });
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(model.latest[0]).toBe("a");
    expect(model.latest).not.toContain("c");
    expect(JSON.stringify(model)).not.toContain("2100-01");
  });
});
