/**
 * Builds the Pagefind search index of a built site through Pagefind's Node API (the binary ships inside the npm
 * package: nothing is downloaded). Each edition has its own index: `<dist>/ar/pagefind/` and `<dist>/en/pagefind/`.
 *
 * Only searchable pages are given to Pagefind: those with a `data-pagefind-body` region (articles, stories, actor
 * and country pages), read once here and handed over one by one (`addHTMLFile`), so lists, briefs and navigation
 * cost nothing and never flood results. (A site where no page marks a region is indexed whole, as Pagefind does.)
 * Article pages add a hidden block of normalised clitic-stripped words (Pagefind indexes `hidden` content; readers
 * and screen readers never see it) so «حفتر» finds «لحفتر».
 *
 * Memory: a Pagefind process holds every page it indexes until it writes its bundle, about 190 KB a page (one
 * edition of a 10,000-article site, 11,000 pages, took 2.1 GB). So a large edition is indexed in parts, each by its
 * own Pagefind process (`planParts`; two at a time, `INDEX_LANES`), written next to the main bundle as
 * `<lang>/pagefind-<k>/` and listed in `<lang>/pagefind/parts.json`; the search page merges them into the main
 * index (Pagefind's `mergeIndex`), so readers search one index. Parts are cut so that pages that change together
 * share a part and stable pages sit apart: entity pages (actors, countries) in parts of their own, article and story
 * pages by calendar window of their date. A rebuild then indexes again only the parts whose indexed text changed
 * (see `indexPartCached`), and reads only the pages whose files are not those of the last build (`search-stamps.ts`).
 */
