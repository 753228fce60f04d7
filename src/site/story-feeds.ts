/**
 * The feed of stories of an edition (`/{lang}/stories/rss.xml`), next to the article feeds of feeds.ts and written by
 * the same `rssXml`: one item per story, most recently updated first, linking to the story page (or to the article
 * of a one-article story), described by its cited summary (and, for a story in the other language, the line of known
 * facts first), dated by the last day it was reported.
 */
import { t } from "../i18n/index.ts";
import type { Lang } from "../schemas/common.ts";
import type { Feed, FeedItem } from "./feeds.ts";
import type { SiteModel } from "./model.ts";
import { presentStory } from "./story-present.ts";
import { paths, type UrlBuilder } from "./urls.ts";

type FeedSettings = { site: { title: Record<Lang, string>; description: Record<Lang, string> } };

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
    categories: story.actors.map((a) => model.actors.get(a)!.names[lang]),
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
