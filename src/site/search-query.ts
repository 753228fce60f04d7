/**
 * The search query, normalised like the index. Article pages carry every clitic stem of their words (hidden block,
 * see search-text.ts); a query word is reduced to its shortest stem, which every clitic form of the word shares:
 * «لحفتر» → حفتر, «المفاوضات» → مفاوضات. Pagefind then matches all query words, so only one form per word is sent.
 *
 * Bundled into the search page's script: keep it free of Node APIs.
 */
import { cliticStems, normaliseArabic } from "../entities/normalise.ts";

const WORD = /[\p{L}\p{N}]+/gu;
const ARABIC = /[\u0621-\u064a]/;

/** The query Pagefind is asked: normalised words, Arabic ones reduced to their shortest clitic stem. */
export function normaliseQuery(query: string): string {
  const out: string[] = [];
  for (const m of normaliseArabic(query).matchAll(WORD)) {
    const word = m[0];
    if (!ARABIC.test(word)) {
      out.push(word);
      continue;
    }
    const stems = cliticStems(word);
    let shortest = word;
    for (const s of stems) if (s.length < shortest.length) shortest = s;
    out.push(shortest);
  }
  return out.join(" ");
}
