/**
 * The lead sentence of an article body, with the tagger's mentions that fall inside it (offsets moved to the
 * sentence), so `extract` codes events without tagging the sentence a second time.
 */
import { sentenceSpans } from "../entities/sentences.ts";
import type { Mention } from "../schemas/article.ts";

/** The first sentence of the first paragraph, and its mentions. */
export function leadSentence(body: string[], mentions: Mention[]): { sentence: string; mentions: Mention[] } | null {
  const first = body[0];
  if (!first) return null;
  const span = sentenceSpans(first)[0];
  if (!span) return null;
  const [start, end] = span;
  return {
    sentence: first.slice(start, end),
    mentions: mentions
      .filter((m) => m.paragraph === 0 && m.start >= start && m.end <= end)
      .map((m) => ({ ...m, start: m.start - start, end: m.end - start })),
  };
}
