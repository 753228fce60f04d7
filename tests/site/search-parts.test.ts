/**
 * Search parts (src/site/search-index.ts `partGlobs`): a large edition's article and story pages are spread over the
 * parts by the first character of their id, counted together; every other page stays in the first part.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { partGlobs } from "../../src/site/search-index.ts";

const dist = mkdtempSync(join(tmpdir(), "stories-search-parts-"));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

function page(path: string): void {
  mkdirSync(join(dist, path), { recursive: true });
  writeFileSync(join(dist, path, "index.html"), "<html></html>");
}

describe("partGlobs", () => {
  for (const id of ["0a1", "1b2", "2c3", "3d4"]) page(`ar/articles/${id}`);
  for (const id of ["0a1", "1e5", "2f6", "5a7"]) page(`ar/stories/${id}`);
  page("ar/actors/khalifa-haftar");
  writeFileSync(join(dist, "ar/stories/rss.xml"), "<rss/>");
  writeFileSync(join(dist, "ar/index.html"), "<html></html>");

  it("spreads story pages over the parts as articles are, and counts them to decide how many parts", () => {
    // 4 articles + 4 stories, 2 a part: 4 parts. Articles alone would have made 2.
    const parts = partGlobs(dist, "ar", 2);
    expect(parts.length).toBe(4);
    const all = parts.flat();
    expect(parts[0]).toEqual(expect.arrayContaining(["ar/actors/**/*.{html}", "ar/index.html"]));
    expect(all.filter((g) => g.startsWith("ar/stories/")).sort()).toEqual(["ar/stories/0*/**/*.{html}", "ar/stories/1*/**/*.{html}", "ar/stories/2*/**/*.{html}", "ar/stories/5*/**/*.{html}"]);
    expect(all).not.toContain("ar/stories/**/*.{html}");
    // A story and an article sharing a first character share a part.
    const partOf = (glob: string) => parts.findIndex((g) => g.includes(glob));
    expect(partOf("ar/stories/0*/**/*.{html}")).toBe(partOf("ar/articles/0*/**/*.{html}"));
    expect(new Set(all).size).toBe(all.length);
  });

  it("keeps one part with everything for a small edition", () => {
    expect(partGlobs(dist, "ar", 100)).toEqual([["ar/**/*.{html}"]]);
  });
});
