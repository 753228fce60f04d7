/**
 * `npm run -s bench -- --articles N [--seed S] [--json] [--keep] [--stages ingest,site,search,cards,rebuild,baseline]`
 *
 * One run, one process tree: generates a synthetic corpus (tests/bench/generate.ts) into a temporary content
 * folder (and ingests it, untimed, when a later stage is asked for without the ingest stage), then times each stage
 * as a child process of this runner, with MARSAD_CONTENT_DIR / MARSAD_OUT_DIR / MARSAD_CACHE_DIR pointing into that
 * folder:
 *
 *   ingest    `briefing ingest --json` (articles written / s), plus single-thread clean+tag throughput of the
 *             same pages in a child (tests/bench/child/extract.ts)
 *   site      `briefing build --skip-ingest --no-cards --no-search` (pages = .html files in dist)
 *   search    buildSearchIndex(dist) in a child (tests/bench/child/search.ts)
 *   cards     renderCards(specs) in a child, cold then warm (warm must render 0); the specs are those the site stage
 *             left (MARSAD_CARD_SPECS, as `build` hands them over), else cardSpecs(loadSiteModel())
 *   rebuild   what a user runs after adding pages to the inbox: `briefing build --json` (= `npm run build`: ingest,
 *             site, search and cards in one process, published in place), with exactly 1, then 50 inputs processed
 *             (a day's news). First a full build of the unchanged site (rebuild_prime_s, not part of the rebuilds: the
 *             site stage above ran without search and cards, and pages record which were built).
 *             rebuild_one_s / rebuild_day_s with the build's own stage times, the pages Astro rendered rather than
 *             restored, the search parts reused and the cards rendered; rebuild_one_ratio compares rebuild_one_s
 *             with the cold site build and search of the same run (target ≤ 0.2 at N = 10,000). Before each rebuild,
 *             untimed, the previous build's background deletion finishes and the file system settles
 *             (SETTLE_AFTER_DELETION_S; rebuild_settle_s)
 *   baseline  a plain Astro project with as many trivial pages (and as many trivial XML endpoints as the site has
 *             feeds and sitemaps: each output file costs Astro the same per-route floor), built in
 *             node_modules/.cache/marsad-bench/, right after the site build and then alternately with it
 *             (--ratio-runs): site_build_s and baseline_build_s are the fastest of their runs, build_ratio their ratio.
 *             Between rounds the previous round's output is set aside (renamed), not deleted (setAside)
 *   worst     hostile pages alone (a 1 MB title, a 36,000-character title, a 100,000-letter word, 20,000
 *             paragraphs, control characters, an English title with a 300-letter word): `briefing build`, end to
 *             end, must finish in bounded time and memory (issue 17); worst_case_build_s and its peak
 *
 * Peak RSS is the largest sum of VmRSS over the whole process tree, sampled every 100 ms from /proc; each child's
 * own peak comes from `/usr/bin/time -f %M` when available. A stage that cannot run (a module not written yet, a
 * failing build) is reported as null with its reason, never as a number.
 *
 * Progress goes to stderr; stdout carries the table, or one JSON object with --json.
 */
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { trashDirFor } from "../../src/pipeline/publish.ts";
import { generateExtraPage, type CorpusSummary } from "./generate.ts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const HERE = join(ROOT, "tests/bench");
/** New articles of the "day" rebuild (after the one-article rebuild). */
const REBUILD_DAY_ARTICLES = 50;
const STAGES = ["ingest", "site", "search", "cards", "rebuild", "baseline", "worst"] as const;
type Stage = (typeof STAGES)[number];
const DEFAULT_ARTICLES = 2000;
const DEFAULT_SEED = "marsad-bench-1";
/**
 * Site and baseline builds are timed this many times each, alternately, from the same starting state. One build
 * of either varies by ±30% from run to run on a shared 2-core VM (file-system calls wait on thread wake-ups whose
 * cost swings with the neighbours' load); the fastest of each is the least disturbed measure of both.
 */
const DEFAULT_RATIO_RUNS = 3;
/**
 * Seconds to leave the file system alone after the last deletion before a timed rebuild. ext4's inode allocator
 * passes over inodes freed in the last minute (`recently_deleted`, 60 s once their blocks are written), reading an
 * inode-table block for each: measured here with `perf`, 20,000 new files took 13 s right after 60,000 deletions and
 * 1.3 s with none. The timed builds would otherwise pay for the deletions of the stage before them.
 */
const SETTLE_AFTER_DELETION_S = 65;
/** Longest wait for a build's background deletion (`<cacheDir>/trash`) to finish before a timed rebuild. */
const TRASH_WAIT_S = 600;
/** RSS sampling period. */
const SAMPLE_MS = 100;
/** Lines of a failing child's stderr kept for the report. */
const TAIL_LINES = 12;
const GNU_TIME = "/usr/bin/time";

