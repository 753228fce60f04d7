/** What ingest produces, in a file of its own so that the stage's files import it without importing index.ts. */
import type { ExtractedArticle } from "../schemas/article.ts";

/** An article as ingest finds it, before tagging and ids. */
export type CleanArticle = Pick<
  ExtractedArticle,
  "index" | "lang" | "title" | "subtitle" | "source" | "author" | "dateline" | "published" | "seen" | "body" | "captions" | "secondary" | "url"
>;