import { createHash } from "node:crypto";
import { cpSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import * as pagefind from "pagefind";
import { z } from "zod";
import { readCacheFile } from "../lib/cache.ts";
import type { CarryOver } from "../lib/carry-over.ts";
import { moduleVersion } from "../lib/code-version.ts";
import { LANGS } from "./locale.ts";
import { fileStamp, pageStamps, type PageFacts, type PageStamps } from "./search-stamps.ts";

/**
 * Pages one Pagefind process indexes at most (a soft bound: hash halves are not exactly even). Memory alone allowed
 * 4,000 (about 0.8 GB); 1,000 keeps a rebuild's re-indexed parts small while the search page merges a few dozen
 * parts an edition at 10,000 articles.
 */
export const PAGES_PER_BUNDLE = 1000;
/** Edition folders of dated pages (one folder per id), grouped by the calendar window of their date. */
const DATED_FOLDERS = ["articles", "stories"] as const;
/** Widest calendar window of dated pages, in months (2^4): wider windows would re-index more on a rebuild. */
const MAX_WINDOW_LOG2 = 4;
/**
 * Entity parts hold at most this share of `pagesPerBundle`. A new article changes the parts of the actor pages it
 * adds (an actor's first article makes its page searchable) or re-dates; at 2,000 articles one new article changed
 * 5 actor pages, and with parts of up to 1,000 both actor parts of each edition (2,700 of the 3,200 pages indexed
 * again). Halving them about halves that; smaller still would add parts for the search page to merge.
 */
const ENTITY_SHARE = 0.5;
/**
 * Dated parts hold at most this share of `pagesPerBundle`. A new article changes the part of its calendar window
 * that holds its page (and its story's, see `slotKey`), and that part is indexed again. A Pagefind process costs
 * about 0.2 s to start and write plus 5 ms a page (10,000 articles: a month of 690 pages took 3.5 s, a quarter of it
 * 1.0 s), so a quarter share cuts a one-article rebuild's search by about 2 s; the search page merges more parts
 * (82 an edition at 10,000 articles, against 37: it asks for them all at once, src/site/search-client.ts), and a cold
 * build indexes as many more (its time measured the same: 43.5 s against 42.2 s).
 */
const DATED_SHARE = 0.25;
/** The page stamps of the last build, in `<cacheDir>/search/` beside the parts (whose entries are `<lang>-<part>`). */
const STAMPS_FILE = "page-stamps.json";
/**
 * Parts indexed at once, each by a Pagefind process of its own (at most one a CPU): a Pagefind process uses one
 * CPU, and a rebuild that indexes a few parts again, or a cold build, then uses two. Memory allows it: a part holds
 * at most PAGES_PER_BUNDLE pages (about 190 MB).
 */
const INDEX_LANES = 2;
/** The list of an edition's extra bundles, in its main bundle folder. */
export const PARTS_FILE = "parts.json";

/** A searchable page of an edition: its path (relative to the site root), what Pagefind reads of it, its date. */
export interface SearchPage {
  rel: string;
  /** A digest of what Pagefind reads of it: its indexed region (`indexedRegion`, ignored elements reduced to their ids), or the whole page. */
  reads: string;
  /** `YYYY-MM-DD` of its `data-pagefind-sort="date:…"`, for article and story pages; null otherwise. */
  date: string | null;
}

/** One Pagefind process's pages; `id` names the part stably across builds (its cache entry). */
export interface SearchPart {
  id: string;
  pages: SearchPage[];
}

const SORT_DATE = /data-pagefind-sort="date:(\d{4}-\d{2}-\d{2})"/;

/**
 * The searchable pages of edition `lang` (sorted by path). When no page has an indexed region Pagefind indexes every
 * page whole, and so every HTML page is returned with its whole text.
 *
 * With `stamps`, a page whose file has the stamp it had in an earlier build is not read again (`search-stamps.ts`).
 * With `carry`, the pages of the site are those staged in `distDir` and those carried over from the published site.
 */
export function editionPages(distDir: string, lang: string, stamps?: PageStamps, carry?: CarryOver): SearchPage[] {
  const at = pathIn(distDir, carry);
  // Only the digests are kept: an edition's pages together are hundreds of MB at 10,000 articles.
  const read = htmlFilesOf(distDir, lang, carry).map((rel) => {
    const path = at(rel);
    if (!stamps) return { rel, ...pageFacts(rel, readFileSync(path, "utf8")) };
    const stamp = fileStamp(path, stamps.settledBefore);
    const known = stamps.get(rel, stamp.stamp);
    if (known) return { rel, ...known };
    const facts = pageFacts(rel, readFileSync(path, "utf8"));
    stamps.set(rel, stamp, facts);
    return { rel, ...facts };
  });
  if (read.every((p) => p.region === null)) return read.map(({ rel, date }) => ({ rel, reads: sha(readFileSync(at(rel), "utf8")), date }));
  return read.filter((p) => p.region !== null).map(({ rel, region, date }) => ({ rel, reads: region!, date }));
}

const sha = (text: string) => createHash("sha256").update(text).digest("base64url");

/** What the search stage keeps of a page: the digest of what Pagefind reads of it (null: no region), its date. */
function pageFacts(rel: string, html: string): PageFacts {
  const pieces = regionPieces(html);
  const region = pieces && `${pieces.tags}\n${withoutIgnored(pieces.body)}`;
  const dated = (DATED_FOLDERS as readonly string[]).includes(rel.split("/")[1] ?? "");
  return { region: region === null ? null : sha(region), date: dated ? (SORT_DATE.exec(region ?? html)?.[1] ?? null) : null };
}

/** Where the site's file `rel` is: in `distDir`, or, carried over, in the published site. */
function pathIn(distDir: string, carry?: CarryOver): (rel: string) => string {
  return carry ? (rel) => carry.pathOf(rel) : (rel) => join(distDir, rel);
}

/** A path in an edition's Pagefind bundles (`<lang>/pagefind…/…`), which are not pages to index. */
const BUNDLE_PATH = /^[^/]+\/pagefind(-\d+)?\//;

/**
 * The HTML files of edition `lang` (paths relative to `distDir`, sorted), its Pagefind bundles left out, with those
 * carried over (`carry`). One folder listing at a time: the recursive `readdirSync` with entry types cost twice as
 * much on 12,000 page folders.
 */
function htmlFilesOf(distDir: string, lang: string, carry?: CarryOver): string[] {
  const out: string[] = [];
  if (carry) for (const [rel] of carry.entries()) if (rel.startsWith(`${lang}/`) && rel.endsWith(".html") && !BUNDLE_PATH.test(rel)) out.push(rel);
  const walk = (dir: string, rel: string, top: boolean): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) {
        if (!(top && /^pagefind(-\d+)?$/.test(e.name))) walk(join(dir, e.name), `${rel}${e.name}/`, false);
      } else if (e.isFile() && e.name.endsWith(".html")) out.push(`${rel}${e.name}`);
    }
  };
  if (existsSync(join(distDir, lang))) walk(join(distDir, lang), `${lang}/`, true);
  return out.sort();
}

