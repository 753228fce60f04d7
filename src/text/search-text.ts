/**
 * The search words of an article that readers never see: the clitic-stripped and normalised forms (see
 * `searchTokens` in src/text/clitics.ts) Pagefind's own stemmer misses, indexed from a hidden block on the
 * article page so «حفتر» finds «لحفتر».
 *
 * Pure and per article, so it is computed once per article file, not once per build: the site's article cache
 * (src/content/article-cache.ts) keeps it next to the article, versioned by the sources of this module and of what it imports.
 */
import { searchTokens } from "./clitics.ts";
import { moduleSources } from "../lib/code-version.ts";
import type { Article } from "../schemas/article.ts";

/**
 * Modules and data files whose content decides an article's search text (this module and what it imports, as file
 * URLs): a change to one recomputes all. Computed, not hand-kept: the hand-kept list missed the folds and clitics.
 */
export const SEARCH_TEXT_SOURCES = moduleSources(import.meta.url);

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
