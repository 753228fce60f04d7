/**
 * The feeds of stories (`/{lang}/stories/rss.xml` per edition, `/{lang}/actors/{id}/stories/rss.xml` per actor and
 * `/{lang}/countries/{slug}/stories/rss.xml` per country), next to the article feeds of feeds.ts and written by the
 * same `rssXml`: one item per story, most recently updated first, linking to the story page (or to the article of a
 * one-article story), described by its cited summary (and, for a story in the other language, the line of known facts
 * first), dated by the last day it was reported.
 *
 * Costs: a bench site of 10,000 articles has about a thousand actors and countries with a page, so two thousand of
 * these feeds. They share one bucketing pass over all stories (per model, in the model's `storyOrder`: every story's actors
 * and countries) and one presentation per story and edition (memoised), so a feed costs its own XML only.
 */
import { t } from "../i18n/index.ts";
import type { Lang } from "../schemas/common.ts";
import { type Feed, type FeedItem } from "./feeds.ts";
import { shared, type SharedMemo } from "./shared-memo.ts";
import { FEED_ITEM_CATEGORIES, type SiteModel } from "./model.ts";
import { presentStory } from "./story-present.ts";
import { paths, type UrlBuilder } from "./urls.ts";

type FeedSettings = { site: { title: Record<Lang, string>; description: Record<Lang, string> } };
/** Per-actor and per-country feeds also need how many items a feed holds (`site.latest`, as the article feeds). */
type EntityFeedSettings = { site: FeedSettings["site"] & { latest: number } };

/** One story as a feed item. */
export function storyItem(model: SiteModel, id: string, lang: Lang, urls: UrlBuilder): FeedItem {
  const story = model.stories.get(id)!;
  const p = presentStory(model, id, lang);
  const summary = p.sentences.map((s) => s.text).join(" ");
  const description = [p.facts, summary, p.facts ? null : [p.outletCount, p.dates].filter(Boolean).join(" · ")].filter(Boolean).join(" — ");
  return {
    title: p.title.text,
    link: urls.absolute(lang, p.path),
    description,
    ...(story.last ? { pubDate: new Date(`${story.last}T00:00:00Z`) } : {}),
    // The most named first (`story.actors` is by frequency).
    categories: story.actors.slice(0, FEED_ITEM_CATEGORIES).map((a) => model.actors.get(a)!.names[lang]),
  };
}

/** Feed items by model, URL builder, edition and story: a story in twenty actor feeds is an item made once. */
const itemMemo: SharedMemo<FeedItem> = new WeakMap();

function memoItem(model: SiteModel, id: string, lang: Lang, urls: UrlBuilder): FeedItem {
  return shared(itemMemo, model, urls, lang, id, () => storyItem(model, id, lang, urls));
}

/** The latest stories (by last day reported, then id) involving each actor and each country, at most `limit` each. */
export interface StoryBuckets {
  limit: number;
  actors: ReadonlyMap<string, readonly string[]>;
  countries: ReadonlyMap<string, readonly string[]>;
}

const bucketMemo = new WeakMap<SiteModel, StoryBuckets>();

/**
 * Buckets every story under its actors and countries in one pass (memoised per model and limit). A story involves
 * an actor or country when any of its articles names it; `story.actors`/`countries` hold only those with a page, so
 * only actors and countries with a page get a bucket.
 */
export function storyBuckets(model: SiteModel, limit: number): StoryBuckets {
  const memo = bucketMemo.get(model);
  if (memo && memo.limit === limit) return memo;
  const actors = new Map<string, string[]>();
  const countries = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, key: string, id: string) => {
    const list = map.get(key);
    if (!list) map.set(key, [id]);
    else if (list.length < limit) list.push(id);
  };
  for (const id of model.storyOrder) {
    const s = model.stories.get(id)!;
    for (const a of s.actors) add(actors, a, s.id);
    for (const c of s.countries) add(countries, c, s.id);
  }
  const out = { limit, actors, countries };
  bucketMemo.set(model, out);
  return out;
}

/** The latest stories involving an actor (named in any of their articles). */
export function actorStoriesFeed(model: SiteModel, settings: EntityFeedSettings, lang: Lang, urls: UrlBuilder, id: string): Feed {
  const actor = model.actors.get(id)!;
  const ids = storyBuckets(model, settings.site.latest).actors.get(id) ?? [];
  return {
    title: t(lang, "feed.actorStories", { site: settings.site.title[lang], name: actor.names[lang] }),
    description: actor.description?.[lang] ?? actor.names[lang],
    site: urls.absolute(lang, paths.actor(id)),
    items: ids.map((story) => memoItem(model, story, lang, urls)),
    customData: `<language>${lang}</language>`,
  };
}

/** The latest stories involving a country (named in any of their articles). */
export function countryStoriesFeed(model: SiteModel, settings: EntityFeedSettings, lang: Lang, urls: UrlBuilder, code: string): Feed {
  const country = model.countries.get(code)!;
  const ids = storyBuckets(model, settings.site.latest).countries.get(code) ?? [];
  return {
    title: t(lang, "feed.countryStories", { site: settings.site.title[lang], name: country.names[lang] }),
    description: t(lang, "country.description", { name: country.names[lang] }),
    site: urls.absolute(lang, paths.country(country.slug)),
    items: ids.map((story) => memoItem(model, story, lang, urls)),
    customData: `<language>${lang}</language>`,
  };
}

/** The latest stories of an edition. */
export function storiesFeed(model: SiteModel, settings: FeedSettings, lang: Lang, urls: UrlBuilder): Feed {
  return {
    title: t(lang, "feed.stories", { site: settings.site.title[lang] }),
    description: settings.site.description[lang],
    site: urls.absolute(lang, paths.home()),
    items: model.latestStories.map((id) => storyItem(model, id, lang, urls)),
    customData: `<language>${lang}</language>`,
  };
}
