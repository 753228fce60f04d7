/**
 * What makes two things the same, in one place. Three notions, each with its own job:
 *
 *   article id   names one article for good: its file `content/articles/<id>.md`, its page URLs, its share card.
 *                A hash of the article's text at fold level `match` (src/text), so the same text gives the same id
 *                on every run and machine; an English title adds a readable slug in front. Copies of one article
 *                found by de-duplication all take the id of the first copy (pipeline/extract.ts, `mergeDuplicates`).
 *   dedupe key   says "this is a copy": a fingerprint of the body's words at fold level `key` (hamza forms,
 *                diacritics, punctuation and spacing do not count), so a re-scrape with other formatting, or another
 *                outlet carrying the same text, has the same key. Recorded in the ingest manifest so that a later
 *                input carrying a stored article is recognised (pipeline/plan-ingest.ts). Near-copies are grouped by
 *                shingle similarity on the same words (ingest/dedupe.ts).
 *   story id     names one news development across outlets, languages and days: the id of the story's first
 *                article, so a story's URL stays as long as that article does; a new ingest adds articles to a
 *                stored story and never renames it (src/stories/group.ts). An article no story takes is a story
 *                of its own, under its own id.
 */
import { createHash } from "node:crypto";
import { foldKey } from "../text/fold.ts";
import { foldMatch } from "../text/match.ts";
import { LIMITS } from "./limits.ts";

/** Hex digits of the content hash kept in an id: 48 bits, ample for millions of articles. */
const ID_HASH_LENGTH = 12;
/** Words of an English title kept in the id, to make URLs readable. */
const ID_SLUG_WORDS = 6;
/** Hex digits of a dedupe key: 64 bits, compared only among the articles of one content folder. */
const KEY_HASH_LENGTH = 16;

/** Stable, URL-safe id for an article's text (see the header). */
export function articleId(article: { title: string | null; body: readonly string[]; lang: string }): string {
  const text = `${foldMatch(article.title ?? "")}\n${article.body.map(foldMatch).join("\n")}`;
  const hash = createHash("sha256").update(text).digest("hex").slice(0, ID_HASH_LENGTH);
  if (article.lang !== "en" || !article.title) return hash;
  const slug = article.title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter(Boolean)
    .slice(0, ID_SLUG_WORDS)
    .map((word) => word.slice(0, LIMITS.idWordChars))
    .join("-");
  // Ids are file names: the slug is bounded (whole words while they fit), so the id stays far below 255 bytes.
  const bounded = slug.length <= LIMITS.idSlugChars ? slug : slug.slice(0, slug.lastIndexOf("-", LIMITS.idSlugChars) > 0 ? slug.lastIndexOf("-", LIMITS.idSlugChars) : LIMITS.idSlugChars);
  return bounded ? `${bounded}-${hash}` : hash;
}

/** The words a dedupe key is made of: the body's (the title's when the body is empty) at fold level `key`. */
export function keyWords(a: { title: string | null; body: readonly string[] }): string[] {
  const text = a.body.length > 0 ? a.body.join(" ") : (a.title ?? "");
  const folded = foldKey(text);
  return folded ? folded.split(" ") : [];
}

/** The dedupe key of `keyWords` already computed. */
export function keyOfWords(words: readonly string[]): string {
  return createHash("sha256").update(words.join(" ")).digest("hex").slice(0, KEY_HASH_LENGTH);
}

/** An article's dedupe key (see the header): copies up to spelling variants, punctuation and spacing share it. */
export function articleKey(a: { title: string | null; body: readonly string[] }): string {
  return keyOfWords(keyWords(a));
}

/** The story id of an article no story takes (or of a story it starts): its own id. */
export function ownStoryId(article: { id: string }): string {
  return article.id;
}
