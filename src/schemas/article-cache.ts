/**
 * Schema of the article cache, `<cacheDir>/site/articles-<key>.json` (src/content/article-cache.ts): the stamp of
 * every article file read, the article each gave, and each article's search text. The articles themselves are
 * checked only for being objects: they were validated when their files were read, and the stamp carries the
 * reader's code version. A cache that does not match is read as empty (every file is parsed again).
 */
import { z } from "zod";
import type { Article } from "./article.ts";

export const ArticleCacheFile = z.object({
  /** By file name (relative to the articles folder): the article id it gave and its stamp (bytes and reader). */
  files: z.record(z.string(), z.object({ id: z.string(), stamp: z.string() })),
  /** By article id, as the site reads it. */
  articles: z.record(z.string(), z.custom<Article>((v) => typeof v === "object" && v !== null && !Array.isArray(v))),
  /** Search text by article id, valid for the search-text code of `version` only. */
  search: z.object({ version: z.string(), text: z.record(z.string(), z.string()) }).optional(),
});
export type ArticleCacheFile = z.infer<typeof ArticleCacheFile>;
