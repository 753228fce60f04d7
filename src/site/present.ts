/**
 * How data is shown in an edition: which title, which date sentence, which language a snippet is in.
 * Framework-free so templates, feeds and cards show the same words.
 *
 * Honesty rules: a translation is never invented (an Arabic article in the English edition keeps its Arabic title
 * unless an editor supplied `title_en`), and a missing publication date is said, not guessed.
 */
import { t } from "../i18n/index.ts";
import type { Article } from "../schemas/article.ts";
import type { Lang } from "../schemas/common.ts";
import { formatDate, textLang } from "./locale.ts";
import type { ArticleView } from "./model.ts";

/** A piece of text with the language it is written in (for `lang`/`dir` on its element). */
export interface Snippet {
  text: string;
  lang: Lang;
}

/** The title an edition shows for an article, and whether an editor wrote it. */
export function articleTitle(article: Pick<Article, "title" | "title_en" | "lang">, lang: Lang): Snippet & { editor: boolean } {
  if (lang === "en" && article.title_en) return { text: article.title_en, lang: "en", editor: article.lang !== "en" };
  if (article.title) return { text: article.title, lang: article.lang, editor: false };
  if (article.title_en) return { text: article.title_en, lang: "en", editor: true };
  return { text: t(lang, "article.untitled"), lang, editor: false };
}

/** The outlet an edition shows for an article (as written, so in its own script), or null. */
export function articleSource(article: Pick<Article, "source">): Snippet | null {
  return article.source ? { text: article.source, lang: textLang(article.source) } : null;
}

/** One line about when the article dates from, stating what is unknown. */
export function articleDateLine(view: Pick<ArticleView, "article" | "dateSource">, lang: Lang): string {
  const { published, seen } = view.article;
  if (published) return formatDate(lang, published);
  if (seen) return t(lang, "article.seenOnly", { date: formatDate(lang, seen) });
  return t(lang, "article.noDates");
}

/** `lang`/`dir` attributes for a snippet shown inside a page of edition `pageLang` (nothing when they agree). */
export function snippetAttrs(snippet: Snippet, pageLang: Lang): { lang?: Lang; dir?: "rtl" | "ltr" } {
  if (snippet.lang === pageLang) return {};
  return { lang: snippet.lang, dir: snippet.lang === "ar" ? "rtl" : "ltr" };
}
