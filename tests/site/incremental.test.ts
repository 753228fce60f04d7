/**
 * Incremental rebuilds (astro.config.mjs `experimental.incrementalBuild`, src/site/page-keys.ts, the search-part
 * cache of src/site/search-index.ts): a rebuild after a change must publish exactly the bytes a cold build of the
 * same content publishes, while rendering only the pages whose data changed.
 *
 * One site is built three times in a row (the fixture without one article; with it; with an actor renamed) and
 * compared, file by file, with cold builds of the last two states in folders of their own.
 */
import { cpSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { Writable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { runBuild } from "../../src/cli/build.ts";
import type { Io } from "../../src/cli/io.ts";
import { sourceDigest } from "../../src/site/source-digest.ts";
import { buildSearchIndex } from "../../src/site/search-index.ts";
import { cacheEntryName } from "../../src/site/astro-cache-links.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const FIXTURE = join(ROOT, "tests/fixtures/site/content");
const NEW_ARTICLE = "tripoli-security-meeting.md";
/** Pages a search part in the parts check: the fixture's few dozen pages an edition then make several parts. */
const SMALL_PARTS = 6;
const work = mkdtempSync(join(tmpdir(), "incremental-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface BuildReport {
  pages_rendered: number | null;
  pages_reused: number;
  /** How the build was published: "moved" when a rebuild carried unchanged files over (src/lib/carry-over.ts). */
  published: { how: "moved" | "swapped"; files_carried?: number; files_deleted?: number; why?: string };
}

/** Builds `content` into `<name>/dist` with the cache `<name>/cache` (kept between builds of one name). */
async function build(content: string, name: string, flags: string[] = []): Promise<BuildReport> {
  let out = "";
  let err = "";
  const sink = (write: (s: string) => void) =>
    new Writable({
      write(chunk, _enc, cb) {
        write(String(chunk));
        cb();
      },
    });
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    MARSAD_CONTENT_DIR: content,
    MARSAD_OUT_DIR: join(work, name, "dist"),
    MARSAD_CACHE_DIR: join(work, name, "cache"),
    MARSAD_SITE_URL: "https://briefs.example.org",
    MARSAD_TODAY: "2025-11-01",
    ASTRO_TELEMETRY_DISABLED: "1",
  };
  const io: Io = { stdout: sink((s) => (out += s)), stderr: sink((s) => (err += s)), cwd: ROOT, env, now: () => performance.now() };
  const status = await runBuild(["--skip-ingest", "--no-cards", "--json", ...flags], io);
  if (status !== 0) throw new Error(`build ${name} failed (${status}):\n${err}`);
  return JSON.parse(out) as BuildReport;
}

/** Every file under `dir`, relative, sorted. */
function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/** Every folder under `dir`, relative, sorted. */
function folders(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => `${relative(dir, join(e.parentPath, e.name))}/`)
    .sort();
}

/** The files of two builds that differ (or exist in one only), and the folders only one has (an emptied page's). */
function differences(a: string, b: string): string[] {
  const left = files(a);
  const right = files(b);
  const all = [...new Set([...left, ...right])].sort();
  const changed = all.filter((f) => !existsSync(join(a, f)) || !existsSync(join(b, f)) || !readFileSync(join(a, f)).equals(readFileSync(join(b, f))));
  const leftFolders = new Set(folders(a));
  const rightFolders = new Set(folders(b));
  return [...changed, ...[...leftFolders].filter((d) => !rightFolders.has(d)), ...[...rightFolders].filter((d) => !leftFolders.has(d))];
}

/** Astro's copies of the keyed pages of the builds named `name` (astro.config.mjs `cacheDir`, `pages/` in it). */
function astroCache(name: string): string {
  const cache = join(work, name, "cache");
  const dirs = readdirSync(cache).filter((d) => d.startsWith("astro-") && existsSync(join(cache, d, "pages")));
  expect(dirs).toHaveLength(1);
  return join(cache, dirs[0]!, "pages");
}

/**
 * The output paths of Astro's cache for `name`, each entry checked to be the published file (one inode:
 * src/site/astro-cache-links.ts; an entry is named by its escaped output path, see `cacheEntryName`).
 */
function sharedWithCache(name: string): string[] {
  const cache = astroCache(name);
  const entries = readdirSync(cache);
  expect(entries.length).toBeGreaterThan(0);
  return entries.map((entry) => {
    const f = decodeURIComponent(entry);
    expect(cacheEntryName(f)).toBe(entry);
    expect(statSync(join(cache, entry)).ino, f).toBe(statSync(join(work, name, "dist", f)).ino);
    return f;
  });
}

/** A copy of the fixture content, optionally without the new article. */
function content(name: string, withNew: boolean): string {
  const dir = join(work, name, "content");
  cpSync(FIXTURE, dir, { recursive: true });
  if (!withNew) renameSync(join(dir, "articles", NEW_ARTICLE), join(work, name, NEW_ARTICLE));
  return dir;
}

/** Renames an actor in the English edition (the first `names: { …, en: … }` of the first actor file). */
function renameActor(dir: string): void {
  const actors = join(dir, "actors");
  const file = join(actors, readdirSync(actors).filter((f) => f.endsWith(".yaml")).sort()[0]!);
  const text = readFileSync(file, "utf8");
  const renamed = text.replace(/(names: \{[^}]*\ben: )([^,}]+?)(\s*[,}])/, "$1$2 Renamed$3");
  expect(renamed).not.toBe(text);
  writeFileSync(file, renamed);
}

