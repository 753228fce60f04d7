/**
 * The one place the Astro side builds the site model: memoised at module level, so getStaticPaths and every page of
 * the build share a single `buildSiteModel` run (pages then only look things up).
 *
 * Content is read by the framework-free loader the card stage uses (src/site/load.ts: incremental, with a JSON cache
 * keyed by file stamp), not through Astro content collections. A content collection is serialised into Astro's data
 * store and that store is compiled into the server bundle as one JavaScript string: at 2,000 articles a 12 MB module
 * that Vite transforms, Node compiles and the build parses back, most of a cold site build's time beyond rendering,
 * and at 10,000 articles several copies of 60 MB held at once. Reading the files directly keeps nothing but the model
 * in memory.
 *
 * The loader is imported from its source file at run time rather than bundled, so the build and the CLI run the very
 * same module: its reader version (a hash of the reader's own sources, read next to `import.meta.url`) is then the
 * same in both, and the card stage and the next build reuse the cache this build writes.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { loadSettings, type Settings } from "../config.ts";
import type { Lang } from "../schemas/common.ts";
import { LANGS } from "../site/locale.ts";
import type { SiteModel } from "../site/model.ts";
import type { PageKeys } from "../site/page-keys.ts";
import { createUrls, type UrlBuilder } from "../site/urls.ts";

export interface SiteData {
  model: SiteModel;
  /** Each article's search text, by id (see src/site/search-text.ts). */
  searchText: ReadonlyMap<string, string>;
  /** Each article's digest as read, by id (see src/content/article-cache.ts `articleDigest`). */
  digests: ReadonlyMap<string, string>;
  /** The page keys of the model (src/site/load.ts `siteKeys`: shared with the card specs written for this build). */
  keys(): PageKeys;
  settings: Settings;
  urls: UrlBuilder;
}

export const settings: Settings = loadSettings();
export const urls: UrlBuilder = createUrls(settings.site.url, settings.site.base);

/** The `getStaticPaths` of a page made once per edition (`/{lang}/…`). */
export function editionPaths(): Array<{ params: { lang: Lang } }> {
  return LANGS.map((lang) => ({ params: { lang } }));
}

let memo: Promise<SiteData> | undefined;

async function load(): Promise<SiteData> {
  const loader = pathToFileURL(join(settings.root, "src/site/load.ts")).href;
  const { loadSiteOnce, siteKeys } = (await import(/* @vite-ignore */ loader)) as typeof import("../site/load.ts");
  // The collections' loader built the same model earlier in this process: loadSiteOnce hands that one back.
  const site = loadSiteOnce(settings);
  return { ...site, keys: () => siteKeys(site, settings), settings, urls };
}

/** The site model and its settings, built on first use. */
export function siteData(): Promise<SiteData> {
  return (memo ??= load());
}

let keys: Promise<PageKeys> | undefined;
/** The `cacheKey` of each page (src/site/page-keys.ts), for `getStaticPaths`. */
export function cacheKeys(): Promise<PageKeys> {
  return (keys ??= siteData().then((data) => data.keys()));
}
