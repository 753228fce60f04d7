/**
 * An article body as HTML for one edition: plain paragraphs → hast → mentions linked → escaped HTML.
 * Also the search tokens of an article (see search-tokens in src/entities/normalise.ts): the clitic-stripped forms
 * Pagefind's own stemmer misses, indexed from a hidden block on the article page.
 */
import { searchTokens } from "../entities/normalise.ts";
import type { Article } from "../schemas/article.ts";
import type { Lang } from "../schemas/common.ts";
import { paragraphsToHast, toHtml } from "./article-hast.ts";
import type { SiteModel } from "./model.ts";
import rehypeLinkMentions from "./rehype-link-mentions.ts";
import { paths, type UrlBuilder } from "./urls.ts";

/** The body of `article` as HTML for edition `lang`, mentions linked to that edition's pages. */
export function renderBody(article: Pick<Article, "body" | "mentions">, model: Pick<SiteModel, "resolveRef" | "countries">, lang: Lang, urls: Pick<UrlBuilder, "url">): string {
  const tree = paragraphsToHast(article.body);
  rehypeLinkMentions({
    mentions: article.mentions,
    link(ref) {
      const target = model.resolveRef(ref);
      if (!target) return null;
      if (target.kind === "actor") return { kind: "actor", href: urls.url(lang, paths.actor(target.id)) };
      return { kind: "country", href: urls.url(lang, paths.country(model.countries.get(target.code)!.slug)) };
    },
  })(tree);
  return toHtml(tree);
}

/**
 * Normalised words of the article that readers never see but search should match: every normalised token and
 * clitic stem not already present verbatim as a word of the text (Pagefind indexes those itself).
 */
export function articleSearchText(article: Pick<Article, "id" | "title" | "subtitle" | "body" | "captions" | "lang">): string {
  // Both editions of an article index the same words: computed once per article per build.
  const cached = searchTextCache.get(article.id);
  if (cached !== undefined) return cached;
  const text = [article.title ?? "", article.subtitle ?? "", ...article.body, ...article.captions].join("\n");
  const visible = new Set(text.toLowerCase().split(/[^\p{L}\p{N}]+/u));
  const tokens = searchTokens(text, article.lang).filter((tok) => !visible.has(tok));
  const out = tokens.join(" ");
  searchTextCache.set(article.id, out);
  return out;
}

const searchTextCache = new Map<string, string>();
