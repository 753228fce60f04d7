/**
 * The article cache: parsed articles kept as JSON in `<cacheDir>/site/articles-<key>/` (in shards), keyed by file
 * stamp (a hash of the file's bytes and of the reader's code, read-content.ts), so a rebuild does not parse
 * unchanged files again and the card stage reuses what the build read. Each article's search text (src/text/search-text.ts) is kept next to it, so it
 * is computed once per file rather than once per build. Ingest records what it writes (`recordWrittenArticles`),
 * so the build after an ingest parses nothing: it lives here, below both ingest and the site, so that neither
 * reaches into the other. Each entry also keeps a digest of its article and search text (`articleDigest`), for the
 * page keys. The cache may be deleted at any time.
 */
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import type { Settings } from "../config.ts";
import type { Article } from "../schemas/article.ts";
import { ArticleCacheIndex, ArticleCacheShard, ArticleStoryIndex } from "../schemas/article-cache.ts";
import { writeFileAtomic } from "../lib/atomic.ts";
import { cacheValueBytes, digestKey, folderKey, readCacheFile, readCacheValue, writeCacheFile } from "../lib/cache.ts";
import { codeVersion } from "../lib/code-version.ts";
import { ownStoryId } from "../lib/identity.ts";
import { terminalText } from "../lib/text-safety.ts";
import { articleSearchText, SEARCH_TEXT_SOURCES } from "../text/search-text.ts";
import { fileStamp, readArticle, siteArticle, readArticlesIncremental, unchangedSince, type FileStamp, type ReadReport } from "./read-content.ts";

type Entry = ArticleCacheShard["files"][string];
type Entries = Record<string, Entry>;

/**
 * The cache is split by file name into this many shards, so that writing it costs what changed: a one-article
 * ingest rewrites one shard, where the single cache file (100 MB at 10,000 articles) was rewritten whole by every
 * ingest and every build that parsed a file. Reading all of them costs what reading the one file did.
 */
const SHARDS = 64;

/** The shard of an article file (FNV-1a of its name): fixed, whatever else is in the folder. */
function shardOf(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return (h >>> 0) % SHARDS;
}

let searchVersion: string | undefined;
/** Changes whenever the code that makes an article's search text changes. */
function currentSearchVersion(): string {
  return (searchVersion ??= codeVersion(import.meta.url, SEARCH_TEXT_SOURCES) ?? "unversioned");
}

/** Where the cache of one articles folder lives. */
function cacheFolder(settings: Pick<Settings, "articlesDir" | "cacheDir">): string {
  return join(settings.cacheDir, "site", `articles-${folderKey(settings.articlesDir)}`);
}

/** A shard's file: V8's serialisation format (`readCacheValue`: twice as fast to read as the JSON it was). */
const shardFile = (folder: string, n: number): string => join(folder, `${String(n).padStart(2, "0")}.v8`);
/** The JSON shard of earlier versions: read when there is no other, removed when the shard is written. */
const jsonShardFile = (folder: string, n: number): string => join(folder, `${String(n).padStart(2, "0")}.json`);

/** Shards read from the JSON file of earlier versions: written again (as `.v8`) by the read's `save()`. */
const fromJson = new WeakSet<Entries>();

/**
 * Shard `n`'s entries, their search text dropped when it was made by other search-text code; empty when the shard
 * is missing, and also (with a warning) when it is corrupt or of another format: its files are parsed again.
 */
function readShard(folder: string, n: number, warn?: (message: string) => void): Entries {
  let file = shardFile(folder, n);
  let read: { data: ArticleCacheShard } | "missing" | "invalid" = readCacheValue(file, ArticleCacheShard);
  if (read === "missing") {
    file = jsonShardFile(folder, n);
    read = readCacheFile(file, ArticleCacheShard);
  }
  if (read === "missing") return {};
  if (read === "invalid") {
    warn?.(`${file}: unreadable article cache (ignored: its articles are read from their files again)`);
    return {};
  }
  const entries: Entries = {};
  if (file.endsWith(".json")) fromJson.add(entries);
  const valid = read.data.searchVersion === currentSearchVersion();
  for (const [name, entry] of Object.entries(read.data.files)) {
    // An entry in another shard than its own (a cache of another layout) is not looked up there: left out.
    if (shardOf(name) !== n) continue;
    if (valid || entry.search === undefined) entries[name] = entry;
    else {
      // The digest covers the search text: stale with it.
      const { search: _stale, digest: _staleDigest, ...rest } = entry;
      entries[name] = rest;
    }
  }
  return entries;
}

