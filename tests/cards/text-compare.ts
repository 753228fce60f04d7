/**
 * Renders one text box three ways at the same pixel size, for the Chromium comparison test:
 *   - ours: lines.ts + shape.ts → SVG paths → resvg;
 *   - plain satori: satori's own text engine with the same two font files → resvg;
 *   - Chromium: a page with the same font files as `@font-face` rules, `dir` from the language, screenshot.
 * The font assignment is the same everywhere: in Chromium, two faces of one family split by `unicode-range`
 * mirror `fontKindOf` in shape.ts (Latin letters → Noto Sans, Arabic → Noto Naskh Arabic, the rest → the
 * edition's primary font).
 */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import satori from "satori";
import type { Lang } from "../../src/schemas/common.ts";
import { type TextBox, bleedOf, layoutText, textBoxSvg } from "../../src/cards/lines.ts";
import { ARABIC_RANGES, FONT_FILES, LATIN_RANGES, type Weight } from "../../src/cards/shape.ts";
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

const fontData = (kind: "arabic" | "latin", weight: Weight) => readFileSync(FONT_FILES[kind][weight]);

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

/** `unicode-range` value covering all code points except `ranges`. */
function complement(ranges: ReadonlyArray<readonly [number, number]>): string {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: string[] = [];
  let next = 0;
  for (const [lo, hi] of sorted) {
    if (lo > next) out.push(`U+${hex(next)}-${hex(lo - 1)}`);
    next = Math.max(next, hi + 1);
  }
  out.push(`U+${hex(next)}-10FFFF`);
  return out.join(", ");
}

function pageHtml(c: TextCase, frame: Frame): string {
  const url = (kind: "arabic" | "latin") => `data:font/ttf;base64,${fontData(kind, c.weight).toString("base64")}`;
  // The edition's primary face takes everything but the other script's letters, like fontKindOf.
  const arabicRange = c.lang === "ar" ? complement(LATIN_RANGES) : ARABIC_RANGES.map(([a, b]) => `U+${hex(a)}-${hex(b)}`).join(", ");
  const latinRange = c.lang === "ar" ? LATIN_RANGES.map(([a, b]) => `U+${hex(a)}-${hex(b)}`).join(", ") : complement(ARABIC_RANGES);
  const dir = c.lang === "ar" ? "rtl" : "ltr";
  const escaped = c.text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  return `<!doctype html><html lang="${c.lang}" dir="${dir}"><head><meta charset="utf-8"><style>
@font-face { font-family: Card; src: url(${url("arabic")}) format("truetype"); font-weight: ${c.weight}; unicode-range: ${arabicRange}; }
@font-face { font-family: Card; src: url(${url("latin")}) format("truetype"); font-weight: ${c.weight}; unicode-range: ${latinRange}; }
html, body { margin: 0; background: #fff; }
#box { position: absolute; top: ${frame.bleed}px; left: ${frame.bleed}px; width: ${c.width}px; font-family: Card; font-size: ${c.size}px;
  font-weight: ${c.weight}; line-height: ${c.lineHeight}px; color: #000; text-align: start; white-space: normal; font-kerning: normal; }
</style></head><body><div id="box" dir="${dir}">${escaped}</div></body></html>`;
}

export async function renderChromium(page: Page, c: TextCase, frame: Frame): Promise<Grey> {
  await page.setViewportSize({ width: Math.max(frame.width, 200), height: Math.max(frame.height, 100) });
  await page.setContent(pageHtml(c, frame));
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const png = await page.screenshot({ clip: { x: 0, y: 0, width: frame.width, height: frame.height }, type: "png" });
  return pngToGrey(new Uint8Array(png));
}
