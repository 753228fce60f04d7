/**
 * Framework-free readers of the content: article-cache.ts wraps them (with a JSON cache) for ingest, the site build
 * and the card stage, so the same reading serves tests, cards and pages.
 *
 * Articles are read with a fast path for the YAML the serializer writes (fast-frontmatter.ts, identical results to
 * parseArticle), and incrementally: a file whose bytes (hashed) and reader version are unchanged since the last
 * build is not parsed again; the caller keeps the previous result (article-cache.ts: a JSON cache).
 *
 * A bad article file is reported and skipped: one broken file must not stop the briefing for all the others.
 * A bad knowledge-base file stops the build, because actor pages and links would silently change meaning.
 */
import { existsSync, readdirSync, readFileSync, statSync, type BigIntStats } from "node:fs";
import { join } from "node:path";
import { loadActors } from "./actors-file.ts";
import { digestKey } from "../lib/cache.ts";
import { moduleVersion } from "../lib/code-version.ts";
import { settledBefore, statSignature } from "../lib/file-signature.ts";
import { readArticleFile } from "./fast-frontmatter.ts";
import { boundWords } from "../lib/limits.ts";
import { cleanName, cleanStrings, removeInvalidChars } from "../lib/text-safety.ts";
import type { Actor } from "../schemas/actor.ts";
import type { Article } from "../schemas/article.ts";

export interface ReadReport {
  warn(message: string): void;
}

/** What was recorded about one article file last time. */
export interface FileStamp {
  id: string;
  stamp: string;
  /** Its stat signature when the stamp was taken (see `editedSignature`); none when it had just changed. */
  stat?: string;
}

export interface IncrementalRead {
  /** Articles parsed this time (new or changed files), with the stamp to store alongside. */
  parsed: Array<{ article: Article; stamp: string }>;
  /** Ids of articles whose files did not change (the caller still holds them). */
  unchanged: string[];
  /** Stamps to remember for the next read, by file name. */
  files: Record<string, FileStamp>;
}

let readerVersion: string | undefined;
/**
 * Changes whenever the code that turns a file into an article changes (the article schema or the file reader), so
 * a cache from an older reader is never trusted.
 */
function currentReaderVersion(): string {
  // This module and everything it imports (computed: a hand-kept list went stale). Bundled without its sources: the
  // cache then relies on file stamps alone.
  return (readerVersion ??= moduleVersion(import.meta.url) ?? "unversioned");
}

/**
 * A file's stamp: a hash of its bytes and the reader version. Not its size and modification time: an edit of the
 * same length whose mtime is restored (`cp -p`, `rsync -t`, backups) kept the old title in pages, feeds and cards.
 * Hashing costs a read of every file (≈ 0.3 s for 10,000 articles); parsing, which it saves, costs ≈ 10 ms a file.
 */
const stampOf = (bytes: Uint8Array, version: string): string => `${digestKey(bytes)}:${version}`;

/**
 * The stat signature of an edited file (src/lib/file-signature.ts), which spares reading and hashing it when it is
 * what it was at its last stamp (10,000 files were read and hashed by every read of the articles: ingest, the build's
 * check, the pages and the cards each read them). None for a file that changed too recently to be trusted (`now`,
 * ms since the epoch): it is hashed, and signed next time.
 */
export function editedSignature(stat: BigIntStats, now: number): string | undefined {
  const { signature, settled } = statSignature(stat, settledBefore(now), "edited");
  return settled ? signature : undefined;
}

/** The stamp an incremental read records for the article file at `file` as it is now. */
export function fileStamp(file: string): string {
  return stampOf(readFileSync(file), currentReaderVersion());
}

/**
 * An article file as the site reads it: parsed, and cleaned of characters no published file may hold (control
 * characters, noncharacters, lone surrogates: see text-safety.ts), whether they came from a scraped page or a hand
 * edit.
 */
export function readArticle(text: string, file: string): Article {
  return siteArticle(readArticleFile(text, file));
}

/**
 * An article as the site shows it: cleaned of characters no published file may hold, and with words past
 * LIMITS.wordChars cut (ingest cuts them already; a hand edit may not: a 100,000-letter word took Chromium 42 s to
 * lay out at phone width).
 */
export function siteArticle(article: Article): Article {
  const cleaned = cleanStrings(article, (text) => boundWords(removeInvalidChars(text)));
  // Shown outside the body (page titles, briefs, meta tags, feeds, cards): no bidi override may reorder them.
  const shown = { title: cleaned.title, title_en: cleaned.title_en, summary: cleaned.summary, summary_ar: cleaned.summary_ar, summary_en: cleaned.summary_en };
  const safe = cleanStrings(shown, cleanName);
  if (safe === shown) return cleaned;
  return { ...cleaned, ...Object.fromEntries(Object.entries(safe).filter(([, v]) => v !== undefined)) };
}

type ParsedFile = { file: string; article: Article } | { file: string; error: string };

