/**
 * The one place the Astro side builds the site model: memoised at module level, so getStaticPaths and every page of
 * the build share a single `buildSiteModel` run (pages then only look things up).
 */
import { getCollection } from "astro:content";
import { loadSettings, type Settings } from "../config.ts";
import { buildSiteModel, type SiteModel } from "../site/model.ts";
import { createUrls, type UrlBuilder } from "../site/urls.ts";

export interface SiteData {
  model: SiteModel;
  settings: Settings;
  urls: UrlBuilder;
}

export const settings: Settings = loadSettings();
export const urls: UrlBuilder = createUrls(settings.site.url, settings.site.base);

let memo: Promise<SiteData> | undefined;

async function load(): Promise<SiteData> {
  const [articles, actors, countries] = await Promise.all([
    getCollection("articles"),
    getCollection("actors"),
    getCollection("countries"),
  ]);
  const model = buildSiteModel({
    articles: articles.map((e) => e.data),
    actors: actors.map((e) => e.data),
    countries: countries.map((e) => e.data),
    settings: settings.site,
  });
  return { model, settings, urls };
}

/** The site model and its settings, built on first use. */
export function siteData(): Promise<SiteData> {
  return (memo ??= load());
}
