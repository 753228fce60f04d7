/**
 * Sentence spans of a paragraph, so every mention can quote the sentence it occurs in verbatim.
 * A sentence ends at . ! ? ؟ … (with any closing quotes or brackets) before white space or the end, except a
 * full stop after a one-letter word or a known abbreviation ("Gen.", "U.S.", "Dr."), which ends nothing.
 */

/** Abbreviations whose full stop does not end a sentence (compared lower-case, without the stop). */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  "gen", "lt", "col", "maj", "brig", "adm", "capt", "cpt", "sgt", "dr", "mr", "mrs", "ms", "st", "no", "jr", "sr",
  "gov", "sen", "rep", "vs", "prof", "mt", "ft", "inc", "co", "corp", "jan", "feb", "aug", "sept", "sep", "oct", "nov", "dec",
]);

/** . ! ? ؟ … */
function isTerminal(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x061f || c === 0x2026;
}
/** » " ' ” ’ ) ] › */
function isCloser(c: number): boolean {
  return c === 0xbb || c === 0x22 || c === 0x27 || c === 0x201d || c === 0x2019 || c === 0x29 || c === 0x5d || c === 0x203a;
}
function isWhite(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x3000;
}

/** `[start, end)` offsets of each sentence of `text`, trimmed, in order. */
export function sentenceSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let start = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (!isTerminal(c)) continue;
    let end = i + 1;
    while (end < n && (isTerminal(text.charCodeAt(end)) || isCloser(text.charCodeAt(end)))) end++;
    if (end < n && !isWhite(text.charCodeAt(end))) continue;
    if (c === 0x2e && isAbbreviation(text, i)) continue;
    push(spans, text, start, end);
    start = end;
    i = end - 1;
  }
  push(spans, text, start, n);
  return spans;
}

function isAbbreviation(text: string, dot: number): boolean {
  // only Latin words are abbreviated; most full stops follow an Arabic word or a digit
  const before = text.charCodeAt(dot - 1) | 0x20;
  if (!(before >= 0x61 && before <= 0x7a) && text.charCodeAt(dot - 1) !== 0x2e) return false;
  let s = dot;
  while (s > 0 && /[\p{L}.]/u.test(text[s - 1]!)) s--;
  const word = text.slice(s, dot).toLowerCase();
  if (!word) return false;
  // one letter ("U.S.", "John W.") or a listed abbreviation; Arabic words are never abbreviations
  if (/^\p{L}$/u.test(word) && /[a-z]/i.test(word)) return true;
  if (word.includes(".") && /^[a-z.]+$/i.test(word)) return true;
  return ABBREVIATIONS.has(word);
}

function push(spans: Array<[number, number]>, text: string, start: number, end: number): void {
  let s = start;
  let e = end;
  while (s < e && isWhite(text.charCodeAt(s))) s++;
  while (e > s && isWhite(text.charCodeAt(e - 1))) e--;
  if (e > s) spans.push([s, e]);
}

/** The sentence of `text` containing offset `at` (verbatim), given its spans. */
export function sentenceAt(text: string, spans: Array<[number, number]>, at: number): string {
  // the first span ending after `at` (spans are in order): a binary search, so a paragraph of many sentences and
  // many mentions stays linear overall
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at < spans[mid]![1]) hi = mid;
    else lo = mid + 1;
  }
  const span = spans[lo] ?? spans[spans.length - 1];
  return span ? text.slice(span[0], span[1]) : text;
}
