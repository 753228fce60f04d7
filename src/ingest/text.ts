/**
 * Text keys for comparing lines: the fold used for repetition counts, cue matching and de-duplication.
 *
 * Why a fold: pages repeat a headline with its quotes dropped or an outlet prefix added, and write the same cue
 * as «إقرأ أيضاً» or «اقرأ ايضا». Folding the letters that vary (hamza forms, alef maqsura, ta marbuta,
 * diacritics, tatweel, Arabic-Indic digits, case) and turning punctuation into spaces makes those equal. It
 * mirrors the scorer's normalisation, so "same title" here means the same thing as there.
 */

/** Diacritics, tatweel, and the letters and digits the fold rewrites: one pass over the text. */
const FOLDED_CHARS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640أإآٱىةؤئ٠-٩۰-۹]/g;
const LETTER_FOLD: Record<string, string> = { أ: "ا", إ: "ا", آ: "ا", ٱ: "ا", ى: "ي", ة: "ه", ؤ: "و", ئ: "ي" };
const PUNCT_OR_SYMBOL = /[\p{P}\p{S}]+/gu;
const SPACES = /\s+/g;
/** Start of a whitespace-separated token that has a letter or digit (one match per such token). */
const WORD_START = /(?:^|\s)[^\s\p{L}\p{N}]*[\p{L}\p{N}]/gu;
const ARABIC_LETTER = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/g;
const LATIN_LETTER = /[A-Za-z\u00C0-\u024F]/g;

function foldChar(c: string): string {
  const code = c.charCodeAt(0);
  if (code >= 0x0660 && code <= 0x0669) return String(code - 0x0660);
  if (code >= 0x06f0 && code <= 0x06f9) return String(code - 0x06f0);
  return LETTER_FOLD[c] ?? "";
}

/** Folds a string to its comparison key: letters unified, punctuation → space, spaces collapsed, trimmed. */
export function fold(s: string): string {
  return s.normalize("NFKC").replace(FOLDED_CHARS, foldChar).toLowerCase().replace(PUNCT_OR_SYMBOL, " ").replace(SPACES, " ").trim();
}

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
  return s.replace(/^[\s\u00A0\u200B-\u200F\u202A-\u202E\u2060\uFEFF]+|[\s\u00A0\u200B-\u200F\u202A-\u202E\u2060\uFEFF]+$/g, "");
}
