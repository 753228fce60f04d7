/**
 * Content collections for pages a site owner adds: `getCollection("articles" | "actors" | "countries" | "stories")`
 * and `getEntry(collection, id)`, as the Astro docs describe. A collection = a loader + a schema, nothing else.
 *
 * The loader is a thin wrapper: content is read by the site's own validated, cached reader and turned into the
 * site model (src/site/load.ts), and each entry is a slim projection of it (src/site/collections.ts) with a digest.
 * Entries whose digest is unchanged since the last build are neither validated again nor rewritten, so an unchanged
 * store is not written back to disk. The site's own pages do not read collections (they look up the model through
 * src/components/site-data.ts), so the store is only bundled when a page of yours imports `astro:content`, and a build
 * fills it only then (src/site/collection-readers.ts): otherwise it is left empty, and not written again.
 *
 * In `astro dev` the loader watches the content folder: an edited article, actor file or `site.yaml` reloads the
 * collections (src/site/dev-server.ts reloads the site's own pages and ingests pages dropped into the inbox).
 */
import { defineCollection } from "astro:content";
import type { Loader, LoaderContext } from "astro/loaders";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { loadSettings } from "./config.ts";
import { ActorEntry, ArticleEntry, CountryEntry, StoryEntry } from "./schemas/collections.ts";
import { readsCollections } from "./site/collection-readers.ts";
import { collectionEntries, type CollectionEntries, type CollectionName } from "./site/collections.ts";
import { isSiteContent } from "./site/dev-server.ts";

const settings = loadSettings();

let entries: Promise<CollectionEntries> | undefined;
/** Every collection's entries, read once per sync (the four loaders share one read of the content). */
function currentEntries(): Promise<CollectionEntries> {
  return (entries ??= (async () => {
    // Imported from its source at run time, as site-data.ts does: one reader module (and reader version) for the
    // collections, the pages and the CLI, so they share the article cache.
    const loader = pathToFileURL(join(settings.root, "src/site/load.ts")).href;
    const { loadSiteOnce } = (await import(/* @vite-ignore */ loader)) as typeof import("./site/load.ts");
    // Memoised in the process: the pages (src/components/site-data.ts) get this very model, not a second one.
    return collectionEntries(loadSiteOnce(loadSettings()).model);
  })());
}

let read: boolean | undefined;
/** Whether a module of the site reads collections (asked once per process; `astro dev` fills them whatever). */
function collectionsRead({ config, watcher }: LoaderContext): boolean {
  return watcher !== undefined || (read ??= readsCollections(fileURLToPath(config.srcDir)));
}

/**
 * Replaces the collection's entries; an entry whose digest is unchanged is left as stored. In a build of a site no
 * module of which reads collections, empties the collection instead (once: an empty store is not written again).
 */
async function fill(name: CollectionName, context: LoaderContext): Promise<void> {
  const { store, parseData, generateDigest } = context;
  if (!collectionsRead(context)) {
    if (store.keys().length > 0) store.clear();
    return;
  }
  const list = (await currentEntries())[name];
  const keep = new Set(list.map((e) => e.id));
  for (const id of store.keys()) if (!keep.has(id)) store.delete(id);
  for (const { id, data } of list) {
    const digest = generateDigest(data);
    if (store.get(id)?.digest === digest) continue;
    store.set({ id, data: await parseData({ id, data }), digest });
  }
}

/** Loads one collection; in dev, reloads it whenever site content changes. */
function marsadLoader(name: CollectionName): Loader {
  return {
    name: `marsad-${name}`,
    load: async (context) => {
      await fill(name, context);
      const { watcher, logger } = context;
      if (!watcher) return;
      watcher.add(settings.contentDir);
      let timer: NodeJS.Timeout | undefined;
      watcher.on("all", (_event, file) => {
        if (!isSiteContent(settings, file)) return;
        entries = undefined;
        // Editors save in bursts (and ingest writes many files): one reload per burst.
        clearTimeout(timer);
        timer = setTimeout(() => fill(name, context).catch((error: unknown) => logger.error((error as Error).message)), 150);
      });
    },
  };
}

export const collections = {
  articles: defineCollection({ loader: marsadLoader("articles"), schema: ArticleEntry }),
  actors: defineCollection({ loader: marsadLoader("actors"), schema: ActorEntry }),
  countries: defineCollection({ loader: marsadLoader("countries"), schema: CountryEntry }),
  stories: defineCollection({ loader: marsadLoader("stories"), schema: StoryEntry }),
};
