/**
 * Text keys for comparing lines: the fold used for repetition counts, cue matching and de-duplication.
 *
 * Why a fold: pages repeat a headline with its quotes dropped or an outlet prefix added, and write the same cue
 * as «إقرأ أيضاً» or «اقرأ ايضا». Folding the letters that vary (hamza forms, alef maqsura, ta marbuta,
 * diacritics, tatweel, Arabic-Indic digits, case) and turning punctuation into spaces makes those equal. It
 * mirrors the scorer's normalisation, so "same title" here means the same thing as there.
 */

const DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]/g;
const TATWEEL = /\u0640/g;
const PUNCT_OR_SYMBOL = /[\p{P}\p{S}]+/gu;
const SPACES = /\s+/g;
const ARABIC_LETTER = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/g;
const LATIN_LETTER = /[A-Za-z\u00C0-\u024F]/g;

/** Folds a string to its comparison key: letters unified, punctuation → space, spaces collapsed, trimmed. */
export function fold(s: string): string {
  return s
    .normalize("NFKC")
    .replace(DIACRITICS, "")
    .replace(TATWEEL, "")
    .replace(/[أإآٱ]/g, "ا")
    .replace(/ى/g, "ي")
    .replace(/ة/g, "ه")
    .replace(/ؤ/g, "و")
    .replace(/ئ/g, "ي")
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .toLowerCase()
    .replace(PUNCT_OR_SYMBOL, " ")
    .replace(SPACES, " ")
    .trim();
}

/** Whitespace-separated words of a line (punctuation-only tokens are not words). */
export function countWords(s: string): number {
  let n = 0;
  for (const token of s.split(SPACES)) if (/[\p{L}\p{N}]/u.test(token)) n++;
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
