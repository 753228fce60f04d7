/**
 * Renders one text box three ways at the same pixel size, for the Chromium comparison test:
 *   - ours: lines.ts + shape.ts → SVG paths → resvg;
 *   - plain satori: satori's own text engine with the same two font files → resvg;
 *   - Chromium: a page with the same font files as `@font-face` rules, `dir` from the language, screenshot; the text
 *     box is marked with the text's own direction and aligned to the card's side, as an English title on an Arabic
 *     page is (`<h1 lang="en" dir="ltr">`, set to the card's edge).
 * The font assignment is the same everywhere: in Chromium, two faces of one family split by `unicode-range`
 * mirror `fontKindOf` in shape.ts (Latin letters → Noto Sans, Arabic → Noto Naskh Arabic, the rest → the
 * edition's primary font when it has the glyph: the Arabic subset the pages serve has no Western digits, Latin
 * punctuation or «», so those are Noto Sans in both editions).
 */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import satori from "satori";
import type { Lang } from "../../src/schemas/common.ts";
import { type TextBox, bleedOf, layoutText, textBoxSvg } from "../../src/cards/lines.ts";
import { FONT_FILES, fontKindOf, getFont, type Weight } from "../../src/cards/shape.ts";
import { woffToSfnt } from "../../src/cards/woff.ts";
import { type Grey, pngToGrey, svgToGrey } from "./pixels.ts";

export interface TextCase {
  name: string;
  text: string;
  lang: Lang;
  size: number;
  weight: Weight;
  lineHeight: number;
  width: number;
}

export interface Frame {
  /** Canvas size: the text box plus `bleed` on every side. */
  width: number;
  height: number;
  bleed: number;
  box: TextBox;
}

/** Our layout decides the number of lines; every renderer draws into the same frame. */
export function frameOf(c: TextCase): Frame {
  const box = layoutText(c.text, { lang: c.lang, size: c.size, weight: c.weight, lineHeight: c.lineHeight, maxWidth: c.width });
  const bleed = bleedOf(box);
  return { width: c.width + 2 * bleed, height: box.height + 2 * bleed, bleed, box };
}

export function renderOurs(frame: Frame): Grey {
  return svgToGrey(textBoxSvg(frame.box, "#000"));
}

/** A font file as OpenType (the Arabic one is WOFF: satori and the data: URL below get the unpacked bytes). */
const fontData = (kind: "arabic" | "latin", weight: Weight) => Buffer.from(woffToSfnt(readFileSync(FONT_FILES[kind][weight])));

export async function renderPlainSatori(c: TextCase, frame: Frame): Promise<Grey> {
  const families = c.lang === "ar" ? "Naskh, Sans" : "Sans, Naskh";
  const svg = await satori(
    {
      type: "div",
      props: {
        style: { display: "flex", width: frame.width, height: frame.height, padding: frame.bleed, backgroundColor: "#fff" },
        children: {
          type: "div",
          props: {
            style: {
              display: "flex",
              width: c.width,
              fontFamily: families,
              fontSize: c.size,
              fontWeight: c.weight,
              lineHeight: `${c.lineHeight}px`,
              color: "#000",
              textAlign: c.lang === "ar" ? "right" : "left",
              justifyContent: c.lang === "ar" ? "flex-end" : "flex-start",
            },
            children: c.text,
          },
        },
      },
    } as Parameters<typeof satori>[0],
    {
      width: frame.width,
      height: frame.height,
      fonts: [
        { name: "Naskh", data: fontData("arabic", c.weight), weight: c.weight, style: "normal" },
        { name: "Sans", data: fontData("latin", c.weight), weight: c.weight, style: "normal" },
      ],
    },
  );
  return svgToGrey(svg);
}

const hex = (n: number) => n.toString(16).toUpperCase();

/** `unicode-range` value of sorted code points, as ranges. */
function rangesOf(points: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i < points.length; ) {
    let j = i;
    while (j + 1 < points.length && points[j + 1] === (points[j] as number) + 1) j++;
    out.push(i === j ? `U+${hex(points[i] as number)}` : `U+${hex(points[i] as number)}-${hex(points[j] as number)}`);
    i = j + 1;
  }
  return out.join(", ");
}

/**
 * The two faces' `unicode-range`s for a case: every code point either font has goes to the face `fontKindOf`
 * picks for it in this edition, so Chromium chooses the font exactly as the cards do.
 */
function faceRanges(c: TextCase): Record<"arabic" | "latin", string> {
  const points = [...new Set([...getFont("arabic", c.weight).unicodes, ...getFont("latin", c.weight).unicodes])].sort((a, b) => a - b);
  const arabic = points.filter((cp) => fontKindOf(cp, c.lang, c.weight) === "arabic");
  const latin = points.filter((cp) => fontKindOf(cp, c.lang, c.weight) === "latin");
  return { arabic: rangesOf(arabic), latin: rangesOf(latin) };
}

function pageHtml(c: TextCase, frame: Frame): string {
  const url = (kind: "arabic" | "latin") => `data:font/ttf;base64,${fontData(kind, c.weight).toString("base64")}`;
  const { arabic: arabicRange, latin: latinRange } = faceRanges(c);
  const dir = c.lang === "ar" ? "rtl" : "ltr";
  const escaped = c.text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  return `<!doctype html><html lang="${c.lang}" dir="${dir}"><head><meta charset="utf-8"><style>
@font-face { font-family: Card; src: url(${url("arabic")}) format("truetype"); font-weight: ${c.weight}; unicode-range: ${arabicRange}; }
@font-face { font-family: Card; src: url(${url("latin")}) format("truetype"); font-weight: ${c.weight}; unicode-range: ${latinRange}; }
html, body { margin: 0; background: #fff; }
#box { position: absolute; top: ${frame.bleed}px; left: ${frame.bleed}px; width: ${c.width}px; font-family: Card; font-size: ${c.size}px;
  font-weight: ${c.weight}; line-height: ${c.lineHeight}px; color: #000; text-align: ${frame.box.side}; white-space: normal; font-kerning: normal; }
</style></head><body><div id="box" dir="${frame.box.dir}">${escaped}</div></body></html>`;
}

export async function renderChromium(page: Page, c: TextCase, frame: Frame): Promise<Grey> {
  await page.setViewportSize({ width: Math.max(frame.width, 200), height: Math.max(frame.height, 100) });
  await page.setContent(pageHtml(c, frame));
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const png = await page.screenshot({ clip: { x: 0, y: 0, width: frame.width, height: frame.height }, type: "png" });
  return pngToGrey(new Uint8Array(png));
}