/**
 * A digest of what the site reads of an article file: the article as cached and its search text. Made when the entry
 * is, so that page keys (src/site/page-keys.ts) hash 32 characters per article rather than serialising every whole
 * article (body, mentions, events) on every build: at 10,000 articles that was most of the keys' cost.
 */
export function articleDigest(article: Article, search: string): string {
  return digestKey(JSON.stringify(article), "\0", search);
}

/** `entry` with its search text and digest, made when it has none (a new entry, or one of older code). */
function completed(entry: Entry): Entry {
  if (entry.search !== undefined && entry.digest !== undefined) return entry;
  const search = entry.search ?? articleSearchText(entry.article);
  return { ...entry, search, digest: articleDigest(entry.article, search) };
}

/** `entry` with the stat signature `stat` (none when undefined). */
function withStat(entry: Entry, stat: string | undefined): Entry {
  const { stat: _old, ...rest } = entry;
  return stat === undefined ? rest : { ...rest, stat };
}

/** Writes shard `n`; a shard that cannot be written (a full disk) costs only speed: its files are parsed again. */
function writeShard(folder: string, n: number, entries: Entries): boolean {
  const file = shardFile(folder, n);
  try {
    writeFileAtomic(file, cacheValueBytes({ files: entries, searchVersion: currentSearchVersion() } satisfies ArticleCacheShard), { flush: false });
    rmSync(jsonShardFile(folder, n), { force: true });
    return true;
  } catch (error) {
    process.stderr.write(`${file}: article cache not written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); the next build parses these articles again\n`);
    return false;
  }
}

const indexFile = (folder: string): string => join(folder, "index.json");

/** The index's text and files; null when it is missing or unreadable (it is only a short cut: no warning). */
function readIndex(folder: string): { text: string; files: ArticleCacheIndex["files"] } | null {
  const read = readCacheFile(indexFile(folder), ArticleCacheIndex);
  return typeof read === "string" ? null : { text: read.text, files: read.data.files };
}

/**
 * Writes the index (after the shards it describes: an index entry is only ever trusted when its shard holds that
 * stamp or a later one), or removes it when it cannot be written.
 */
function writeIndex(folder: string, text: string): void {
  if (!writeCacheFile(indexFile(folder), text)) removeIndex(folder);
}

/** Removes the index (when its shards could not be written); a cache folder that is not one has none to remove. */
function removeIndex(folder: string): void {
  try {
    rmSync(indexFile(folder), { force: true });
  } catch {
    // ENOTDIR and the like: there is no index there.
  }
}

const indexText = (files: ArticleCacheIndex["files"]): string => JSON.stringify({ files } satisfies ArticleCacheIndex);

/**
 * True when the articles folder holds exactly the files the cache's index records, each unchanged: reading it would
 * parse nothing and report nothing (no invalid file, no id twice). Reads the index, not the shards (100 MB at 10,000
 * articles), so that a build's check of its content costs what changed. False whenever in doubt.
 */
export function articlesUnchanged(settings: Pick<Settings, "articlesDir" | "cacheDir">): boolean {
  const index = readIndex(cacheFolder(settings));
  return index !== null && unchangedSince(settings.articlesDir, index.files);
}

/** The single-file cache of earlier versions (`articles-<key>.json`): removed once the shards are written. */
function removeLegacyCache(folder: string): void {
  try {
    rmSync(`${folder}.json`, { force: true });
  } catch {
    // Not a file: not ours to remove.
  }
}

/** Articles read through the cache, and how to bring the cache up to date. */
export interface CachedArticles {
  articles: Article[];
  /** Search text of every article, by id (see search-text.ts). */
  searchText: ReadonlyMap<string, string>;
  /** Every article's `articleDigest`, by id. */
  digests: ReadonlyMap<string, string>;
  /** Writes the shards this read changed (new, changed or removed files, search text made); a no-op otherwise. */
  save(): void;
}

