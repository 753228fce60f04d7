/**
 * Nothing lost: `ingest` killed with SIGKILL at random moments never leaves a partial or corrupt article, never
 * touches the raw inputs, and the next complete run produces exactly the files a clean run does. Hand edits
 * survive re-ingest (a conflict is reported when the generated text would change), and re-running on an unchanged
 * inbox changes no file.
 */
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseArticle } from "../../src/content/article-file.ts";
import { readQueue } from "../../src/pipeline/review-queue.ts";
import { arabicPage, manyArticlesPage } from "./generate.ts";
import { contentEnv, filesOf, makeContentDir, runCli, SEED_PAGES, snapshot, startCli } from "./helpers.ts";

const ITERATIONS = Number(process.env.MARSAD_KILL_ITERATIONS ?? 24);
/** A cap on extra kills when too few landed mid-run (see the loop). */
const MAX_ITERATIONS = 3 * ITERATIONS;
const TEMP_MARKER = ".marsad-tmp-";
const MANIFEST = ".manifest.json";

/** Forty raw pages: the seed pages plus generated single- and multi-article pages (one HTML). */
function fillInbox(inbox: string): number {
  for (const name of readdirSync(SEED_PAGES)) copyFileSync(join(SEED_PAGES, name), join(inbox, name));
  let n = readdirSync(SEED_PAGES).length;
  for (let i = 0; n < 40; i++, n++) {
    const name = `page-${String(i).padStart(2, "0")}.txt`;
    writeFileSync(join(inbox, name), i % 5 === 4 ? manyArticlesPage(2 + (i % 3), 100 + i * 10) : arabicPage(200 + i));
  }
  return n;
}

/** Deterministic pseudo-random numbers (a kill schedule that can be replayed). */
function lcg(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

function ingestArgs(): string[] {
  return ["ingest", "--json"];
}

/**
 * Runs ingest in a child process and SIGKILLs it `delayMs` after it starts, or, with `watchDir`, `delayMs` after the
 * first file appears in that folder (the write phase, which is short next to start-up and cleaning).
 */
function killAfter(env: NodeJS.ProcessEnv, delayMs: number, watchDir?: string): Promise<{ killed: boolean; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = startCli(ingestArgs(), env);
    child.stdout.resume();
    child.stderr.resume();
    let timer: NodeJS.Timeout | undefined;
    let poll: NodeJS.Timeout | undefined;
    if (!watchDir) timer = setTimeout(() => child.kill("SIGKILL"), delayMs);
    else
      poll = setInterval(() => {
        let names: string[] = [];
        try {
          names = readdirSync(watchDir);
        } catch {
          return;
        }
        if (names.length === 0) return;
        clearInterval(poll);
        timer = setTimeout(() => child.kill("SIGKILL"), delayMs);
      }, 1);
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      clearInterval(poll);
      resolve({ killed: signal === "SIGKILL", code });
    });
  });
}

/** True when a killed run left the articles folder between "nothing written" and "everything written". */
function midWrite(articlesDir: string, reference: Record<string, string>): boolean {
  let names: string[];
  try {
    names = readdirSync(articlesDir);
  } catch {
    return false;
  }
  const md = names.filter((n) => n.endsWith(".md")).length;
  return names.some((n) => n.includes(TEMP_MARKER)) || (md > 0 && md < Object.keys(reference).length) || (md > 0 && !names.includes(MANIFEST));
}

/** Problems with the state a run (complete or killed) left in the articles folder. */
function stateProblems(articlesDir: string, reference: Record<string, string>): string[] {
  const problems: string[] = [];
  let names: string[];
  try {
    names = readdirSync(articlesDir);
  } catch {
    return []; // killed before the folder was created
  }
  for (const name of names) {
    if (name.startsWith(".") && name.includes(TEMP_MARKER)) continue; // cleaned by the next run (checked at the end)
    const text = readFileSync(join(articlesDir, name), "utf8");
    if (name === MANIFEST) {
      try {
        JSON.parse(text);
      } catch (error) {
        problems.push(`${name}: corrupt manifest (${(error as Error).message})`);
      }
      continue;
    }
    if (!name.endsWith(".md")) {
      problems.push(`${name}: unexpected file in the articles folder`);
      continue;
    }
    try {
      parseArticle(text, name);
    } catch (error) {
      problems.push(`${name}: does not parse: ${(error as Error).message}`);
      continue;
    }
    if (!(name in reference)) problems.push(`${name}: not an article of the clean run`);
    else if (reference[name] !== text) problems.push(`${name}: differs from the clean run's file`);
  }
  return problems;
}

