/**
 * Feeds (per edition, per actor, per country): their contents as plain items, and the RSS 2.0 document.
 * Dates are the article's publication date, else the day it was seen; an article with neither has no `pubDate`
 * rather than an invented one. No build time goes into a feed, so rebuilding the same content gives byte-identical
 * files.
 *
 * `rssXml` writes exactly what @astrojs/rss writes for these feeds (tests/site/feeds.test.ts compares the two), without
 * its per-feed schema validation, XML parsing of `customData` and generic XML builder: a site has a feed per actor
 * and country, over a thousand at bench sizes, and those cost more than the feeds' own content.
 */
import { t } from "../i18n/index.ts";
import type { Lang } from "../schemas/common.ts";
import { FEED_ITEM_CATEGORIES, type SiteModel } from "./model.ts";
import { articleDateLine, articleTitle } from "./present.ts";
import { removeInvalidChars } from "../lib/text-safety.ts";
import { paths, type UrlBuilder } from "./urls.ts";
import { shared, type SharedMemo } from "./shared-memo.ts";
import { xmlResponse } from "./xml-response.ts";

export interface FeedItem {
  title: string;
  link: string;
  description: string;
  pubDate?: Date;
  categories: string[];
}

export interface Feed {
  title: string;
  description: string;
  /** Absolute URL of the page the feed belongs to. */
  site: string;
  items: FeedItem[];
  /** `<language>` element for the channel. */
  customData: string;
}

/**
 * Article items, each made once per model, URL builder and edition (src/site/shared-memo.ts): an article is an item of
 * the feed of each of its actors and countries. A shared item is never changed, so `rssXml` writes its XML once.
 */
const articleItems: SharedMemo<FeedItem> = new WeakMap();

function articleItem(model: SiteModel, id: string, lang: Lang, urls: UrlBuilder): FeedItem {
  const view = model.articles.get(id)!;
  const a = view.article;
  const date = a.published ?? a.seen;
  const parts = [a.source, articleDateLine(view, lang)].filter(Boolean);
  return {
    title: articleTitle(a, lang).text,
    link: urls.absolute(lang, paths.article(id)),
    description: lang === "en" && a.summary_en ? a.summary_en : parts.join(" · "),
    ...(date ? { pubDate: new Date(`${date}T00:00:00Z`) } : {}),
    categories: view.actorIds.slice(0, FEED_ITEM_CATEGORIES).map((actor) => model.actors.get(actor)!.names[lang]),
  };
}

function items(model: SiteModel, ids: readonly string[], lang: Lang, urls: UrlBuilder): FeedItem[] {
  return ids.map((id) => shared(articleItems, model, urls, lang, id, () => articleItem(model, id, lang, urls)));
}

type FeedSettings = { site: { title: Record<Lang, string>; description: Record<Lang, string>; latest: number } };

/** The latest articles of an edition. */
export function latestFeed(model: SiteModel, settings: FeedSettings, lang: Lang, urls: UrlBuilder): Feed {
  const site = settings.site.title[lang];
  return {
    title: t(lang, "feed.latest", { site }),
    description: settings.site.description[lang],
    site: urls.absolute(lang, paths.home()),
    items: items(model, model.latest.slice(0, settings.site.latest), lang, urls),
    customData: `<language>${lang}</language>`,
  };
}

/** The latest articles naming an actor. */
export function actorFeed(model: SiteModel, settings: FeedSettings, lang: Lang, urls: UrlBuilder, id: string): Feed {
  const actor = model.actors.get(id)!;
  return {
    title: t(lang, "feed.actor", { site: settings.site.title[lang], name: actor.names[lang] }),
    description: actor.description?.[lang] ?? actor.names[lang],
    site: urls.absolute(lang, paths.actor(id)),
    items: items(model, actor.latest.map((m) => m.articleId), lang, urls),
    customData: `<language>${lang}</language>`,
  };
}

/** The latest articles naming a country. */
export function countryFeed(model: SiteModel, settings: FeedSettings, lang: Lang, urls: UrlBuilder, code: string): Feed {
  const country = model.countries.get(code)!;
  return {
    title: t(lang, "feed.country", { site: settings.site.title[lang], name: country.names[lang] }),
    description: t(lang, "country.description", { name: country.names[lang] }),
    site: urls.absolute(lang, paths.country(country.slug)),
    items: items(model, country.latest, lang, urls),
    customData: `<language>${lang}</language>`,
  };
}

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", ">": "&gt;", "<": "&lt;", "'": "&apos;", '"': "&quot;" };

/** Text as XML character data: characters XML forbids removed (text-safety.ts), markup characters escaped. */
function xmlText(text: string): string {
  const value = removeInvalidChars(text);
  return /[&<>'"]/.test(value) ? value.replace(/[&<>'"]/g, (c) => XML_ESCAPES[c]!) : value;
}

/** `<name>value</name>`, or `<name/>` for an empty value (as the XML builder of @astrojs/rss writes it). */
function element(name: string, value: string): string {
  const text = xmlText(value);
  return text === "" ? `<${name}/>` : `<${name}>${text}</${name}>`;
}

/** The channel link as @astrojs/rss normalises it (`createCanonicalURL` with a trailing slash). */
function canonicalUrl(url: string): string {
  let path = url.replace(/\/index.html$/, "");
  const dot = url.lastIndexOf(".");
  if (!(dot > url.lastIndexOf("/"))) path = path.replace(/\/*$/, "/");
  return new URL(path.replace(/\/+/g, "/")).href;
}

/** `<item>…</item>` of one feed item. */
function itemXml(item: FeedItem): string {
  let out = "<item>";
  if (item.title) out += element("title", item.title);
  out += `${element("link", item.link)}<guid isPermaLink="true">${xmlText(item.link)}</guid>`;
  if (item.description) out += element("description", item.description);
  if (item.pubDate) out += element("pubDate", item.pubDate.toUTCString());
  for (const category of item.categories) out += element("category", category);
  return `${out}</item>`;
}

/** The XML of shared (frozen, so unchanging) items, written once however many feeds list them. */
const sharedXml = new WeakMap<FeedItem, string>();

/** The RSS 2.0 document of a feed (`customData` is written as it is: XML the site builds, never user text). */
export function rssXml(feed: Feed): string {
  let out = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>${element("title", feed.title)}${element("description", feed.description)}`;
  out += `${element("link", canonicalUrl(feed.site))}${feed.customData}`;
  for (const item of feed.items) {
    if (!Object.isFrozen(item)) {
      out += itemXml(item);
      continue;
    }
    let xml = sharedXml.get(item);
    if (xml === undefined) sharedXml.set(item, (xml = itemXml(item)));
    out += xml;
  }
  return `${out}</channel></rss>`;
}

/** A feed as the response of an Astro endpoint. */
export function rssResponse(feed: Feed): Response {
  return xmlResponse(rssXml(feed));
}