/** All articles of `settings.articlesDir`, parsing only files changed since the cached read; the cache is not written. */
export function readArticlesCached(settings: Pick<Settings, "articlesDir" | "cacheDir">, report: ReadReport = stderrReport): CachedArticles {
  const folder = cacheFolder(settings);
  const shards = Array.from({ length: SHARDS }, (_, n) => readShard(folder, n, (m) => report.warn(m)));
  const previous: Record<string, FileStamp> = {};
  for (const entries of shards) for (const [name, e] of Object.entries(entries)) previous[name] = { id: e.id, stamp: e.stamp, ...(e.stat !== undefined ? { stat: e.stat } : {}) };
  const read = readArticlesIncremental(settings.articlesDir, previous, report);
  const next: Entries[] = shards.map(() => ({}));
  const dirty = new Set<number>(shards.flatMap((entries, n) => (fromJson.has(entries) ? [n] : [])));
  const parsed = new Map(read.parsed.map((p) => [p.article.id, p.article]));
  // In the order the reader gives (unchanged files, then parsed ones, each in file-name order), as before shards.
  const articles: Record<string, Article> = {};
  const text: Record<string, string> = {};
  const digests: Record<string, string> = {};
  for (const pass of ["unchanged", "parsed"] as const)
    for (const [name, f] of Object.entries(read.files)) {
      const n = shardOf(name);
      const before = shards[n]![name];
      const unchanged = before !== undefined && before.stamp === f.stamp && before.id === f.id && !parsed.has(f.id);
      if ((pass === "unchanged") !== unchanged) continue;
      let entry: Entry;
      if (unchanged) {
        entry = completed(before);
        // A signature taken now that the file has settled, or dropped (the file was touched): kept for next time.
        if (f.stat !== before.stat) entry = withStat(entry, f.stat);
        if (entry !== before) dirty.add(n);
      } else {
        const article = parsed.get(f.id)!;
        entry = withStat(completed({ id: f.id, stamp: f.stamp, article }), f.stat);
        dirty.add(n);
      }
      next[n]![name] = entry;
      articles[entry.id] = entry.article;
      text[entry.id] = entry.search!;
      digests[entry.id] = entry.digest!;
    }
  // Files gone (or left out) since the last read.
  shards.forEach((entries, n) => {
    for (const name of Object.keys(entries)) if (next[n]![name] === undefined) dirty.add(n);
  });
  return {
    articles: Object.values(articles),
    searchText: new Map(Object.entries(text)),
    digests: new Map(Object.entries(digests)),
    save() {
      let written = true;
      for (const n of dirty) written = writeShard(folder, n, next[n]!) && written;
      if (written && dirty.size > 0) removeLegacyCache(folder);
      if (!written) return removeIndex(folder);
      const text = indexText(read.files);
      if (readIndex(folder)?.text !== text) writeIndex(folder, text);
    },
  };
}

/**
 * Records articles ingest has just written (each file's path and the article reading it gives back, see
 * `articleFile`) in the cache, so the next build does not parse again what ingest has just produced. Only their
 * shards are read and written; entries of other files are kept: the next read checks every stamp, and drops files
 * that are gone.
 */
export function recordWrittenArticles(settings: Pick<Settings, "articlesDir" | "cacheDir">, written: ReadonlyArray<{ path: string; article: Article }>): void {
  if (written.length === 0) return;
  const folder = cacheFolder(settings);
  const byShard = new Map<number, Entries>();
  for (const { path, article } of written) {
    const name = relative(settings.articlesDir, path);
    const n = shardOf(name);
    let entries = byShard.get(n);
    if (!entries) byShard.set(n, (entries = readShard(folder, n)));
    // As the reader cleans it (readArticle), so the cache holds exactly what reading the file gives.
    const stored = siteArticle(article);
    entries[name] = completed({ id: article.id, stamp: fileStamp(path), article: stored });
  }
  let shardsWritten = true;
  for (const [n, entries] of byShard) shardsWritten = writeShard(folder, n, entries) && shardsWritten;
  // The index gains the files written (after their shards), so that the build's check after an ingest reads no shard.
  const index = readIndex(folder);
  if (!index || !shardsWritten) return removeIndex(folder);
  for (const { path, article } of written) index.files[relative(settings.articlesDir, path)] = { id: article.id, stamp: byShardStamp(byShard, relative(settings.articlesDir, path)) };
  writeIndex(folder, indexText(index.files));
}

/** The stamp just recorded for `name` in the shards being written. */
function byShardStamp(byShard: ReadonlyMap<number, Entries>, name: string): string {
  return byShard.get(shardOf(name))![name]!.stamp;
}

/** All articles of `settings.articlesDir`, parsing only files changed since the cached read (and updating the cache). */
export function loadArticles(settings: Pick<Settings, "articlesDir" | "cacheDir">, report?: ReadReport): Article[] {
  const read = readArticlesCached(settings, report);
  read.save();
  return read.articles;
}

const storyIndexFile = (folder: string): string => join(folder, "stories.v8");

/**
 * A stored article as story grouping takes one it may not compare (`StoryInput` of src/stories): its id, story and
 * date, the rest empty, and `load` for its whole reading. Declared here rather than imported: the content readers
 * sit below the stories stage (tests/lib/imports.test.ts).
 */