describe("ingest killed with SIGKILL", () => {
  let referenceDir: string;
  let reference: Record<string, string>;
  let runMs: number;

  beforeAll(() => {
    referenceDir = makeContentDir("kill-ref");
    fillInbox(join(referenceDir, "inbox"));
    const started = performance.now();
    const run = runCli(ingestArgs(), contentEnv(referenceDir));
    runMs = performance.now() - started;
    if (run.status !== 0) throw new Error(`reference ingest failed (${run.status}): ${run.stderr}`);
    reference = filesOf(join(referenceDir, "articles"), (n) => n.endsWith(".md"));
  }, 300_000);

  it("the reference run wrote articles for the 40 pages", () => {
    expect(readdirSync(join(referenceDir, "inbox"))).toHaveLength(40);
    expect(Object.keys(reference).length).toBeGreaterThanOrEqual(40);
  });

  it(`never leaves a partial or corrupt article over ${ITERATIONS} or more kills, and recovers to the clean run's files`, { timeout: 1_800_000 }, async () => {
    const dir = makeContentDir("kill");
    const inbox = join(dir, "inbox");
    fillInbox(inbox);
    const inputs = snapshot(inbox);
    const env = contentEnv(dir);
    const articlesDir = join(dir, "articles");
    const random = lcg(Number(process.env.MARSAD_KILL_SEED ?? 20250301));
    const log: string[] = [];
    let killedMidRun = 0;
    let killedMidWrite = 0;
    // At least ITERATIONS kills; on a machine whose load changes during the run, more until enough kills landed
    // mid-run and mid-write (the timing of a kill is random, so the count it takes is not fixed).
    const enough = (): boolean => killedMidRun >= ITERATIONS / 2 && killedMidWrite >= 3;
    for (let i = 0; i < ITERATIONS || (!enough() && i < MAX_ITERATIONS); i++) {
      // Even iterations: kills spread over the whole run, from start-up to after the manifest. Odd iterations: from
      // scratch, killed 0–200 ms into the write phase (articles, then the manifest).
      const targeted = i % 2 === 1;
      if (targeted) rmSync(articlesDir, { recursive: true, force: true });
      const delay = targeted ? Math.round(random() * 200) : Math.round(random() * runMs * 1.1);
      const ended = await killAfter(env, delay, targeted ? articlesDir : undefined);
      if (ended.killed) killedMidRun++;
      const partial = ended.killed && midWrite(articlesDir, reference);
      if (partial) killedMidWrite++;
      const problems = stateProblems(articlesDir, reference);
      log.push(`#${i} kill ${delay} ms after ${targeted ? "the first write" : "start"}: ${ended.killed ? "killed" : `exited ${ended.code}`}${partial ? " mid-write" : ""}, ${problems.length} problem(s)`);
      expect(problems, log.join("\n")).toEqual([]);
      expect(() => readQueue(dir), "review queue readable after a kill").not.toThrow();
      expect(snapshot(inbox)).toEqual(inputs);
      // A run that finished leaves nothing to interrupt: start the next one from scratch half of the time.
      if (!ended.killed || random() < 0.3) rmSync(articlesDir, { recursive: true, force: true });
    }
    expect(killedMidRun, log.join("\n")).toBeGreaterThanOrEqual(ITERATIONS / 2);
    // The kills must really land inside the write phase some of the time, or the test proves little.
    expect(killedMidWrite, log.join("\n")).toBeGreaterThanOrEqual(3);
    if (process.env.MARSAD_KILL_LOG) console.log(log.join("\n"));

    const final = runCli(ingestArgs(), env);
    expect(final.status, final.stderr).toBe(0);
    expect(JSON.parse(final.stdout).conflicts).toEqual([]);
    expect(filesOf(articlesDir, (n) => n.endsWith(".md"))).toEqual(reference);
    expect(readdirSync(articlesDir).filter((n) => n.includes(TEMP_MARKER))).toEqual([]);
    // Temp files of the review queue (content/review/) are not cleaned by removeStaleTemps(articlesDir): none may remain.
    const reviewDir = join(dir, "review");
    expect(existsSync(reviewDir) ? readdirSync(reviewDir).filter((n) => n.includes(TEMP_MARKER)) : []).toEqual([]);
    expect(snapshot(inbox)).toEqual(inputs);
  });
});

