/**
 * Feed contents (per edition, per actor, per country), as plain items for @astrojs/rss. Dates are the article's
 * publication date, else the day it was seen; an article with neither has no `pubDate` rather than an invented one.
 * No build time goes into a feed, so rebuilding the same content gives byte-identical files.
 */
import { t } from "../i18n/index.ts";
import type { Lang } from "../schemas/common.ts";
import type { SiteModel } from "./model.ts";
import { articleDateLine, articleTitle } from "./present.ts";
import { paths, type UrlBuilder } from "./urls.ts";

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

function items(model: SiteModel, ids: readonly string[], lang: Lang, urls: UrlBuilder): FeedItem[] {
  return ids.map((id) => {
    const view = model.articles.get(id)!;
    const a = view.article;
    const date = a.published ?? a.seen;
    const parts = [a.source, articleDateLine(view, lang)].filter(Boolean);
    return {
      title: articleTitle(a, lang).text,
      link: urls.absolute(lang, paths.article(id)),
      description: lang === "en" && a.summary_en ? a.summary_en : parts.join(" · "),
      ...(date ? { pubDate: new Date(`${date}T00:00:00Z`) } : {}),
      categories: view.actorIds.map((actor) => model.actors.get(actor)!.names[lang]),
    };
  });
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