/** 0..2^bits-1 from a key: spreads pages evenly and keeps a page in its slot from build to build. */
function slot(key: string, bits: number): number {
  return bits === 0 ? 0 : createHash("sha256").update(key).digest().readUInt32BE(0) >>> (32 - bits);
}

/**
 * What places a page in a hash part: a dated page's id (its folder name), so that a story shares its slot with its
 * first article, whose id it takes (src/stories/group.ts): a new article that starts a story changes one part, not
 * two. Other pages: their path.
 */
function slotKey(page: SearchPage): string {
  const id = page.rel.split("/")[2];
  return page.date !== null && id !== undefined ? id : page.rel;
}

/** Halvings that bring `count` pages to at most `size` a part. */
function halvings(count: number, size: number): number {
  let bits = 0;
  while (bits < 8 && count / 2 ** bits > size) bits++;
  return bits;
}

/** `pages` spread over 2^k parts by hash (k from their count), ids `<prefix>h<i>of<n>`. */
function hashSplit(prefix: string, pages: SearchPage[], size: number): SearchPart[] {
  const bits = halvings(pages.length, size);
  const parts: SearchPart[] = Array.from({ length: 2 ** bits }, (_, i) => ({ id: `${prefix}h${i}of${2 ** bits}`, pages: [] }));
  for (const p of pages) parts[slot(slotKey(p), bits)]!.pages.push(p);
  return parts.filter((p) => p.pages.length > 0);
}

/**
 * Pure: the parts of an edition's pages, the first one the main bundle. An edition that fits `size` is one part.
 * Otherwise the pages without a date (entity pages: an actor's changes only when its own text does) are spread by
 * hash over parts of their own, one group an edition folder, and article and story pages are grouped by an aligned window of 2^j
 * months of their date (j the widest, up to MAX_WINDOW_LOG2, whose windows all fit `size`), a window larger than
 * a DATED_SHARE of `size` being halved by hash (by id: `slotKey`). Window edges are calendar months, so an article
 * added on any day changes the pages of one window only, and a new article that starts a story shares its part.
 */
export function planParts(pages: readonly SearchPage[], size = PAGES_PER_BUNDLE): SearchPart[] {
  if (pages.length <= size) return [{ id: "all", pages: [...pages] }];
  const monthOf = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
  const dated = pages.filter((p) => p.date !== null);
  const undated = pages.filter((p) => p.date === null);
  const months = new Map<number, number>();
  for (const p of dated) months.set(monthOf(p.date!), (months.get(monthOf(p.date!)) ?? 0) + 1);
  let j = MAX_WINDOW_LOG2;
  const fits = (log2: number) => {
    const windows = new Map<number, number>();
    for (const [m, n] of months) windows.set(m >> log2, (windows.get(m >> log2) ?? 0) + n);
    return [...windows.values()].every((n) => n <= size);
  };
  while (j > 0 && !fits(j)) j--;
  const windows = new Map<number, SearchPage[]>();
  for (const p of dated) {
    const w = monthOf(p.date!) >> j;
    const list = windows.get(w);
    if (list) list.push(p);
    else windows.set(w, [p]);
  }
  // Undated pages by edition folder: actor pages apart from the few country pages, which change with most articles.
  const folders = new Map<string, SearchPage[]>();
  for (const p of undated) {
    const folder = p.rel.split("/").length > 3 ? p.rel.split("/")[1]! : "top";
    const list = folders.get(folder);
    if (list) list.push(p);
    else folders.set(folder, [p]);
  }
  const parts = [...folders.keys()].sort().flatMap((folder) => hashSplit(`e-${folder}-`, folders.get(folder)!, Math.max(1, Math.round(size * ENTITY_SHARE))));
  for (const w of [...windows.keys()].sort((a, b) => a - b)) {
    const first = w << j;
    const label = `${Math.floor(first / 12)}-${String((first % 12) + 1).padStart(2, "0")}`;
    parts.push(...hashSplit(`m${label}x${2 ** j}`, windows.get(w)!, Math.max(1, Math.round(size * DATED_SHARE))));
  }
  return parts;
}

