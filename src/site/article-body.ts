/** An article body as HTML for one edition: plain paragraphs → hast → mentions linked → escaped HTML. */
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
