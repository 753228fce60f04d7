/**
 * Tokens and scripts of a line: word counts, Arabic/Latin letter counts and the trimming scraped lines need.
 */

/** Start of a whitespace-separated token that has a letter or digit (one match per such token). */
const WORD_START = /(?:^|\s)[^\s\p{L}\p{N}]*[\p{L}\p{N}]/gu;
const ARABIC_LETTER = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/g;
const LATIN_LETTER = /[A-Za-z\u00C0-\u024F]/g;

/** Whitespace-separated words of a line (punctuation-only tokens are not words). */
export function countWords(s: string): number {
  let n = 0;
  WORD_START.lastIndex = 0;
  while (WORD_START.exec(s) !== null) n++;
  return n;
}

/** Counts of Arabic-script and Latin letters, for language and line-script decisions. */
export function scriptCounts(s: string): { arabic: number; latin: number } {
  return { arabic: s.match(ARABIC_LETTER)?.length ?? 0, latin: s.match(LATIN_LETTER)?.length ?? 0 };
}

/** Trims ASCII and Unicode spaces (NBSP, zero-width, BOM, bidi marks) that scraped lines carry. */
export function trimLine(s: string): string {
  // Index scans, not a `[…]+$` regex: that one restarts at every character of an inner run of spaces (quadratic).
  let start = 0;
  let end = s.length;
  while (start < end && isTrimmable(s.charCodeAt(start))) start++;
  while (end > start && isTrimmable(s.charCodeAt(end - 1))) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

const TRIMMABLE = /[\s\u00A0\u200B-\u200F\u202A-\u202E\u2060\uFEFF]/;

function isTrimmable(code: number): boolean {
  // Fast path for the common cases; the regex covers the rest of Unicode's spaces.
  if (code === 32 || (code >= 9 && code <= 13)) return true;
  if (code < 128) return false;
  return TRIMMABLE.test(String.fromCharCode(code));
}
