/**
 * Text shaping for the cards: HarfBuzz (harfbuzzjs) shapes each run of one bidi level, one font and one script,
 * and glyph outlines become SVG path data. satori's own text engine is not used for card text (vercel/satori#74:
 * Arabic marks sit too low, dotted glyphs drawn as marks come out garbled, no fallback between two fonts).
 *
 * Stages, in order, for one line `[start, end)` of a paragraph:
 *   1. font per character (`fontKindOf`): Arabic-script letters → the Arabic font, Latin/Greek/Cyrillic letters →
 *      the Latin font, everything else (spaces, digits, punctuation) → the edition's primary font; a font that
 *      lacks the glyph hands the character to the other one. This is what a browser does with two `@font-face`
 *      rules of one family split by `unicode-range`, so the Chromium comparison test can reproduce it exactly.
 *   2. script per character (`scriptOf`): common characters take the script of the letter before them (or after,
 *      at the start), as HarfBuzz and browsers itemise.
 *   3. runs of equal (bidi level, font, script), shaped in logical order with the whole line as context, so
 *      Arabic joining across a run boundary is right.
 *   4. runs reordered visually (UBA rule L2); HarfBuzz already returns an RTL run's glyphs left to right.
 * Coordinates: HarfBuzz works in font units with y up; SVG has y down. Every glyph outline point and every glyph
 * offset is flipped once, in `pathOfLine`: a mark offset `yOffset > 0` (raised) moves the mark up on the card.
 */
import { readFileSync } from "node:fs";
import * as hb from "harfbuzzjs";
import type { Lang } from "../schemas/common.ts";
import { type BidiParagraph, lineLevels, reorderRuns } from "./bidi.ts";
import { FONT_FILES, type FontKind, type Weight } from "./version.ts";
import { woffToSfnt } from "./woff.ts";

export { FONT_FILES, type FontKind, type Weight } from "./version.ts";

/** One loaded font file: the HarfBuzz font, its vertical metrics and a cache of glyph outlines. */
export interface LoadedFont {
  kind: FontKind;
  weight: Weight;
  file: string;
  upem: number;
  /** hhea/typo ascender and descender in font units (descender positive, below the baseline). */
  ascender: number;
  descender: number;
  hbFont: hb.Font;
  unicodes: Set<number>;
  outlines: Map<number, number[]>;
  /** Glyph path data per pixel size, then glyph id (see `glyphPath`). */
  paths: Map<number, Map<number, GlyphPath>>;
}

let loaded: Record<FontKind, Record<Weight, LoadedFont>> | undefined;

function loadFont(kind: FontKind, weight: Weight): LoadedFont {
  const file = FONT_FILES[kind][weight];
  const face = new hb.Face(new hb.Blob(woffToSfnt(readFileSync(file))));
  const hbFont = new hb.Font(face);
  const extents = hbFont.hExtents();
  return {
    kind,
    weight,
    file,
    upem: face.upem,
    ascender: extents.ascender,
    descender: -extents.descender,
    hbFont,
    unicodes: new Set(face.collectUnicodes()),
    outlines: new Map(),
    paths: new Map(),
  };
}

/** The four card fonts, read and parsed once per thread. */
export function getFont(kind: FontKind, weight: Weight): LoadedFont {
  loaded ??= {
    arabic: { 400: loadFont("arabic", 400), 700: loadFont("arabic", 700) },
    latin: { 400: loadFont("latin", 400), 700: loadFont("latin", 700) },
  };
  return loaded[kind][weight];
}

/** The font whose metrics set the line box: the edition's script (CSS: the "first available font"). */
export function primaryFontKind(lang: Lang): FontKind {
  return lang === "ar" ? "arabic" : "latin";
}