function parseHere(file: string, bytes: Uint8Array): ParsedFile {
  try {
    return { file, article: readArticle(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8"), file) };
  } catch (error) {
    return { file, error: (error as Error).message };
  }
}

interface Planned {
  name: string;
  file: string;
  stamp: string;
  /** The file's stat signature, taken before its bytes were read (so never newer than them). */
  stat: string | undefined;
  /** The file's bytes, kept only when it must be parsed. */
  bytes: Uint8Array | undefined;
  /** The previous stamp when the file is unchanged. */
  before: FileStamp | undefined;
}

/**
 * Pass 1: every article file with its stamp, and whether it changed since `previous`. A file whose stat signature is
 * the one recorded with its stamp (by this reader's version) is not read.
 */
function plan(dir: string, previous: Record<string, FileStamp>): Planned[] {
  const version = currentReaderVersion();
  const now = Date.now();
  return readdirSync(dir)
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((name) => {
      const file = join(dir, name);
      const before = previous[name];
      const stats = statSync(file, { bigint: true, throwIfNoEntry: false });
      const stat = stats && editedSignature(stats, now);
      if (stat !== undefined && before?.stat === stat && before.stamp.endsWith(`:${version}`)) return { name, file, stamp: before.stamp, stat, bytes: undefined, before };
      const bytes = readFileSync(file);
      const stamp = stampOf(bytes, version);
      const unchanged = before && before.stamp === stamp ? before : undefined;
      return { name, file, stamp, stat, bytes: unchanged ? undefined : bytes, before: unchanged };
    });
}

/** Pass 2, in file-name order (so which of two files with the same id wins does not depend on what changed). */
function assemble(entries: Planned[], parsed: Map<string, ParsedFile>, report: ReadReport): IncrementalRead {
  const result: IncrementalRead = { parsed: [], unchanged: [], files: {} };
  const ids = new Set<string>();
  for (const { name, file, stamp, stat, before } of entries) {
    const signed = (entry: FileStamp): FileStamp => (stat === undefined ? { id: entry.id, stamp: entry.stamp } : { ...entry, stat });
    if (before) {
      if (ids.has(before.id)) {
        report.warn(`${file}: article id \`${before.id}\` is used by another file; skipped. Rename one of them.`);
        continue;
      }
      ids.add(before.id);
      result.unchanged.push(before.id);
      result.files[name] = before.stat === stat ? before : signed(before);
      continue;
    }
    const p = parsed.get(file);
    if (!p) continue;
    if ("error" in p) {
      report.warn(`${p.error} (file skipped; fix it and rebuild)`);
      continue;
    }
    if (ids.has(p.article.id)) {
      report.warn(`${file}: article id \`${p.article.id}\` is used by another file; skipped. Rename one of them.`);
      continue;
    }
    ids.add(p.article.id);
    result.parsed.push({ article: p.article, stamp });
    result.files[name] = signed({ id: p.article.id, stamp });
  }
  return result;
}

function missingDir(dir: string, report: ReadReport): IncrementalRead | null {
  if (existsSync(dir)) return null;
  report.warn(`${dir}: no articles directory; the site will have no articles. Run ingest first.`);
  return { parsed: [], unchanged: [], files: {} };
}

/**
 * Reads the `*.md` articles of `dir`, parsing only files that changed since `previous` (file name → stamp).
 * Sorted by file name; a second file with an id already seen is skipped with a warning.
 *
 * (Parsing on worker threads was measured and dropped: on two cores, worker start-up and copying the results back
 * cost as much CPU as the parse they spread.)
 */
export function readArticlesIncremental(dir: string, previous: Record<string, FileStamp>, report: ReadReport): IncrementalRead {
  const missing = missingDir(dir, report);
  if (missing) return missing;
  const entries = plan(dir, previous);
  const parsed = entries.filter((e) => !e.before).map((e) => parseHere(e.file, e.bytes!));
  return assemble(entries, new Map(parsed.map((p) => [p.file, p])), report);
}

/**
 * Whether every `*.md` file of `dir` is one recorded in `previous` and unchanged since (by stat signature or bytes),
 * with no id twice: then reading the folder would parse nothing and report nothing. Reads no file whose signature
 * is recorded; parses none. False when `dir` is missing (reading it reports that).
 */
export function unchangedSince(dir: string, previous: Record<string, FileStamp>): boolean {
  if (!existsSync(dir)) return false;
  const ids = new Set<string>();
  for (const entry of plan(dir, previous)) {
    if (!entry.before || ids.has(entry.before.id)) return false;
    ids.add(entry.before.id);
  }
  return true;
}

/** Every `*.md` article under `dir`, sorted by file name; missing dir = no articles. */
export function readArticles(dir: string, report: ReadReport): Article[] {
  return readArticlesIncremental(dir, {}, report).parsed.map((p) => p.article);
}

/**
 * The actor knowledge base under `dir`; missing dir = no curated actors. Throws on invalid entries. With `cacheDir`,
 * validated files are cached by content hash (shared with ingest, which reads the same files: see loadActors).
 */
export function readActors(dir: string, options: { cacheDir?: string } = {}): Actor[] {
  if (!existsSync(dir)) return [];
  const actors = loadActors(dir, options);
  for (const actor of actors)
    if (RESERVED_ACTOR_IDS.has(actor.id))
      throw new Error(`${dir}: actor id \`${actor.id}\` is the name of a page of the site (/actors/${actor.id}/), so the actor would have no page; give it another id`);
  // Names are shown in page titles, links, feeds and cards: no bidi override may reorder them (as for ingested names).
  return cleanStrings(actors, cleanName);
}

/** Pages under `/actors/` other than an actor's own (src/pages/[lang]/actors/): an actor with such an id loses its page. */
const RESERVED_ACTOR_IDS = new Set(["by-mentions"]);
