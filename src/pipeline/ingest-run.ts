/**
 * The ingest operation: clean, tag and write articles under `content/articles/`. Atomic (temp file + rename),
 * idempotent, incremental (manifest keyed by content hash), and never overwrites an article an editor changed by hand
 * (reported as a conflict). Raw inputs are only read. Run by the `ingest` and `build` commands (src/cli/) and by the
 * dev server for pages dropped into the inbox; it reports through an injected `Io` (src/lib/report.ts).
 */
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { loadSettings } from "../config.ts";
import { loadEntityLexicons } from "../entities/index.ts";
import type { RawPage } from "../ingest/index.ts";
import { removeStaleTemps, writeFileAtomic, writeFilesAtomic } from "../lib/atomic.ts";
import { extractPagesParallel } from "./extract-parallel.ts";
import { MANIFEST_NAME, pipelineFingerprint, readManifest } from "./manifest.ts";
import { inputHash, planIngest } from "./plan-ingest.ts";
import { findInputs, readInput, readTemplatesBytes } from "./read-inputs.ts";
import { inputSignature, inputStampsFile, readInputStamps, templatesDigest, writeInputStamps, type InputStamp } from "./input-stamps.ts";
import { acquireLock } from "../lib/lock.ts";
import { ownStoryId } from "../lib/identity.ts";
import { recordCandidates } from "./review-queue.ts";
import type { Skipped } from "../schemas/article.ts";
import { readArticlesCached, readStoredStories, recordWrittenArticles } from "../content/article-cache.ts";
import type { StoryInput } from "../stories/index.ts";
import { progress, safeText, type Io } from "../lib/report.ts";

/** The lock folder, in the content folder, that keeps two ingests of it from running at once. */
const INGEST_LOCK = ".ingest.lock";
/** An ingest holding the lock longer than this is assumed stuck (10,000 pages take about a minute). */
const STALE_INGEST_MS = 60 * 60 * 1000;

export interface IngestReport {
  files: number;
  processed: number;
  unchanged_inputs: number;
  articles: number;
  written: string[];
  unchanged: number;
  edited_by_hand: number;
  conflicts: Array<{ id: string; path: string; reason: string }>;
  skipped: Skipped[];
  seconds: number;
}

/** Runs ingest and returns its report (used by `build` too). */
export async function ingest(options: { paths: string[]; force?: boolean; io: Io }): Promise<IngestReport> {
  const { io } = options;
  const started = io.now();
  const settings = loadSettings(io.cwd, io.env);
  const paths = options.paths.length ? options.paths.map((p) => resolve(io.cwd, p)) : [settings.inboxDir];
  // A content problem (exit 1), as for extract: the command was used right, the input is not there.
  for (const p of paths) if (!existsSync(p)) throw new Error(`no such file or folder: ${safeText(relative(io.cwd, p) || p)}`);
  // One ingest at a time per content folder: two at once would each write a manifest missing the other's work.
  const release = acquireLock(join(settings.contentDir, INGEST_LOCK), {
    staleMs: STALE_INGEST_MS,
    onWait: (pid) => io.stderr.write(`ingest: waiting for another ingest (pid ${pid}) of ${settings.contentDir} to finish\n`),
  });
  try {
    return await ingestLocked(options, settings, paths, started);
  } finally {
    release();
  }
}