/** Code points of the Arabic script (letters, marks, Arabic-Indic digits, Arabic punctuation, presentation forms). */
export const ARABIC_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x0600, 0x06ff],
  [0x0750, 0x077f],
  [0x0870, 0x08ff],
  [0xfb50, 0xfdff],
  [0xfe70, 0xfeff],
];
/** Letters drawn with the Latin font: Basic Latin and Latin-1 letters, Latin Extended, Greek, Cyrillic. */
export const LATIN_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x0041, 0x005a],
  [0x0061, 0x007a],
  [0x00aa, 0x00aa],
  [0x00b5, 0x00b5],
  [0x00ba, 0x00ba],
  [0x00c0, 0x00d6],
  [0x00d8, 0x00f6],
  [0x00f8, 0x024f],
  [0x0370, 0x052f],
  [0x1e00, 0x1eff],
];

const inRanges = (cp: number, ranges: ReadonlyArray<readonly [number, number]>) =>
  ranges.some(([lo, hi]) => cp >= lo && cp <= hi);

type Script = "Arab" | "Latn" | "Zyyy";

function scriptClass(cp: number): Script {
  if (inRanges(cp, ARABIC_RANGES)) return "Arab";
  if (inRanges(cp, LATIN_RANGES)) return "Latn";
  return "Zyyy";
}

/** Font kind for one code point in an edition (stage 1 above). */
export function fontKindOf(cp: number, lang: Lang, weight: Weight): FontKind {
  const script = scriptClass(cp);
  const wanted: FontKind = script === "Arab" ? "arabic" : script === "Latn" ? "latin" : primaryFontKind(lang);
  if (getFont(wanted, weight).unicodes.has(cp)) return wanted;
  const other: FontKind = wanted === "arabic" ? "latin" : "arabic";
  return getFont(other, weight).unicodes.has(cp) ? other : wanted;
}

/** A shaped run: glyphs in visual order (left to right), positions in font units of `font`. Shared with the shaping cache: never mutate. */
export interface ShapedRun {
  start: number;
  end: number;
  level: number;
  font: LoadedFont;
  script: Script;
  glyphs: Array<{ gid: number; cluster: number; xAdvance: number; xOffset: number; yOffset: number }>;
  /** Advance width in pixels at the shaping size. */
  width: number;
}

/** A shaped line: runs in visual order and its advance width in pixels. */
export interface ShapedLine {
  runs: ShapedRun[];
  width: number;
  size: number;
}

const buffer = new hb.Buffer();

/**
 * Shapes `[start, end)` of `paragraph` at `size` px. `text` defaults to the paragraph's; the range is one line
 * (no line break inside), so rule L1 applies to its trailing spaces.
 */
export function shapeLine(paragraph: BidiParagraph, lang: Lang, start: number, end: number, size: number, weight: Weight): ShapedLine {
  const key = `${weight}${lang}${paragraph.dir}${start},${end}:${paragraph.text}`;
  let runs = shaped.get(key);
  if (!runs) {
    if (shaped.size >= SHAPED_MAX) shaped.clear();
    runs = shapeRuns(paragraph, lang, start, end, weight);
    shaped.set(key, runs);
  }
  // Pixels from font units the same way whether the runs were cached or not: results never depend on the cache.
  const sized = runs.map(({ advance, ...run }) => ({ ...run, width: (advance * size) / run.font.upem }));
  return { runs: sized, width: sized.reduce((sum, run) => sum + run.width, 0), size };
}

/**
 * Shaping does not depend on the size (HarfBuzz works in font units, no hinting), and layout shapes the same
 * ranges again and again: every candidate line while breaking, at every step of the title ladder, every
 * candidate cut for the ellipsis. Runs are cached per (weight, edition, direction, range, text), per thread.
 */
const shaped = new Map<string, UnsizedRun[]>();
const SHAPED_MAX = 20_000;

type UnsizedRun = Omit<ShapedRun, "width"> & { advance: number };

