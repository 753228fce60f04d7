/**
 * The list of every page that exists in both editions, from the model: what the sitemap lists, what the card
 * stage renders for, and what tests crawl. Pages themselves use `paths` from urls.ts, so the two cannot disagree.
 */
import type { CardKind } from "../cards/spec.ts";
import type { SiteModel } from "./model.ts";
import { paths } from "./urls.ts";

export interface SitePage {
  /** Edition-relative path (`actors/khalifa-haftar/`). */
  path: string;
  kind: CardKind | "search";
  /** Last change, when the page is about dated content (sitemap `lastmod`). */
  lastmod?: string;
  /** True when the page shows another page's share card (a country's weekly brief), so it has no card of its own. */
  sharesCard?: true;
}

/** Every page of one edition (the other edition has the same paths). Redirect pages are not pages. */
export function sitePages(model: SiteModel): SitePage[] {
  const out: SitePage[] = [];
  const latestDay = model.days[0]?.day;
  out.push({ path: paths.home(), kind: "home", ...(latestDay ? { lastmod: latestDay } : {}) });
  out.push({ path: paths.briefs(), kind: "index", ...(latestDay ? { lastmod: latestDay } : {}) });
  for (const brief of model.days) out.push({ path: paths.brief(brief.day), kind: "brief", lastmod: brief.day });
  out.push({ path: paths.actors(), kind: "index" });
  out.push({ path: paths.actorsByMentions(), kind: "index" });
  for (const actor of model.actors.values()) {
    out.push({ path: paths.actor(actor.id), kind: "actor", ...(actor.lastDay ? { lastmod: actor.lastDay } : {}) });
  }
  out.push({ path: paths.countries(), kind: "index" });
  for (const country of model.countries.values()) {
    out.push({ path: paths.country(country.slug), kind: "country", ...(country.lastDay ? { lastmod: country.lastDay } : {}) });
    // Weekly briefs show their country's share card.
    for (const w of country.weeks) out.push({ path: paths.countryWeek(country.slug, w.week), kind: "country", sharesCard: true, lastmod: w.lastDay });
  }
  for (const id of model.latest) {
    const view = model.articles.get(id)!;
    out.push({ path: paths.article(id), kind: "article", ...(view.day ? { lastmod: view.day } : {}) });
  }
  // Stories with a page of their own (at least two articles); their share card is drawn as an article's.
  for (const id of model.storyPages) {
    const story = model.stories.get(id)!;
    out.push({ path: paths.story(id), kind: "article", ...(story.last ? { lastmod: story.last } : {}) });
  }
  out.push({ path: paths.search(), kind: "search" });
  return out;
}
