/**
 * Invalid output (issue 17): BEL, ESC, SOH, U+FFFE, U+FFFF and lone surrogates passed from scraped text or hand edits
 * into feeds (one BEL made 16 of 18 XML files malformed) and pages. They are removed when the site reads articles and
 * the knowledge base, and again by the feed writer; bidi overrides are removed from knowledge-base names as from
 * ingested ones; an actor id that is the name of a route is refused.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { serializeArticle } from "../../src/content/article-file.ts";
import type { Article } from "../../src/schemas/article.ts";
import { rssXml } from "../../src/site/feeds.ts";
import { loadArticles } from "../../src/content/article-cache.ts";
import { readActors } from "../../src/content/read-content.ts";
import { cleanStrings, removeInvalidChars } from "../../src/lib/text-safety.ts";
import { article as build } from "../fixtures/site/builders.ts";

/** Each one invalid on its own (the low surrogate first, so the two never make a pair). */
const BAD = ["\u0007", "\u001b", "\u0001", "\u000b", "\u007f", "\u0085", "\ufffe", "\uffff", "\udfff", "\ud800", "\ufdd0", "\u{1fffe}"];

/** Characters XML 1.0 does not allow (its Char production). */
const NOT_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

describe("removeInvalidChars", () => {
  it.each(BAD.map((c) => [c.codePointAt(0)!.toString(16)]))("removes U+%s", (hex) => {
    const c = String.fromCodePoint(parseInt(hex, 16));
    expect(removeInvalidChars(`a${c}b`)).toBe("ab");
  });

  it("keeps tab, line ends, Arabic, emoji (a valid pair) and bidi marks in text", () => {
    const text = "a\tb\nc\r حفتر 😀 \u200f";
    expect(removeInvalidChars(text)).toBe(text);
    expect(cleanStrings({ a: [text, 1, null], b: { c: text } })).toEqual({ a: [text, 1, null], b: { c: text } });
  });
});

describe("feeds", () => {
  it("are well-formed XML whatever the text holds", () => {
    const dirty = `Title ${BAD.join("")} & <b>`;
    const xml = rssXml({
      title: dirty,
      description: dirty,
      site: "https://marsad.example.org/ar/",
      customData: "<language>ar</language>",
      items: [{ title: dirty, link: "https://marsad.example.org/ar/articles/a/", description: dirty, categories: [dirty, BAD.join("")] }],
    });
    expect(xml).not.toMatch(NOT_XML);
    expect(xml).toContain("<title>Title  &amp; &lt;b&gt;</title>");
    expect(xml).toContain("<category/>");
  });
});

describe("the site's reading of content", () => {
  const article = (): Article =>
    build("dirty-1", {
      lang: "en",
      title: "Bell\u0007 and escape\u001b[2J title\ufffe",
      source: "Wire\uffff",
      published: "2025-03-01",
      body: ["A paragraph\u0001 with a\u0085 start-of-heading\ufdd0."],
    });


  it("removes control characters and noncharacters from hand-edited or scraped article files", () => {
    const dir = mkdtempSync(join(tmpdir(), "marsad-invalid-"));
    mkdirSync(join(dir, "articles"));
    writeFileSync(join(dir, "articles", "dirty-1.md"), serializeArticle(article()));
    const [read] = loadArticles({ articlesDir: join(dir, "articles"), cacheDir: join(dir, "cache") }, { warn: () => {} });
    expect(read!.title).toBe("Bell and escape[2J title");
    expect(read!.source).toBe("Wire");
    expect(read!.body[0]).toBe("A paragraph with a start-of-heading.");
    expect(JSON.stringify(read)).not.toMatch(/\\u00(0[0-8bcef]|1[0-9a-f]|7f)|\\ud800/);
  });

  it("removes bidi overrides and control characters from knowledge-base names", () => {
    const dir = mkdtempSync(join(tmpdir(), "marsad-kb-"));
    writeFileSync(
      join(dir, "people.yaml"),
      "- id: test-person\n  type: person\n  names: { ar: \"\u202eحفتر\u202c\", en: \"Haf\u202etar\u0007\" }\n  description: { ar: وصف, en: A person }\n  provenance: { added_by: test, source: test }\n",
    );
    const [actor] = readActors(dir);
    expect(actor!.names).toEqual({ ar: "حفتر", en: "Haftar" });
  });

  it("refuses an actor id that is the name of a route, saying why", () => {
    const dir = mkdtempSync(join(tmpdir(), "marsad-kb-"));
    writeFileSync(join(dir, "people.yaml"), "- id: by-mentions\n  type: person\n  names: { ar: اسم, en: Name }\n  description: { ar: وصف, en: A person }\n  provenance: { added_by: test, source: test }\n");
    expect(() => readActors(dir)).toThrow(/actor id `by-mentions` is the name of a page/);
  });
});