function shapeRuns(paragraph: BidiParagraph, lang: Lang, start: number, end: number, weight: Weight): UnsizedRun[] {
  const { text } = paragraph;
  const levels = lineLevels(paragraph, start, end);
  // Stages 1 and 2, per UTF-16 unit; a low surrogate shares its pair's classes.
  const kinds: FontKind[] = [];
  const scripts: Script[] = [];
  for (let i = start; i < end; i++) {
    const cp = text.codePointAt(i) ?? 0;
    const isLow = cp >= 0xdc00 && cp <= 0xdfff && i > start;
    const isMark = /\p{M}/u.test(String.fromCodePoint(cp));
    const prevKind = kinds[kinds.length - 1];
    kinds.push(isLow || (isMark && prevKind) ? (prevKind as FontKind) : fontKindOf(cp, lang, weight));
    scripts.push(isLow ? (scripts[scripts.length - 1] as Script) : scriptClass(cp));
  }
  let carried: Script | undefined;
  for (let i = 0; i < scripts.length; i++) {
    if (scripts[i] === "Zyyy") {
      if (carried) scripts[i] = carried;
    } else carried = scripts[i];
  }
  const firstStrong = scripts.find((s) => s !== "Zyyy") ?? (lang === "ar" ? "Arab" : "Latn");
  for (let i = 0; i < scripts.length && scripts[i] === "Zyyy"; i++) scripts[i] = firstStrong;

  // Stage 3: runs of equal (level, font, script), shaped with the line as context.
  const runs: UnsizedRun[] = [];
  let runStart = 0;
  for (let i = 1; i <= end - start; i++) {
    const same =
      i < end - start && levels[i] === levels[runStart] && kinds[i] === kinds[runStart] && scripts[i] === scripts[runStart];
    if (same) continue;
    const level = levels[runStart] ?? 0;
    const font = getFont(kinds[runStart] ?? "latin", weight);
    const script = scripts[runStart] ?? "Zyyy";
    buffer.reset();
    buffer.addText(text.slice(start, end), runStart, i - runStart);
    buffer.setDirection(level % 2 === 1 ? hb.Direction.RTL : hb.Direction.LTR);
    buffer.setScript(script === "Zyyy" ? "Latn" : script);
    buffer.setLanguage(script === "Arab" ? "ar" : "en");
    hb.shape(font.hbFont, buffer);
    const infos = buffer.getGlyphInfos();
    const positions = buffer.getGlyphPositions();
    let advance = 0;
    const glyphs = infos.map((info, k) => {
      const pos = positions[k] ?? { xAdvance: 0, xOffset: 0, yOffset: 0 };
      advance += pos.xAdvance;
      return { gid: info.codepoint, cluster: info.cluster + start, xAdvance: pos.xAdvance, xOffset: pos.xOffset, yOffset: pos.yOffset };
    });
    runs.push({ start: start + runStart, end: start + i, level, font, script, glyphs, advance });
    runStart = i;
  }
  // Stage 4.
  return reorderRuns(runs);
}

// Outline recording: one flat array per glyph, an opcode followed by its points (font units, y up).
const MOVE = 0;
const LINE = 1;
const QUAD = 2;
const CUBIC = 3;
const CLOSE = 4;
const drawFuncs = new hb.DrawFuncs();
drawFuncs.setMoveToFunc((x, y, data) => (data as number[]).push(MOVE, x, y));
drawFuncs.setLineToFunc((x, y, data) => (data as number[]).push(LINE, x, y));
drawFuncs.setQuadraticToFunc((cx, cy, x, y, data) => (data as number[]).push(QUAD, cx, cy, x, y));
drawFuncs.setCubicToFunc((ax, ay, bx, by, x, y, data) => (data as number[]).push(CUBIC, ax, ay, bx, by, x, y));
drawFuncs.setClosePathFunc((data) => (data as number[]).push(CLOSE));