const usage = `Usage: npm run -s bench -- [--articles N] [--seed S] [--json] [--keep] [--stages ${STAGES.join(",")}]

Generates N synthetic articles (default ${DEFAULT_ARTICLES}) in a temporary folder and times ingest, the site
build, the search index, share cards (cold and warm), a rebuild after one new article, and a plain Astro
baseline with as many pages.
  --articles N   distinct articles to generate
  --seed S       generator seed (default ${DEFAULT_SEED})
  --json         print one JSON object instead of a table
  --keep         keep the temporary folders (their paths are printed)
  --stages LIST  comma-separated subset of: ${STAGES.join(", ")}
  --ratio-runs K time the site and baseline builds K times each, alternately, and report the fastest of each
                 (default ${DEFAULT_RATIO_RUNS}; every run is listed in site_build_runs_s / baseline_build_runs_s)`;

interface Options {
  articles: number;
  seed: string;
  json: boolean;
  keep: boolean;
  stages: Set<Stage>;
  ratioRuns: number;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { articles: DEFAULT_ARTICLES, seed: DEFAULT_SEED, json: false, keep: false, stages: new Set(STAGES), ratioRuns: DEFAULT_RATIO_RUNS };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === "--articles" || flag === "-n") {
      o.articles = Number(value());
      if (!Number.isInteger(o.articles) || o.articles < 1) throw new Error("--articles must be a positive whole number");
    } else if (flag === "--ratio-runs") {
      o.ratioRuns = Number(value());
      if (!Number.isInteger(o.ratioRuns) || o.ratioRuns < 1) throw new Error("--ratio-runs must be a positive whole number");
    } else if (flag === "--seed") o.seed = value();
    else if (flag === "--json") o.json = true;
    else if (flag === "--keep") o.keep = true;
    else if (flag === "--stages") {
      const list = value().split(",").map((s) => s.trim()).filter(Boolean);
      const unknown = list.filter((s) => !(STAGES as readonly string[]).includes(s));
      if (unknown.length) throw new Error(`unknown stage(s) ${unknown.join(", ")} (stages: ${STAGES.join(", ")})`);
      o.stages = new Set(list as Stage[]);
    } else if (flag === "--help" || flag === "-h") {
      process.stdout.write(`${usage}\n`);
      process.exit(0);
    } else throw new Error(`unknown option ${flag}`);
  }
  return o;
}

const log = (message: string): void => {
  process.stderr.write(`[bench] ${message}\n`);
};
const round = (x: number, digits = 2): number => Math.round(x * 10 ** digits) / 10 ** digits;
const median = (xs: number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

// ---------------------------------------------------------------------------------------------------------------
// Process-tree RSS sampling

/** Samples the summed VmRSS of this process and all its descendants; keeps the peak overall and per stage. */
class TreeRss {
  peakKb = 0;
  stage = "setup";
  stagePeakKb = new Map<string, number>();
  timer: NodeJS.Timeout | undefined;

  start(): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), SAMPLE_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.sample();
  }

  enter(stage: string): void {
    this.sample();
    this.stage = stage;
    this.sample();
  }

  sample(): void {
    let total = 0;
    for (const pid of descendants(process.pid)) total += vmRssKb(pid);
    if (total > this.peakKb) this.peakKb = total;
    if (total > (this.stagePeakKb.get(this.stage) ?? 0)) this.stagePeakKb.set(this.stage, total);
  }
}

/** `root` and every process below it, from the ppid field of /proc/<pid>/stat. */
function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return [root];
  }
  for (const name of entries) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, "utf8");
    } catch {
      continue; // exited meanwhile
    }
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so split after the last ")".
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    const list = children.get(ppid) ?? [];
    list.push(Number(name));
    children.set(ppid, list);
  }
  const out: number[] = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.pop()!;
    out.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return out;
}

function vmRssKb(pid: number): number {
  try {
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Children

interface ChildResult {
  code: number;
  seconds: number;
  stdout: string;
  stderrTail: string;
  /** The child's own peak RSS (largest single process it waited for), from GNU time. */
  maxRssMb: number | null;
  /** User + system CPU seconds of the child and the children it waited for, from GNU time. */
  cpuSeconds: number | null;
}

const hasGnuTime = existsSync(GNU_TIME);

/** Runs `node <args>` as a child of this runner and times it (wall clock). */
/**
 * Moves `path` (if there) into `trash` instead of deleting it: between timed rounds a deletion would slow the next
 * round's file creation (see SETTLE_AFTER_DELETION_S). The trash goes when the bench ends.
 */
function setAside(path: string, trash: string): void {
  if (!existsSync(path)) return;
  mkdirSync(trash, { recursive: true });
  renameSync(path, join(trash, `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`));
}

/**
 * Waits until the build's background deletion (`trashDir`) has finished, flushes the file system and leaves it alone
 * for SETTLE_AFTER_DELETION_S, so that a timed rebuild starts as one does on a site built a while ago. Returns the
 * seconds waited (reported, not timed).
 */
async function settle(trashDir: string): Promise<number> {
  const started = performance.now();
  const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));
  const busy = (): boolean => existsSync(trashDir) && readdirSync(trashDir).length > 0;
  while (busy() && performance.now() - started < TRASH_WAIT_S * 1000) await sleep(500);
  spawnSync("sync", { stdio: "ignore" });
  await sleep(SETTLE_AFTER_DELETION_S * 1000);
  return (performance.now() - started) / 1000;
}

