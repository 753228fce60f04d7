/**
 * Line breaking and text boxes. We break lines ourselves, by measured advance width, so the card never depends
 * on satori's line breaker (which, without fixed widths, shifts glyphs and clips the first word of Arabic lines).
 *
 * Stages: normalise (NFC, collapse white space) → bidi levels for the paragraph → greedy fill at word
 * boundaries (spaces) measuring each candidate line by shaping it → if more lines than allowed, the last line is
 * cut at a word boundary and gets an ellipsis → each line aligned (start = right in RTL) → SVG.
 */
import type { Lang } from "../schemas/common.ts";
import { type BidiParagraph, type Direction, directionOf, resolveBidi, textDirection } from "./bidi.ts";
import { getFont, pathOfLine, primaryFontKind, type ShapedLine, shapeLine, type Weight } from "./shape.ts";

export interface TextBoxOptions {
  /**
   * Card language: the primary font, the alignment side, and the paragraph direction of a text without a strong
   * character (a text's own first strong character decides otherwise, see `textDirection`).
   */
  lang: Lang;
  /** Font size in px. */
  size: number;
  weight: Weight;
  /** Line height in px (fixed, like CSS `line-height: 40px`). */
  lineHeight: number;
  /** Box width in px; lines never exceed it. */
  maxWidth: number;
  /** Lines kept; the last one is ellipsised when the text needs more. Default: unlimited. */
  maxLines?: number;
  /** Inline alignment, logical: `start` is the right edge in RTL. Default `start`. */
  align?: "start" | "end" | "center";
}

/** One laid-out line: its logical range in `text`, shaping, and its left offset inside the box. */
export interface BoxLine {
  start: number;
  end: number;
  shaped: ShapedLine;
  x: number;
}

export interface TextBox {
  /** The text actually laid out (normalised, with the ellipsis when truncated). */
  text: string;
  dir: Direction;
  lines: BoxLine[];
  /** Box size in px: `maxWidth` × lines·lineHeight. */
  width: number;
  height: number;
  /** Widest line, px (for boxes that shrink to their content). */
  contentWidth: number;
  truncated: boolean;
  /** Physical side the lines are aligned to (from `align` and the card's direction). */
  side: "left" | "right" | "center";
  /** Baseline of the first line from the top of the box, px; the next lines follow every `lineHeight`. */
  baseline: number;
  options: TextBoxOptions;
}

const ELLIPSIS = "…";

/** NFC and single spaces: card inputs come from scraped titles with stray tabs, NBSPs and double spaces. */
export function normaliseText(text: string): string {
  return text.normalize("NFC").replace(/[\s\u00a0]+/g, " ").trim();
}

/** `[start, end)` of each word (maximal run without spaces). */
function words(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const match of text.matchAll(/[^ ]+/g)) out.push([match.index, match.index + match[0].length]);
  return out;
}

function graphemeEnds(text: string, start: number, end: number): number[] {
  const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });
  return [...segmenter.segment(text.slice(start, end))].map((s) => start + s.index + s.segment.length);
}

/**
 * Greedy line breaking: returns `[start, end)` per line (spaces at breaks dropped). A word wider than the box on
 * its own is cut between grapheme clusters, so nothing is ever drawn outside the box.
 *
 * Whether the next word fits is decided on the line's width so far plus the space and the word, each shaped
 * alone (cached); only a sum within `margin` of the box width is checked by shaping the whole candidate line.
 * Joining, marks and fonts never reach across a space, so the sum is the line's width up to kerning against a
 * space (none in the card fonts: measured 0 on every fixture string); the margin, a quarter em, is far more.
 */
export function breakLines(paragraph: BidiParagraph, opts: TextBoxOptions): Array<[number, number]> {
  const measure = (start: number, end: number) => shapeLine(paragraph, opts.lang, start, end, opts.size, opts.weight).width;
  const margin = opts.size / 4 + 1;
  const all = words(paragraph.text);
  const lines: Array<[number, number]> = [];
  let i = 0;
  while (i < all.length) {
    const first = all[i] as [number, number];
    let lineStart = first[0];
    let lineEnd = first[1];
    if (measure(lineStart, lineEnd) > opts.maxWidth) {
      // Overlong word: emit the widest grapheme prefixes that fit, then continue with the rest of the word.
      const ends = graphemeEnds(paragraph.text, lineStart, lineEnd);
      while (lineStart < first[1]) {
        let cut = ends.find((e) => e > lineStart) ?? first[1];
        for (const e of ends) {
          if (e <= cut) continue;
          if (measure(lineStart, e) > opts.maxWidth) break;
          cut = e;
        }
        if (cut === first[1]) break;
        lines.push([lineStart, cut]);
        lineStart = cut;
      }
      lineEnd = first[1];
    }
    let width = measure(lineStart, lineEnd);
    let j = i + 1;
    while (j < all.length) {
      const [nextStart, nextEnd] = all[j] as [number, number];
      let next = width + measure(lineEnd, nextStart) + measure(nextStart, nextEnd);
      if (Math.abs(next - opts.maxWidth) <= margin) next = measure(lineStart, nextEnd);
      if (next > opts.maxWidth) break;
      width = next;
      lineEnd = nextEnd;
      j++;
    }
    lines.push([lineStart, lineEnd]);
    i = j;
  }
  return lines;
}

