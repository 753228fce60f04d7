/**
 * Benchmark child: generates the synthetic corpus (`generate.ts`) into a content folder and prints its summary
 * (counts only: the per-page truth stays here). A child of its own, so the runner does not keep the generator's
 * memory for the rest of the run. Usage: generate.ts <dir> <articles> <seed>
 */
import { generateCorpus } from "../generate.ts";
import { runStage } from "./optional.ts";

await runStage(async () => {
  const [dir, articles, seed] = process.argv.slice(2);
  if (!dir || !articles || !seed) throw new Error("usage: generate.ts <dir> <articles> <seed>");
  const { pages: _pages, truth: _truth, ...summary } = generateCorpus({ articles: Number(articles), seed, dir });
  return summary;
});
