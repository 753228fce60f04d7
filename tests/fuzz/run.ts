/**
 * Fuzzer: pushes generated inputs (mutations of fixture pages, see mutate.ts) through `cleanPage` and the tagger
 * in-process, and every 1,000th through the `extract` CLI, counting crashes: exceptions, `internal error` skips,
 * output that breaks the zod `ExtractedArticle` contract, mention offsets that do not point at their text.
 * Failing inputs are saved (with what was done to them) in a temporary folder printed at the end.
 *
 *   npm run fuzz -- [--count N] [--seed S] [--cli-every K] [--out DIR]
 *
 * Prints `inputs N, crashes M, skipped K, seconds S`; exits 1 when there was a crash. Not part of `npm test`.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { createTagger, loadEntityLexicons } from "../../src/entities/index.ts";
import { cleanPage } from "../../src/ingest/index.ts";
import { ExtractResult } from "../../src/schemas/article.ts";
import { extractedRecord, mentionProblems, pageResultProblems, schemaProblems } from "../reliability/invariants.ts";
import { mutate, Random } from "./mutate.ts";

const ROOT = resolve(import.meta.dirname, "../..");
/** An input slower than this is saved and reported (not counted as a crash). */
const SLOW_MS = 5_000;

const { values } = parseArgs({
  options: {
    count: { type: "string", default: "100000" },
    seed: { type: "string", default: "1" },
    "cli-every": { type: "string", default: "1000" },
    out: { type: "string" },
  },
});
const count = Number(values.count);
const seed = Number(values.seed);
const cliEvery = Number(values["cli-every"]);
if (!(count > 0 && Number.isFinite(seed) && cliEvery > 0)) {
  console.error("usage: node tests/fuzz/run.ts [--count N] [--seed S] [--cli-every K] [--out DIR]");
  process.exit(2);
}
const outDir = values.out ? resolve(values.out) : mkdtempSync(join(tmpdir(), "marsad-fuzz-"));
mkdirSync(outDir, { recursive: true });

/** Seed pages: our fixtures, the ingest fixtures and the sample inbox (read only). */
function loadSeeds(): Array<{ file: string; bytes: Buffer }> {
  const seeds: Array<{ file: string; bytes: Buffer }> = [];
  const add = (dir: string, depth = 0) => {
    let names: string[] = [];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(dir, name);
      const st = statSync(path);
      if (st.isDirectory() && depth < 2) add(path, depth + 1);
      else if (st.isFile() && /\.(txt|html?)$/i.test(name) && st.size < 2_000_000) seeds.push({ file: name, bytes: readFileSync(path) });
    }
  };
  add(join(ROOT, "tests/fixtures/reliability/pages"));
  add(join(ROOT, "tests/fixtures/reliability/hostile"));
  add(join(ROOT, "tests/fixtures/ingest"));
  add(join(ROOT, "content/inbox"));
  return seeds;
}

const seeds = loadSeeds();
const random = new Random(seed);
const tagger = createTagger(loadEntityLexicons(join(ROOT, "content")));
let crashes = 0;
let skipped = 0;
let articles = 0;
let slow = 0;
let cliRuns = 0;
const crashKinds = new Map<string, number>();

function save(n: number, kind: string, mutant: { bytes: Buffer; file: string; ops: string[] }, detail: string): void {
  const base = join(outDir, `${kind}-${String(n).padStart(6, "0")}`);
  writeFileSync(`${base}-${mutant.file}`, mutant.bytes);
  writeFileSync(`${base}.json`, `${JSON.stringify({ input: n, seed, file: mutant.file, ops: mutant.ops, detail }, null, 1)}\n`);
}

function crash(n: number, mutant: { bytes: Buffer; file: string; ops: string[] }, detail: string): void {
  crashes++;
  const key = detail.split("\n")[0]!.replace(/\d+/g, "#").slice(0, 100);
  crashKinds.set(key, (crashKinds.get(key) ?? 0) + 1);
  if ((crashKinds.get(key) ?? 0) <= 5) save(n, "crash", mutant, detail);
}

