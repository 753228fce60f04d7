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
import { createRequire } from "node:module";
import * as hb from "harfbuzzjs";
import type { Lang } from "../schemas/common.ts";
import { type BidiParagraph, lineLevels, reorderRuns } from "./bidi.ts";

export type Weight = 400 | 700;
export type FontKind = "arabic" | "latin";

const require = createRequire(import.meta.url);

/** Font files, by kind and weight. Exported so the cache key and the Chromium comparison use the same files. */
export const FONT_FILES: Record<FontKind, Record<Weight, string>> = {
  arabic: {
    400: require.resolve("@expo-google-fonts/noto-naskh-arabic/400Regular/NotoNaskhArabic_400Regular.ttf"),
    700: require.resolve("@expo-google-fonts/noto-naskh-arabic/700Bold/NotoNaskhArabic_700Bold.ttf"),
  },
  latin: {
    400: require.resolve("@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf"),
    700: require.resolve("@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf"),
  },
};

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
}

let loaded: Record<FontKind, Record<Weight, LoadedFont>> | undefined;

function loadFont(kind: FontKind, weight: Weight): LoadedFont {
  const file = FONT_FILES[kind][weight];
  const face = new hb.Face(new hb.Blob(readFileSync(file)));
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

/** A shaped run: glyphs in visual order (left to right), positions in font units of `font`. */
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
  const scale = (font: LoadedFont) => size / font.upem;
  const runs: ShapedRun[] = [];
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
    runs.push({ start: start + runStart, end: start + i, level, font, script, glyphs, width: advance * scale(font) });
    runStart = i;
  }
  // Stage 4.
  const visual = reorderRuns(runs);
  return { runs: visual, width: visual.reduce((sum, run) => sum + run.width, 0), size };
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

/** Two decimals: 1/100 px is far below what the rasteriser can show, and keeps the SVG small. */
const num = (v: number) => String(Math.round(v * 100) / 100);

/**
 * SVG path data for a shaped line whose left edge is at `x` and baseline at `baseline` (pixels, y down).
 * Glyph origin = pen + offset; outline point (px, py) in font units → (ox + px·s, oy − py·s).
 */
export function pathOfLine(line: ShapedLine, x: number, baseline: number): string {
  const parts: string[] = [];
  let pen = x;
  for (const run of line.runs) {
    const s = line.size / run.font.upem;
    for (const glyph of run.glyphs) {
      const ox = pen + glyph.xOffset * s;
      const oy = baseline - glyph.yOffset * s;
      const ops = outline(run.font, glyph.gid);
      let i = 0;
      while (i < ops.length) {
        const op = ops[i++];
        const px = (k: number) => num(ox + (ops[i + k] ?? 0) * s);
        const py = (k: number) => num(oy - (ops[i + k] ?? 0) * s);
        if (op === MOVE) parts.push(`M${px(0)} ${py(1)}`), (i += 2);
        else if (op === LINE) parts.push(`L${px(0)} ${py(1)}`), (i += 2);
        else if (op === QUAD) parts.push(`Q${px(0)} ${py(1)} ${px(2)} ${py(3)}`), (i += 4);
        else if (op === CUBIC) parts.push(`C${px(0)} ${py(1)} ${px(2)} ${py(3)} ${px(4)} ${py(5)}`), (i += 6);
        else parts.push("Z");
      }
      pen += glyph.xAdvance * s;
    }
  }
  return parts.join("");
}