async function ingestLocked(
  options: { force?: boolean; io: Io },
  settings: ReturnType<typeof loadSettings>,
  paths: string[],
  started: number,
): Promise<IngestReport> {
  const { io } = options;
  mkdirSync(settings.articlesDir, { recursive: true });
  removeStaleTemps(settings.articlesDir);
  const manifestPath = join(settings.articlesDir, MANIFEST_NAME);
  const { manifest, warning } = readManifest(manifestPath, pipelineFingerprint(settings.contentDir));
  if (warning) io.stderr.write(`ingest: ${warning}\n`);

  const { inputs, skipped: unreadable } = findInputs(paths, io.cwd);
  // A changed sidecar or templates file changes the hash of the inputs it shapes (plan-ingest.ts inputHash).
  const templates = readTemplatesBytes(settings.contentDir);
  const skipped: Skipped[] = [...unreadable];
  const changed: Array<{ key: string; hash: string; page: RawPage }> = [];
  let unchangedInputs = 0;
  // An input whose page and sidecar places have the stat signature recorded with its hash is not read again.
  const stampsFile = inputStampsFile(settings.cacheDir, settings.contentDir);
  const templatesKey = templatesDigest(templates);
  const remembered = readInputStamps(stampsFile, templatesKey, (m) => io.stderr.write(`ingest: ${m}\n`));
  const stamps = new Map<string, InputStamp>();
  const now = Date.now();
  for (const input of inputs) {
    const key = relative(settings.root, input.path);
    const known = manifest.inputs[key];
    const complete = () => known?.articles.every((id) => existsSync(join(settings.articlesDir, `${id}.md`)));
    // Taken before the bytes are read, so it is never newer than the hash recorded with it.
    const signature = input.bytesPath ? undefined : inputSignature(input.path, now);
    const stamp = signature === undefined ? undefined : remembered.get(key);
    if (!options.force && known && stamp && stamp.stat === signature && stamp.hash === known.hash && complete()) {
      stamps.set(key, stamp);
      unchangedInputs++;
      if (known.skipped) skipped.push({ file: input.file, reason: known.skipped });
      continue;
    }
    const read = readInput(input);
    if (!read.ok) {
      skipped.push({ file: input.file, reason: read.reason });
      continue;
    }
    const hash = inputHash(read.page, templates);
    if (signature !== undefined) stamps.set(key, { stat: signature, hash });
    if (!options.force && known && known.hash === hash && complete()) {
      unchangedInputs++;
      if (known.skipped) skipped.push({ file: input.file, reason: known.skipped });
      continue;
    }
    changed.push({ key, hash, page: read.page });
  }

  const tick = progress(io, "ingest");
  const result = changed.length
    ? await extractPagesParallel(
        changed.map((c) => c.page),
        loadEntityLexicons(settings.contentDir, { cacheDir: settings.cacheDir }),
        {
          onWarning: (file, message) => io.stderr.write(`${safeText(file)}: ${safeText(message)}\n`),
          onProgress: tick,
          existing: storedStories(settings, io),
        },
      )
    : { articles: [], skipped: [], candidates: new Map() };

  const idsByFile = new Map<string, string[]>();
  for (const a of result.articles)
    for (const s of a.sources) {
      const ids = idsByFile.get(s.file);
      if (!ids) idsByFile.set(s.file, [a.id]);
      else if (ids.at(-1) !== a.id) ids.push(a.id);
    }
  const skipByFile = new Map<string, string>();
  for (const s of result.skipped) if (!skipByFile.has(s.file)) skipByFile.set(s.file, s.reason);
  const processed: Record<string, { hash: string; articles: string[]; skipped?: string }> = {};
  for (const c of changed) {
    const skip = skipByFile.get(c.page.file);
    processed[c.key] = { hash: c.hash, articles: idsByFile.get(c.page.file) ?? [], ...(skip !== undefined ? { skipped: skip } : {}) };
  }
  skipped.push(...result.skipped);

  const plan = planIngest({
    articles: result.articles,
    processed,
    manifest,
    pathFor: (id) => join(settings.articlesDir, `${id}.md`),
    readCurrent: (path) => (existsSync(path) ? readFileSync(path, "utf8") : undefined),
  });
  // Articles first, manifest last: a crash in between leaves files the next run recognises and adopts.
  writeFilesAtomic(plan.writes.map((w) => ({ path: w.path, data: w.text })));
  try {
    recordWrittenArticles(settings, plan.writes);
  } catch (error) {
    // Only a cache: the next build parses the files instead.
    io.stderr.write(`ingest: site article cache not updated: ${(error as Error).message}\n`);
  }
  const manifestText = `${JSON.stringify(plan.manifest, null, 1)}\n`;
  // Rewritten only when it changes, so a run with nothing to do touches no file at all.
  if (!existsSync(manifestPath) || readFileSync(manifestPath, "utf8") !== manifestText) writeFileAtomic(manifestPath, manifestText);
  // After the manifest: a stamp is only ever used with the hash the manifest holds for its input.
  if (!sameStamps(stamps, remembered)) writeInputStamps(stampsFile, templatesKey, stamps);
  if (result.candidates.size) {
    try {
      recordCandidates(settings.contentDir, result.candidates);
    } catch (error) {
      io.stderr.write(`ingest: review queue not updated: ${(error as Error).message}\n`);
    }
  }
  return {
    files: inputs.length + unreadable.length,
    processed: changed.length,
    unchanged_inputs: unchangedInputs,
    articles: new Set(result.articles.map((a) => a.id)).size,
    written: plan.writes.map((w) => w.id),
    unchanged: plan.unchanged.length,
    edited_by_hand: plan.edited.length,
    conflicts: plan.conflicts,
    skipped,
    seconds: (io.now() - started) / 1000,
  };
}

function sameStamps(a: ReadonlyMap<string, InputStamp>, b: ReadonlyMap<string, InputStamp>): boolean {
  if (a.size !== b.size) return false;
  for (const [key, stamp] of a) {
    const other = b.get(key);
    if (!other || other.stat !== stamp.stat || other.hash !== stamp.hash) return false;
  }
  return true;
}

/**
 * The articles already in the content folder, for story grouping: new articles join their stories. Read through
 * the site's article cache (what earlier ingests recorded), so only files changed by hand are parsed. An article
 * written before stories existed is its own story, as the site shows it.
 */
function storedStories(settings: ReturnType<typeof loadSettings>, io: Io): StoryInput[] {
  if (!existsSync(settings.articlesDir)) return [];
  try {
    // Read in part when the cache is current: grouping reads only the articles near the new ones in time.
    const report = { warn: (m: string) => io.stderr.write(`ingest: ${m}\n`) };
    const partly = readStoredStories(settings, report);
    if (partly) return partly;
    const read = readArticlesCached(settings, report);
    return read.articles.map((a) => ({ ...a, story: a.story ?? ownStoryId(a) }));
  } catch (error) {
    // Without them new articles still get stories, among themselves.
    io.stderr.write(`ingest: stored articles not read for story grouping: ${(error as Error).message}\n`);
    return [];
  }
}

