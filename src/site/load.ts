/**
 * Reading the site's content and building the site model, for the Astro build (src/components/site-data.ts) and for
 * the card stage in the CLI process: the same readers and `buildSiteModel` everywhere, so cards are made for exactly
 * the pages that exist.
 *
 * Parsed articles are cached as JSON in `<cacheDir>/site/` keyed by file stamp, so a rebuild does not parse
 * unchanged files again, and the card stage reuses what the build read. Each article's search text (search-text.ts)
 * is kept next to it, so it is computed once per file rather than once per build. Ingest records what it writes
 * (`recordWrittenArticles`), so the build after an ingest parses nothing. The cache may be deleted at any time.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import type { Settings } from "../config.ts";
import type { Actor } from "../schemas/actor.ts";
import type { Article } from "../schemas/article.ts";
import { countryEntries, type Country } from "./countries.ts";
import { buildSiteModel, type SiteModel } from "./model.ts";
import { writeFileAtomic } from "../lib/atomic.ts";
import { codeVersion } from "../lib/code-version.ts";
import { terminalText } from "../lib/text-safety.ts";
import { fileStamp, readActors, siteArticle, readArticlesIncremental, type FileStamp, type ReadReport } from "./read-content.ts";
import { articleSearchText, SEARCH_TEXT_SOURCES } from "./search-text.ts";

interface ArticleCache {
  files: Record<string, FileStamp>;
  articles: Record<string, Article>;
  /** Search text by article id, valid for the search-text code of `version` only. */
  search?: { version: string; text: Record<string, string> };
}

function readCache(file: string): ArticleCache {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as ArticleCache;
  } catch {
    return { files: {}, articles: {} };
  }
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

/** Days a publication date may lie after the build's today: a page published "tomorrow" in another time zone. */
const FUTURE_SLACK_DAYS = 1;

/** The build's today (`YYYY-MM-DD`, UTC): `MARSAD_TODAY` when set (tests, reproducible builds), else the clock. */
export function buildToday(env: NodeJS.ProcessEnv = process.env, now: () => number = Date.now): string {
  const fixed = env.MARSAD_TODAY;
  if (fixed && /^\d{4}-\d{2}-\d{2}$/.test(fixed)) return fixed;
  return new Date(now()).toISOString().slice(0, 10);
}

/**
 * Articles dated after `today` (a typo such as 2100, or a clock gone wrong) would head every list and become the
 * latest brief. Each is flagged with a warning naming it and shown as undated (its date withheld, the file
 * untouched) until that day comes.
 */
export function withholdFutureDates(articles: Article[], today: string, report: ReadReport): Article[] {
  const limit = new Date(Date.parse(`${today}T00:00:00Z`) + FUTURE_SLACK_DAYS * 86_400_000).toISOString().slice(0, 10);
  return articles.map((article) => {
    const published = article.published !== null && article.published > limit;
    // A page-view or crawl date stands in for a missing publication date (model.ts articleDay): the same rule.
    const seen = article.seen !== null && article.seen > limit;
    if (!published && !seen) return article;
    const dates = [published ? `published ${article.published}` : "", seen ? `seen ${article.seen}` : ""].filter(Boolean).join(", ");
    report.warn(`${article.id}: ${dates} is after today (${today}); shown without that date until then. Fix the date in its frontmatter if it is wrong.`);
    return { ...article, ...(published ? { published: null } : {}), ...(seen ? { seen: null } : {}) };
  });
}

const stderrReport: ReadReport = { warn: (m) => process.stderr.write(`${terminalText(m)}\n`) };

/** Everything the site model is built from. */
export interface SiteContent {
  articles: Article[];
  actors: Actor[];
  countries: Country[];
}

/** Reads the site's content (articles through the cache, which is not written: see `CachedArticles.save`). */
export function readSiteContent(settings: Pick<Settings, "articlesDir" | "actorsDir" | "cacheDir">, options: { today?: string } = {}): { content: SiteContent; save(): void } {
  const read = readArticlesCached(settings);
  const articles = withholdFutureDates(read.articles, options.today ?? buildToday(), stderrReport);
  return { content: { articles, actors: readActors(settings.actorsDir, { cacheDir: settings.cacheDir }), countries: countryEntries() }, save: read.save };
}

/** The site model of content already read. */
export function siteModelFrom(content: SiteContent, settings: Pick<Settings, "site">): SiteModel {
  return buildSiteModel({ ...content, settings: settings.site });
}

/** The site model with each article's search text, as the pages read it. */
export interface LoadedSite {
  model: SiteModel;
  searchText: ReadonlyMap<string, string>;
}

/**
 * A cheap fingerprint of everything `loadSite` reads: every article and actor file's name, size and modification
 * time, the settings and the build's today. Only for the in-process memo below (a build's collections sync and its
 * pages run seconds apart in one process); the on-disk article cache keys by content hash (read-content.ts).
 */
export function contentFingerprint(settings: Pick<Settings, "articlesDir" | "actorsDir" | "site">, today: string): string {
  const hash = createHash("sha256").update(JSON.stringify([settings.articlesDir, settings.actorsDir, settings.site, today]));
  for (const dir of [settings.articlesDir, settings.actorsDir]) {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      names = [];
    }
    hash.update(`\0${dir}`);
    for (const name of names) {
      try {
        const s = statSync(join(dir, name));
        hash.update(`\0${name}\0${s.size}\0${s.mtimeMs}\0${s.ino}`);
      } catch {
        // Gone between the listing and the stat: another fingerprint than when it was there.
        hash.update(`\0${name}\0-`);
      }
    }
  }
  return hash.digest("hex");
}

/**
 * One site model per build: the collections' loader (src/content.config.ts) and the pages (src/components/site-data.ts)
 * run in one Astro process but import this module as two instances (Vite's module runner, then Node), so the memo
 * lives on `globalThis`, keyed by the content's fingerprint. Building the model twice cost a second read of the
 * article cache and a second `buildSiteModel` (measured in tests/bench).
 */
const MEMO = Symbol.for("marsad.site-model");
type Memo = { key: string; site: LoadedSite };

/** `loadSite`, memoised in the process for unchanged content (see MEMO). */
export function loadSiteOnce(settings: Pick<Settings, "articlesDir" | "actorsDir" | "cacheDir" | "site">, options: { today?: string } = {}): LoadedSite {
  const today = options.today ?? buildToday();
  const key = contentFingerprint(settings, today);
  const store = globalThis as { [MEMO]?: Memo };
  const held = store[MEMO];
  if (held?.key === key) return held.site;
  const site = loadSite(settings, { today });
  store[MEMO] = { key, site };
  return site;
}

/** Reads content as the site does and builds the site model; with each article's search text, for the pages. */
/** Reads content as the site does and builds the site model; with each article's search text, for the pages. */
export function loadSite(settings: Pick<Settings, "articlesDir" | "actorsDir" | "cacheDir" | "site">, options: { today?: string } = {}): LoadedSite {
  const read = readArticlesCached(settings);
  read.save();
  const model = buildSiteModel({
    articles: withholdFutureDates(read.articles, options.today ?? buildToday(), stderrReport),
    actors: readActors(settings.actorsDir, { cacheDir: settings.cacheDir }),
    countries: countryEntries(),
    settings: settings.site,
  });
  return { model, searchText: read.searchText };
}

/** Reads content as the site does and builds the site model. */
export function loadSiteModel(settings: Pick<Settings, "articlesDir" | "actorsDir" | "cacheDir" | "site">, options: { today?: string } = {}): SiteModel {
  return loadSite(settings, options).model;
}
