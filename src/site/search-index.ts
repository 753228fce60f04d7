/**
 * Builds the Pagefind search index of a built site through Pagefind's Node API (the binary ships inside the npm
 * package: nothing is downloaded). One bundle per edition, `<dist>/ar/pagefind/` and `<dist>/en/pagefind/`, each
 * built by its own Pagefind process in turn: Pagefind holds every indexed page in memory, so one process for both
 * editions of a 10,000-article site peaked at 3.5 GB; the search page of each edition loads its own bundle.
 *
 * Only regions marked `data-pagefind-body` are indexed (articles, actor and country pages), so lists and navigation
 * do not flood results. Article pages add a hidden block of normalised clitic-stripped words (Pagefind indexes
 * `hidden` content; readers and screen readers never see it) so «حفتر» finds «لحفتر».
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import * as pagefind from "pagefind";
import { LANGS } from "./locale.ts";

/** Indexes the HTML pages of each edition under `distDir` and writes `<distDir>/<lang>/pagefind/`. */
export async function buildSearchIndex(distDir: string): Promise<{ pages: number; seconds: number }> {
  const started = performance.now();
  if (!existsSync(join(distDir, "index.html"))) {
    throw new Error(`${distDir}: no built site here (index.html is missing). Run \`astro build\` first, or pass the site's output directory.`);
  }
  let pages = 0;
  for (const lang of LANGS) {
    if (!existsSync(join(distDir, lang))) continue;
    try {
      const created = await pagefind.createIndex({});
      if (!created.index) throw new Error(`pagefind could not start: ${created.errors.join("; ")}`);
      // The site root stays the indexed folder, so result URLs keep their /<lang>/ prefix; the glob picks the edition.
      const added = await created.index.addDirectory({ path: distDir, glob: `${lang}/**/*.{html}` });
      if (added.errors.length) throw new Error(`pagefind could not index ${distDir}/${lang}: ${added.errors.join("; ")}`);
      const written = await created.index.writeFiles({ outputPath: join(distDir, lang, "pagefind") });
      if (written.errors.length) throw new Error(`pagefind could not write its bundle: ${written.errors.join("; ")}`);
      pages += added.page_count;
    } finally {
      // Ends the Pagefind process, and with it the memory this edition's index held.
      await pagefind.close();
    }
  }
  return { pages, seconds: (performance.now() - started) / 1000 };
}