/** The parts of edition `lang` of the site in `distDir`, as `planParts` cuts them. */
export function searchParts(distDir: string, lang: string, pagesPerBundle = PAGES_PER_BUNDLE, stamps?: PageStamps, carry?: CarryOver): SearchPart[] {
  return planParts(editionPages(distDir, lang, stamps, carry), pagesPerBundle);
}

/**
 * Indexes the searchable pages of each edition under `distDir` and writes `<distDir>/<lang>/pagefind/` (and its
 * parts).
 *
 * With `cacheDir`, a part whose pages read the same as those of a part indexed before is not indexed again: its
 * bundle is hard-linked (or copied) from `<cacheDir>/search/` (see `indexPartCached`). `force` indexes every part
 * (and refreshes the cache).
 *
 * With `carry` (a rebuild staging only what changed, src/lib/carry-over.ts), `distDir` is the staging folder: pages
 * carried over are read from the published site, and a reused bundle's files that the published site already has are
 * carried over too.
 */
export async function buildSearchIndex(
  distDir: string,
  options: { pagesPerBundle?: number; cacheDir?: string; force?: boolean; carry?: CarryOver } = {},
): Promise<{ pages: number; bundles: number; seconds: number; bundlesReused: number }> {
  const started = performance.now();
  const { carry } = options;
  const at = pathIn(distDir, carry);
  if (!existsSync(at("index.html"))) {
    throw new Error(`${distDir}: no built site here (index.html is missing). Run \`astro build\` first, or pass the site's output directory.`);
  }
  // What each page read as in the last build, by file stamp; a cold build (`force`) reads every page.
  const stamps = options.cacheDir ? pageStamps(join(options.cacheDir, "search", STAMPS_FILE), currentIndexerVersion(), { fresh: options.force }) : undefined;
  // Parts to index (each with its page count, to start the largest first) and reused parts to link.
  const jobs: Array<{ pages: number; run: (lane: PagefindApi) => Promise<{ pages: number; reused: boolean }> }> = [];
  const reuses: Array<() => { pages: number; reused: boolean }> = [];
  const editions: Array<{ lang: string; extra: string[]; used: Set<string> }> = [];
  for (const lang of LANGS) {
    const editionDir = join(distDir, lang);
    if (!existsSync(editionDir)) continue;
    for (const e of readdirSync(editionDir)) if (/^pagefind(-\d+)?$/.test(e)) rmSync(join(editionDir, e), { recursive: true, force: true });
    const parts = searchParts(distDir, lang, options.pagesPerBundle, stamps, carry);
    const edition = { lang, extra: [] as string[], used: new Set<string>() };
    editions.push(edition);
    for (const [k, part] of parts.entries()) {
      const folder = k === 0 ? "pagefind" : `pagefind-${k}`;
      const entry = `${lang}-${part.id}`;
      edition.used.add(entry);
      if (k > 0) edition.extra.push(folder);
      const output = { path: join(editionDir, folder), rel: `${lang}/${folder}` };
      if (!options.cacheDir) {
        jobs.push({ pages: part.pages.length, run: (lane) => indexPart(lane, at, part.pages, output.path).then((pages) => ({ pages, reused: false })) });
        continue;
      }
      const cacheEntry = join(options.cacheDir, "search", entry);
      const digest = partDigest(part.pages);
      const known = options.force ? null : cachedPart(cacheEntry, digest);
      if (known !== null) reuses.push(() => (linkBundle(join(cacheEntry, "bundle"), known.files, output.path, carry && { over: carry, rel: output.rel }), { pages: known.pages, reused: true }));
      else jobs.push({ pages: part.pages.length, run: (lane) => indexPartCached(lane, at, part.pages, output.path, cacheEntry, digest) });
    }
  }
  // The largest parts first, so that the lanes end together; reused parts are linked while Pagefind indexes, one
  // part a turn of the event loop, so that pages keep flowing to the Pagefind processes (a rebuild links some 70
  // parts, half a second, and indexes a few).
  jobs.sort((a, b) => b.pages - a.pages);
  const indexing = jobs.length ? inLanes(jobs.map((j) => j.run), await pagefindLanes(Math.min(INDEX_LANES, availableParallelism(), jobs.length))) : Promise.resolve([]);
  const linked: Array<{ pages: number; reused: boolean }> = [];
  try {
    for (const link of reuses) {
      linked.push(link());
      await new Promise((resolve) => setImmediate(resolve));
    }
  } catch (error) {
    // No Pagefind process is left writing into a folder being removed.
    await indexing.catch(() => {});
    throw error;
  }
  const done = [...(await indexing), ...linked];
  for (const { lang, extra, used } of editions) {
    mkdirSync(join(distDir, lang, "pagefind"), { recursive: true });
    writeFileSync(join(distDir, lang, "pagefind", PARTS_FILE), `${JSON.stringify({ parts: extra })}\n`);
    // Entries of parts this edition no longer has (another cut, an older layout) would only fill the disk.
    if (options.cacheDir) pruneCache(join(options.cacheDir, "search"), lang, used);
  }
  const pages = done.reduce((n, d) => n + d.pages, 0);
  const bundles = done.length;
  const bundlesReused = done.filter((d) => d.reused).length;
  stamps?.save();
  return { pages, bundles, bundlesReused, seconds: (performance.now() - started) / 1000 };
}

