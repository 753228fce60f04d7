/**
 * Content collections: a loader and a schema each, nothing else. The loaders are thin wrappers over the
 * framework-free readers in src/site/read-content.ts; the schemas are the project's own zod schemas.
 *
 * Entries are stored already validated by the readers (parseArticle / loadActors validate with the same schemas), so
 * the loaders skip `parseData`: validating every article a second time would only add to the content-sync time.
 * Nothing rendered is stored: article bodies stay plain paragraphs and are turned into HTML by the article page.
 * The articles loader is incremental (see readArticlesIncremental): Astro keeps the store between builds in its
 * cacheDir, so a rebuild only parses new or changed files.
 */
import { defineCollection } from "astro:content";
import type { Loader, LoaderContext } from "astro/loaders";
import { loadSettings } from "./config.ts";
import { Actor } from "./schemas/actor.ts";
import { Article } from "./schemas/article.ts";
import { Country, countryEntries } from "./site/countries.ts";
import { readActors, readArticlesIncremental, type FileStamp } from "./site/read-content.ts";

const settings = loadSettings();

function articlesLoader(): Loader {
  return {
    name: "marsad-articles",
    load: async ({ store, meta, logger }) => {
      // Incremental: files unchanged since the last build (same stamp) keep their stored entry unparsed.
      const before = meta.get("files") ?? "{}";
      const remembered = JSON.parse(before) as Record<string, FileStamp>;
      const previous = Object.fromEntries(Object.entries(remembered).filter(([, f]) => store.has(f.id)));
      const read = readArticlesIncremental(settings.articlesDir, previous, logger);
      const keep = new Set([...read.unchanged, ...read.parsed.map((p) => p.article.id)]);
      for (const id of store.keys()) if (!keep.has(id)) store.delete(id);
      for (const { article, stamp } of read.parsed) store.set({ id: article.id, data: article, digest: stamp });
      // Setting meta marks the store dirty (a full rewrite): only when something changed.
      const after = JSON.stringify(read.files);
      if (after !== before) meta.set("files", after);
    },
  };
}

/**
 * Replaces a collection's entries with `entries`, leaving unchanged ones untouched (same digest): an unchanged
 * store is not rewritten to disk, which for a large site is seconds per build.
 */
function replaceAll(store: LoaderContext["store"], entries: Array<{ id: string; data: Record<string, unknown> }>, digest: (data: Record<string, unknown>) => string): void {
  const keep = new Set(entries.map((e) => e.id));
  for (const id of store.keys()) if (!keep.has(id)) store.delete(id);
  for (const { id, data } of entries) store.set({ id, data, digest: digest(data) });
}

function actorsLoader(): Loader {
  return {
    name: "marsad-actors",
    load: async ({ store, generateDigest }) => {
      replaceAll(store, readActors(settings.actorsDir).map((a) => ({ id: a.id, data: a })), generateDigest);
    },
  };
}

function countriesLoader(): Loader {
  return {
    name: "marsad-countries",
    load: async ({ store, generateDigest }) => {
      replaceAll(store, countryEntries().map((c) => ({ id: c.code, data: c })), generateDigest);
    },
  };
}

export const collections = {
  articles: defineCollection({ loader: articlesLoader(), schema: Article }),
  actors: defineCollection({ loader: actorsLoader(), schema: Actor }),
  countries: defineCollection({ loader: countriesLoader(), schema: Country }),
};
