/**
 * Fold level `match`: the level at which names are looked up in running text (entity matching, event and story
 * words, the search index and queries), so that a form written one way anywhere is found when written another way
 * anywhere else. It keeps, for every folded unit, the offset of the source unit it came from, so a match found on
 * the folded text is reported as written.
 *
 * Steps (per source character): NFKC → drop harakat/Quranic marks (U+0610–061A, 064B–065F, 0670, 06D6–06ED),
 * tatweel and invisible direction/joiner marks → the letters of `LETTER_FOLD` and `PERSIAN_FOLD` (fold.ts) →
 * Eastern and Persian digits → ASCII → lower-case → whitespace runs → one space, trimmed. Unlike level `key`,
 * punctuation stays: the matcher needs commas, quotes and brackets to read a span's context.
 *
 * The code-point ranges below are the fold's logic (which units carry no letter), not a vocabulary.
 */
import { LETTER_FOLD, PERSIAN_FOLD } from "./fold.ts";

/** Code point → replacement, for the single letters this level folds: the text model's letters plus Persian ones. */
const FOLD = new Map<number, string>(Object.entries({ ...LETTER_FOLD, ...PERSIAN_FOLD }).map(([from, to]) => [from.codePointAt(0)!, to]));

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

/** Harakat and Quranic marks: dropped for matching, but part of a written word's surface. */
function isHaraka(cp: number): boolean {
  return (cp >= 0x0610 && cp <= 0x061a) || (cp >= 0x064b && cp <= 0x065f) || cp === 0x0670 || (cp >= 0x06d6 && cp <= 0x06ed);
}

