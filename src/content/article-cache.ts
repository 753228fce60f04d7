/**
 * The article cache: parsed articles kept as JSON in `<cacheDir>/site/`, keyed by file stamp (a hash of the file's
 * bytes and of the reader's code, read-content.ts), so a rebuild does not parse unchanged files again and the card
 * stage reuses what the build read. Each article's search text (src/text/search-text.ts) is kept next to it, so it
 * is computed once per file rather than once per build. Ingest records what it writes (`recordWrittenArticles`),
 * so the build after an ingest parses nothing: it lives here, below both ingest and the site, so that neither
 * reaches into the other. The cache may be deleted at any time.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { Settings } from "../config.ts";
import type { Article } from "../schemas/article.ts";
import { ArticleCacheFile } from "../schemas/article-cache.ts";
import { writeFileAtomic } from "../lib/atomic.ts";
import { codeVersion } from "../lib/code-version.ts";
import { terminalText } from "../lib/text-safety.ts";
import { articleSearchText, SEARCH_TEXT_SOURCES } from "../text/search-text.ts";
import { fileStamp, siteArticle, readArticlesIncremental, type ReadReport } from "./read-content.ts";

type ArticleCache = ArticleCacheFile;

/** The cache at `file`; empty when it is missing, unreadable or not of this format. */
function readCache(file: string): ArticleCache {
  try {
    const parsed = ArticleCacheFile.safeParse(JSON.parse(readFileSync(file, "utf8")));
    if (parsed.success) return parsed.data;
  } catch {
    // missing or not JSON
  }
  return { files: {}, articles: {} };
}

let searchVersion: string | undefined;
/** Changes whenever the code that makes an article's search text changes. */
function currentSearchVersion(): string {
  return (searchVersion ??= codeVersion(import.meta.url, SEARCH_TEXT_SOURCES) ?? "unversioned");
}

/** The cached search texts still valid for the current search-text code. */
function validSearchText(cache: ArticleCache): Record<string, string> {
  return cache.search?.version === currentSearchVersion() ? cache.search.text : {};
}

/** Articles read through the cache, and how to bring the cache up to date. */
export interface CachedArticles {
  articles: Article[];
  /** Search text of every article, by id (see search-text.ts). */
  searchText: ReadonlyMap<string, string>;
  /** Writes the cache when this read changed it (new, changed or removed files); a no-op otherwise. */
  save(): void;
}

function cacheFile(settings: Pick<Settings, "articlesDir" | "cacheDir">): string {
  const key = createHash("sha256").update(settings.articlesDir).digest("hex").slice(0, 12);
  return join(settings.cacheDir, "site", `articles-${key}.json`);
}

/** Writes the cache; a cache that cannot be written (a full disk) costs only speed: the next build parses again. */
function writeCache(file: string, cache: ArticleCache): void {
  try {
    writeFileAtomic(file, JSON.stringify(cache), { flush: false });
  } catch (error) {
    process.stderr.write(`${file}: article cache not written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); the next build parses every article again\n`);
  }
}

/** All articles of `settings.articlesDir`, parsing only files changed since the cached read; the cache is not written. */
export function readArticlesCached(settings: Pick<Settings, "articlesDir" | "cacheDir">, report: ReadReport = stderrReport): CachedArticles {
  const file = cacheFile(settings);
  const cache = readCache(file);
  const previous = Object.fromEntries(Object.entries(cache.files).filter(([, f]) => cache.articles[f.id]));
  const read = readArticlesIncremental(settings.articlesDir, previous, report);
  const articles: Record<string, Article> = {};
  for (const id of read.unchanged) articles[id] = cache.articles[id]!;
  for (const { article } of read.parsed) articles[article.id] = article;
  const cachedText = validSearchText(cache);
  const text: Record<string, string> = {};
  let computed = 0;
  for (const id of read.unchanged) {
    const known = cachedText[id];
    if (known !== undefined) text[id] = known;
    else {
      text[id] = articleSearchText(articles[id]!);
      computed++;
    }
  }
  for (const { article } of read.parsed) text[article.id] = articleSearchText(article);
  const changed = read.parsed.length > 0 || computed > 0 || read.unchanged.length !== Object.keys(cache.articles).length;
  return {
    articles: Object.values(articles),
    searchText: new Map(Object.entries(text)),
    save() {
      if (changed) writeCache(file, { files: read.files, articles, search: { version: currentSearchVersion(), text } });
    },
  };
}

/**
 * Records articles ingest has just written (each file's path and the article reading it gives back, see
 * `articleFile`) in the cache, so the next build does not parse again what ingest has just produced. Entries of
 * other files are kept: the next read checks every stamp, and drops files that are gone.
 */
export function recordWrittenArticles(settings: Pick<Settings, "articlesDir" | "cacheDir">, written: ReadonlyArray<{ path: string; article: Article }>): void {
  if (written.length === 0) return;
  const file = cacheFile(settings);
  const cache = readCache(file);
  const files = new Map(Object.entries(cache.files));
  const text = validSearchText(cache);
  for (const { path, article } of written) {
    const name = relative(settings.articlesDir, path);
    // A file that held another article before: its old entry goes.
    const before = files.get(name);
    if (before && before.id !== article.id) {
      delete cache.articles[before.id];
      delete text[before.id];
    }
    files.set(name, { id: article.id, stamp: fileStamp(path) });
    // As the reader cleans it (readArticle), so the cache holds exactly what reading the file gives.
    cache.articles[article.id] = siteArticle(article);
    text[article.id] = articleSearchText(cache.articles[article.id]!);
  }
  writeCache(file, { files: Object.fromEntries(files), articles: cache.articles, search: { version: currentSearchVersion(), text } });
}

/** All articles of `settings.articlesDir`, parsing only files changed since the cached read (and updating the cache). */
export function loadArticles(settings: Pick<Settings, "articlesDir" | "cacheDir">, report?: ReadReport): Article[] {
  const read = readArticlesCached(settings, report);
  read.save();
  return read.articles;
}


const stderrReport: ReadReport = { warn: (m) => process.stderr.write(`${terminalText(m)}\n`) };
