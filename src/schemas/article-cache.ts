/**
 * Schema of one shard of the article cache, `<cacheDir>/site/articles-<key>/<NN>.json` (src/content/article-cache.ts):
 * for each article file of the shard, the article id it gave, its stamp (bytes and reader), the article and its
 * search text. The articles themselves are checked only for being objects: they were validated when their files were
 * read, and the stamp carries the reader's code version. A shard that does not match is read as empty (its files
 * are parsed again).
 */
import { z } from "zod";
import type { Article } from "./article.ts";

export const ArticleCacheShard = z.object({
  /** By file name (relative to the articles folder). */
  files: z.record(
    z.string(),
    z.object({
      id: z.string(),
      stamp: z.string(),
      /** The file's stat signature with that stamp, when it had settled (read-content.ts `editedSignature`). */
      stat: z.string().optional(),
      /** As the site reads it. */
      article: z.custom<Article>((v) => typeof v === "object" && v !== null && !Array.isArray(v)),
      /** Search text, valid for the search-text code of the shard's `searchVersion` only. */
      search: z.string().optional(),
      /**
       * A digest of the article and its search text (article-cache.ts `articleDigest`), made with them: page keys hash
       * it instead of the whole article every build. Dropped with a stale search text.
       */
      digest: z.string().optional(),
    }),
  ),
  searchVersion: z.string(),
});
export type ArticleCacheShard = z.infer<typeof ArticleCacheShard>;

/**
 * The cache's index, `<cacheDir>/site/articles-<key>/index.json`: the stamp of every file the last read kept (as in
 * the shards), so that a check of the articles folder that finds nothing changed reads no shard.
 */
export const ArticleCacheIndex = z.object({
  files: z.record(z.string(), z.object({ id: z.string(), stamp: z.string(), stat: z.string().optional() })),
});
export type ArticleCacheIndex = z.infer<typeof ArticleCacheIndex>;

/**
 * The article cache's story index, `<cacheDir>/site/articles-<key>/stories.v8` (src/content/article-cache.ts
 * `readStoredStories`): per file name, what story grouping needs of a stored article it does not compare — its id,
 * story (null: its own) and date (`published`, else `seen`) — with the stamp of the file they were read from. As
 * columns of equal length (checked), which validate about ten times faster than 10,000 small objects.
 */
export const ArticleStoryIndex = z
  .object({
    names: z.array(z.string()),
    ids: z.array(z.string()),
    stamps: z.array(z.string()),
    stories: z.array(z.string().nullable()),
    dates: z.array(z.string().nullable()),
  })
  .refine((x) => [x.ids, x.stamps, x.stories, x.dates].every((column) => column.length === x.names.length), "columns of unequal length");
export type ArticleStoryIndex = z.infer<typeof ArticleStoryIndex>;