function runNode(args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; logFile: string }): Promise<ChildResult> {
  const rssFile = `${options.logFile}.rss`;
  const [command, argv] = hasGnuTime
    ? [GNU_TIME, ["-f", "%M %U %S", "-o", rssFile, process.execPath, ...args]]
    : [process.execPath, args];
  return new Promise((done) => {
    const started = performance.now();
    const child = spawn(command, argv, { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    const finish = (code: number): void => {
      const seconds = (performance.now() - started) / 1000;
      const stderr = Buffer.concat(err).toString("utf8");
      writeFileSync(options.logFile, stderr);
      let maxRssMb: number | null = null;
      let cpuSeconds: number | null = null;
      if (hasGnuTime && existsSync(rssFile)) {
        // GNU time writes "Command exited with non-zero status N" before the values when the child fails.
        const [kb, user, sys] = (readFileSync(rssFile, "utf8").trim().split("\n").pop() ?? "").split(" ").map(Number);
        if (kb && Number.isFinite(kb)) maxRssMb = round(kb / 1024, 1);
        if (Number.isFinite(user) && Number.isFinite(sys)) cpuSeconds = round(user! + sys!);
      }
      done({
        code,
        seconds,
        stdout: Buffer.concat(out).toString("utf8"),
        stderrTail: stderr.trimEnd().split("\n").slice(-TAIL_LINES).join("\n"),
        maxRssMb,
        cpuSeconds,
      });
    };
    child.on("error", (e) => {
      err.push(Buffer.from(String(e)));
      finish(127);
    });
    child.on("close", (code, signal) => finish(code ?? (signal ? 128 : 1)));
  });
}

/** Last JSON object printed on stdout (ingest --json pretty-prints; the stage children print one line). */
function lastJson(stdout: string): Record<string, unknown> | null {
  const text = stdout.trim();
  for (let start = text.lastIndexOf("\n{"); ; start = text.lastIndexOf("\n{", start - 1)) {
    try {
      return JSON.parse(text.slice(start + 1)) as Record<string, unknown>;
    } catch {
      if (start <= 0) break;
    }
  }
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return null;
  }
}

/** A one-line reason for a failed child, from its JSON or the end of its stderr. */
function failure(what: string, r: ChildResult): string {
  const json = lastJson(r.stdout);
  if (json && typeof json.reason === "string") return json.reason;
  const lines = r.stderrTail.split("\n").map((l) => l.trim()).filter(Boolean);
  const useful = [...lines].reverse().find((l) => /error|cannot|not found|missing|failed/i.test(l)) ?? lines.at(-1) ?? "no output";
  return `${what} exited with status ${r.code}: ${useful.slice(0, 300)}`;
}

function countFiles(dir: string, ext: string): number {
  if (!existsSync(dir)) return 0;
  let n = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) if (entry.isFile() && entry.name.endsWith(ext)) n++;
  return n;
}

// ---------------------------------------------------------------------------------------------------------------
// Baseline Astro project

