/**
 * Search parts (src/site/search-index.ts `planParts`, `editionPages`): only searchable pages are indexed; a large
 * edition's article and story pages are grouped by calendar window of their date, other pages by folder, each
 * group halved by hash when too large; a page stays in its part when pages are added elsewhere.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { editionPages, planParts, type SearchPage } from "../../src/site/search-index.ts";

const dist = mkdtempSync(join(tmpdir(), "search-parts-"));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

const page = (rel: string, date: string | null): SearchPage => ({ rel, reads: rel, date });
const partOf = (parts: ReturnType<typeof planParts>, rel: string) => parts.findIndex((p) => p.pages.some((x) => x.rel === rel));

describe("planParts", () => {
  const pages = [
    ...["a1", "a2", "a3"].map((id) => page(`ar/articles/${id}/index.html`, "2025-01-10")),
    ...["b1", "b2"].map((id) => page(`ar/articles/${id}/index.html`, "2025-03-02")),
    page("ar/stories/a1/index.html", "2025-01-11"),
    ...["x", "y"].map((id) => page(`ar/actors/${id}/index.html`, null)),
    page("ar/countries/ly/index.html", null),
  ];

  it("keeps one part for an edition that fits", () => {
    expect(planParts(pages, 100)).toEqual([{ id: "all", pages }]);
  });

  it("puts entity pages apart, by folder, and dated pages by month window", () => {
    const parts = planParts(pages, 4);
    // Every page once.
    expect(parts.flatMap((p) => p.pages.map((x) => x.rel)).sort()).toEqual(pages.map((p) => p.rel).sort());
    expect(partOf(parts, "ar/actors/x/index.html")).toBe(partOf(parts, "ar/actors/y/index.html"));
    expect(partOf(parts, "ar/countries/ly/index.html")).not.toBe(partOf(parts, "ar/actors/x/index.html"));
    // An article and its story share a part; January and March are two windows at 4 pages a part.
    expect(partOf(parts, "ar/stories/a1/index.html")).toBe(partOf(parts, "ar/articles/a1/index.html"));
    expect(partOf(parts, "ar/articles/b1/index.html")).not.toBe(partOf(parts, "ar/articles/a1/index.html"));
    // Entity parts first: the main bundle never holds the pages that change with every article.
    expect(parts[0]!.id).toMatch(/^e-/);
  });

  it("changes no other part when an article is added to one month", () => {
    const before = planParts(pages, 4);
    const after = planParts([...pages, page("ar/articles/b3/index.html", "2025-03-20")], 4);
    const changed = after.filter((p) => JSON.stringify(before.find((b) => b.id === p.id)) !== JSON.stringify(p));
    expect(changed.map((p) => p.id)).toEqual([after[partOf(after, "ar/articles/b3/index.html")]!.id]);
  });

  it("halves a window larger than a quarter part by hash", () => {
    const many = Array.from({ length: 40 }, (_, i) => page(`ar/articles/p${i}/index.html`, "2025-05-01"));
    // The month fits one part of 40, but a new article would then index all 40 pages again: 4 parts of about 10.
    const parts = planParts([...many, page("ar/actors/x/index.html", null)], 40);
    const dated = parts.filter((p) => p.id.startsWith("m"));
    expect(dated.length).toBe(4);
    expect(dated.every((p) => p.pages.length < 20)).toBe(true);
  });

  it("keeps a story with the article whose id it takes when a window is halved", () => {
    const articles = Array.from({ length: 40 }, (_, i) => page(`ar/articles/p${i}/index.html`, "2025-05-01"));
    const stories = Array.from({ length: 10 }, (_, i) => page(`ar/stories/p${i}/index.html`, "2025-05-02"));
    const parts = planParts([...articles, ...stories, page("ar/actors/x/index.html", null)], 40);
    expect(parts.filter((p) => p.id.startsWith("m")).length).toBeGreaterThan(2);
    for (let i = 0; i < 10; i++) expect(partOf(parts, `ar/stories/p${i}/index.html`)).toBe(partOf(parts, `ar/articles/p${i}/index.html`));
  });
});

describe("editionPages", () => {
  const write = (rel: string, html: string) => {
    mkdirSync(join(dist, rel, ".."), { recursive: true });
    writeFileSync(join(dist, rel), html);
  };
  const actor = (count: number) =>
    `<html lang="ar"><body><nav>n</nav><div data-pagefind-body><h1>حفتر</h1><p class="meta" data-pagefind-ignore>${count} مقالات</p><p>قائد</p></div></body></html>`;
  write("ar/index.html", "<html><body>home</body></html>");
  write("ar/articles/a1/index.html", `<html lang="ar"><body><article data-pagefind-body><div hidden data-pagefind-ignore><span data-pagefind-sort="date:2025-01-10"></span></div><h1>t</h1></article></body></html>`);
  write("ar/actors/x/index.html", actor(3));
  write("ar/pagefind/x.html", "<html><body data-pagefind-body>bundle</body></html>");

  it("lists only pages with an indexed region, with their dates", () => {
    expect(editionPages(dist, "ar").map((p) => [p.rel, p.date])).toEqual([
      ["ar/actors/x/index.html", null],
      ["ar/articles/a1/index.html", "2025-01-10"],
    ]);
  });

  it("reads an ignored element's change as no change", () => {
    const before = editionPages(dist, "ar").find((p) => p.rel === "ar/actors/x/index.html")!.reads;
    write("ar/actors/x/index.html", actor(4));
    expect(editionPages(dist, "ar").find((p) => p.rel === "ar/actors/x/index.html")!.reads).toBe(before);
    write("ar/actors/x/index.html", actor(4).replace("قائد", "قائد عسكري"));
    expect(editionPages(dist, "ar").find((p) => p.rel === "ar/actors/x/index.html")!.reads).not.toBe(before);
  });
});
