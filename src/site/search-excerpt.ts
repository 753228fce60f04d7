/**
 * Readable search snippets. Article pages index a hidden block of normalised clitic stems (search-text.ts) after
 * the text readers see; Pagefind's own excerpt may quote that block («رييس», «نغازي»). The block opens with
 * `HIDDEN_TOKENS_MARK`, so the search page cuts the indexed content there and builds its snippet from the visible
 * words only: the first word matching a query term (by the same normalisation as the query), with some context.
 *
 * Bundled into the search page's script: no Node APIs, no DOM (the client turns segments into nodes).
 */
import { normaliseQuery } from "./search-query.ts";

/** Opens the hidden block of search tokens on article pages: a sign no article text uses as a word. */
export const HIDDEN_TOKENS_MARK = "\u2042";

/** Words of context before the first match, and words in a snippet. */
const BEFORE = 8;
const LENGTH = 32;

export interface Segment {
  text: string;
  mark: boolean;
}

/** The visible part of a page's indexed content (everything before the hidden tokens). */
export function visibleContent(content: string): string {
  const at = content.indexOf(HIDDEN_TOKENS_MARK);
  return (at === -1 ? content : content.slice(0, at)).replace(/[\s.]+$/u, "");
}

/**
 * A snippet of `content` around the first word matching one of the query's terms, as text and marked segments,
 * after the page's `title` when it opens with it.
 * A word matches when its normalised form contains a term (so «لحفتر» is marked for the query «حفتر»).
 */
export function snippet(content: string, query: string, title?: string): Segment[] {
  const terms = normaliseQuery(query).toLowerCase().split(" ").filter(Boolean);
  let visible = visibleContent(content);
  // The result shows its title already: quote the text after it (a page opens with its kicker and title).
  const at = title ? visible.indexOf(title) : -1;
  if (title && at !== -1 && at < 200) visible = visible.slice(at + title.length).replace(/^[\s.]+/u, "") || visible;
  const words = visible.split(/\s+/u).filter(Boolean);
  const matches = (word: string) => {
    const norm = normaliseQuery(word).toLowerCase();
    return norm !== "" && terms.some((t) => norm.includes(t));
  };
  let first = words.findIndex(matches);
  if (first === -1) first = 0;
  const from = Math.max(0, first - BEFORE);
  const slice = words.slice(from, from + LENGTH);
  const out: Segment[] = [];
  if (from > 0) out.push({ text: "… ", mark: false });
  slice.forEach((word, i) => {
    const mark = matches(word);
    const last = out[out.length - 1];
    const text = (i > 0 ? " " : "") + word;
    if (!mark && last && !last.mark) last.text += text;
    else if (mark) {
      if (i > 0) out.push({ text: " ", mark: false });
      out.push({ text: word, mark: true });
    } else out.push({ text, mark: false });
  });
  if (from + LENGTH < words.length) out.push({ text: " …", mark: false });
  return out.filter((s) => s.text !== "");
}
