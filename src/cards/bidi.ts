/**
 * Bidirectional text for the cards: paragraph direction from the card's language, Unicode Bidirectional
 * Algorithm (UAX #9) levels from bidi-js, and visual reordering of runs per line (rule L2).
 *
 * Why our own: satori reorders digits inside Arabic text by itself and gets it wrong («10:30» → «30:10»,
 * «2025/10/10» → «10/10/2025»). The UBA already keeps `10:30` and `2025/10/10` left-to-right inside Arabic;
 * in addition, digit groups joined by `- / : .` are wrapped in a left-to-right isolate before resolving, so
 * `2025-10-10` (where the UBA would flip the hyphen-separated parts after an Arabic letter) stays as written too.
 */
import bidiFactory from "bidi-js";
import type { Lang } from "../schemas/common.ts";

export type Direction = "ltr" | "rtl";

const bidi = bidiFactory();

/** Paragraph direction of a card's text: Arabic cards are right-to-left, whatever their first letter is. */
export function directionOf(lang: Lang): Direction {
  return lang === "ar" ? "rtl" : "ltr";
}

/**
 * The direction of a text by its first strong character (UBA rules P2–P3, what HTML's `dir="auto"` does), skipping
 * isolated runs; `fallback` when it has none (a date, a number). The site never translates: an English title on an
 * Arabic card is marked `dir="ltr"` on its page, and laid out in an RTL paragraph its quotes and brackets would move
 * to the wrong end («"Sudan declares "general mobilisation», an Arabic title's closing «» at the start of the line).
 */
export function textDirection(text: string, fallback: Direction): Direction {
  let isolates = 0;
  for (const ch of text) {
    const type = bidi.getBidiCharTypeName(ch);
    if (type === "LRI" || type === "RLI" || type === "FSI") isolates++;
    else if (type === "PDI") isolates = Math.max(0, isolates - 1);
    else if (isolates === 0 && type === "L") return "ltr";
    else if (isolates === 0 && (type === "R" || type === "AL")) return "rtl";
  }
  return fallback;
}

/** A paragraph with resolved embedding levels, one per UTF-16 code unit of `text` (odd = right-to-left). */
export interface BidiParagraph {
  text: string;
  dir: Direction;
  levels: Uint8Array;
}

/** Digit groups that read as one number, time or date: `10:30`, `2025/10/10`, `2025-10-10`, `١٤/١١`, `3.5`. */
const NUMERIC_GROUP = /[0-9\u0660-\u0669\u06F0-\u06F9]+(?:[-/:.,][0-9\u0660-\u0669\u06F0-\u06F9]+)+/g;
const LRI = "\u2066";
const PDI = "\u2069";

/** Resolves UBA levels for `text` laid out in a paragraph of direction `dir`. */
export function resolveBidi(text: string, dir: Direction): BidiParagraph {
  // Wrap numeric groups in LRI…PDI on a copy, resolve, and map the levels back to the original indices.
  let augmented = "";
  const map: number[] = [];
  let last = 0;
  for (const match of text.matchAll(NUMERIC_GROUP)) {
    const start = match.index;
    for (let i = last; i < start; i++) map.push(augmented.length + (i - last));
    augmented += text.slice(last, start) + LRI;
    for (let i = 0; i < match[0].length; i++) map.push(augmented.length + i);
    augmented += match[0] + PDI;
    last = start + match[0].length;
  }
  for (let i = last; i < text.length; i++) map.push(augmented.length + (i - last));
  augmented += text.slice(last);
  const resolved = bidi.getEmbeddingLevels(augmented, dir).levels;
  const levels = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) levels[i] = resolved[map[i] ?? 0] ?? 0;
  return { text, dir, levels };
}

/** A maximal range `[start, end)` of equal embedding level. */
export interface LevelRun {
  start: number;
  end: number;
  level: number;
}

/** Splits `[start, end)` of a paragraph into runs of equal level, in logical order. */
export function levelRuns(levels: Uint8Array, start = 0, end = levels.length): LevelRun[] {
  const runs: LevelRun[] = [];
  for (let i = start; i < end; i++) {
    const level = levels[i] ?? 0;
    const prev = runs[runs.length - 1];
    if (prev && prev.level === level) prev.end = i + 1;
    else runs.push({ start: i, end: i + 1, level });
  }
  return runs;
}

/**
 * Levels of one line, with rule L1 applied: whitespace at the end of the line goes back to the paragraph level,
 * so a trailing space never ends up between two reordered runs.
 */
export function lineLevels(paragraph: BidiParagraph, start: number, end: number): Uint8Array {
  const base = paragraph.dir === "rtl" ? 1 : 0;
  const levels = paragraph.levels.slice(start, end);
  for (let i = levels.length - 1; i >= 0 && /\s/.test(paragraph.text[start + i] ?? ""); i--) levels[i] = base;
  return levels;
}

/**
 * Rule L2: from the highest level down to the lowest odd level, reverses every maximal sequence of runs at that
 * level or higher. Takes runs in logical order, returns them in visual order (left to right). Works on any run
 * type, so callers can reorder shaped runs without re-splitting them.
 */
export function reorderRuns<T extends { level: number }>(runs: readonly T[]): T[] {
  const out = [...runs];
  if (out.length < 2) return out;
  let highest = 0;
  let lowestOdd = Number.POSITIVE_INFINITY;
  for (const run of out) {
    highest = Math.max(highest, run.level);
    if (run.level % 2 === 1) lowestOdd = Math.min(lowestOdd, run.level);
  }
  for (let level = highest; level >= lowestOdd; level--) {
    let i = 0;
    while (i < out.length) {
      if ((out[i]?.level ?? 0) < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < out.length && (out[j]?.level ?? 0) >= level) j++;
      const reversed = out.slice(i, j).reverse();
      out.splice(i, j - i, ...reversed);
      i = j;
    }
  }
  return out;
}

/**
 * The characters of `text` in visual order, left to right, one line: what a reader sees, as a string. Used by
 * the tests and for debugging; rendering reorders shaped runs instead (shaping needs logical order).
 */
export function visualOrder(text: string, dir: Direction): string {
  const paragraph = resolveBidi(text, dir);
  const levels = lineLevels(paragraph, 0, text.length);
  const runs = reorderRuns(levelRuns(levels).map((r) => ({ ...r, text: text.slice(r.start, r.end) })));
  return runs.map((r) => (r.level % 2 === 1 ? [...r.text].reverse().join("") : r.text)).join("");
}
