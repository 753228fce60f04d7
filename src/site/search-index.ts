/**
 * Builds the Pagefind search index of a built site through Pagefind's Node API (the binary ships inside the npm
 * package: nothing is downloaded). One bundle at `<dist>/pagefind/`, holding one index per edition: Pagefind splits
 * pages by `<html lang>`, and the search page loads the index of its own language.
 *
 * Only regions marked `data-pagefind-body` are indexed (articles, actor and country pages), so lists and navigation
 * do not flood results. Article pages add a hidden block of normalised clitic-stripped words (Pagefind indexes
 * `hidden` content; readers and screen readers never see it) so «حفتر» finds «لحفتر».
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import * as pagefind from "pagefind";

/** Indexes every HTML page under `distDir` and writes `<distDir>/pagefind/`. */
export async function buildSearchIndex(distDir: string): Promise<{ pages: number; seconds: number }> {
  const started = performance.now();
  if (!existsSync(join(distDir, "index.html"))) {
    throw new Error(`${distDir}: no built site here (index.html is missing). Run \`astro build\` first, or pass the site's output directory.`);
  }
  try {
    const created = await pagefind.createIndex({});
    if (!created.index) throw new Error(`pagefind could not start: ${created.errors.join("; ")}`);
    const added = await created.index.addDirectory({ path: distDir });
    if (added.errors.length) throw new Error(`pagefind could not index ${distDir}: ${added.errors.join("; ")}`);
    const written = await created.index.writeFiles({ outputPath: join(distDir, "pagefind") });
    if (written.errors.length) throw new Error(`pagefind could not write its bundle: ${written.errors.join("; ")}`);
    return { pages: added.page_count, seconds: (performance.now() - started) / 1000 };
  } finally {
    await pagefind.close();
  }
}
