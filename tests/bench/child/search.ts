/**
 * Benchmark child: builds the Pagefind index of the built site (`buildSearchIndex(outDir, { cacheDir })`), as `build` does.
 * Prints one JSON object on stdout. Settings come from the environment (MARSAD_OUT_DIR…).
 */
import { loadSettings } from "../../../src/config.ts";
import { importOptional, ROOT, runStage } from "./optional.ts";

await runStage(async () => {
  const settings = loadSettings(ROOT, process.env);
  const mod = await importOptional("src/site/search-index.ts", ["buildSearchIndex"]);
  const buildSearchIndex = mod.buildSearchIndex as (outDir: string, options: { cacheDir: string }) => Promise<Record<string, unknown>> | Record<string, unknown>;
  const started = performance.now();
  // With the cache of search parts, as `build` does: the first run of a bench is cold (an empty cache), a rebuild's
  // reuses the parts whose pages did not change.
  const result = await buildSearchIndex(settings.outDir, { cacheDir: settings.cacheDir });
  return { seconds: (performance.now() - started) / 1000, result: summarise(result) };
});

/** Keeps the scalar fields of a result (counts, sizes), drops large lists. */
function summarise(result: unknown): Record<string, unknown> {
  if (!result || typeof result !== "object") return { value: result ?? null };
  return Object.fromEntries(Object.entries(result).filter(([, v]) => v === null || typeof v !== "object"));
}
