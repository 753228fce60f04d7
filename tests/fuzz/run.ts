/**
 * Fuzzer: pushes generated inputs (mutations of fixture pages, see mutate.ts) through `cleanPage` and the tagger
 * in-process, then through the stages after them (summaries, stories, event coding, the article file as ingest
 * writes it and both site readers, the RSS writer, the share card's plan), and every 1,000th through the `extract` CLI, counting crashes:
 * exceptions, `internal error` skips, output that breaks the zod `ExtractedArticle` contract, mention offsets that
 * do not point at their text, a summary that is not verbatim, an article file the site reads back differently,
 * a feed with characters XML forbids.
 * Failing inputs are saved (with what was done to them) in a temporary folder printed at the end.
 *
 *   npm run fuzz -- [--count N] [--seed S] [--cli-every K] [--later-every K] [--out DIR]
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
import { planCards } from "../../src/cards/build.ts";
import { CARD_TEXT_LIMITS } from "../../src/schemas/card.ts";
import { articleFile, parseArticle } from "../../src/content/article-file.ts";
import { stripBidiControls } from "../../src/lib/text-safety.ts";
import { extractPages } from "../../src/pipeline/extract.ts";
import { ExtractedArticle, ExtractResult } from "../../src/schemas/article.ts";
import { readArticleFile } from "../../src/content/fast-frontmatter.ts";
import { rssXml } from "../../src/site/feeds.ts";
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
    "later-every": { type: "string", default: "1" },
    out: { type: "string" },
  },
});
const count = Number(values.count);
const seed = Number(values.seed);
const cliEvery = Number(values["cli-every"]);
/** Every K-th input also goes through the stages after the tagger (they cost about as much again). */
const laterEvery = Number(values["later-every"]);
if (!(count > 0 && Number.isFinite(seed) && cliEvery > 0 && laterEvery > 0)) {
  console.error("usage: node tests/fuzz/run.ts [--count N] [--seed S] [--cli-every K] [--later-every K] [--out DIR]");
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

/** Characters XML 1.0 allows (its Char production), anchored. */
const XML_CHARS = /^[\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

/** The stages after cleaning and tagging, on one input: what ingest writes and what the site makes of it. */
function checkLaterStages(mutant: { bytes: Buffer; file: string }): string[] {
  const problems: string[] = [];
  const { articles } = extractPages([{ file: mutant.file, bytes: new Uint8Array(mutant.bytes) }], tagger);
  for (const extracted of articles) {
    const parsed = ExtractedArticle.safeParse(extracted);
    if (!parsed.success) problems.push(`extract contract: ${parsed.error.issues[0]?.message}`);
    if (!extracted.story) problems.push("article without a story");
    // A summary is verbatim: without its cut mark it stands in the body as it is.
    const summary = extracted.summary?.replace(/…$/, "");
    // (bidi controls aside: they are stripped from what is shown outside the body)
    if (summary && !extracted.body.some((p) => stripBidiControls(p).includes(summary.split(/(?<=[.!?؟])\s/)[0]!.slice(0, 40))))
      problems.push(`summary not found in the body: ${summary.slice(0, 80)}`);
    const { file: _file, index: _index, ...article } = extracted;
    const written = articleFile(article as never);
    let slow: unknown;
    try {
      slow = parseArticle(written.text, "fuzz.md");
    } catch (error) {
      problems.push(`article file does not read back: ${(error as Error).message.slice(0, 200)}`);
      continue;
    }
    const fast = readArticleFile(written.text, "fuzz.md");
    if (JSON.stringify(fast) !== JSON.stringify(slow)) problems.push("the fast frontmatter reader differs from the YAML parser");
    if (JSON.stringify(written.article) !== JSON.stringify(slow)) problems.push("the article file does not round-trip");
    const xml = rssXml({
      title: extracted.title ?? "",
      description: extracted.summary ?? "",
      site: "https://marsad.example.org/ar/",
      customData: "<language>ar</language>",
      items: [{ title: extracted.title ?? "", link: "https://marsad.example.org/ar/articles/a/", description: extracted.summary ?? "", categories: extracted.actors.map((a) => a.en) }],
    });
    if (!XML_CHARS.test(xml)) problems.push("feed with characters XML forbids");
    // The card of the article: what reaches the layout is bounded whatever the page held.
    const title = extracted.title ?? extracted.summary ?? "";
    const [card] = planCards(
      [{ path: `${extracted.lang}/articles/${extracted.id}`, lang: extracted.lang, kind: "article", title, meta: [extracted.source ?? "", extracted.summary ?? ""], chips: extracted.actors.map((a) => a.en), siteName: "Marsad", alt: title }],
      { outDir: "/nonexistent/out", cacheDir: "/nonexistent/cache" },
    );
    if (!card || card.spec.title.length > CARD_TEXT_LIMITS.title || card.spec.meta.some((m) => m.length > CARD_TEXT_LIMITS.line))
      problems.push("card text not bounded");
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
    if (n % laterEvery === 0) problems.push(...checkLaterStages(mutant));
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
