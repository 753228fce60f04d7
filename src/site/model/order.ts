/** Phase 1: order articles by day (latest first), then id; undated last. */
import type { Article } from "../../schemas/article.ts";
import { articleDay } from "./days.ts";
import type { DateSource } from "./types.ts";

/** An article with the day it is filed under. */
export interface DatedArticle {
  article: Article;
  day: string | null;
  source: DateSource;
}

export function orderArticles(articles: readonly Article[]): DatedArticle[] {
  const dated = articles.map((article) => ({ article, ...articleDay(article) }));
  dated.sort((a, b) => {
    if (a.day !== b.day) {
      if (a.day === null) return 1;
      if (b.day === null) return -1;
      return a.day < b.day ? 1 : -1;
    }
    return a.article.id < b.article.id ? -1 : a.article.id > b.article.id ? 1 : 0;
  });
  return dated;
}