/** Writes a plain Astro project with `pages` trivial pages and `xmlFiles` trivial XML endpoints. */
function writeBaseline(dir: string, pages: number, xmlFiles: number): void {
  mkdirSync(join(dir, "src/pages"), { recursive: true });
  mkdirSync(join(dir, "src/layouts"), { recursive: true });
  mkdirSync(join(dir, "src/data"), { recursive: true });
  writeFileSync(join(dir, "package.json"), `${JSON.stringify({ name: "marsad-bench-baseline", private: true, type: "module" }, null, 2)}\n`);
  writeFileSync(join(dir, "astro.config.mjs"), `import { defineConfig } from "astro/config";\n\nexport default defineConfig({ outDir: "./dist" });\n`);
  writeFileSync(
    join(dir, "src/layouts/Base.astro"),
    `---\nconst { title, lang } = Astro.props;\n---\n<html lang={lang} dir={lang === "ar" ? "rtl" : "ltr"}>\n<head><meta charset="utf-8" /><title>{title}</title></head>\n<body><main><slot /></main></body>\n</html>\n`,
  );
  writeFileSync(
    join(dir, "src/pages/[slug].astro"),
    `---\nimport Base from "../layouts/Base.astro";\nimport pages from "../data/pages.json";\n\nexport function getStaticPaths() {\n  return pages.map((p) => ({ params: { slug: p.slug }, props: p }));\n}\nconst { title, lang, text } = Astro.props;\n---\n<Base title={title} lang={lang}><h1>{title}</h1><p>{text}</p></Base>\n`,
  );
  const data = Array.from({ length: pages }, (_, i) => ({
    slug: `p-${String(i).padStart(6, "0")}`,
    lang: i % 4 === 3 ? "en" : "ar",
    title: `Page ${i}`,
    text: `Baseline page number ${i}.`,
  }));
  writeFileSync(join(dir, "src/data/pages.json"), JSON.stringify(data));
  if (xmlFiles > 0) {
    mkdirSync(join(dir, "src/pages/feeds"), { recursive: true });
    writeFileSync(
      join(dir, "src/pages/feeds/[slug].xml.ts"),
      `export function getStaticPaths() {\n  return Array.from({ length: ${xmlFiles} }, (_, i) => ({ params: { slug: \`f-\${i}\` } }));\n}\n\n` +
        `export function GET({ params }) {\n  return new Response(\`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>\${params.slug}</title></channel></rss>\`, { headers: { "content-type": "application/xml" } });\n}\n`,
    );
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Run

interface Report {
  [key: string]: unknown;
}

async function main(): Promise<number> {
  let options: Options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`bench: ${(error as Error).message}\n${usage}\n`);
    return 2;
  }
  const rss = new TreeRss();
  rss.start();
  const temps: string[] = [];
  /** What the rounds set aside (setAside), deleted at the end even with --keep. */
  const benchTrash: string[] = [];
  const cleanup = (): void => {
    for (const t of benchTrash) rmSync(t, { recursive: true, force: true });
    if (options.keep) return;
    for (const t of temps) rmSync(t, { recursive: true, force: true });
  };
  process.once("SIGINT", () => {
    cleanup();
    process.exit(130);
  });

  const dir = mkdtempSync(join(tmpdir(), "marsad-bench-"));
  temps.push(dir);
  const logs = join(dir, "logs");
  mkdirSync(logs, { recursive: true });
  const outDir = join(dir, "dist");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    MARSAD_CONTENT_DIR: dir,
    MARSAD_OUT_DIR: outDir,
    MARSAD_CACHE_DIR: join(dir, "cache"),
    ASTRO_TELEMETRY_DISABLED: "1",
    // As `build` does: the site stage leaves the card specs of the model it built for the card stage (child/cards.ts),
    // which then does not build the model again. The site stage runs with --no-cards, so it is set here.
    MARSAD_CARD_SPECS: join(dir, "card-specs.json"),
  };
  delete env.MARSAD_INBOX_DIR;
  const cli = join(ROOT, "src/cli/main.ts");
  const reasons: Record<string, string> = {};
  const childRss: Record<string, number | null> = {};
  const childCpu: Record<string, number | null> = {};
  const r: Report = {
    articles: options.articles,
    pages: null,
    cards: null,
    ingest_s: null,
    ingest_articles_per_s: null,
    extract_articles_per_s: null,
    site_build_s: null,
    baseline_build_s: null,
    build_ratio: null,
    cards_cold_s: null,
    cards_per_s: null,
    cards_rendered_warm: null,
    search_index_s: null,
    rebuild_after_one_new_article_s: null,
    rebuild_one_s: null,
    rebuild_one_pages_rendered: null,
    rebuild_one_ratio: null,
    rebuild_day_s: null,
    rebuild_day_pages_rendered: null,
    rebuild_cards_rendered: null,
    worst_case_build_s: null,
    peak_rss_mb: null,
  };
  const run = async (stage: string, args: string[], cwd = ROOT, childEnv = env): Promise<ChildResult> => {
    const result = await runNode(args, { cwd, env: childEnv, logFile: join(logs, `${stage}.log`) });
    childRss[stage] = result.maxRssMb;
    childCpu[stage] = result.cpuSeconds;
    log(`${stage}: ${result.code === 0 ? "ok" : `exit ${result.code}`} in ${result.seconds.toFixed(2)}s`);
    return result;
  };

  // Generate.
  rss.enter("generate");
  log(`generating ${options.articles} articles (seed ${options.seed}) into ${dir}`);
  const gen = await run("generate", [join(HERE, "child/generate.ts"), dir, String(options.articles), options.seed]);
  const generated = lastJson(gen.stdout);
  if (gen.code !== 0 || !generated?.ok) {
    process.stderr.write(`bench: ${typeof generated?.reason === "string" ? generated.reason : failure("corpus generator", gen)}\n`);
    cleanup();
    return 1;
  }
  const corpus = generated as unknown as Omit<CorpusSummary, "pages" | "truth">;
  const generateS = gen.seconds;
  log(
    `generated ${corpus.files} files (${(corpus.bytes / 1e6).toFixed(1)} MB): ${corpus.byLang.ar ?? 0} Arabic / ${corpus.byLang.en ?? 0} English articles, ` +
      `${corpus.multiArticlePages} multi-article pages, ${corpus.duplicates} copies, ${corpus.actorsInKnowledgeBase} actors in the knowledge base, ${generateS.toFixed(1)}s`,
  );

  // Ingest.
  if (options.stages.has("ingest")) {
    rss.enter("ingest");
    const res = await run("ingest", [cli, "ingest", "--json"]);
    const report = lastJson(res.stdout);
    if (res.code === 0 && report && Array.isArray(report.written)) {
      const written = (report.written as unknown[]).length;
      r.ingest_s = round(res.seconds);
      r.ingest_articles_written = written;
      r.ingest_articles = report.articles ?? null;
      r.ingest_skipped = Array.isArray(report.skipped) ? report.skipped.length : null;
      r.ingest_articles_per_s = round(written / res.seconds, 1);
      if (written === 0) reasons.ingest_articles_per_s = "ingest wrote no article";
    } else reasons.ingest_s = reasons.ingest_articles_per_s = failure("ingest", res);

    rss.enter("extract");
    log("measuring clean+tag throughput on one thread");
    const ext = await run("extract", [join(HERE, "child/extract.ts")]);
    const m = lastJson(ext.stdout);
    if (ext.code === 0 && m?.ok) {
      const articles = m.articles as number;
      r.extract_articles = articles;
      r.extract_lexicon_s = round(m.lexicon_s as number, 3);
      r.extract_s = round(m.extract_s as number, 3);
      r.extract_cpu_s = round(m.extract_cpu_s as number, 3);
      r.extract_articles_per_s = articles ? round(articles / (m.extract_s as number), 1) : null;
      r.extract_articles_per_cpu_s = articles ? round(articles / (m.extract_cpu_s as number), 1) : null;
      if (!articles) reasons.extract_articles_per_s = `extractPages returned no article for ${String(m.pages)} pages`;
      log(`extract: ${articles} articles from ${String(m.pages)} pages in ${(m.extract_s as number).toFixed(2)}s (lexicons ${(m.lexicon_s as number).toFixed(2)}s)`);
    } else {
      reasons.extract_articles_per_s = typeof m?.reason === "string" ? m.reason : failure("extract", ext);
      log(`extract: not measured: ${reasons.extract_articles_per_s}`);
    }
  }

  // The later stages need the articles: without the ingest stage, ingest anyway (not reported as a measure).
  if (!options.stages.has("ingest") && [...options.stages].some((s) => s !== "baseline")) {
    rss.enter("ingest-setup");
    const res = await run("ingest-setup", [cli, "ingest", "--json"]);
    if (res.code !== 0) log(`ingest (setup) failed: ${failure("ingest", res)}`);
  }

  // Site, then the plain Astro baseline, alternately (see DEFAULT_RATIO_RUNS). Every site run starts from the
  // state the first found: no dist, and the cache folder as ingest left it.
  const siteBuild = async (stage: string): Promise<ChildResult> => run(stage, [cli, "build", "--skip-ingest", "--no-cards", "--no-search"]);
  const cacheDir = env.MARSAD_CACHE_DIR!;
  const cacheSnapshot = join(dir, "cache-before-site");
  const siteRuns: number[] = [];
  const baselineRuns: number[] = [];
  const siteTrash = join(dir, "bench-trash");
  benchTrash.push(siteTrash);
  if (options.stages.has("site")) {
    if (options.stages.has("baseline") && options.ratioRuns > 1 && existsSync(cacheDir)) cpSync(cacheDir, cacheSnapshot, { recursive: true });
    rss.enter("site");
    const res = await siteBuild("site");
    const pages = countFiles(outDir, ".html");
    if (res.code === 0 && pages > 0) {
      siteRuns.push(res.seconds);
      r.pages = pages;
    } else reasons.site_build_s = res.code === 0 ? "the build produced no .html page" : failure("site build", res);
  }

  if (options.stages.has("baseline")) {
    rss.enter("baseline");
    const pages = typeof r.pages === "number" ? r.pages : options.articles * 2;
    // The site's other output files (feeds, sitemaps) are routes Astro renders and writes like pages.
    const xmlFiles = typeof r.pages === "number" ? countFiles(outDir, ".xml") : 0;
    if (typeof r.pages !== "number") r.baseline_pages_note = `site pages unknown: baseline uses ${pages} pages (2 per article) and no XML file`;
    const cacheRoot = join(ROOT, "node_modules/.cache/marsad-bench");
    mkdirSync(cacheRoot, { recursive: true });
    const bdir = mkdtempSync(join(cacheRoot, "baseline-"));
    temps.push(bdir);
    const baselineTrash = join(bdir, "bench-trash");
    benchTrash.push(baselineTrash);
    writeBaseline(bdir, pages, xmlFiles);
    const astroBin = join(dirname(createRequire(join(ROOT, "package.json")).resolve("astro/package.json")), "bin", "astro.mjs");
    const rounds = siteRuns.length ? options.ratioRuns : 1;
    for (let i = 0; i < rounds; i++) {
      const suffix = i ? `-${i + 1}` : "";
      if (i > 0) {
        rss.enter("site");
        setAside(outDir, siteTrash);
        setAside(cacheDir, siteTrash);
        if (existsSync(cacheSnapshot)) cpSync(cacheSnapshot, cacheDir, { recursive: true });
        const res = await siteBuild(`site${suffix}`);
        if (res.code !== 0) {
          reasons.site_build_s = failure("site build", res);
          siteRuns.length = 0;
          break;
        }
        siteRuns.push(res.seconds);
        rss.enter("baseline");
      }
      for (const state of ["dist", ".astro", "node_modules"]) setAside(join(bdir, state), baselineTrash);
      const res = await run(`baseline${suffix}`, [astroBin, "build", "--silent"], bdir, { ...process.env, ASTRO_TELEMETRY_DISABLED: "1" });
      const built = countFiles(join(bdir, "dist"), ".html");
      if (res.code !== 0 || built === 0) {
        reasons.baseline_build_s = reasons.build_ratio = res.code === 0 ? "the baseline built no page" : failure("baseline build", res);
        baselineRuns.length = 0;
        break;
      }
      baselineRuns.push(res.seconds);
      r.baseline_pages = built;
      r.baseline_xml_files = countFiles(join(bdir, "dist"), ".xml");
    }
  } else if (siteRuns.length) reasons.build_ratio = "baseline stage not run";
  setAside(cacheSnapshot, siteTrash);
  if (siteRuns.length) {
    r.site_build_s = round(Math.min(...siteRuns));
    r.site_build_runs_s = siteRuns.map((x) => round(x));
  }
  if (baselineRuns.length) {
    r.baseline_build_s = round(Math.min(...baselineRuns));
    r.baseline_build_runs_s = baselineRuns.map((x) => round(x));
  }
  if (siteRuns.length && baselineRuns.length) {
    r.build_ratio = round(Math.min(...siteRuns) / Math.min(...baselineRuns));
    r.build_ratio_median = round(median(siteRuns) / median(baselineRuns));
  } else if (options.stages.has("baseline") && !reasons.build_ratio) reasons.build_ratio = "no site build time";

  // Search.
  const search = async (stage: string): Promise<{ res: ChildResult; json: Record<string, unknown> | null }> => {
    const res = await run(stage, [join(HERE, "child/search.ts")]);
    return { res, json: lastJson(res.stdout) };
  };
  if (options.stages.has("search")) {
    rss.enter("search");
    const { res, json } = await search("search");
    if (res.code === 0 && json?.ok) {
      r.search_index_s = round(res.seconds);
      r.search_index_inner_s = round(json.seconds as number);
      r.search_index_result = json.result;
    } else reasons.search_index_s = failure("search index", res);
  }

  // Cards, cold then warm.
  const cards = async (stage: string): Promise<{ res: ChildResult; json: Record<string, unknown> | null }> => {
    const res = await run(stage, [join(HERE, "child/cards.ts")]);
    return { res, json: lastJson(res.stdout) };
  };
  if (options.stages.has("cards")) {
    rss.enter("cards-cold");
    const cold = await cards("cards-cold");
    if (cold.res.code === 0 && cold.json?.ok) {
      const total = cold.json.total as number;
      r.cards = total;
      r.cards_cold_s = round(cold.res.seconds);
      r.cards_cold_rendered = cold.json.rendered;
      r.cards_render_inner_s = round(cold.json.render_s as number);
      r.cards_per_s = total ? round(total / cold.res.seconds, 1) : null;
      if (!total) reasons.cards_per_s = "no card spec";
      rss.enter("cards-warm");
      const warm = await cards("cards-warm");
      if (warm.res.code === 0 && warm.json?.ok) {
        r.cards_warm_s = round(warm.res.seconds);
        r.cards_rendered_warm = warm.json.rendered;
        if (warm.json.rendered === null) reasons.cards_rendered_warm = "renderCards did not report how many cards it rendered";
      } else reasons.cards_rendered_warm = failure("cards (warm)", warm.res);
    } else reasons.cards_cold_s = reasons.cards_per_s = reasons.cards_rendered_warm = failure("cards", cold.res);
  }

  // Incremental rebuilds: one new article, then a day's worth (REBUILD_DAY_ARTICLES) more.
  if (options.stages.has("rebuild")) {
    rss.enter("rebuild");
    // The site stage above built without search and cards, and a page's cache key records which it was built with
    // (its og:image, its search form): one full build first, so that the rebuilds below start from a site as
    // `npm run build` leaves it.
    const prime = await run("rebuild-prime", [cli, "build", "--skip-ingest", "--json"]);
    if (prime.code === 0) r.rebuild_prime_s = round(prime.seconds);
    // Untimed waits before each rebuild (settle): a site is rebuilt a while after its last build, not while that
    // build's deletions are still being written.
    const settled: Record<string, number> = {};
    r.rebuild_settle_s = settled;
    /** One rebuild: its wall time, its stages, and the build's own report (`build --json`), or why it failed. */
    const rebuild = async (label: string, first: number, count: number): Promise<{ seconds: number; parts: Record<string, number>; report: Record<string, unknown>; cardsRendered: number | null } | string> => {
      if (prime.code !== 0) return failure("full build before the rebuilds", prime);
      settled[label] = round(await settle(trashDirFor(cacheDir)));
      log(`${label}: settled ${settled[label]}s after the previous build's deletions`);
      for (let i = 0; i < count; i++) generateExtraPage({ seed: options.seed, dir, index: first + i });
      log(`${label}: added ${count} page(s)`);
      // One `build --json`, ingest included, as `npm run build` runs it; its JSON has each stage's time.
      const build = await run(`${label}-build`, [cli, "build", "--json"]);
      const report = lastJson(build.stdout);
      if (build.code !== 0 || !report) return failure("build", build);
      const ingested = report.ingest as { processed?: number } | null;
      if (ingested?.processed !== count) return `ingest processed ${String(ingested?.processed)} inputs after ${count} new page(s) (expected exactly ${count})`;
      // The build's own stage times ("site 9.6s"); what they leave of its wall time (start, content check, publish)
      // is `other`; the stages overlap (src/cli/build.ts: cards start during the site stage and run beside search), so
      // their times can add up to more than the wall time, and `other` is then 0.
      const stages = Object.fromEntries(((report.stages as string[] | undefined) ?? []).map((t) => /^(\w+) ([\d.]+)s$/.exec(t)).filter((m) => m !== null).map((m) => [m[1]!, Number(m[2])]));
      const parts: Record<string, number> = {};
      for (const k of ["ingest", "site", "search", "cards"]) parts[k] = stages[k] ?? 0;
      parts.other = Math.max(0, build.seconds - parts.ingest! - parts.site! - parts.search! - parts.cards!);
      // The build reports its cards as one line: "N card(s) (M rendered, K from cache)".
      const cardsRendered = /\((\d+) rendered/.exec(String(report.cards ?? ""));
      return { seconds: build.seconds, parts, report, cardsRendered: cardsRendered ? Number(cardsRendered[1]) : null };
    };
    const one = await rebuild("rebuild", 1, 1);
    if (typeof one === "string") reasons.rebuild_after_one_new_article_s = reasons.rebuild_one_s = one;
    else {
      r.rebuild_one_s = r.rebuild_after_one_new_article_s = round(one.seconds);
      r.rebuild_parts_s = Object.fromEntries(Object.entries(one.parts).map(([k, v]) => [k, round(v)]));
      r.rebuild_one_pages_rendered = one.report.pages_rendered ?? null;
      r.rebuild_one_pages_reused = one.report.pages_reused ?? null;
      r.rebuild_one_search_parts_reused = one.report.search_parts_reused ?? null;
      r.rebuild_one_published = one.report.published ?? null;
      r.rebuild_cards_rendered = one.cardsRendered;
      if (typeof r.site_build_s === "number" && typeof r.search_index_s === "number")
        r.rebuild_one_ratio = round(one.seconds / (r.site_build_s + r.search_index_s));
      const day = await rebuild("rebuild-day", 2, REBUILD_DAY_ARTICLES);
      if (typeof day === "string") reasons.rebuild_day_s = day;
      else {
        r.rebuild_day_s = round(day.seconds);
        r.rebuild_day_parts_s = Object.fromEntries(Object.entries(day.parts).map(([k, v]) => [k, round(v)]));
        r.rebuild_day_pages_rendered = day.report.pages_rendered ?? null;
        r.rebuild_day_pages_reused = day.report.pages_reused ?? null;
        r.rebuild_day_search_parts_reused = day.report.search_parts_reused ?? null;
        r.rebuild_day_cards_rendered = day.cardsRendered;
      }
    }
  }

  // Worst case: hostile pages built alone, end to end, into their own content and output folders.
  if (options.stages.has("worst")) {
    rss.enter("worst");
    const w = join(dir, "worst");
    mkdirSync(join(w, "inbox"), { recursive: true });
    for (const sub of ["actors", "countries"]) cpSync(join(ROOT, "content", sub), join(w, sub), { recursive: true });
    const pages = writeWorstPages(join(w, "inbox"));
    log(`worst: ${pages} hostile pages`);
    const res = await run("worst", [cli, "build", "--json"], ROOT, {
      ...env,
      MARSAD_CONTENT_DIR: w,
      MARSAD_OUT_DIR: join(w, "dist"),
      MARSAD_CACHE_DIR: join(w, "cache"),
    });
    if (res.code === 0) {
      r.worst_case_build_s = round(res.seconds);
      r.worst_case_peak_rss_mb = childRss.worst ?? null;
    } else reasons.worst_case_build_s = failure("worst-case build", res);
  }

  rss.stop();
  const selfMaxMb = process.resourceUsage().maxRSS / 1024;
  r.peak_rss_mb = round(Math.max(rss.peakKb / 1024, selfMaxMb), 1);
  r.stage_peak_rss_mb = Object.fromEntries([...rss.stagePeakKb].map(([k, v]) => [k, round(v / 1024, 1)]));
  r.child_max_rss_mb = hasGnuTime ? childRss : "unavailable (no /usr/bin/time)";
  r.child_cpu_s = hasGnuTime ? childCpu : "unavailable (no /usr/bin/time)";
  r.load_average = loadavg().map((x) => round(x));
  const stageOf: Record<string, Stage> = {
    ingest_s: "ingest", ingest_articles_per_s: "ingest", extract_articles_per_s: "ingest", site_build_s: "site", pages: "site",
    search_index_s: "search", cards: "cards", cards_cold_s: "cards", cards_per_s: "cards", cards_rendered_warm: "cards",
    rebuild_after_one_new_article_s: "rebuild", rebuild_cards_rendered: "rebuild", rebuild_one_s: "rebuild", rebuild_day_s: "rebuild", baseline_build_s: "baseline", build_ratio: "baseline",
    worst_case_build_s: "worst",
  };
  for (const [key, stage] of Object.entries(stageOf)) {
    if (r[key] === null && !reasons[key]) reasons[key] = options.stages.has(stage) ? "not measured (see the stage's reason)" : `stage ${stage} not run`;
  }
  Object.assign(r, {
    null_reasons: Object.fromEntries(Object.entries(reasons).filter(([k]) => r[k] === null)),
    corpus: {
      files: corpus.files,
      bytes: corpus.bytes,
      by_lang: corpus.byLang,
      multi_article_pages: corpus.multiArticlePages,
      duplicates: corpus.duplicates,
      undated_articles: corpus.undatedArticles,
      html_pages: corpus.htmlPages,
      actors_in_knowledge_base: corpus.actorsInKnowledgeBase,
      generate_s: round(generateS),
    },
    N: options.articles,
    seed: options.seed,
    stages: [...options.stages],
    node: process.version,
    cpu_count: availableParallelism(),
    cpu_model: cpus()[0]?.model ?? null,
    total_mem_mb: Math.round(totalmem() / 2 ** 20),
    date: new Date().toISOString(),
    kept: options.keep ? temps : null,
  });

  if (options.json) process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
  else process.stdout.write(table(r));
  if (options.keep) log(`kept: ${temps.join(", ")}`);
  cleanup();
  return 0;
}

