/**
 * Prints `{ articles: [...], skipped: [...] }` from `cleanPage` over the pages of a folder (sorted, .txt/.html),
 * in the extract contract's shape where ingest fills it, so shared/tools/score.mjs can score ingest alone:
 *
 *   node tests/ingest/run-extract.ts /work/shared/corpus/raw > /tmp/run.json
 *   node /work/shared/tools/score.mjs --gold /work/shared/corpus/gold --run /tmp/run.json
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { cleanPage, type CleanArticle } from "../../src/ingest/index.ts";

/** Cleans every page of `dir`; articles carry their file name. */
export function extractDir(dir: string): { articles: (CleanArticle & { file: string })[]; skipped: { file: string; reason: string }[] } {
  const articles: (CleanArticle & { file: string })[] = [];
  const skipped: { file: string; reason: string }[] = [];
  for (const file of readdirSync(dir).filter((f) => /\.(txt|html?)$/i.test(f)).sort()) {
    const result = cleanPage({ file, bytes: new Uint8Array(readFileSync(join(dir, file))) });
    if (!result.ok) skipped.push({ file, reason: result.reason });
    else if (result.articles.length === 0) skipped.push({ file, reason: "no article found" });
    else for (const a of result.articles) articles.push({ file, ...a });
  }
  return { articles, skipped };
}

if (import.meta.main) {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write("usage: node tests/ingest/run-extract.ts <folder>\n");
    process.exit(2);
  }
  process.stdout.write(`${JSON.stringify(extractDir(dir), null, 2)}\n`);
}
