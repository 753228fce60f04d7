/**
 * THE Arabic/Latin normaliser: one function used for matching, the search index, queries and de-duplication,
 * so that a form written one way anywhere is found when written another way anywhere else.
 *
 * Steps (per source character, so that every output character knows where it came from):
 *   NFKC → drop harakat/Quranic marks (U+0610–061A, 064B–065F, 0670, 06D6–06ED), tatweel and invisible
 *   direction/joiner marks → alef forms أ إ آ ٱ → ا, ى → ي, ة → ه, ؤ → و, ئ → ي (plus Persian ی ک ۀ, which
 *   scraped Arabic pages mix in) → Eastern and Persian digits → ASCII → lower-case → whitespace runs → one
 *   space, trimmed.
 *
 * The letter-level tables are written as code points (with the letter in a comment): they are the normaliser's
 * logic, not a vocabulary. Word lists (titles, organisation heads…) live in YAML under `lexicon/`.
 */

/** Code point → replacement string, for the single letters the normaliser folds. */
const FOLD = new Map<number, string>([
  [0x0623, "\u0627"], // أ → ا
  [0x0625, "\u0627"], // إ → ا
  [0x0622, "\u0627"], // آ → ا
  [0x0671, "\u0627"], // ٱ → ا
  [0x0649, "\u064A"], // ى → ي
  [0x0629, "\u0647"], // ة → ه
  [0x0624, "\u0648"], // ؤ → و
  [0x0626, "\u064A"], // ئ → ي
  [0x06cc, "\u064A"], // Persian ی → ي
  [0x06a9, "\u0643"], // Persian ک → ك
  [0x06c0, "\u0647"], // ۀ → ه
]);

/** True for characters the normaliser deletes outright (they carry no letter). */
function isDropped(cp: number): boolean {
  return (
    (cp >= 0x0610 && cp <= 0x061a) ||
    (cp >= 0x064b && cp <= 0x065f) ||
    cp === 0x0670 ||
    (cp >= 0x06d6 && cp <= 0x06ed) ||
    cp === 0x0640 || // tatweel
    (cp >= 0x200b && cp <= 0x200f) || // zero-width space/joiners, LRM, RLM
    (cp >= 0x202a && cp <= 0x202e) || // bidi embeddings
    (cp >= 0x2066 && cp <= 0x2069) || // bidi isolates
    cp === 0xfeff
  );
}