/**
 * Hostile pages for the worst-case stage (the classes of issue 17 that cost time or memory). Text is made up
 * here: a few plain sentences around the oversized parts. Returns how many pages were written.
 */
function writeWorstPages(inbox: string): number {
  const body = (lang: "ar" | "en"): string =>
    lang === "ar"
      ? "قال مسؤول حكومي إن الاجتماع بحث ملفات الأمن والحدود والتعاون الاقتصادي بين البلدين.\n\nوأضاف أن اللجان المشتركة ستواصل عملها خلال الأسابيع المقبلة."
      : "An official said the meeting discussed security, borders and economic cooperation between the two countries.\n\nHe added that joint committees would continue their work in the coming weeks.";
  const header = (title: string, lang: "ar" | "en"): string =>
    `${title}\n${lang === "ar" ? "وكالة الأنباء" : "News Agency"}\n${lang === "ar" ? "12 مارس 2025" : "March 12, 2025"}\n\n`;
  const pages: Record<string, string> = {
    "title-1mb.txt": header("اجتماع أمني ".repeat(90_000).trim(), "ar") + body("ar"),
    "title-36k.txt": header("Security talks ".repeat(2_600).trim(), "en") + body("en"),
    "word-100k.txt": header("اجتماع أمني في العاصمة", "ar") + `${body("ar")}\n\n${"ب".repeat(100_000)}\n`,
    "paragraphs-20k.txt": header("اجتماع أمني طويل", "ar") + Array.from({ length: 20_000 }, () => body("ar").split("\n\n")[0]).join("\n\n"),
    "controls.txt": header("Talks\u0007 end\u001b[2J with\uFFFE a deal\u0001", "en") + body("en"),
    "long-english-word.txt": header(`Officials meet over ${"a".repeat(300)} border`, "en") + body("en"),
  };
  for (const [name, text] of Object.entries(pages)) writeFileSync(join(inbox, name), text);
  return Object.keys(pages).length;
}