/** White space as the normaliser sees it (Unicode White_Space, which `\s` matches). */
function isSpace(cp: number): boolean {
  return cp === 0x20 || (cp >= 0x09 && cp <= 0x0d) || cp === 0xa0 || cp === 0x1680 || (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x2028 || cp === 0x2029 || cp === 0x202f || cp === 0x205f || cp === 0x3000 || cp === 0x85;
}

const COMBINING = /^\p{M}$/u;

/**
 * Per-unit table for U+0000–U+07FF (the Latin and Arabic blocks, i.e. nearly all text), so the common case is one
 * array read: ≥ 0 the folded unit, `DROP`, `SPACE`, or `SLOW` (NFKC needed, or a mark to compose).
 */
const DROP = -1;
const SPACE = -2;
const SLOW = -3;
const FAST = new Int32Array(0x0800);
for (let cp = 0; cp < 0x0800; cp++) {
  if (isSpace(cp)) FAST[cp] = SPACE;
  else if (isDropped(cp)) FAST[cp] = DROP;
  else if (FOLD.has(cp)) FAST[cp] = FOLD.get(cp)!.charCodeAt(0);
  else if (cp >= 0x0660 && cp <= 0x0669) FAST[cp] = 48 + cp - 0x0660;
  else if (cp >= 0x06f0 && cp <= 0x06f9) FAST[cp] = 48 + cp - 0x06f0;
  else if (cp >= 0x41 && cp <= 0x5a) FAST[cp] = cp + 32;
  else if (cp < 0xa0 || (cp >= 0x0621 && cp <= 0x064a) || (cp >= 0x066e && cp <= 0x06d3) || cp === 0x06d5) FAST[cp] = cp;
  else {
    // other Latin-1/Latin Extended/Arabic units: fast when NFKC + lower-case gives one plain unit (É → é)
    const ch = String.fromCharCode(cp);
    const folded = ch.normalize("NFKC").toLowerCase();
    FAST[cp] = !COMBINING.test(ch) && folded.length === 1 && !isDropped(folded.charCodeAt(0)) ? foldUnit(folded) : SLOW;
  }
}

function foldUnit(ch: string): number {
  const cp = ch.charCodeAt(0);
  const f = FOLD.get(cp);
  if (f) return f.charCodeAt(0);
  if (isSpace(cp)) return SLOW;
  return cp;
}

/** 1 for the marks below U+0800 that NFKC may compose with the character before them. */
const COMPOSES = new Uint8Array(0x0800);
for (let cp = 0x0300; cp < 0x0800; cp++) COMPOSES[cp] = FAST[cp] === SLOW && COMBINING.test(String.fromCharCode(cp)) ? 1 : 0;

/** True for a combining mark that NFKC may compose with the character before it (not the dropped harakat). */
function composes(cp: number): boolean {
  if (cp < 0x0300) return false;
  if (cp < 0x0800) return COMPOSES[cp] === 1;
  return (cp >= 0x1ab0 && cp <= 0x1aff) || (cp >= 0x1dc0 && cp <= 0x1dff) || (cp >= 0x20d0 && cp <= 0x20ff) || (cp >= 0xfe20 && cp <= 0xfe2f) || (cp >= 0x3099 && cp <= 0x309a);
}

/** Maps one already-NFKC character to its normalised form ("" when dropped). */
function foldChar(ch: string): string {
  const cp = ch.codePointAt(0)!;
  if (isDropped(cp)) return "";
  const fold = FOLD.get(cp);
  if (fold) return fold;
  if (cp >= 0x0660 && cp <= 0x0669) return String.fromCharCode(48 + cp - 0x0660); // ٠-٩
  if (cp >= 0x06f0 && cp <= 0x06f9) return String.fromCharCode(48 + cp - 0x06f0); // ۰-۹
  return ch.toLowerCase();
}

const slowCache = new Map<string, string>();

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

let outBuf = new Uint16Array(4096);
let mapBuf = new Int32Array(4096);

/**
 * Normalises `text` and keeps, for every output unit, the source offset it came from: mentions found on the
 * normalised text are reported with offsets into the text as written.
 */
export function normaliseWithMap(text: string): NormalisedText {
  const n = text.length;
  if (outBuf.length < n * 2 + 16) {
    outBuf = new Uint16Array(n * 2 + 16);
    mapBuf = new Int32Array(n * 2 + 16);
  }
  let len = 0;
  let pendingSpace = -1; // source offset of the first space of a run, or -1
  const grow = () => {
    const o = new Uint16Array(outBuf.length * 2);
    o.set(outBuf);
    outBuf = o;
    const m = new Int32Array(mapBuf.length * 2);
    m.set(mapBuf);
    mapBuf = m;
  };
  const emit = (code: number, from: number) => {
    if (pendingSpace >= 0) {
      if (len > 0) {
        outBuf[len] = 32;
        mapBuf[len++] = pendingSpace;
      }
      pendingSpace = -1;
    }
    if (len + 2 >= outBuf.length) grow();
    outBuf[len] = code;
    mapBuf[len++] = from;
  };
  let i = 0;
  while (i < n) {
    const start = i;
    const c = text.charCodeAt(i);
    const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
    const fast = c < 0x0800 ? FAST[c]! : SLOW;
    if (fast !== SLOW && (next < 0x0300 || (next < 0x0800 ? COMPOSES[next] === 0 : !composes(next)))) {
      i++;
      if (fast >= 0) {
        // inlined `emit` (the hot path): a pending space first, then the folded unit
        if (pendingSpace >= 0) {
          if (len > 0) {
            outBuf[len] = 32;
            mapBuf[len++] = pendingSpace;
          }
          pendingSpace = -1;
        }
        outBuf[len] = fast;
        mapBuf[len++] = start;
      } else if (fast === SPACE && pendingSpace < 0) pendingSpace = start;
      continue;
    }
    // slow path: a base character with its combining marks, normalised as one cluster so NFKC can compose
    const cp = text.codePointAt(i)!;
    i += cp > 0xffff ? 2 : 1;
    if (isSpace(cp)) {
      if (pendingSpace < 0) pendingSpace = start;
      continue;
    }
    while (i < n) {
      const m = text.codePointAt(i)!;
      if (!composes(m) && !(m >= 0x064b && m <= 0x065f)) break;
      i += m > 0xffff ? 2 : 1;
    }
    const cluster = text.slice(start, i);
    let emitted = slowCache.get(cluster);
    if (emitted === undefined) {
      emitted = "";
      for (const ch of cluster.normalize("NFKC")) emitted += foldChar(ch);
      if (slowCache.size < 10_000) slowCache.set(cluster, emitted);
    }
    for (let k = 0; k < emitted.length; k++) {
      const e = emitted.charCodeAt(k);
      // NFKC may turn a compatibility character into spaces (e.g. U+FDFA); those collapse like others
      if (isSpace(e)) {
        if (pendingSpace < 0) pendingSpace = start;
      } else emit(e, start);
    }
  }
  let out = "";
  for (let k = 0; k < len; k += 4096) out += String.fromCharCode.apply(null, outBuf.subarray(k, Math.min(len, k + 4096)) as unknown as number[]);
  const toSource = new Int32Array(len + 1);
  toSource.set(mapBuf.subarray(0, len));
  toSource[len] = n;
  return { text: out, toSource };
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
    if (isSpace(cp) || (isDropped(cp) && !isHaraka(cp))) e--;
    else break;
  }
  return e;
}

/** Level `match` without the offset map: see the module comment for the steps. */
export function foldMatch(text: string): string {
  return normaliseWithMap(text).text;
}
