/**
 * Builds the Pagefind search index of a built site through Pagefind's Node API (the binary ships inside the npm
 * package: nothing is downloaded). Each edition has its own index: `<dist>/ar/pagefind/` and `<dist>/en/pagefind/`.
 *
 * Memory: a Pagefind process holds every page it indexes until it writes its bundle, about 190 KB a page (one
 * edition of a 10,000-article site, 11,000 pages, took 2.1 GB). So a large edition is indexed in parts, each by its
 * own Pagefind process in turn, at most `pagesPerBundle` article and story pages each: they are split by the first
 * character of their id (ids are hashes, so parts are even), the first part also holds every other page. Extra parts
 * are written next to the main bundle as `<lang>/pagefind-<k>/`, listed in `<lang>/pagefind/parts.json`; the search
 * page merges them into the main index (Pagefind's `mergeIndex`), so readers search one index.
 *
 * Only regions marked `data-pagefind-body` are indexed (articles, actor and country pages), so lists and navigation
 * do not flood results. Article pages add a hidden block of normalised clitic-stripped words (Pagefind indexes
 * `hidden` content; readers and screen readers never see it) so «حفتر» finds «لحفتر».
 */
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { performance } from "node:perf_hooks";
import * as pagefind from "pagefind";
import { LANGS } from "./locale.ts";

/**
 * Article and story pages one Pagefind process indexes at most. Memory alone allowed 4,000 (about 0.8 GB with the
 * edition's other pages); 1,000 makes the parts small enough that a rebuild after one new article indexes again only
 * the part of its pages and the first part (actors, countries), about a third of an edition at 10,000 articles
 * rather than two of four parts. The search page merges up to 16 parts an edition then.
 */
export const PAGES_PER_BUNDLE = 1000;
/** Edition folders whose pages (one folder per id) are spread over the parts; every other page is in part 0. */
const SPLIT_FOLDERS = ["articles", "stories"] as const;
/** The list of an edition's extra bundles, in its main bundle folder. */
export const PARTS_FILE = "parts.json";

/** The globs (relative to the site root) of each part of edition `lang`: part 0 first. */
export function partGlobs(distDir: string, lang: string, pagesPerBundle = PAGES_PER_BUNDLE): string[][] {
  const editionDir = join(distDir, lang);
  const idsIn = (folder: string) => {
    const dir = join(editionDir, folder);
    return existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name) : [];
  };
  // Story pages are split as articles are (a story's id is its first article's id): at 10,000 articles there are
  // thousands, too many to leave all in the first part.
  const split = SPLIT_FOLDERS.map((folder) => ({ folder, ids: idsIn(folder) }));
  const total = split.reduce((n, f) => n + f.ids.length, 0);
  let parts = 1;
  while (parts < 64 && total / parts > pagesPerBundle) parts *= 2;
  if (parts === 1) return [[`${lang}/**/*.{html}`]];
  // Whole-site pages other than articles and stories: every top-level entry of the edition but those and the bundles.
  const others = readdirSync(editionDir, { withFileTypes: true })
    .filter((e) => !(SPLIT_FOLDERS as readonly string[]).includes(e.name) && !/^pagefind(-\d+)?$/.test(e.name))
    .map((e) => (e.isDirectory() ? `${lang}/${e.name}/**/*.{html}` : e.name.endsWith(".html") ? `${lang}/${e.name}` : null))
    .filter((g): g is string => g !== null);
  const globs: string[][] = Array.from({ length: parts }, (_, k) => (k === 0 ? others : []));
  for (const { folder, ids } of split) {
    // Ids are slugs ([a-z0-9-]): their first character is safe in a glob.
    const firsts = [...new Set(ids.map((id) => id[0]!))].sort();
    for (const c of firsts) globs[c.charCodeAt(0) % parts]!.push(`${lang}/${folder}/${c}*/**/*.{html}`);
  }
  return globs.filter((g, k) => k === 0 || g.length > 0);
}

/**
 * Indexes the HTML pages of each edition under `distDir` and writes `<distDir>/<lang>/pagefind/` (and its parts).
 *
 * With `cacheDir`, a part whose pages are byte for byte those of a part indexed before is not indexed again: its
 * bundle is copied from `<cacheDir>/search/` (see `indexPartCached`). A rebuild after one new article then indexes
 * only the parts holding a page that changed. `force` indexes every part (and refreshes the cache).
 */