describe("hand edits and unchanged re-runs", () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let articlesDir: string;

  beforeAll(() => {
    dir = makeContentDir("edit");
    fillInbox(join(dir, "inbox"));
    env = contentEnv(dir);
    articlesDir = join(dir, "articles");
    const run = runCli(ingestArgs(), env);
    if (run.status !== 0) throw new Error(`ingest failed: ${run.stderr}`);
  }, 300_000);

  it("re-running ingest on an unchanged inbox changes no file (bytes and mtimes)", () => {
    const before = snapshot(articlesDir);
    const run = runCli(ingestArgs(), env);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).written).toEqual([]);
    const after = snapshot(articlesDir);
    const articles = (s: typeof before) => Object.fromEntries(Object.entries(s).filter(([k]) => k.endsWith(".md")));
    expect(articles(after)).toEqual(articles(before));
    // The manifest too: nothing changed, so nothing should be rewritten.
    expect(after[MANIFEST], "manifest rewritten on an unchanged run").toEqual(before[MANIFEST]);
  });

  /** The article the seed page ar-single.txt produced. */
  function singleArticle(): { file: string; path: string; text: string } {
    for (const file of readdirSync(articlesDir).filter((n) => n.endsWith(".md"))) {
      const path = join(articlesDir, file);
      const text = readFileSync(path, "utf8");
      if (parseArticle(text, file).sources.some((s) => s.file === "ar-single.txt")) return { file, path, text };
    }
    throw new Error("no article from ar-single.txt");
  }

  it("keeps a hand edit (title_en added) on re-ingest, also with --force", () => {
    const { path, text } = singleArticle();
    const edited = text.replace(/^---\n/, "---\ntitle_en: Haftar receives a UN delegation in Benghazi\n");
    expect(edited).not.toBe(text);
    writeFileSync(path, edited);
    const before = snapshot(articlesDir);
    for (const args of [ingestArgs(), [...ingestArgs(), "--force"]]) {
      const run = runCli(args, env);
      expect(run.status, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout).conflicts, args.join(" ")).toEqual([]);
      expect(readFileSync(path, "utf8")).toBe(edited);
    }
    expect(parseArticle(readFileSync(path, "utf8"), "x").title_en).toBe("Haftar receives a UN delegation in Benghazi");
    const after = snapshot(articlesDir);
    expect(after[path.split("/").pop()!]).toEqual(before[path.split("/").pop()!]);
  });

  it("reports a conflict and still does not overwrite when the raw page changes the generated text", () => {
    let { file, path, text } = singleArticle();
    if (parseArticle(text, file).title_en === undefined) {
      text = text.replace(/^---\n/, "---\ntitle_en: Haftar receives a UN delegation in Benghazi\n");
      writeFileSync(path, text);
    }
    const raw = join(dir, "inbox", "ar-single.txt");
    const original = readFileSync(raw, "utf8");
    // Same title and body (so the same id), another date: the generated frontmatter changes.
    const changed = original.replace("نُشر: 10:15-12 مارس 2025 م", "نُشر: 10:15-13 مارس 2025 م");
    expect(changed).not.toBe(original);
    writeFileSync(raw, changed);
    try {
      const run = runCli(ingestArgs(), env);
      expect(run.status, run.stderr).toBe(0);
      const report = JSON.parse(run.stdout);
      expect(report.conflicts.map((c: { id: string }) => c.id)).toContain(file.replace(/\.md$/, ""));
      expect(run.stderr).toMatch(/conflict/);
      expect(readFileSync(path, "utf8")).toBe(text);
    } finally {
      writeFileSync(raw, original);
    }
  });
});

describe("ingests started at the same time", () => {
  it("run one after the other: the manifest records every article and a third run has nothing to do", { timeout: 600_000 }, async () => {
    const dir = makeContentDir("concurrent");
    fillInbox(join(dir, "inbox"));
    const env = contentEnv(dir);
    const finish = (child: ReturnType<typeof startCli>) =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (d) => (stdout += d));
        child.stderr.on("data", (d) => (stderr += d));
        child.on("close", (code) => resolve({ code, stdout, stderr }));
      });
    const runs = await Promise.all([finish(startCli(ingestArgs(), env)), finish(startCli(ingestArgs(), env))]);
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    // One of the two waited for the other's lock.
    expect(runs.some((r) => r.stderr.includes("waiting for another ingest")), runs.map((r) => r.stderr).join("\n")).toBe(true);
    const articlesDir = join(dir, "articles");
    const manifest = JSON.parse(readFileSync(join(articlesDir, ".manifest.json"), "utf8")) as { articles: Record<string, unknown> };
    const files = Object.keys(filesOf(articlesDir, (n) => n.endsWith(".md"))).map((n) => n.replace(/\.md$/, ""));
    expect(Object.keys(manifest.articles).sort()).toEqual(files.sort());
    const third = runCli(ingestArgs(), env);
    expect(third.status, third.stderr).toBe(0);
    const report = JSON.parse(third.stdout);
    expect({ processed: report.processed, written: report.written, conflicts: report.conflicts }).toEqual({ processed: 0, written: [], conflicts: [] });
    expect(existsSync(join(dir, ".ingest.lock"))).toBe(false);
  });
});