/** Runs one input in-process; returns the problems found (empty = fine). */
function check(mutant: { bytes: Buffer; file: string }): string[] {
  const result = cleanPage({ file: mutant.file, bytes: new Uint8Array(mutant.bytes) });
  const problems = pageResultProblems(result);
  if (!result.ok) {
    if (/internal error/i.test(result.reason)) problems.push(`cleanPage: ${result.reason}`);
    skipped++;
    return problems;
  }
  if (result.articles.length === 0) skipped++;
  for (const article of result.articles) {
    articles++;
    const tags = tagger.tag({ lang: article.lang, title: article.title, body: article.body });
    problems.push(...mentionProblems(article.body, tags), ...schemaProblems(extractedRecord(mutant.file, article, tags)));
  }
  return problems;
}

/** Runs one input through the real `extract` command in a child process. */
function checkCli(n: number, mutant: { bytes: Buffer; file: string; ops: string[] }): void {
  cliRuns++;
  const dir = join(outDir, "cli");
  mkdirSync(dir, { recursive: true });
  const path = join(dir, mutant.file);
  writeFileSync(path, mutant.bytes);
  const run = spawnSync(join(ROOT, "node_modules/.bin/node"), [join(ROOT, "src/cli/main.ts"), "extract", path, "--compact"], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 1 << 30,
    timeout: 120_000,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, MARSAD_CONTENT_DIR: join(ROOT, "content") },
  });
  const problems: string[] = [];
  if (run.status !== 0) problems.push(`extract exited ${run.status} (${run.signal ?? "no signal"}): ${run.stderr.slice(-500)}`);
  else {
    try {
      const doc = ExtractResult.parse(JSON.parse(run.stdout));
      const accounted = doc.articles.some((a) => a.file === mutant.file) || doc.skipped.some((s) => s.file.endsWith(mutant.file));
      if (!accounted) problems.push("extract did not account for the file");
      for (const s of doc.skipped) if (/internal error/i.test(s.reason)) problems.push(`extract: ${s.reason}`);
    } catch (error) {
      problems.push(`extract printed invalid JSON: ${(error as Error).message.slice(0, 300)}`);
    }
  }
  if (/tagging failed|internal error/i.test(run.stderr)) problems.push(`extract stderr: ${run.stderr.slice(0, 300)}`);
  if (problems.length) crash(n, mutant, problems.join("\n"));
}

const started = performance.now();
let lastReport = started;
for (let n = 1; n <= count; n++) {
  const mutant = mutate(seeds, random);
  const t = performance.now();
  let problems: string[];
  try {
    problems = check(mutant);
  } catch (error) {
    problems = [`exception: ${(error as Error).stack ?? String(error)}`];
  }
  const ms = performance.now() - t;
  if (problems.length) crash(n, mutant, problems.join("\n"));
  if (ms > SLOW_MS) {
    slow++;
    save(n, "slow", mutant, `${ms.toFixed(0)} ms for ${mutant.bytes.length} bytes`);
  }
  if (n % cliEvery === 0) checkCli(n, mutant);
  if (performance.now() - lastReport > 15_000) {
    lastReport = performance.now();
    console.error(`… ${n}/${count} inputs, ${crashes} crash(es), ${((lastReport - started) / 1000).toFixed(0)}s`);
  }
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`inputs ${count}, crashes ${crashes}, skipped ${skipped}, seconds ${seconds}`);
console.log(`(seed ${seed}; ${seeds.length} seed pages; ${articles} articles tagged; ${cliRuns} extract CLI runs; ${slow} slow input(s) over ${SLOW_MS} ms; saved inputs in ${outDir})`);
for (const [kind, n] of crashKinds) console.log(`  ${n} × ${kind}`);
process.exitCode = crashes > 0 ? 1 : 0;