export interface StoredForGrouping extends Pick<Article, "id" | "lang" | "title" | "body" | "published" | "seen" | "actors" | "countries" | "places"> {
  story: string;
  load: () => Article & { story: string };
}

/** Files the story index may lack and `readStoredStories` parse one by one; past this it reads the shards whole. */
const MAX_STORY_FILES_PARSED = 1000;

/**
 * The stored articles for story grouping, read in part: in the order `readArticlesCached` gives them when nothing
 * changed since the cache was written (file-name order), each with its id, story and date only, and a `load` that
 * reads its whole file when grouping compares it. Grouping compares only the articles within a few days of a new
 * one (stories/group.ts), so a one-article ingest reads a few hundred files, not the whole cache (100 MB at
 * 10,000 articles). The ids, stories and dates come from the story index (`stories.v8`), by file stamp; a file it
 * lacks (written since) is parsed and the index updated. Null when the folder changed since the cache's index was
 * written (the caller then reads the cache whole), or when a file cannot be read.
 */
export function readStoredStories(settings: Pick<Settings, "articlesDir" | "cacheDir">, report: ReadReport = stderrReport): StoredForGrouping[] | null {
  const folder = cacheFolder(settings);
  const index = readIndex(folder);
  if (index === null || !unchangedSince(settings.articlesDir, index.files)) return null;
  // Every file is in the index, unchanged: the index names no other (a file removed since) when the counts agree.
  const names = Object.keys(index.files).sort();
  if (readdirSync(settings.articlesDir).filter((f) => f.endsWith(".md")).length !== names.length) return null;
  const known = readCacheValue(storyIndexFile(folder), ArticleStoryIndex);
  type StoryEntry = { id: string; stamp: string; story: string | null; date: string | null };
  const before = new Map<string, StoryEntry>();
  if (typeof known !== "string") {
    const c = known.data;
    c.names.forEach((name, k) => before.set(name, { id: c.ids[k]!, stamp: c.stamps[k]!, story: c.stories[k]!, date: c.dates[k]! }));
  }
  const next: ArticleStoryIndex = { names: [], ids: [], stamps: [], stories: [], dates: [] };
  let changed = typeof known === "string";
  // Many files the story index lacks (it is new, or was lost): the shards are read whole once, faster than parsing
  // every file (1 s against 3.5 s at 10,000 articles); every file is unchanged, so each gives its cached article.
  const lacking = names.filter((name) => before.get(name)?.stamp !== index.files[name]!.stamp).length;
  const cached = lacking > MAX_STORY_FILES_PARSED ? new Map(readArticlesCached(settings, report).articles.map((a) => [a.id, a])) : undefined;
  const read = (name: string): Article =>
    cached?.get(index.files[name]!.id) ?? readArticle(readFileSync(join(settings.articlesDir, name), "utf8"), join(settings.articlesDir, name));
  const whole = (article: Article): Article & { story: string } => ({ ...article, story: article.story ?? ownStoryId(article) });
  const stored: StoredForGrouping[] = [];
  try {
    for (const name of names) {
      const { id, stamp } = index.files[name]!;
      let entry = before.get(name);
      let parsed: Article | undefined;
      if (entry === undefined || entry.stamp !== stamp || entry.id !== id) {
        parsed = read(name);
        if (parsed.id !== id) return null;
        entry = { id, stamp, story: parsed.story ?? null, date: parsed.published ?? parsed.seen };
        changed = true;
      }
      next.names.push(name);
      next.ids.push(id);
      next.stamps.push(stamp);
      next.stories.push(entry.story);
      next.dates.push(entry.date);
      const article = parsed;
      // Only what grouping reads of an article it does not compare: its id, story and day.
      stored.push({
        id,
        lang: "ar",
        title: null,
        body: [],
        published: entry.date,
        seen: null,
        actors: [],
        countries: [],
        places: [],
        story: entry.story ?? ownStoryId({ id }),
        load: () => whole(article ?? read(name)),
      });
    }
  } catch {
    return null;
  }
  if (changed || before.size !== next.names.length) {
    try {
      writeFileAtomic(storyIndexFile(folder), cacheValueBytes(next satisfies ArticleStoryIndex), { flush: false });
    } catch {
      // Only a cache: the next ingest parses these files again.
    }
  }
  return stored;
}

const stderrReport: ReadReport = { warn: (m) => process.stderr.write(`${terminalText(m)}\n`) };
