/**
 * The original url of a page: from a scraper's sidecar (it wins), the HTML canonical link or og:url, or a labelled
 * "URL: …" / «رابط المصدر: …» line. Only http(s) addresses; read-also articles embedded in a page do not get it.
 */
import { describe, expect, it } from "vitest";
import { articleFile, parseArticle } from "../../src/content/article-file.ts";
import { cleanPage, type RawPage } from "../../src/ingest/index.ts";
import { parseSidecar } from "../../src/ingest/sidecar.ts";
import { readArticleFile } from "../../src/content/fast-frontmatter.ts";
import type { Article } from "../../src/schemas/article.ts";

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const BODY = [
  "Officials reopened the northern crossing on Tuesday after a week of closure, the interior ministry said, adding that trucks with food passed first.",
  "",
  "The ministry said the crossing would stay open around the clock from now on, and that travellers would need only their identity cards.",
].join("\n");

function urls(page: RawPage): Array<string | null | undefined> {
  const result = cleanPage(page);
  if (!result.ok) throw new Error(result.reason);
  return result.articles.map((a) => a.url);
}

describe("article url", () => {
  it("comes from a labelled header line, in English or Arabic", () => {
    expect(urls({ file: "a.txt", bytes: enc(`Crossing reopens after a week of closure\n\nURL: https://example.net/news/1\n\n${BODY}`) })).toEqual(["https://example.net/news/1"]);
    const ar = "إعادة فتح المعبر الشمالي بعد أسبوع من الإغلاق\n\nرابط المصدر: https://example.net/ar/2\n\nأعادت السلطات فتح المعبر الشمالي الثلاثاء بعد أسبوع من الإغلاق، وقالت وزارة الداخلية إن الشاحنات المحملة بالغذاء عبرت أولاً.\n\nوأضافت الوزارة أن المعبر سيبقى مفتوحاً على مدار الساعة، وأن المسافرين سيحتاجون فقط إلى بطاقات الهوية.";
    expect(urls({ file: "b.txt", bytes: enc(ar) })).toEqual(["https://example.net/ar/2"]);
  });

  it("ignores a labelled line that is not an http(s) address, and a page without one has none", () => {
    expect(urls({ file: "c.txt", bytes: enc(`Crossing reopens after a week of closure\n\nURL: ftp://example.net/x\n\n${BODY}`) })).toEqual([undefined]);
  });

  it("comes from the canonical link of an HTML page, else og:url", () => {
    const html = (head: string): string =>
      `<html><head>${head}</head><body><h1>Crossing reopens after a week of closure</h1>${BODY.split("\n\n").map((p) => `<p>${p}</p>`).join("")}</body></html>`;
    expect(urls({ file: "d.html", bytes: enc(html('<link rel="canonical" href="https://example.org/c"><meta property="og:url" content="https://example.org/og">')) })).toEqual(["https://example.org/c"]);
    expect(urls({ file: "e.html", bytes: enc(html('<meta property="og:url" content="https://example.org/og">')) })).toEqual(["https://example.org/og"]);
  });

  it("comes from a sidecar first; its date fills a page without one; a broken sidecar is a warning", () => {
    const page: RawPage = {
      file: "f.txt",
      bytes: enc(`Crossing reopens after a week of closure\n\nURL: https://example.net/line\n\n${BODY}`),
      sidecar: { file: "f.json", bytes: enc('{"source": "https://example.org/side", "date": "2023-05-02", "title": "x"}') },
    };
    const result = cleanPage(page);
    expect(result.ok && result.articles.map((a) => [a.url, a.published])).toEqual([["https://example.org/side", "2023-05-02"]]);
    const broken = cleanPage({ ...page, sidecar: { file: "f.json", bytes: enc("{not json") } });
    expect(broken.ok && broken.warnings.some((w) => w.includes("f.json"))).toBe(true);
    expect(broken.ok && broken.articles[0]!.url).toBe("https://example.net/line");
  });

  it("parses trafilatura-style sidecars, keeping only http(s) addresses", () => {
    expect(parseSidecar({ file: "s.json", bytes: enc('{"url": "https://x.org/a", "sitename": "X", "date": "2024-01-31"}') })).toEqual({
      ok: true,
      meta: { url: "https://x.org/a", published: "2024-01-31", siteName: "X" },
    });
    expect(parseSidecar({ file: "s.json", bytes: enc('{"url": "javascript:alert(1)", "date": 5}') })).toEqual({
      ok: true,
      meta: { url: null, published: null, siteName: null },
    });
    expect(parseSidecar({ file: "s.json", bytes: enc("[1, 2]") }).ok).toBe(false);
  });

  it("round-trips through the article file and the site's fast reader", () => {
    const base: Article = {
      id: "a-1", lang: "en", title: "T", subtitle: null, source: null, author: null, dateline: null, published: null, seen: null,
      body: ["P."], captions: [], actors: [], countries: [], places: [], mentions: [], sources: [], secondary: false,
    };
    for (const url of ["https://example.org/a?b=1&c=2#x", "http://example.org/%D8%A7", "https://example.org/x:y/'q'"]) {
      const { text } = articleFile({ ...base, url });
      expect(parseArticle(text, "x.md").url).toBe(url);
      expect(readArticleFile(text, "x.md")).toEqual(parseArticle(text, "x.md"));
    }
  });
});
