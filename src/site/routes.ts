/**
 * The list of every page that exists in both editions, from the model: what the sitemap lists, what the card
 * stage renders for, and what tests crawl. Pages themselves use `paths` from urls.ts, so the two cannot disagree.
 */
import type { CardKind } from "../schemas/card.ts";
import type { SiteModel } from "./model.ts";
import { paths } from "./urls.ts";

/** Actors per page of the reference index: a page a phone scrolls through in a minute, about 60 KB of HTML. */
export const REFERENCE_PAGE_SIZE = 200;

/** How many pages the reference index of `count` actors has (at least one). */
export function pageCount(count: number, size: number): number {
  return Math.max(1, Math.ceil(count / size));
}

/** Actors per page of the actors index (one screenful on a desktop, three on a phone). */
export const ACTORS_PAGE_SIZE = 50;

/** One page of the actors index: which actors, in which view, and where the view's pages are. */
export interface ActorIndexPage {
  path: string;
  order: "recent" | "mentions";
  /** Actor type or country code (upper case) the view is filtered by. */
  type: string | null;
  country: string | null;
  n: number;
  pages: number;
  ids: readonly string[];
}

/**
 * Every page of the actors index: actors an article names, by recent activity (all, per type, per country of the
 * actor) and by number of articles, paginated. Computed from `actorPages` (already latest first) in one pass.
 */
export function actorIndexPages(model: SiteModel, size = ACTORS_PAGE_SIZE): ActorIndexPage[] {
  const memo = size === ACTORS_PAGE_SIZE ? indexMemo.get(model) : undefined;
  if (memo) return memo;
  const out: ActorIndexPage[] = [];
  const paginate = (ids: readonly string[], order: "recent" | "mentions", type: string | null, country: string | null) => {
    const pages = pageCount(ids.length, size);
    const view = { order, ...(type ? { type } : {}), ...(country ? { country: country.toLowerCase() } : {}) };
    for (let n = 1; n <= pages; n++) out.push({ path: paths.actorsView(view, n), order, type, country, n, pages, ids: ids.slice((n - 1) * size, n * size) });
  };
  paginate(model.actorPages, "recent", null, null);
  const withPage = new Set(model.actorPages);
  paginate(model.actorOrder.mentions.filter((id) => withPage.has(id)), "mentions", null, null);
  const byType = new Map<string, string[]>();
  const byCountry = new Map<string, string[]>();
  for (const id of model.actorPages) {
    const a = model.actors.get(id)!;
    (byType.get(a.type) ?? byType.set(a.type, []).get(a.type)!).push(id);
    if (a.country) (byCountry.get(a.country) ?? byCountry.set(a.country, []).get(a.country)!).push(id);
  }
  for (const type of [...byType.keys()].sort()) paginate(byType.get(type)!, "recent", type, null);
  for (const code of [...byCountry.keys()].sort()) paginate(byCountry.get(code)!, "recent", null, code);
  if (size === ACTORS_PAGE_SIZE) indexMemo.set(model, out);
  return out;
}

/** Every page of a build renders from one model: the index is computed once for it. */
const indexMemo = new WeakMap<SiteModel, ActorIndexPage[]>();

export interface SitePage {
  /** Edition-relative path (`actors/khalifa-haftar/`). */
  path: string;
  kind: CardKind | "search";
  /** Last change, when the page is about dated content (sitemap `lastmod`). */
  lastmod?: string;
  /** True when the page shows another page's share card (a country's weekly brief), so it has no card of its own. */
  sharesCard?: true;
}

/**
 * Every page of one edition (the other edition has the same paths). Redirect pages are not pages, and neither are
 * reference pages (the knowledge base's entries no article names yet, and the reference index): they are `noindex`,
 * without a card, and not in the sitemap.
 */
export function sitePages(model: SiteModel): SitePage[] {
  const out: SitePage[] = [];
  const latestDay = model.days[0]?.day;
  out.push({ path: paths.home(), kind: "home", ...(latestDay ? { lastmod: latestDay } : {}) });
  out.push({ path: paths.briefs(), kind: "index", ...(latestDay ? { lastmod: latestDay } : {}) });
  for (const brief of model.days) out.push({ path: paths.brief(brief.day), kind: "brief", lastmod: brief.day });
  out.push({ path: paths.actors(), kind: "index" });
  out.push({ path: paths.actorsByMentions(), kind: "index" });
  for (const id of model.actorPages) {
    const actor = model.actors.get(id)!;
    out.push({ path: paths.actor(actor.id), kind: "actor", ...(actor.lastDay ? { lastmod: actor.lastDay } : {}) });
  }
  out.push({ path: paths.countries(), kind: "index" });
  for (const code of model.countryPages) {
    const country = model.countries.get(code)!;
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
