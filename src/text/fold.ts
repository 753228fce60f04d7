/**
 * Folds: the named levels at which two spellings of a word or line count as the same. Lower levels fold less.
 *
 *   spelling  letter variants the press mixes (hamza/alef forms, alef maqsura, ta marbuta, ؤ, ئ), vowel marks and
 *             tatweel, case, abbreviation dots, runs of spaces. Punctuation and digits stay: used to look up
 *             lexicon names in text already cut by a pattern (month names, date labels).
 *   key       everything `spelling` folds, plus all Quranic marks, NFKC compatibility forms, Arabic-Indic and
 *             Eastern digits → ASCII, and every punctuation or symbol → one space. The comparison key of a line:
 *             repetition counts, cue matching, de-duplication. It mirrors the scorer's normalisation, so "same
 *             title" here means the same thing as there.
 *
 * Why a fold: pages repeat a headline with its quotes dropped or an outlet prefix added, and write the same cue
 * as «إقرأ أيضاً» or «اقرأ ايضا». Every line of every page is folded to its key, so `foldKey` is one pass over a
 * precomputed table rather than a chain of regex replacements.
 *
 *   match     (match.ts) the `key` letters plus `PERSIAN_FOLD`, vowel marks, invisible marks, digits, case; punctuation
 *             stays, and every folded unit keeps its source offset. The level names are looked up at in running
 *             text: entity matching, event and story words, search.
 */

/** The letters every level folds (the letter-level table of the text model, not a vocabulary). */
export const LETTER_FOLD: Readonly<Record<string, string>> = { أ: "ا", إ: "ا", آ: "ا", ٱ: "ا", ى: "ي", ة: "ه", ؤ: "و", ئ: "ي" };
/** Persian letters scraped Arabic pages mix in (ی ک ۀ), folded at level `match` only: `key` mirrors the scorer. */
export const PERSIAN_FOLD: Readonly<Record<string, string>> = { "ی": "ي", "ک": "ك", "ۀ": "ه" };
/** Characters NFKC may rewrite (« and » excluded: they are common and NFKC keeps them). */
const COMPATIBILITY =
  /[\u00A0-\u00AA\u00AC-\u00BA\u00BC-\u00BF\u0132-\u017F\u01C4-\u01CC\u02B0-\u036F\u0675-\u0678\u1D00-\u1DBF\u2000-\u2BFF\u3000-\u33FF\uFB00-\uFDFF\uFE00-\uFEFF\uFF00-\uFFEF]|[\uD800-\uDFFF]/u;

const UTF16 = new TextDecoder("utf-16le");
/** Fold table entries that are not a replacement code unit. */
const DROP = 0;
const SEP = 1;
/**
 * What each UTF-16 code unit becomes: DROP (diacritics, tatweel), SEP (punctuation, symbols, spaces), or the
 * code unit replacing it (its folded, lower-cased self). Built once at module load (65,536 entries).
 */
const FOLD_TABLE = buildFoldTable();

function buildFoldTable(): Uint16Array {
  const table = new Uint16Array(0x10000);
  const diacritic = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/u;
  const separator = /[\p{P}\p{S}\s]/u;
  for (let code = 2; code < 0x10000; code++) {
    if (code >= 0xd800 && code <= 0xdfff) {
      table[code] = code; // surrogate halves pass through unchanged
      continue;
    }
    const c = String.fromCharCode(code);
    if (diacritic.test(c)) table[code] = DROP;
    else if (separator.test(c)) table[code] = SEP;
    else if (code >= 0x0660 && code <= 0x0669) table[code] = 0x30 + code - 0x0660;
    else if (code >= 0x06f0 && code <= 0x06f9) table[code] = 0x30 + code - 0x06f0;
    else {
      const folded = (LETTER_FOLD[c] ?? c).toLowerCase();
      table[code] = folded.length === 1 ? folded.charCodeAt(0) : code;
    }
  }
  table[0] = SEP;
  table[1] = SEP;
  return table;
}

/** Level `key`: letters unified, digits ASCII, punctuation → space, spaces collapsed, trimmed. */
export function foldKey(s: string): string {
  // NFKC only matters for compatibility characters (presentation forms, full-width, ligatures, odd spaces).
  const t = COMPATIBILITY.test(s) ? s.normalize("NFKC") : s;
  const buf = new Uint16Array(t.length);
  let n = 0;
  let pendingSpace = false;
  for (let i = 0; i < t.length; i++) {
    const m = FOLD_TABLE[t.charCodeAt(i)]!;
    if (m === DROP) continue;
    if (m === SEP) {
      pendingSpace = n > 0;
      continue;
    }
    if (pendingSpace) {
      buf[n++] = 0x20;
      pendingSpace = false;
    }
    buf[n++] = m;
  }
  return UTF16.decode(buf.subarray(0, n));
}

/** Vowel marks (harakat, dagger alef) that vocalised text adds over letters. */
export const VOWEL_MARKS = /[\u064B-\u065F\u0670]/g;
const SPELLING_LETTERS = /[أإآٱىةؤئ]/g;

/** Level `spelling`: letter variants, vowel marks, tatweel, case and abbreviation dots folded; spaces collapsed. */
export function foldSpelling(text: string): string {
  return text
    .normalize("NFC")
    .toLowerCase()
    .replace(VOWEL_MARKS, "")
    .replace(/\u0640/g, "")
    .replace(SPELLING_LETTERS, (c) => LETTER_FOLD[c]!)
    .replace(/\./g, "")
    .replace(/\s+/g, " ")
    .trim();
}