export async function buildSearchIndex(
  distDir: string,
  options: { pagesPerBundle?: number; cacheDir?: string; force?: boolean } = {},
): Promise<{ pages: number; bundles: number; seconds: number; bundlesReused: number }> {
  const started = performance.now();
  if (!existsSync(join(distDir, "index.html"))) {
    throw new Error(`${distDir}: no built site here (index.html is missing). Run \`astro build\` first, or pass the site's output directory.`);
  }
  let pages = 0;
  let bundles = 0;
  let bundlesReused = 0;
  for (const lang of LANGS) {
    const editionDir = join(distDir, lang);
    if (!existsSync(editionDir)) continue;
    for (const e of readdirSync(editionDir)) if (/^pagefind(-\d+)?$/.test(e)) rmSync(join(editionDir, e), { recursive: true, force: true });
    const parts = partGlobs(distDir, lang, options.pagesPerBundle);
    const extra: string[] = [];
    for (const [k, globs] of parts.entries()) {
      const folder = k === 0 ? "pagefind" : `pagefind-${k}`;
      const part = options.cacheDir
        ? await indexPartCached(distDir, globs, join(editionDir, folder), join(options.cacheDir, "search", `${lang}-${folder}`), options.force ?? false)
        : { pages: await indexPart(distDir, globs, join(editionDir, folder)), reused: false };
      pages += part.pages;
      if (part.reused) bundlesReused++;
      if (k > 0) extra.push(folder);
      bundles++;
    }
    writeFileSync(join(editionDir, "pagefind", PARTS_FILE), `${JSON.stringify({ parts: extra })}\n`);
  }
  return { pages, bundles, bundlesReused, seconds: (performance.now() - started) / 1000 };
}

/** A Pagefind glob of `partGlobs` (`**`, `*`, `{a,b}`) as a regular expression over `/`-separated relative paths. */
export function globPattern(glob: string): RegExp {
  let out = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (glob.startsWith("**/", i)) {
      out += "(?:.*/)?";
      i += 2;
    } else if (c === "*") out += "[^/]*";
    else if (c === "{") {
      const end = glob.indexOf("}", i);
      out += `(?:${glob.slice(i + 1, end).split(",").map(escape).join("|")})`;
      i = end;
    } else out += escape(c);
  }
  return new RegExp(`^${out}$`);
}
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Every file under `dir`, as paths relative to `root` with `/` separators. */
function filesUnder(root: string, dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join("/"))
    .sort();
}

let indexerVersion: string | undefined;
/** Pagefind's version and this module's code: a bundle made by another indexer is never reused. */
function currentIndexerVersion(): string {
  if (indexerVersion) return indexerVersion;
  const hash = createHash("sha256");
  try {
    hash.update(readFileSync(new URL(import.meta.resolve("pagefind/package.json"))));
  } catch {
    hash.update("pagefind");
  }
  try {
    hash.update(readFileSync(new URL(import.meta.url)));
  } catch {
    hash.update("bundled");
  }
  return (indexerVersion = hash.digest("hex"));
}

const BODY_OPEN = /<([a-zA-Z][\w-]*)(?=[^>]*\sdata-pagefind-body[\s=>])[^>]*>/;
const PAGEFIND_TAG = /<[^>]*\sdata-pagefind-[^>]*>[^<]*/g;
const HEADING = /<h1\b[\s\S]*?<\/h1>/g;
const HTML_TAG = /<html\b[^>]*>/;
const IMAGE = /<img\b[^>]*>/g;

/**
 * What Pagefind reads of a page that marks its indexed region (`data-pagefind-body`): that region, the `<html>` tag
 * (language), every `<h1>` and `<img>` (the default title and image), and every tag with a `data-pagefind-*`
 * attribute with the text after it (filters and metadata may sit anywhere). Null for a page without the region,
 * which Pagefind leaves out of an index that has such pages. A page's related-articles list, navigation or footer
 * then changes no part's digest.
 */
