/**
 * Benchmark child: renders the share cards of the site, as `build` does:
 * `renderCards(takeCardSpecs(file) ?? cardSpecs(loadSiteModel(settings), settings), { outDir, cacheDir })`, the specs
 * taken from the file the site stage left (MARSAD_CARD_SPECS) when there is one, else worked out from the model.
 * Prints one JSON object on stdout with the card count and how many were rendered (not taken from the cache).
 */
import { loadSettings } from "../../../src/config.ts";
import { importOptional, ROOT, runStage } from "./optional.ts";

interface RenderResult {
  total?: number;
  rendered?: number;
  cached?: number;
}

await runStage(async () => {
  const settings = loadSettings(ROOT, process.env);
  const load = await importOptional("src/site/load.ts", ["loadSiteModel", "takeCardSpecs"]);
  const site = await importOptional("src/site/cards.ts", ["cardSpecs"]);
  const cards = await importOptional("src/cards/build.ts", ["renderCards"]);
  const t0 = performance.now();
  const specsFile = process.env.MARSAD_CARD_SPECS;
  const handed = specsFile ? (load.takeCardSpecs as (file: string) => unknown[] | null)(specsFile) : null;
  const model = handed ? null : await (load.loadSiteModel as (s: typeof settings) => unknown)(settings);
  const t1 = performance.now();
  const specs = handed ?? ((await (site.cardSpecs as (m: unknown, s: typeof settings) => unknown[])(model, settings)) as unknown[]);
  const t2 = performance.now();
  const result = (await (cards.renderCards as (specs: unknown[], o: { outDir: string; cacheDir: string }) => Promise<RenderResult>)(specs, {
    outDir: settings.outDir,
    cacheDir: settings.cacheDir,
  })) ?? {};
  const t3 = performance.now();
  return {
    specs: specs.length,
    specs_from_site_stage: handed !== null,
    total: result.total ?? specs.length,
    rendered: result.rendered ?? null,
    cached: result.cached ?? null,
    load_s: (t1 - t0) / 1000,
    specs_s: (t2 - t1) / 1000,
    render_s: (t3 - t2) / 1000,
  };
});
