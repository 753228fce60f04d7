/**
 * Page stamps of the search stage (src/site/search-stamps.ts, used by `editionPages` and `buildSearchIndex` in
 * src/site/search-index.ts): a page whose file keeps its stamp (device, inode, size, time) is not read again; any
 * other page is, so a stale entry never makes a changed part look unchanged.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { buildSearchIndex, editionPages } from "../../src/site/search-index.ts";
import { pageStamps } from "../../src/site/search-stamps.ts";

const work = mkdtempSync(join(tmpdir(), "search-stamps-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A minute ago, and a minute before that: both settled (written long enough before a scan). */
const PAST = new Date(Date.now() - 60_000);
const EARLIER = new Date(Date.now() - 120_000);

const html = (text: string) => `<!doctype html><html lang="ar"><head><title>${text}</title></head><body><main data-pagefind-body><h1>${text}</h1><p>${text} نص</p></main></body></html>`;

/** Writes a page of `text` at `rel` under `dir` and dates it `when`. */
function page(dir: string, rel: string, text: string, when: Date = PAST): void {
  mkdirSync(join(dir, rel, ".."), { recursive: true });
  writeFileSync(join(dir, rel), html(text));
  utimesSync(join(dir, rel), when, when);
}

/** A built site: a root page and, per edition, a home page and articles `a1`, `a2`, `b1`. */
function site(dir: string, edits: Record<string, string> = {}): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "index.html"), "<!doctype html><html><body>root</body></html>");
  for (const lang of ["ar", "en"]) {
    page(dir, `${lang}/index.html`, `home ${lang}`);
    for (const id of ["a1", "a2", "b1"]) page(dir, `${lang}/articles/${id}/index.html`, edits[`${lang}/${id}`] ?? `article ${id} ${lang}`);
  }
}

/** The digest `editionPages` gives `rel` of edition `ar`. */
const readsOf = (dir: string, rel: string, stamps?: ReturnType<typeof pageStamps>) => editionPages(dir, "ar", stamps).find((p) => p.rel === rel)!.reads;

describe("editionPages with page stamps", () => {
  const dir = join(work, "pages");
  const file = join(work, "pages-stamps.json");
  const rel = "ar/articles/a1/index.html";
  beforeEach(() => rmSync(file, { force: true }));
  /** One scan with the stamps stored in `file`, saved after it. */
  const scan = (version = "v1", fresh = false) => {
    const stamps = pageStamps(file, version, { fresh });
    const reads = readsOf(dir, rel, stamps);
    stamps.save();
    return reads;
  };
  /** Rewrites `rel` in place (same inode) with text of the same length, and gives it time `when`. */
  const rewrite = (text: string, when: Date) => {
    const path = join(dir, rel);
    const ino = statSync(path).ino;
    writeFileSync(path, html(text));
    utimesSync(path, when, when);
    expect(statSync(path).ino).toBe(ino);
  };

  it("does not read a page whose stamp is unchanged", () => {
    site(dir);
    const first = scan();
    // Same inode, size and time, other text (a file changed behind the stamp's back): the stored digest is used,
    // which shows the page was not read.
    rewrite("article a9 ar", PAST);
    expect(scan()).toBe(first);
    expect(readsOf(dir, rel)).not.toBe(first);
  });

  it("reads again a page of the same size with a new time", () => {
    site(dir);
    const first = scan();
    rewrite("article a9 ar", EARLIER);
    const second = scan();
    expect(second).not.toBe(first);
    expect(second).toBe(readsOf(dir, rel));
  });

  it("reads again a new file in the old one's place, even with its size and time (inode numbers are reused)", () => {
    site(dir);
    scan();
    const other = join(work, "other.html");
    writeFileSync(other, html("article a9 ar"));
    rmSync(join(dir, rel));
    cpSync(other, join(dir, rel), { preserveTimestamps: true });
    utimesSync(join(dir, rel), PAST, PAST);
    expect(scan()).toBe(readsOf(dir, rel));
  });

  it("keeps no stamp of a page written just before the scan (its time may not change on the next write)", () => {
    site(dir);
    const now = new Date();
    rewrite("article a1 ar", now);
    scan();
    rewrite("article a9 ar", now);
    expect(scan()).toBe(readsOf(dir, rel));
  });

  it("ignores stamps stored by other code, and all of them when fresh", () => {
    site(dir);
    scan("v1");
    rewrite("article a9 ar", PAST);
    expect(scan("v2")).toBe(readsOf(dir, rel));
    // v2 stored the new text's digest under the unchanged stamp; the old text comes back behind it.
    rewrite("article a1 ar", PAST);
    expect(scan("v2", true)).toBe(readsOf(dir, rel));
  });

  it("ignores an unreadable store", () => {
    site(dir);
    writeFileSync(file, "{ not json");
    expect(scan()).toBe(readsOf(dir, rel));
    writeFileSync(file, JSON.stringify({ version: "v1", pages: { [rel]: "wrong shape" } }));
    expect(scan()).toBe(readsOf(dir, rel));
  });
});

function bundles(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const lang of ["ar", "en"])
    for (const e of readdirSync(join(dir, lang), { recursive: true, withFileTypes: true }))
      if (e.isFile() && /pagefind/.test(e.parentPath)) out.set(relative(dir, join(e.parentPath, e.name)), readFileSync(join(e.parentPath, e.name)).toString("base64"));
  return out;
}

describe("buildSearchIndex with page stamps", () => {
  it("indexes again the part of a page changed under the same size, and writes what a cold index writes", { timeout: 120_000 }, async () => {
    const cache = join(work, "cache");
    const inc = join(work, "inc");
    site(inc);
    await buildSearchIndex(inc, { pagesPerBundle: 1, cacheDir: cache });
    const same = await buildSearchIndex(inc, { pagesPerBundle: 1, cacheDir: cache });
    expect(same.bundlesReused).toBe(same.bundles);

    // Same length, in place, an older time than before: only a new stamp tells.
    const path = join(inc, "en/articles/b1/index.html");
    writeFileSync(path, html("article b9 en"));
    utimesSync(path, EARLIER, EARLIER);
    const changed = await buildSearchIndex(inc, { pagesPerBundle: 1, cacheDir: cache });
    expect(changed.bundlesReused).toBe(changed.bundles - 1);

    const cold = join(work, "cold");
    site(cold, { "en/b1": "article b9 en" });
    await buildSearchIndex(cold, { pagesPerBundle: 1 });
    expect(bundles(inc)).toEqual(bundles(cold));
  });
});
