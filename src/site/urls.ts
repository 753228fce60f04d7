/**
 * Every URL the site emits is built here, so the `base` option (a site served under `/briefings/`) works everywhere
 * and permanent URLs cannot drift between pages, feeds, the sitemap and share cards.
 *
 * A route path is edition-relative and ends with `/` for pages (`actors/khalifa-haftar/`); `url(lang, path)` adds
 * the base and the edition (`/briefings/ar/actors/khalifa-haftar/`).
 */
import type { Lang } from "../schemas/common.ts";

/** Edition-relative paths of every kind of page and feed. */
export const paths = {
  home: () => "",
  briefs: () => "briefs/",
  brief: (day: string) => `briefs/${day}/`,
  actors: () => "actors/",
  actorsByMentions: () => "actors/by-mentions/",
  /**
   * A page of the actors index: ordered by recent activity or by articles, optionally filtered by type or by
   * country, page `n` (1 = the view's first page). Always two segments or more past `actors/` (`actors/page/2/`),
   * so no index page can take an actor id's URL; page 1 of the two unfiltered orders keeps its old path.
   */
  actorsView: (view: { order: "recent" | "mentions"; type?: string; country?: string }, n = 1) => {
    const base = view.type ? `actors/type/${view.type.replace(/_/g, "-")}/` : view.country ? `actors/country/${view.country}/` : view.order === "mentions" ? "actors/by-mentions/" : "actors/";
    return n === 1 ? base : `${base}page/${n}/`;
  },
  actor: (id: string) => `actors/${id}/`,
  actorFeed: (id: string) => `actors/${id}/rss.xml`,
  actorStoriesFeed: (id: string) => `actors/${id}/stories/rss.xml`,
  countries: () => "countries/",
  country: (slug: string) => `countries/${slug}/`,
  countryFeed: (slug: string) => `countries/${slug}/rss.xml`,
  countryStoriesFeed: (slug: string) => `countries/${slug}/stories/rss.xml`,
  countryWeek: (slug: string, week: string) => `countries/${slug}/weeks/${week}/`,
  article: (id: string) => `articles/${id}/`,
  story: (id: string) => `stories/${id}/`,
  search: () => "search/",
  /** The reference index of the whole knowledge base (`noindex`), in pages of `REFERENCE_PAGE_SIZE` actors. */
  reference: (page = 1) => (page === 1 ? "reference/" : `reference/${page}/`),
  feed: () => "rss.xml",
  storiesFeed: () => "stories/rss.xml",
} as const;

/** Normalises a base to `/` or `/segment/`. */
export function normaliseBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, "");
  return trimmed ? `/${trimmed}/` : "/";
}

export interface UrlBuilder {
  /** Site-relative URL of an edition page (`lang` given) or of a root file (`lang` null: `404.html`, `sitemap-index.xml`). */
  url(lang: Lang | null, path: string): string;
  /** Absolute URL (for feeds, sitemap, canonical and Open Graph). */
  absolute(lang: Lang | null, path: string): string;
  /** Site-relative URL of a share card: `<base>cards/<cardPath>.png`. */
  card(cardPath: string): string;
  base: string;
}

/** Builds the one URL helper for a site origin and base. */
export function createUrls(siteUrl: string, base: string): UrlBuilder {
  const b = normaliseBase(base);
  const origin = siteUrl.replace(/\/+$/, "");
  const url = (lang: Lang | null, path: string) => `${b}${lang ? `${lang}/` : ""}${path}`;
  return {
    base: b,
    url,
    absolute: (lang, path) => `${origin}${url(lang, path)}`,
    card: (cardPath) => `${b}cards/${cardPath}.png`,
  };
}
