/**
 * Benchmark child: clean + tag throughput on one thread. Reads the inbox of MARSAD_CONTENT_DIR into memory, builds
 * the tagger, then times `extractPages` alone (wall and this process's CPU). A child of its own, so the memory it
 * takes is not held by the runner for the rest of the run (the runner's RSS counts towards the tree's peak).
 * Prints one JSON object on stdout.
 */
import { join } from "node:path";
import { loadSettings } from "../../../src/config.ts";
import { importOptional, ROOT, runStage } from "./optional.ts";

await runStage(async () => {
  const settings = loadSettings(ROOT, process.env);
  const inputs = await importOptional("src/pipeline/read-inputs.ts", ["findInputs", "readInput"]);
  const extract = await importOptional("src/pipeline/extract.ts", ["extractPages"]);
  const entities = await importOptional("src/entities/index.ts", ["createTagger", "loadEntityLexicons"]);
  type Page = { file: string; bytes: Uint8Array };
  const found = (inputs.findInputs as (p: string[], cwd: string) => { inputs: Array<{ path: string; file: string }> })([join(settings.contentDir, "inbox")], ROOT);
  const pages: Page[] = [];
  for (const input of found.inputs) {
    const read = (inputs.readInput as (i: unknown) => { ok: boolean; page?: Page })(input);
    if (read.ok && read.page) pages.push(read.page);
  }
  const t0 = performance.now();
  const tagger = (entities.createTagger as (l: unknown) => unknown)((entities.loadEntityLexicons as (d: string) => unknown)(settings.contentDir));
  const t1 = performance.now();
  const cpu = process.cpuUsage();
  const out = (extract.extractPages as (p: Page[], t: unknown) => { articles: unknown[] })(pages, tagger);
  const used = process.cpuUsage(cpu);
  const t2 = performance.now();
  return {
    articles: out.articles.length,
    pages: pages.length,
    lexicon_s: (t1 - t0) / 1000,
    extract_s: (t2 - t1) / 1000,
    extract_cpu_s: (used.user + used.system) / 1e6,
  };
});