/** White space as the normaliser sees it (Unicode White_Space, which `\s` matches). */
function isSpace(cp: number): boolean {
  return cp === 0x20 || (cp >= 0x09 && cp <= 0x0d) || cp === 0xa0 || cp === 0x1680 || (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x2028 || cp === 0x2029 || cp === 0x202f || cp === 0x205f || cp === 0x3000 || cp === 0x85;
}

/** Characters NFKC leaves unchanged in isolation, so the slow path can be skipped (the common case). */
function isNfkcStable(cp: number): boolean {
  return cp < 0x00a0 || (cp >= 0x0621 && cp <= 0x064a) || (cp >= 0x0660 && cp <= 0x0669) || (cp >= 0x066e && cp <= 0x06d3);
}

const COMBINING = /^\p{M}$/u;
/** True for a combining mark that belongs to the previous base character. */
function isMark(cp: number): boolean {
  if (cp < 0x0300) return false;
  if ((cp >= 0x064b && cp <= 0x065f) || cp === 0x0670) return true;
  return COMBINING.test(String.fromCodePoint(cp));
}

/** Maps one already-NFKC character to its normalised form ("" when dropped). */
function foldChar(ch: string): string {
  const cp = ch.codePointAt(0)!;
  if (isDropped(cp)) return "";
  const fold = FOLD.get(cp);
  if (fold) return fold;
  if (cp >= 0x0660 && cp <= 0x0669) return String.fromCharCode(48 + cp - 0x0660); // ٠-٩
  if (cp >= 0x06f0 && cp <= 0x06f9) return String.fromCharCode(48 + cp - 0x06f0); // ۰-۹
  if (cp >= 0x41 && cp <= 0x5a) return String.fromCharCode(cp + 32);
  if (cp < 0x80) return ch;
  return ch.toLowerCase();
}

/** A normalised text with, for each of its UTF-16 units, the offset of the source unit it came from. */
export interface NormalisedText {
  text: string;
  /**
   * `toSource[i]` is the UTF-16 offset in the source of the character that produced `text[i]`;
   * `toSource[text.length]` is the source length, so a normalised span `[s, e)` maps to `[toSource[s], toSource[e])`
   * (see `sourceEnd` to drop removed characters at the end of a span).
   */
  toSource: Int32Array;
}

/**
 * Normalises `text` and keeps, for every output unit, the source offset it came from: mentions found on the
 * normalised text are reported with offsets into the text as written.
 */
export function normaliseWithMap(text: string): NormalisedText {
  const out: string[] = [];
  const map: number[] = [];
  let pendingSpace = -1; // source offset of the first space of a run, or -1
  const n = text.length;
  let i = 0;
  while (i < n) {
    const start = i;
    const cp = text.codePointAt(i)!;
    i += cp > 0xffff ? 2 : 1;
    if (isSpace(cp)) {
      if (pendingSpace < 0) pendingSpace = start;
      continue;
    }
    let cluster: string;
    // a base character with its combining marks is normalised as one cluster, so NFKC can compose them
    let j = i;
    while (j < n) {
      const next = text.codePointAt(j)!;
      if (!isMark(next)) break;
      j += next > 0xffff ? 2 : 1;
    }
    if (j === i && isNfkcStable(cp)) cluster = text.slice(start, i);
    else cluster = text.slice(start, j).normalize("NFKC");
    i = j;
    let emitted = "";
    for (const ch of cluster) emitted += foldChar(ch);
    if (!emitted) continue;
    // NFKC may turn a compatibility character into spaces (e.g. U+FDFA); those collapse like others
    for (let k = 0; k < emitted.length; k++) {
      const c = emitted.charCodeAt(k);
      if (isSpace(c)) {
        if (pendingSpace < 0) pendingSpace = start;
        continue;
      }
      if (pendingSpace >= 0) {
        if (out.length > 0) {
          out.push(" ");
          map.push(pendingSpace);
        }
        pendingSpace = -1;
      }
      out.push(emitted[k]!);
      map.push(start);
    }
  }
  const toSource = new Int32Array(map.length + 1);
  toSource.set(map);
  toSource[map.length] = n;
  return { text: out.join(""), toSource };
}

/**
 * Source offset just after the normalised span ending at `end`: the source offset of the next normalised
 * character, moved back over spaces and deleted characters (tatweel, invisible marks) but keeping the harakat of
 * the last letter, so a surface is exactly the written word.
 */
export function sourceEnd(source: string, map: NormalisedText, end: number): number {
  let e = map.toSource[end]!;
  const floor = end > 0 ? map.toSource[end - 1]! + 1 : 0;
  while (e > floor) {
    const cp = source.charCodeAt(e - 1);
    if (isSpace(cp) || (isDropped(cp) && !isMark(cp))) e--;
    else break;
  }
  return e;
}

/** Normalises Arabic (and Latin) text for comparison: see the module comment for the steps. */
export function normaliseArabic(text: string): string {
  return normaliseWithMap(text).text;
}

// --- clitics -------------------------------------------------------------------------------------------

const ARTICLE = "\u0627\u0644"; // ال

/** Shortest stem a clitic may leave: stripping never produces a one-letter word. */
export const MIN_STEM = 2;

/**
 * Forms of one normalised Arabic word without its proclitics, for matching: the word itself, the word without a
 * conjunction (و ف), and the word without conjunction and preposition (ب ل ك) — the article is kept, and «لل» is
 * read as ل + ال. At most one of each, never below `MIN_STEM` letters, so «وحفتر» → حفتر, «بالدبيبه» →
 * الدبيبه, «للامم» → الامم, but «الفرج» never becomes «فرج».
 */
export function proclitics(word: string): string[] {
  const out = [word];
  let rest = word;
  if ((rest.charCodeAt(0) === 0x0648 || rest.charCodeAt(0) === 0x0641) && rest.length > MIN_STEM) {
    rest = rest.slice(1);
    out.push(rest);
  }
  const c = rest.charCodeAt(0);
  if (c === 0x0644 && rest.charCodeAt(1) === 0x0644 && rest.length > MIN_STEM + 1) {
    // «للأمم» = ل + الأمم, the article's alef elided after the preposition
    out.push(ARTICLE + rest.slice(2));
  } else if ((c === 0x0628 || c === 0x0644 || c === 0x0643) && rest.length > MIN_STEM) {
    out.push(rest.slice(1));
  }
  return out;
}

/**
 * All clitic stems of one normalised Arabic word: `proclitics` plus each form without the article «ال».
 */
export function cliticStems(word: string): string[] {
  const out: string[] = [];
  for (const form of proclitics(word)) {
    if (!out.includes(form)) out.push(form);
    if (form.startsWith(ARTICLE) && form.length - 2 >= MIN_STEM && !out.includes(form.slice(2))) out.push(form.slice(2));
  }
  return out;
}

/**
 * Candidate stems of an Arabic word for search and lookup: the normalised word and its forms without the
 * proclitics و ف ب ل ك ال لل وال بال فال كال ولل (and their combinations), never below two letters.
 */
export function stripClitics(word: string): string[] {
  const w = normaliseArabic(word);
  if (!w) return [];
  return cliticStems(w);
}

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Search tokens of a text: every word normalised, plus (Arabic) its clitic-stripped stems and (English) its
 * form without a possessive «'s». De-duplicated in order of first appearance, so the same function serves the
 * index and the query: «حفتر» finds «لحفتر», «مفاوضات» finds «المفاوضات».
 */
export function searchTokens(text: string, lang: "ar" | "en"): string[] {
  const seen = new Set<string>();
  const norm = normaliseArabic(text.replace(/['’]s\b/giu, lang === "en" ? "" : "$&"));
  for (const m of norm.matchAll(WORD)) {
    const word = m[0];
    const forms = /[\u0621-\u064a]/.test(word) ? cliticStems(word) : [word];
    for (const f of forms) seen.add(f);
  }
  return [...seen];
}
