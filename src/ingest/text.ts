/**
 * Text keys for comparing lines: the fold used for repetition counts, cue matching and de-duplication.
 *
 * Why a fold: pages repeat a headline with its quotes dropped or an outlet prefix added, and write the same cue
 * as «إقرأ أيضاً» or «اقرأ ايضا». Folding the letters that vary (hamza forms, alef maqsura, ta marbuta,
 * diacritics, tatweel, Arabic-Indic digits, case) and turning punctuation into spaces makes those equal. It
 * mirrors the scorer's normalisation, so "same title" here means the same thing as there. Every line of every
 * page is folded, so the fold is one pass over a precomputed table rather than a chain of regex replacements.
 */

const LETTER_FOLD: Record<string, string> = { أ: "ا", إ: "ا", آ: "ا", ٱ: "ا", ى: "ي", ة: "ه", ؤ: "و", ئ: "ي" };
/** Characters NFKC may rewrite (« and » excluded: they are common and NFKC keeps them). */
const COMPATIBILITY =
  /[\u00A0-\u00AA\u00AC-\u00BA\u00BC-\u00BF\u0132-\u017F\u01C4-\u01CC\u02B0-\u036F\u0675-\u0678\u1D00-\u1DBF\u2000-\u2BFF\u3000-\u33FF\uFB00-\uFDFF\uFE00-\uFEFF\uFF00-\uFFEF]|[\uD800-\uDFFF]/u;
/** Start of a whitespace-separated token that has a letter or digit (one match per such token). */
const WORD_START = /(?:^|\s)[^\s\p{L}\p{N}]*[\p{L}\p{N}]/gu;
const ARABIC_LETTER = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/g;
const LATIN_LETTER = /[A-Za-z\u00C0-\u024F]/g;

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

/** Folds a string to its comparison key: letters unified, punctuation → space, spaces collapsed, trimmed. */
export function fold(s: string): string {
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

/**
 * Arabic clitics a word may carry in one place and not another ("السفير" / "للسفير" / "والسفير"), longest
 * first; on folded text (hamza and ta marbuta already unified).
 */
const CLITICS = ["وال", "بال", "فال", "كال", "لل", "ال", "و", "ف", "ب", "ل"];
/**
 * Arabic endings a word may carry in one place and not another: pronouns, plurals, the nisba ("الجزائرية" /
 * "الجزائر", "سفيرها" / "السفير"); on folded text, longest first.
 */
const SUFFIXES = ["يين", "هما", "ها", "هم", "هن", "كم", "نا", "ات", "ون", "ين", "ان", "يه", "ه", "ي"];
/** Shortest stem left after removing a clitic, an ending or an English plural "s". */
const MIN_STEM = 3;

/**
 * The forms a folded word may be compared under: itself, without an Arabic clitic, and each of those without an
 * Arabic ending; an English word without a plural "s". A light stemmer: two words are taken as the same when
 * they share a form, which is enough to compare a headline's vocabulary with its lede's.
 */
export function wordForms(word: string): string[] {
  const out = [word];
  if (/^[a-z]+$/.test(word)) {
    if (word.length > MIN_STEM && word.endsWith("s")) out.push(word.slice(0, -1));
    return out;
  }
  for (const c of CLITICS) if (word.length - c.length >= MIN_STEM && word.startsWith(c)) out.push(word.slice(c.length));
  const stems = out.length;
  for (let i = 0; i < stems; i++) {
    const stem = out[i]!;
    for (const x of SUFFIXES) {
      if (stem.length - x.length >= MIN_STEM && stem.endsWith(x)) {
        out.push(stem.slice(0, -x.length));
        break;
      }
    }
  }
  return out;
}

/** Words of a folded key worth comparing: two characters or more and not in `skip` (function words). */
export function contentWords(key: string, skip: ReadonlySet<string>): string[] {
  return key.split(" ").filter((w) => w.length >= 2 && !skip.has(w));
}

/** Every form of every word of `words`, for membership tests (see {@link wordForms}). */
export function formSet(words: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const w of words) for (const f of wordForms(w)) out.add(f);
  return out;
}

/** How many of `words` have a form in `forms`. */
export function sharedCount(words: readonly string[], forms: ReadonlySet<string>): number {
  let hit = 0;
  for (const w of words) if (wordForms(w).some((f) => forms.has(f))) hit++;
  return hit;
}

/** Share of `words` that have a form in `forms` (0 when `words` is empty). */
export function sharedShare(words: readonly string[], forms: ReadonlySet<string>): number {
  return words.length === 0 ? 0 : sharedCount(words, forms) / words.length;
}