export function indexedRegion(html: string): string | null {
  const open = BODY_OPEN.exec(html);
  if (!open) return null;
  const tag = new RegExp(`<(/?)${open[1]}\\b[^>]*>`, "gi");
  tag.lastIndex = open.index + open[0].length;
  let depth = 1;
  let end = html.length;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    if (m[1]) depth--;
    else if (!m[0].endsWith("/>")) depth++;
    if (depth === 0) {
      end = m.index + m[0].length;
      break;
    }
  }
  const extras = [HTML_TAG.exec(html)?.[0] ?? "", ...(html.match(HEADING) ?? []), ...(html.match(IMAGE) ?? []), ...(html.match(PAGEFIND_TAG) ?? [])];
  return `${extras.join("\n")}\n${html.slice(open.index, end)}`;
}

/**
 * A digest of what a part indexes (a part's bundle depends on nothing else): each page's path and indexed region
 * (`indexedRegion`). When no page of the part has that region Pagefind indexes every page whole, and so does the
 * digest.
 */
function partDigest(distDir: string, globs: string[]): string {
  const patterns = globs.map(globPattern);
  const lang = globs[0]?.split("/")[0] ?? "";
  const pages = filesUnder(distDir, join(distDir, lang))
    .filter((rel) => patterns.some((p) => p.test(rel)))
    .map((rel) => {
      const html = readFileSync(join(distDir, rel), "utf8");
      return { rel, html, region: indexedRegion(html) };
    });
  const whole = pages.every((p) => p.region === null);
  const hash = createHash("sha256").update(currentIndexerVersion()).update(whole ? "whole" : "regions");
  for (const { rel, html, region } of pages) hash.update(rel).update("\0").update(whole ? html : (region ?? "-")).update("\0");
  return hash.digest("hex");
}

/**
 * `indexPart` through a cache: the part's bundle is kept in `cacheEntry` with the digest of its pages, and copied
 * from there when the pages are the same (Pagefind's bundle is a function of the pages: the byte-identical test in
 * tests/site/incremental.test.ts compares it with a cold index). The entry is replaced atomically (a folder renamed
 * into place), so a build killed while writing it leaves the previous entry or none.
 */
async function indexPartCached(distDir: string, globs: string[], outputPath: string, cacheEntry: string, force: boolean): Promise<{ pages: number; reused: boolean }> {
  const digest = partDigest(distDir, globs);
  const metaFile = join(cacheEntry, "meta.json");
  if (!force && existsSync(metaFile)) {
    try {
      const meta = JSON.parse(readFileSync(metaFile, "utf8")) as { digest?: string; pages?: number };
      if (meta.digest === digest && typeof meta.pages === "number") {
        cpSync(join(cacheEntry, "bundle"), outputPath, { recursive: true });
        return { pages: meta.pages, reused: true };
      }
    } catch {
      // An unreadable entry: indexed again below, and replaced.
    }
  }
  const pages = await indexPart(distDir, globs, outputPath);
  try {
    const next = `${cacheEntry}.next-${process.pid}`;
    rmSync(next, { recursive: true, force: true });
    mkdirSync(next, { recursive: true });
    cpSync(outputPath, join(next, "bundle"), { recursive: true });
    writeFileSync(join(next, "meta.json"), `${JSON.stringify({ digest, pages })}\n`);
    rmSync(cacheEntry, { recursive: true, force: true });
    renameSync(next, cacheEntry);
  } catch (error) {
    // The cache costs only speed: the next build indexes this part again.
    process.stderr.write(`${cacheEntry}: search cache not written (${(error as Error).message})\n`);
  }
  return { pages, reused: false };
}

/** One Pagefind process: the pages matching `globs` (relative to the site root, so URLs keep `/<lang>/`) → `outputPath`. */
async function indexPart(distDir: string, globs: string[], outputPath: string): Promise<number> {
  try {
    const created = await pagefind.createIndex({});
    if (!created.index) throw new Error(`pagefind could not start: ${created.errors.join("; ")}`);
    let pages = 0;
    for (const glob of globs) {
      const added = await created.index.addDirectory({ path: distDir, glob });
      if (added.errors.length) throw new Error(`pagefind could not index ${distDir} (${glob}): ${added.errors.join("; ")}`);
      pages += added.page_count;
    }
    const written = await created.index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`pagefind could not write its bundle ${outputPath}: ${written.errors.join("; ")}`);
    return pages;
  } finally {
    // Ends the Pagefind process, and with it the memory this part held.
    await pagefind.close();
  }
}
