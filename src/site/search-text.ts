/**
 * The search words of an article that readers never see: the clitic-stripped and normalised forms (see
 * `searchTokens` in src/entities/normalise.ts) Pagefind's own stemmer misses, indexed from a hidden block on the
 * article page so «حفتر» finds «لحفتر».
 *
 * Pure and per article, so it is computed once per article file, not once per build: the site's article cache
 * (src/site/load.ts) keeps it next to the article, versioned by this module's and normalise.ts's sources.
 */
import { searchTokens } from "../entities/normalise.ts";
import type { Article } from "../schemas/article.ts";

/** Modules whose code decides an article's search text (relative to src/site/): a change to one recomputes all. */
export const SEARCH_TEXT_SOURCES = ["./search-text.ts", "../entities/normalise.ts"];

/**
 * Normalised words of the article that readers never see but search should match: every normalised token and
 * clitic stem not already present verbatim as a word of the text (Pagefind indexes those itself).
 */
export function articleSearchText(article: Pick<Article, "title" | "subtitle" | "body" | "captions" | "lang">): string {
  const text = [article.title ?? "", article.subtitle ?? "", ...article.body, ...article.captions].join("\n");
  const visible = new Set(text.toLowerCase().split(/[^\p{L}\p{N}]+/u));
  return searchTokens(text, article.lang)
    .filter((tok) => !visible.has(tok))
    .join(" ");
}
