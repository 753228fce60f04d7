/**
 * The site's framework-free public surface: what the CLI (search index, cards) and tests use. The Astro pages import
 * the modules directly.
 */
export { buildSearchIndex } from "./search-index.ts";
export { cardFor, cardPaths, cardSpecs } from "./cards.ts";
export { loadArticles, loadSiteModel } from "./load.ts";
export { buildSiteModel, buildTimeline, articleDay } from "./model.ts";
export type { ActorView, ArticleView, CountryView, DayBrief, SiteModel, SiteModelInput, Timeline } from "./model.ts";
export { sitePages } from "./routes.ts";
export type { SitePage } from "./routes.ts";
export { createUrls, normaliseBase, paths } from "./urls.ts";
export type { UrlBuilder } from "./urls.ts";
export { normaliseQuery } from "./search-query.ts";
export { default as rehypeLinkMentions } from "./rehype-link-mentions.ts";
