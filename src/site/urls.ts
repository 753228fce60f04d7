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
  actor: (id: string) => `actors/${id}/`,
  actorFeed: (id: string) => `actors/${id}/rss.xml`,
  countries: () => "countries/",
  country: (slug: string) => `countries/${slug}/`,
  countryFeed: (slug: string) => `countries/${slug}/rss.xml`,
  countryWeek: (slug: string, week: string) => `countries/${slug}/weeks/${week}/`,
  article: (id: string) => `articles/${id}/`,
  story: (id: string) => `stories/${id}/`,
  search: () => "search/",
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
