import { existsSync, readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { htmlToPage } from "../../src/ingest/html.ts";
import { expectedJson } from "../expectation.ts";

const FIXTURES = new URL("../fixtures/ingest/html/", import.meta.url);

describe("htmlToPage: fixture pages (UPDATE=1 rewrites expected.json)", () => {
  const cases = readdirSync(FIXTURES).filter((name) => existsSync(new URL(`${name}/input.html`, FIXTURES)));
  it("has fixture pages", () => expect(cases.length).toBeGreaterThanOrEqual(6));
  for (const name of cases) {
    it(name, () => {
      const page = htmlToPage(readFileSync(new URL(`${name}/input.html`, FIXTURES), "utf8"));
      const expectedUrl = new URL(`${name}/expected.json`, FIXTURES);
      expect(page).toEqual(expectedJson(expectedUrl, page));
      expect(page.blocks.map((b) => b.text)).toEqual(page.lines);
    });
  }
});

describe("htmlToPage: rules", () => {
  it("drops invisible content and keeps the rest in order", () => {
    const page = htmlToPage(
      '<head><title>T</title></head><body><p>أ</p><script>x</script><div hidden>ب</div><p aria-hidden="true">ج</p><p>د</p></body>',
    );
    expect(page.lines).toEqual(["أ", "د"]);
  });

  it("joins inline text like a browser and breaks lines at blocks and <br>", () => {
    const page = htmlToPage("<p>كل<b>مة</b> <i>ثانية</i><br>سطر</p><li>بند</li><td>خلية</td>");
    expect(page.lines).toEqual(["كلمة ثانية", "سطر", "بند", "خلية"]);
  });

  it("gives the first h1 the title role when no article holds one", () => {
    const page = htmlToPage("<h1>عنوان</h1><h1>آخر</h1><p>نص</p>");
    expect(page.blocks.map((b) => b.role)).toEqual(["title", undefined, undefined]);
  });

  it("prefers an h1 inside <article> over a logo h1", () => {
    const page = htmlToPage("<header><h1>الموقع</h1></header><article><h1>الخبر</h1><p>نص</p></article>");
    expect(page.blocks.map((b) => [b.text, b.role])).toEqual([
      ["الموقع", "nav"],
      ["الخبر", "title"],
      ["نص", "article"],
    ]);
  });

  it("does not let a date inside running prose turn the paragraph into a time line", () => {
    const prose = `${"نص طويل عن الأحداث الجارية في المنطقة ".repeat(4)}<time datetime="2025-02-05">أمس</time> ثم تابع.`;
    const page = htmlToPage(`<article><p>${prose}</p><p>نشر في <time datetime="2025-02-06">6 فبراير 2025</time></p></article>`);
    expect(page.blocks.map((b) => b.role)).toEqual(["article", "time"]);
  });

  it("reads metadata in priority order", () => {
    const page = htmlToPage(
      '<meta name="date" content="2019-01-01"><meta property="article:published_time" content="2020-02-02">' +
        '<script type="application/ld+json">{"@type":"Article","datePublished":"2021-03-03"}</script>',
    );
    expect(page.meta.published).toBe("2020-02-02");
    expect(htmlToPage('<meta name="date" content="2019-01-01"><script type="application/ld+json">{"@type":"Article","datePublished":"2021-03-03"}</script>').meta.published).toBe("2021-03-03");
    expect(htmlToPage('<meta name="DC.date.issued" content="2019-01-01"><article><time datetime="2018-05-05">x</time></article>').meta.published).toBe("2019-01-01");
    expect(htmlToPage('<article><time datetime="2018-05-05">x</time></article>').meta.published).toBe("2018-05-05");
  });

  it("never throws, whatever the markup", () => {
    const pieces = fc.constantFrom(
      "<p>", "</p>", "<div class='related'>", "</div>", "<br>", "<script>", "</script>", "<!--", "-->", "<", ">", "&", "&amp;",
      "&#", "نص", " ", "\n", "<article>", "<h1>", "<time datetime='2020-01-01'>", '<script type="application/ld+json">{',
      "<svg>", "<table><tr><td>", "<![CDATA[", "]]>", "<!DOCTYPE html>", "<P>", "</P>", "<a rel=author>",
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string({ maxLength: 5 })), { maxLength: 40 }), (parts) => {
        const page = htmlToPage(parts.join(""));
        expect(page.blocks.map((b) => b.text)).toEqual(page.lines);
        for (const line of page.lines) expect(line).toBe(line.trim());
      }),
      { numRuns: 500 },
    );
  });

  it("survives very deep nesting", () => {
    const page = htmlToPage(`${"<div>".repeat(20000)}عميق${"</div>".repeat(20000)}`);
    expect(page.lines).toEqual(["عميق"]);
  });
});
