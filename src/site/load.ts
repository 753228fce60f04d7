/**
 * Reading the site's content and building the site model, for the Astro build (src/components/site-data.ts) and for
 * the card stage in the CLI process: the same readers and `buildSiteModel` everywhere, so cards are made for exactly
 * the pages that exist.
 *
 * Parsed articles are cached as JSON in `<cacheDir>/site/` keyed by file stamp, so a rebuild does not parse
 * unchanged files again, and the card stage reuses what the build read. The cache may be deleted at any time.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import type { Settings } from "../config.ts";
import type { Actor } from "../schemas/actor.ts";
import type { Article } from "../schemas/article.ts";
import { countryEntries, type Country } from "./countries.ts";
import { buildSiteModel, type SiteModel } from "./model.ts";
import { fileStamp, readActors, readArticlesIncremental, type FileStamp, type ReadReport } from "./read-content.ts";

interface ArticleCache {
  files: Record<string, FileStamp>;
  articles: Record<string, Article>;
}

function readCache(file: string): ArticleCache {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as ArticleCache;
  } catch {
    return { files: {}, articles: {} };
  }
}

/** Articles read through the cache, and how to bring the cache up to date. */
export interface CachedArticles {
  articles: Article[];
  /** Writes the cache when this read changed it (new, changed or removed files); a no-op otherwise. */
  save(): void;
}

function cacheFile(settings: Pick<Settings, "articlesDir" | "cacheDir">): string {
  const key = createHash("sha256").update(settings.articlesDir).digest("hex").slice(0, 12);
  return join(settings.cacheDir, "site", `articles-${key}.json`);
}

function writeCache(file: string, cache: ArticleCache): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(cache));
  renameSync(tmp, file);
}

/** All articles of `settings.articlesDir`, parsing only files changed since the cached read; the cache is not written. */
export function readArticlesCached(settings: Pick<Settings, "articlesDir" | "cacheDir">, report: ReadReport = { warn: (m) => process.stderr.write(`${m}\n`) }): CachedArticles {
  const file = cacheFile(settings);
  const cache = readCache(file);
  const previous = Object.fromEntries(Object.entries(cache.files).filter(([, f]) => cache.articles[f.id]));
  const read = readArticlesIncremental(settings.articlesDir, previous, report);
  const articles: Record<string, Article> = {};
  for (const id of read.unchanged) articles[id] = cache.articles[id]!;
  for (const { article } of read.parsed) articles[article.id] = article;
  const changed = read.parsed.length > 0 || read.unchanged.length !== Object.keys(cache.articles).length;
  return {
    articles: Object.values(articles),
    save() {
      if (changed) writeCache(file, { files: read.files, articles });
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
  for (const { path, article } of written) {
    const name = relative(settings.articlesDir, path);
    // A file that held another article before: its old entry goes.
    const before = files.get(name);
    if (before && before.id !== article.id) delete cache.articles[before.id];
    files.set(name, { id: article.id, stamp: fileStamp(path) });
    cache.articles[article.id] = article;
  }
  writeCache(file, { files: Object.fromEntries(files), articles: cache.articles });
}

/** All articles of `settings.articlesDir`, parsing only files changed since the cached read (and updating the cache). */
export function loadArticles(settings: Pick<Settings, "articlesDir" | "cacheDir">, report?: ReadReport): Article[] {
  const read = readArticlesCached(settings, report);
  read.save();
  return read.articles;
}

/** Everything the site model is built from. */
export interface SiteContent {
  articles: Article[];
  actors: Actor[];
  countries: Country[];
}

/** Reads the site's content (articles through the cache, which is not written: see `CachedArticles.save`). */
export function readSiteContent(settings: Pick<Settings, "articlesDir" | "actorsDir" | "cacheDir">): { content: SiteContent; save(): void } {
  const read = readArticlesCached(settings);
  return { content: { articles: read.articles, actors: readActors(settings.actorsDir, { cacheDir: settings.cacheDir }), countries: countryEntries() }, save: read.save };
}

/** The site model of content already read. */
export function siteModelFrom(content: SiteContent, settings: Pick<Settings, "site">): SiteModel {
  return buildSiteModel({ ...content, settings: settings.site });
}

/** Reads content as the site does and builds the site model. */
export function loadSiteModel(settings: Pick<Settings, "articlesDir" | "actorsDir" | "cacheDir" | "site">): SiteModel {
  return buildSiteModel({
    articles: loadArticles(settings),
    actors: readActors(settings.actorsDir, { cacheDir: settings.cacheDir }),
    countries: countryEntries(),
    settings: settings.site,
  });
}