function outline(font: LoadedFont, gid: number): number[] {
  let ops = font.outlines.get(gid);
  if (!ops) {
    ops = [];
    font.hbFont.drawGlyph(gid, drawFuncs, ops);
    font.outlines.set(gid, ops);
  }
  return ops;
}

/**
 * Path data is written in hundredths of a pixel: 1/100 px is far below what the rasteriser can show. Each glyph's
 * outline at one size is turned into text once per thread and cached (`glyphPath`), with every command after the
 * first relative, so a glyph drawn anywhere on any card reuses it; only its first move is written per use.
 */
const hundredths = (v: number) => Math.round(v * 100);
const fmt = (n: number) => String(n / 100);
/** A number after a command letter or another number: a minus sign separates by itself. */
const arg = (n: number) => (n < 0 ? fmt(n) : ` ${fmt(n)}`);

/** A glyph's outline at one scale: its first point (hundredths of px, from the glyph origin, y down) and the rest, relative. */
interface GlyphPath {
  x0: number;
  y0: number;
  body: string;
}

const EMPTY_GLYPH: GlyphPath = { x0: 0, y0: 0, body: "" };

function glyphPath(font: LoadedFont, gid: number, size: number): GlyphPath {
  let cache = font.paths.get(size);
  if (!cache) font.paths.set(size, (cache = new Map()));
  let path = cache.get(gid);
  if (path) return path;
  const s = size / font.upem;
  const ops = outline(font, gid);
  const parts: string[] = [];
  // SVG's current point: the last point drawn, or the subpath's start after a close.
  let cx = 0;
  let cy = 0;
  let startX = 0;
  let startY = 0;
  let first: [number, number] | undefined;
  const X = (v: number) => hundredths(v * s);
  const Y = (v: number) => hundredths(-v * s);
  let i = 0;
  while (i < ops.length) {
    const op = ops[i++];
    if (op === CLOSE) {
      parts.push("z");
      cx = startX;
      cy = startY;
      continue;
    }
    const n = op === MOVE || op === LINE ? 2 : op === QUAD ? 4 : 6;
    const pts: number[] = [];
    for (let k = 0; k < n; k += 2) pts.push(X(ops[i + k] ?? 0), Y(ops[i + k + 1] ?? 0));
    i += n;
    const ex = pts[n - 2] as number;
    const ey = pts[n - 1] as number;
    if (op === MOVE && !first) first = [ex, ey];
    else {
      let cmd = op === MOVE ? "m" : op === LINE ? "l" : op === QUAD ? "q" : "c";
      for (let k = 0; k < n; k += 2) cmd += arg((pts[k] as number) - cx) + arg((pts[k + 1] as number) - cy);
      parts.push(cmd);
    }
    cx = ex;
    cy = ey;
    if (op === MOVE) {
      startX = ex;
      startY = ey;
    }
  }
  path = first ? { x0: first[0], y0: first[1], body: parts.join("") } : EMPTY_GLYPH;
  cache.set(gid, path);
  return path;
}

/**
 * SVG path data for a shaped line whose left edge is at `x` and baseline at `baseline` (pixels, y down).
 * Glyph origin = pen + offset; outline point (px, py) in font units → (ox + px·s, oy − py·s), to 1/100 px.
 */
export function pathOfLine(line: ShapedLine, x: number, baseline: number): string {
  const parts: string[] = [];
  let pen = x;
  for (const run of line.runs) {
    const s = line.size / run.font.upem;
    for (const glyph of run.glyphs) {
      const path = glyphPath(run.font, glyph.gid, line.size);
      if (path !== EMPTY_GLYPH) {
        const ox = hundredths(pen + glyph.xOffset * s);
        const oy = hundredths(baseline - glyph.yOffset * s);
        parts.push(`M${fmt(ox + path.x0)}${arg(oy + path.y0)}${path.body}`);
      }
      pen += glyph.xAdvance * s;
    }
  }
  return parts.join("");
}