describe("incremental rebuilds", () => {
  it("publish the same bytes as a cold build, rendering only the pages whose data changed", { timeout: 600_000 }, async () => {
    const inc = content("inc", false);
    // Every page key holds a digest of src/, and the builds compared run minutes apart: when the code changes while
    // this runs (a shared work tree being edited), the builds differ for that reason alone, and the test says so.
    const code = sourceDigest(ROOT);
    const sameCode = () => expect(sourceDigest(ROOT), "src/ changed while the test ran: run it again on a quiet tree").toBe(code);
    const first = await build(inc, "inc");
    expect(first.pages_reused).toBe(0);
    // The fixture fits one search part; a copy of each build is indexed again in parts of a few pages, as a large
    // site is (with a cache of its own for the incremental copy).
    const inParts = (name: string, cached: boolean) => {
      const copy = join(work, `${name}-parts`, "dist");
      rmSync(copy, { recursive: true, force: true });
      cpSync(join(work, name, "dist"), copy, { recursive: true });
      return buildSearchIndex(copy, { pagesPerBundle: SMALL_PARTS, ...(cached ? { cacheDir: join(work, `${name}-parts`, "cache") } : {}) });
    };
    await inParts("inc", true);
    // The published pages share their files with Astro's cache. A hard link to each keeps the published bytes in
    // view: a rebuild must never write into them, even for a page it renders again.
    const kept = join(work, "kept");
    mkdirSync(kept);
    const published = new Map(sharedWithCache("inc").map((f, i) => [f, { link: join(kept, String(i)), bytes: readFileSync(join(work, "inc", "dist", f)) }]));
    for (const [f, { link }] of published) linkSync(join(work, "inc", "dist", f), link);

    // One new article.
    cpSync(join(work, "inc", NEW_ARTICLE), join(inc, "articles", NEW_ARTICLE));
    const rebuilt = await build(inc, "inc");
    // Published in place: the changed files moved in, the unchanged ones carried over where they were.
    expect(rebuilt.published.how, rebuilt.published.why).toBe("moved");
    expect(rebuilt.published.files_carried).toBeGreaterThan(0);
    const renderedAgain = [...published].filter(([f, { bytes }]) => !readFileSync(join(work, "inc", "dist", f)).equals(bytes));
    expect(renderedAgain.length).toBeGreaterThan(0);
    for (const [f, { link, bytes }] of published) expect(readFileSync(link).equals(bytes), f).toBe(true);
    sharedWithCache("inc");
    const cold = await build(content("cold", true), "cold", ["--cold"]);
    expect(cold.pages_reused).toBe(0);
    sameCode();
    expect(differences(join(work, "inc", "dist"), join(work, "cold", "dist"))).toEqual([]);
    // In parts: the rebuild reuses the parts the new article left alone, and writes what a cold index writes.
    const parts = await inParts("inc", true);
    await inParts("cold", false);
    expect(parts.bundles).toBeGreaterThan(2);
    expect(parts.bundlesReused).toBeGreaterThan(0);
    expect(parts.bundlesReused).toBeLessThan(parts.bundles);
    expect(differences(join(work, "inc-parts", "dist"), join(work, "cold-parts", "dist"))).toEqual([]);
    expect(rebuilt.pages_reused).toBeGreaterThan(0);
    expect(rebuilt.pages_rendered).toBeLessThan(cold.pages_rendered!);
    expect(existsSync(join(work, "inc", "dist", "ar", "articles", NEW_ARTICLE.replace(/\.md$/, ""), "index.html"))).toBe(true);

    // Nothing changed: every keyed page is reused, and the output is still the same.
    const again = await build(inc, "inc");
    sameCode();
    expect(again.pages_reused).toBeGreaterThan(rebuilt.pages_reused);
    expect(differences(join(work, "inc", "dist"), join(work, "cold", "dist"))).toEqual([]);

    // An actor renamed: the pages naming it change, in the rebuild as in a cold build.
    renameActor(inc);
    renameActor(join(work, "cold", "content"));
    await build(inc, "inc");
    await build(join(work, "cold", "content"), "cold", ["--cold"]);
    sameCode();
    expect(differences(join(work, "inc", "dist"), join(work, "cold", "dist"))).toEqual([]);

    // An article deleted: its pages and their folders go, as a cold build never makes them.
    for (const dir of [inc, join(work, "cold", "content")]) rmSync(join(dir, "articles", NEW_ARTICLE));
    const removed = await build(inc, "inc");
    await build(join(work, "cold", "content"), "cold", ["--cold"]);
    sameCode();
    expect(removed.published.files_deleted).toBeGreaterThan(0);
    expect(existsSync(join(work, "inc", "dist", "ar", "articles", NEW_ARTICLE.replace(/\.md$/, "")))).toBe(false);
    expect(differences(join(work, "inc", "dist"), join(work, "cold", "dist"))).toEqual([]);
  });
});
