/**
 * The search-part cache of src/site/search-index.ts: a part whose pages are unchanged is copied from the cache, a
 * part with a changed page is indexed again, and either way the bundle is the one a cold index writes.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildSearchIndex, indexedRegion } from "../../src/site/search-index.ts";

const work = mkdtempSync(join(tmpdir(), "search-cache-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("indexedRegion", () => {
  const page = (body: string, aside: string) =>
    `<!doctype html><html lang="ar" dir="rtl"><head><title>t</title></head><body><nav>menu</nav><article class="a" data-pagefind-body><h1>عنوان</h1><div><p>${body}</p></div><div hidden data-pagefind-ignore><span data-pagefind-filter="country">ليبيا</span></div></article><aside>${aside}</aside></body></html>`;
  it("is what Pagefind reads: a change outside the indexed region and its tags changes nothing", () => {
    expect(indexedRegion(page("نص", "related 1"))).toBe(indexedRegion(page("نص", "related 2")));
    expect(indexedRegion(page("نص", "x"))).not.toBe(indexedRegion(page("نص آخر", "x")));
    expect(indexedRegion(page("نص", "x"))).toContain('<html lang="ar" dir="rtl">');
    expect(indexedRegion(page("نص", "x"))).toMatch(/<\/div><\/article>$/);
  });
  it("is null for a page without an indexed region", () => {
    expect(indexedRegion("<html><body><main>x</main></body></html>")).toBeNull();
  });
});

/** A tiny built site: a root page and, per edition, a home page and articles `a1`, `a2`, `b1`. */
function site(dir: string, edits: Record<string, string> = {}): void {
  const page = (path: string, text: string) => {
    mkdirSync(join(dir, path), { recursive: true });
    writeFileSync(join(dir, path, "index.html"), `<!doctype html><html lang="ar"><head><title>${text}</title></head><body><main data-pagefind-body><h1>${text}</h1><p>${text} نص المقال</p></main></body></html>`);
  };
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "index.html"), "<!doctype html><html><body>root</body></html>");
  for (const lang of ["ar", "en"]) {
    page(lang, `home ${lang}`);
    for (const id of ["a1", "a2", "b1"]) page(`${lang}/articles/${id}`, edits[`${lang}/${id}`] ?? `article ${id} ${lang}`);
  }
}

function bundles(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const lang of ["ar", "en"])
    for (const e of readdirSync(join(dir, lang), { recursive: true, withFileTypes: true }))
      if (e.isFile() && /pagefind/.test(e.parentPath)) out.set(relative(dir, join(e.parentPath, e.name)), readFileSync(join(e.parentPath, e.name)).toString("base64"));
  return out;
}

describe("buildSearchIndex with a cache", () => {
  it("reuses unchanged parts and writes what a cold index writes", { timeout: 120_000 }, async () => {
    const cache = join(work, "cache");
    const inc = join(work, "inc");
    site(inc);
    // One page a part (spread by hash): the home page and each article on its own.
    const first = await buildSearchIndex(inc, { pagesPerBundle: 1, cacheDir: cache });
    expect(first.bundlesReused).toBe(0);
    // Each entry lists its bundle's files with their identities, and a rebuild links those (no folder listing): a
    // file put into an entry by hand is not published.
    for (const entry of readdirSync(join(cache, "search")).filter((e) => /^(ar|en)-/.test(e))) {
      const meta = JSON.parse(readFileSync(join(cache, "search", entry, "meta.json"), "utf8")) as { files: Array<[string, string]> };
      const listed = readdirSync(join(cache, "search", entry, "bundle"), { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
      expect(meta.files.length).toBe(listed.length);
      expect(meta.files.every(([, id]) => /^\d+:\d+$/.test(id))).toBe(true);
      writeFileSync(join(cache, "search", entry, "bundle", "stray.txt"), "not Pagefind's");
    }

    // The same pages again (a fresh copy, as a rebuild's staging folder is): every part from the cache.
    rmSync(inc, { recursive: true, force: true });
    site(inc);
    const same = await buildSearchIndex(inc, { pagesPerBundle: 1, cacheDir: cache });
    expect(same.bundlesReused).toBe(same.bundles);
    expect([...bundles(inc).keys()].filter((f) => f.endsWith("stray.txt"))).toEqual([]);

    // One English article changed: only its part is indexed again.
    rmSync(inc, { recursive: true, force: true });
    site(inc, { "en/b1": "changed words" });
    const changed = await buildSearchIndex(inc, { pagesPerBundle: 1, cacheDir: cache });
    expect(changed.bundlesReused).toBe(changed.bundles - 1);

    const cold = join(work, "cold");
    site(cold, { "en/b1": "changed words" });
    await buildSearchIndex(cold, { pagesPerBundle: 1 });
    expect(bundles(inc)).toEqual(bundles(cold));
  });
});