/** The readable form: one metric a line, with its target where there is one. */
function table(r: Report): string {
  const reasons = (r.null_reasons ?? {}) as Record<string, string>;
  const rows: Array<[string, string, string?]> = [
    ["articles (N)", String(r.articles)],
    ["pages (.html)", fmt(r.pages)],
    ["cards", fmt(r.cards)],
    ["ingest_s", fmt(r.ingest_s)],
    ["ingest_articles_per_s", fmt(r.ingest_articles_per_s)],
    ["extract_articles_per_s", fmt(r.extract_articles_per_s), "≥ 500"],
    ["extract_articles_per_cpu_s", fmt(r.extract_articles_per_cpu_s)],
    ["site_build_s", fmt(r.site_build_s)],
    ["baseline_build_s", fmt(r.baseline_build_s)],
    ["build_ratio", fmt(r.build_ratio), "≤ 1.5"],
    ["search_index_s", fmt(r.search_index_s)],
    ["cards_cold_s", fmt(r.cards_cold_s)],
    ["cards_per_s", fmt(r.cards_per_s)],
    ["cards_rendered_warm", fmt(r.cards_rendered_warm), "= 0"],
    ["rebuild_one_s", fmt(r.rebuild_one_s)],
    ["rebuild_one_pages_rendered", fmt(r.rebuild_one_pages_rendered)],
    ["rebuild_one_ratio", fmt(r.rebuild_one_ratio), "≤ 0.2 at N = 10,000"],
    ["rebuild_day_s", fmt(r.rebuild_day_s)],
    ["rebuild_day_pages_rendered", fmt(r.rebuild_day_pages_rendered)],
    ["rebuild_cards_rendered", fmt(r.rebuild_cards_rendered)],
    ["worst_case_build_s", fmt(r.worst_case_build_s)],
    ["peak_rss_mb", fmt(r.peak_rss_mb)],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  const lines = rows.map(([k, v, target]) => {
    const key = k.split(" ")[0]!;
    const why = v === "null" && reasons[key] ? `  (${reasons[key]})` : "";
    return `${k.padEnd(width)}  ${v.padStart(9)}${target ? `  target ${target}` : ""}${why}`;
  });
  lines.push("", `node ${r.node}, ${r.cpu_count} CPU(s), load average ${(r.load_average as number[]).join(" ")}, seed ${r.seed}, ${r.date}`);
  return `${lines.join("\n")}\n`;
}

function fmt(v: unknown): string {
  return v === null || v === undefined ? "null" : String(v);
}

process.exitCode = await main();
