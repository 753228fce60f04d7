/**
 * The site model outside Astro (the card stage runs after `astro build`, in the CLI process): the same readers and
 * `buildSiteModel` the pages use, so cards are made for exactly the pages that exist.
 *
 * Parsed articles are cached as JSON in `<cacheDir>/site/` keyed by file stamp, like the Astro loader's store, so a
 * rebuild does not parse unchanged YAML again. The cache may be deleted at any time.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Settings } from "../config.ts";
import type { Article } from "../schemas/article.ts";
import { countryEntries } from "./countries.ts";
import { buildSiteModel, type SiteModel } from "./model.ts";
import { readActors, readArticlesIncremental, type FileStamp, type ReadReport } from "./read-content.ts";

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

/** All articles of `settings.articlesDir`, parsing only files changed since the cached read. */
export function loadArticles(settings: Pick<Settings, "articlesDir" | "cacheDir">, report: ReadReport = { warn: (m) => process.stderr.write(`${m}\n`) }): Article[] {
  const key = createHash("sha256").update(settings.articlesDir).digest("hex").slice(0, 12);
  const dir = join(settings.cacheDir, "site");
  const file = join(dir, `articles-${key}.json`);
  const cache = readCache(file);
  const previous = Object.fromEntries(Object.entries(cache.files).filter(([, f]) => cache.articles[f.id]));
  const read = readArticlesIncremental(settings.articlesDir, previous, report);
  const articles: Record<string, Article> = {};
  for (const id of read.unchanged) articles[id] = cache.articles[id]!;
  for (const { article } of read.parsed) articles[article.id] = article;
  if (read.parsed.length > 0 || read.unchanged.length !== Object.keys(cache.articles).length) {
    mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ files: read.files, articles }));
    renameSync(tmp, file);
  }
  return Object.values(articles);
}

/** Reads content as the site does and builds the site model. */
export function loadSiteModel(settings: Pick<Settings, "articlesDir" | "actorsDir" | "cacheDir" | "site">): SiteModel {
  return buildSiteModel({
    articles: loadArticles(settings),
    actors: readActors(settings.actorsDir),
    countries: countryEntries(),
    settings: settings.site,
  });
}
