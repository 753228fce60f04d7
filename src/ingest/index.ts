/**
 * Ingest: raw scraped page → clean articles (no entity tagging; see src/entities).
 *
 * Cascade (one small pure stage per file):
 *   decode → (html → lines + metadata) → segment → classify lines → assemble articles → metadata → dates
 *
 * PLACEHOLDER interface: the ingest stage fills this in.
 */
import type { ExtractedArticle } from "../schemas/article.ts";

/** A raw input as read from disk: never modified. */
export interface RawPage {
  /** Base name of the input file (`000_x.txt`). */
  file: string;
  bytes: Uint8Array;
}

/** An article as ingest finds it, before tagging and ids. */
export type CleanArticle = Pick<
  ExtractedArticle,
  "index" | "lang" | "title" | "subtitle" | "source" | "author" | "dateline" | "published" | "seen" | "body" | "captions" | "secondary"
>;

export type PageResult =
  | { ok: true; articles: CleanArticle[]; warnings: string[] }
  | { ok: false; reason: string };