/** The last of `ascending` for which `ok` holds, given that `ok` holds for a prefix of it (bisection). */
function longestFitting(ascending: readonly number[], ok: (value: number) => boolean): number | undefined {
  let lo = 0;
  let hi = ascending.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ok(ascending[mid] as number)) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? ascending[lo - 1] : undefined;
}

/**
 * Lays out `raw` in a box: breaks, ellipsises past `maxLines`, aligns, and computes the first baseline like CSS
 * does for a fixed line height (half-leading around the primary font's ascender + descender).
 */
export function layoutText(raw: string, opts: TextBoxOptions): TextBox {
  // The paragraph takes the text's own direction (as the page marks it); the lines keep the card's alignment.
  const cardDir = directionOf(opts.lang);
  let text = normaliseText(raw);
  const dir = textDirection(text, cardDir);
  let paragraph = resolveBidi(text, dir);
  let ranges = breakLines(paragraph, opts);
  let truncated = false;
  const maxLines = opts.maxLines ?? Number.POSITIVE_INFINITY;
  if (ranges.length > maxLines) {
    truncated = true;
    const lastStart = (ranges[maxLines - 1] as [number, number])[0];
    const fits = (candidate: string) => {
      const p = resolveBidi(candidate, dir);
      return shapeLine(p, opts.lang, lastStart, candidate.length, opts.size, opts.weight).width <= opts.maxWidth;
    };
    // The longest cut at a word boundary after lastStart that fits with the ellipsis; one word + ellipsis is the
    // floor, cut by graphemes if needed. A longer cut is never narrower, so the longest is found by bisection.
    const ends = words(text)
      .map(([, e]) => e)
      .filter((e) => e > lastStart);
    let chosen = longestFitting(ends, (e) => fits(text.slice(0, e) + ELLIPSIS));
    if (chosen === undefined) {
      const graphemes = graphemeEnds(text, lastStart, ends[0] ?? text.length);
      chosen = longestFitting(graphemes, (e) => fits(text.slice(0, e) + ELLIPSIS)) ?? lastStart;
    }
    text = text.slice(0, chosen) + ELLIPSIS;
    paragraph = resolveBidi(text, dir);
    ranges = [...ranges.slice(0, maxLines - 1), [lastStart, text.length]];
  }
  const align = opts.align ?? "start";
  const side = align === "center" ? "center" : (align === "start") === (cardDir === "rtl") ? "right" : "left";
  const lines: BoxLine[] = ranges.map(([start, end]) => {
    const shaped = shapeLine(paragraph, opts.lang, start, end, opts.size, opts.weight);
    const free = opts.maxWidth - shaped.width;
    const x = side === "center" ? free / 2 : side === "right" ? free : 0;
    return { start, end, shaped, x };
  });
  // Blink's line box: ascent and descent rounded to whole pixels, half-leading floored. Following it puts the
  // text where a browser would, and a whole-pixel baseline keeps horizontal strokes crisp in the PNG.
  const primary = getFont(primaryFontKind(opts.lang), opts.weight);
  const s = opts.size / primary.upem;
  const ascent = Math.round(primary.ascender * s);
  const descent = Math.round(primary.descender * s);
  const baseline = ascent + Math.floor((opts.lineHeight - ascent - descent) / 2);
  return {
    text,
    dir,
    lines,
    width: opts.maxWidth,
    height: lines.length * opts.lineHeight,
    contentWidth: Math.max(0, ...lines.map((l) => l.shaped.width)),
    truncated,
    side,
    baseline,
    options: opts,
  };
}

/** Extra room drawn around a box so marks above the first line or swashes past the edge are not clipped. */
export function bleedOf(box: Pick<TextBox, "options">): number {
  return Math.ceil(box.options.size * 0.6);
}

/**
 * The box's drawing as SVG markup: one `<path>` holding every glyph of every line, in a frame `bleed` px larger on
 * every side than the layout box (place it with negative margins of `bleed`). `width` narrows the box to its
 * content (chips); lines keep their alignment within it.
 */
export function textBoxBody(box: TextBox, color: string, width: number = box.width): string {
  const bleed = bleedOf(box);
  const shift = width - box.width;
  const d = box.lines
    .map((line, i) => {
      const x = bleed + line.x + (box.side === "right" ? shift : box.side === "center" ? shift / 2 : 0);
      return pathOfLine(line.shaped, x, bleed + box.baseline + i * box.options.lineHeight);
    })
    .join("");
  return `<path fill="${color}" d="${d}"/>`;
}

/** The box as a standalone SVG document (the frame of `textBoxBody`). */
export function textBoxSvg(box: TextBox, color: string, width: number = box.width): string {
  const bleed = bleedOf(box);
  const w = Math.ceil(width) + 2 * bleed;
  const h = Math.ceil(box.height) + 2 * bleed;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">${textBoxBody(box, color, width)}</svg>`;
}
