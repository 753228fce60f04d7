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
import { existsSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import * as pagefind from "pagefind";
import { LANGS } from "./locale.ts";

/** Article pages one Pagefind process indexes at most (about 0.8 GB with the edition's other pages). */
export const PAGES_PER_BUNDLE = 4000;
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

/** Indexes the HTML pages of each edition under `distDir` and writes `<distDir>/<lang>/pagefind/` (and its parts). */
export async function buildSearchIndex(distDir: string, options: { pagesPerBundle?: number } = {}): Promise<{ pages: number; bundles: number; seconds: number }> {
  const started = performance.now();
  if (!existsSync(join(distDir, "index.html"))) {
    throw new Error(`${distDir}: no built site here (index.html is missing). Run \`astro build\` first, or pass the site's output directory.`);
  }
  let pages = 0;
  let bundles = 0;
  for (const lang of LANGS) {
    const editionDir = join(distDir, lang);
    if (!existsSync(editionDir)) continue;
    for (const e of readdirSync(editionDir)) if (/^pagefind(-\d+)?$/.test(e)) rmSync(join(editionDir, e), { recursive: true, force: true });
    const parts = partGlobs(distDir, lang, options.pagesPerBundle);
    const extra: string[] = [];
    for (const [k, globs] of parts.entries()) {
      const folder = k === 0 ? "pagefind" : `pagefind-${k}`;
      pages += await indexPart(distDir, globs, join(editionDir, folder));
      if (k > 0) extra.push(folder);
      bundles++;
    }
    writeFileSync(join(editionDir, "pagefind", PARTS_FILE), `${JSON.stringify({ parts: extra })}\n`);
  }
  return { pages, bundles, seconds: (performance.now() - started) / 1000 };
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