/** Pagefind's Node API: each instance of its module drives a Pagefind process of its own. */
type PagefindApi = typeof pagefind;

/**
 * `count` instances of Pagefind's module, so that as many parts are indexed at once (the module keeps one process
 * for all its indexes, and that process handles one request at a time). The first is the module imported above;
 * each other is the same file imported under another URL, which Node loads as a module of its own.
 */
async function pagefindLanes(count: number): Promise<PagefindApi[]> {
  const lanes: PagefindApi[] = [pagefind];
  try {
    for (let k = 1; k < count; k++) lanes.push((await import(`${import.meta.resolve("pagefind")}?lane=${k}`)) as PagefindApi);
  } catch {
    // A loader without `import.meta.resolve` or query strings (a bundle): one part at a time, as correct.
  }
  return lanes;
}

/**
 * Runs `jobs` on `lanes`, each lane one job at a time, and returns their results in order. After a failure no job
 * starts, and the error is thrown once the running ones are done (none is left writing into a folder being removed).
 */
export async function inLanes<L, T>(jobs: ReadonlyArray<(lane: L) => Promise<T>>, lanes: readonly L[]): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  let failed = false;
  const settled = await Promise.allSettled(
    lanes.map(async (lane) => {
      while (!failed && next < jobs.length) {
        const k = next++;
        try {
          results[k] = await jobs[k]!(lane);
        } catch (error) {
          failed = true;
          throw error;
        }
      }
    }),
  );
  for (const s of settled) if (s.status === "rejected") throw s.reason;
  return results;
}

/** Removes the cache entries of edition `lang` not in `used`. */
function pruneCache(searchCache: string, lang: string, used: ReadonlySet<string>): void {
  if (!existsSync(searchCache)) return;
  for (const e of readdirSync(searchCache)) if (e.startsWith(`${lang}-`) && !used.has(e) && !e.includes(".next-")) rmSync(join(searchCache, e), { recursive: true, force: true });
}

let indexerVersion: string | undefined;
/** Pagefind's version and this module's code with what it imports: a bundle made by another indexer is never reused. */
function currentIndexerVersion(): string {
  if (indexerVersion) return indexerVersion;
  const hash = createHash("sha256");
  try {
    hash.update(readFileSync(new URL(import.meta.resolve("pagefind/package.json"))));
  } catch {
    hash.update("pagefind");
  }
  hash.update(moduleVersion(import.meta.url) ?? "bundled");
  return (indexerVersion = hash.digest("hex"));
}

const BODY_OPEN = /<([a-zA-Z][\w-]*)(?=[^>]*\sdata-pagefind-body[\s=>])[^>]*>/;
const IGNORE_OPEN = /<([a-zA-Z][\w-]*)(?=[^>]*\sdata-pagefind-ignore[\s=>])[^>]*>/g;
/** A tag with a filter, sort, metadata or weight attribute (not only `-body`/`-ignore`), with the text after it. */
const PAGEFIND_TAG = /<[^>]*\sdata-pagefind-(?!body[\s=>]|ignore[\s=>])[^>]*>[^<]*/g;
const HEADING = /<h1\b[\s\S]*?<\/h1>/g;
const HTML_TAG = /<html\b[^>]*>/;
const IMAGE = /<img\b[^>]*>/g;

