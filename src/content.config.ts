/**
 * Content collections: a loader and a schema each, nothing else. The loaders are thin wrappers over the
 * framework-free readers in src/site/read-content.ts; the schemas are the project's own zod schemas.
 *
 * Entries are stored already validated by the readers (parseArticle / loadActors validate with the same schemas), so
 * the loaders skip `parseData`: validating 10,000 articles twice would be most of the content-sync time.
 * Nothing rendered is stored: article bodies stay plain paragraphs and are turned into HTML by the article page.
 * The articles loader is incremental (see readArticlesIncremental): Astro keeps the store between builds in its
 * cacheDir, so a rebuild only parses new or changed files.
 */
import { defineCollection } from "astro:content";
import type { Loader } from "astro/loaders";
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
      const remembered = JSON.parse(meta.get("files") ?? "{}") as Record<string, FileStamp>;
      const previous = Object.fromEntries(Object.entries(remembered).filter(([, f]) => store.has(f.id)));
      const read = readArticlesIncremental(settings.articlesDir, previous, logger);
      const keep = new Set([...read.unchanged, ...read.parsed.map((p) => p.article.id)]);
      for (const id of store.keys()) if (!keep.has(id)) store.delete(id);
      for (const { article, stamp } of read.parsed) store.set({ id: article.id, data: article, digest: stamp });
      meta.set("files", JSON.stringify(read.files));
      logger.info(`DEBUG parsed ${read.parsed.length} unchanged ${read.unchanged.length}`);
    },
  };
}

function actorsLoader(): Loader {
  return {
    name: "marsad-actors",
    load: async ({ store }) => {
      store.clear();
      for (const actor of readActors(settings.actorsDir)) store.set({ id: actor.id, data: actor });
    },
  };
}

function countriesLoader(): Loader {
  return {
    name: "marsad-countries",
    load: async ({ store }) => {
      store.clear();
      for (const country of countryEntries()) store.set({ id: country.code, data: country });
    },
  };
}

export const collections = {
  articles: defineCollection({ loader: articlesLoader(), schema: Article }),
  actors: defineCollection({ loader: actorsLoader(), schema: Actor }),
  countries: defineCollection({ loader: countriesLoader(), schema: Country }),
};