/** Where the element whose opening tag (`name`) ends at `from` closes (after its end tag), or `html.length`. */
function elementEnd(html: string, name: string, from: number): number {
  const tag = new RegExp(`<(/?)${name}\\b[^>]*>`, "gi");
  tag.lastIndex = from;
  let depth = 1;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    if (m[1]) depth--;
    else if (!m[0].endsWith("/>")) depth++;
    if (depth === 0) return m.index + m[0].length;
  }
  return html.length;
}

/**
 * What Pagefind reads of a page that marks its indexed region (`data-pagefind-body`), in two pieces: `tags`, the
 * `<html>` tag (language), every `<h1>` and `<img>` (the default title and image), and every tag with a filter, sort
 * or metadata attribute with the text after it (those may sit anywhere); and `body`, the region itself. Null for a
 * page without the region, which Pagefind leaves out of an index that has such pages.
 */
function regionPieces(html: string): { tags: string; body: string } | null {
  const open = BODY_OPEN.exec(html);
  if (!open) return null;
  const end = elementEnd(html, open[1]!, open.index + open[0].length);
  const tags = [HTML_TAG.exec(html)?.[0] ?? "", ...(html.match(HEADING) ?? []), ...(html.match(IMAGE) ?? []), ...(html.match(PAGEFIND_TAG) ?? [])];
  return { tags: tags.join("\n"), body: html.slice(open.index, end) };
}

/**
 * What Pagefind reads of a page (`regionPieces`, joined), or null for a page without an indexed region. A page's
 * related-articles list, navigation or footer then changes no part's digest.
 */
export function indexedRegion(html: string): string | null {
  const pieces = regionPieces(html);
  return pieces && `${pieces.tags}\n${pieces.body}`;
}

/**
 * An indexed region without its `data-pagefind-ignore` elements. Pagefind's bundle does not depend on them at all
 * (checked: a page with an ignored section, with ids inside it, and the page without it give byte-identical
 * bundles); their filters and metadata are among the page's tags. An actor page's counts and lists, marked
 * ignored, then leave its digest alone when a new article names it.
 */
export function withoutIgnored(body: string): string {
  let out = "";
  let at = 0;
  IGNORE_OPEN.lastIndex = 0;
  for (let m = IGNORE_OPEN.exec(body); m; m = IGNORE_OPEN.exec(body)) {
    const end = elementEnd(body, m[1]!, m.index + m[0].length);
    out += body.slice(at, m.index);
    at = end;
    IGNORE_OPEN.lastIndex = end;
  }
  return out + body.slice(at);
}

/** A digest of what a part indexes (a part's bundle depends on nothing else): each page's path and what Pagefind reads. */
function partDigest(pages: readonly SearchPage[]): string {
  const hash = createHash("sha256").update(currentIndexerVersion());
  for (const { rel, reads } of pages) hash.update(rel).update("\0").update(reads).update("\0");
  return hash.digest("hex");
}

/**
 * Hard-links every file of `from` into `to` (its folders made as files need them), copying where a link cannot be
 * made (another file system). With `carry`, a file the published site already has at the same place (`rel`, the
 * path of `to` in the site) is carried over instead.
 */
function linkTree(from: string, to: string, carry?: { over: CarryOver; rel: string }): void {
  let made = false;
  for (const e of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, e.name);
    const target = join(to, e.name);
    if (e.isDirectory()) linkTree(source, target, carry && { over: carry.over, rel: `${carry.rel}/${e.name}` });
    else if (e.isFile()) {
      if (carry?.over.carry(`${carry.rel}/${e.name}`, source)) continue;
      if (!made) mkdirSync(to, { recursive: true });
      made = true;
      try {
        linkSync(source, target);
      } catch {
        cpSync(source, target);
      }
    }
  }
}

/**
 * A cache entry's `meta.json`: the digest of its pages, their count and (since it was added) its bundle's files, each
 * with its path in the bundle and its identity (`dev:ino`), so that a rebuild links or carries them without listing
 * the folders or reading their inodes again. The entry's files are never rewritten in place (it is replaced whole,
 * renamed into place), so the identities hold while the entry does.
 */
const PartMeta = z.object({ digest: z.string(), pages: z.number(), files: z.array(z.tuple([z.string(), z.string()])).optional() });
type PartMeta = z.infer<typeof PartMeta>;

/**
 * The part cached in `cacheEntry` if its pages had `digest` (its bundle, in `<cacheEntry>/bundle`, is then the one
 * Pagefind would write: the bundle is a function of the pages, and the byte-identical test in
 * tests/site/incremental.test.ts compares it with a cold index); null when it must be indexed (again).
 */
function cachedPart(cacheEntry: string, digest: string): PartMeta | null {
  // Missing or unreadable: indexed again, and replaced.
  const meta = readCacheFile(join(cacheEntry, "meta.json"), PartMeta);
  return typeof meta !== "string" && meta.data.digest === digest ? meta.data : null;
}

/** The files under `dir`, each as its path there (`/`-separated) and its identity (`dev:ino`). */
function filesOf(dir: string, rel = ""): Array<[string, string]> {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e): Array<[string, string]> => {
    if (e.isDirectory()) return filesOf(join(dir, e.name), `${rel}${e.name}/`);
    if (!e.isFile()) return [];
    const { dev, ino } = statSync(join(dir, e.name), { bigint: true });
    return [[`${rel}${e.name}`, `${dev}:${ino}`]];
  });
}

/**
 * `linkTree` for a cached bundle whose files are listed (`PartMeta.files`): a file the published site has at its
 * place is carried when it is the listed file (one stat, of the published file), the others linked (or copied).
 */
function linkBundle(from: string, files: PartMeta["files"], to: string, carry?: { over: CarryOver; rel: string }): void {
  if (!files) return linkTree(from, to, carry);
  const made = new Set<string>();
  for (const [rel, id] of files) {
    const source = join(from, rel);
    const [dev, ino] = id.split(":").map(BigInt) as [bigint, bigint];
    if (carry?.over.carry(`${carry.rel}/${rel}`, source, { dev, ino })) continue;
    const target = join(to, rel);
    const dir = dirname(target);
    if (!made.has(dir)) mkdirSync(dir, { recursive: true });
    made.add(dir);
    try {
      linkSync(source, target);
    } catch {
      cpSync(source, target);
    }
  }
}

/**
 * `indexPart` through a cache: the part's bundle is kept in `cacheEntry` with the `digest` of its pages, for later
 * builds to link (`cachedPages`). Bundle files are written once and never rewritten in place (a build writes a new
 * `dist/` and a new entry), so the published copy may share the cache's inodes. The entry is replaced atomically (a
 * folder renamed into place), so a build killed while writing it leaves the previous entry or none.
 */
async function indexPartCached(
  lane: PagefindApi,
  at: (rel: string) => string,
  pages: readonly SearchPage[],
  outputPath: string,
  cacheEntry: string,
  digest: string,
): Promise<{ pages: number; reused: boolean }> {
  const count = await indexPart(lane, at, pages, outputPath);
  try {
    const next = `${cacheEntry}.next-${process.pid}`;
    rmSync(next, { recursive: true, force: true });
    mkdirSync(next, { recursive: true });
    linkTree(outputPath, join(next, "bundle"));
    writeFileSync(join(next, "meta.json"), `${JSON.stringify({ digest, pages: count, files: filesOf(join(next, "bundle")) } satisfies PartMeta)}\n`);
    rmSync(cacheEntry, { recursive: true, force: true });
    renameSync(next, cacheEntry);
  } catch (error) {
    // The cache costs only speed: the next build indexes this part again.
    process.stderr.write(`${cacheEntry}: search cache not written (${(error as Error).message})\n`);
  }
  return { pages: count, reused: false };
}

/**
 * One Pagefind process: `pages` (each read whole from where `at` says, with its path relative to the site root as
 * `sourcePath`, so URLs keep `/<lang>/` as `addDirectory` makes them) → `outputPath`.
 */
async function indexPart(lane: PagefindApi, at: (rel: string) => string, pages: readonly SearchPage[], outputPath: string): Promise<number> {
  try {
    const created = await lane.createIndex({});
    if (!created.index) throw new Error(`pagefind could not start: ${created.errors.join("; ")}`);
    let count = 0;
    for (const page of pages) {
      const added = await created.index.addHTMLFile({ sourcePath: page.rel, content: readFileSync(at(page.rel), "utf8") });
      if (added.errors.length) throw new Error(`pagefind could not index ${page.rel}: ${added.errors.join("; ")}`);
      count++;
    }
    const written = await created.index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`pagefind could not write its bundle ${outputPath}: ${written.errors.join("; ")}`);
    return count;
  } finally {
    // Ends the Pagefind process, and with it the memory this part held.
    await lane.close();
  }
}
