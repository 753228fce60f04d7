import { readFileSync } from "node:fs";
import { Resvg } from "@resvg/resvg-js";
import { describe, expect, it } from "vitest";
import { rasterise } from "../../src/cards/draw.ts";
import * as cards from "../../src/cards/index.ts";
import { encodeOpaquePng } from "../../src/cards/png.ts";
import { cardSvg, renderCard } from "../../src/cards/render.ts";
import type { CardSpecInput } from "../../src/schemas/card.ts";
import { cardPalette } from "../../src/schemas/card-palette.ts";
import { groundSvg, THEME } from "../../src/cards/template.ts";
import { DEFAULT_THEME } from "../../src/schemas/theme.ts";
import { pngSize, pngToGrey } from "./pixels.ts";

const specs = JSON.parse(readFileSync(new URL("../fixtures/cards/specs.json", import.meta.url), "utf8")) as CardSpecInput[];

/** Physical columns holding title-white pixels in the title band (y 120–330). */
function titleExtent(png: Uint8Array): { left: number; right: number } {
  const grey = pngToGrey(png);
  let left = grey.width;
  let right = -1;
  for (let y = 120; y < 330; y++)
    for (let x = 0; x < grey.width; x++)
      if ((grey.data[y * grey.width + x] ?? 0) > 235) {
        left = Math.min(left, x);
        right = Math.max(right, x);
      }
  return { left, right };
}

describe("renderCard", () => {
  it("pins the public surface", () => {
    expect(Object.keys(cards).sort()).toEqual(
      ["CARD_HEIGHT", "CARD_WIDTH", "CardKind", "CardSpec", "TEMPLATE_VERSION", "cacheKey", "cardSvg", "directionOf", "layoutText", "renderCard", "renderCards", "resolveBidi", "visualOrder"].sort(),
    );
  });

  it("inlines every text box and the brand mark into satori's SVG (no nested images left to rasterise)", async () => {
    const svg = await cardSvg(specs[2] as CardSpecInput);
    expect(svg).not.toContain("<image");
    expect(svg).not.toContain("<text");
  });

  it.each(specs.map((s) => [s.path, s] as const))("renders %s as a 1200×630 PNG", async (_path, spec) => {
    const png = await renderCard(spec);
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
  });

  it("mirrors the layout for Arabic: title on the right, bar on the right; English on the left", async () => {
    const ar = specs.find((s) => s.path === "ar/countries/ly") as CardSpecInput;
    const en = specs.find((s) => s.path === "en/countries/ly") as CardSpecInput;
    // Within 12 px: glyph side bearings at 96 px (the L of Libya starts a few px in).
    const startEdgeLtr = THEME.bar + THEME.padInline;
    const startEdgeRtl = 1200 - THEME.bar - THEME.padInline;
    const arPng = await renderCard(ar);
    const enPng = await renderCard(en);
    const a = titleExtent(arPng);
    const e = titleExtent(enPng);
    expect(Math.abs(a.right - startEdgeRtl)).toBeLessThanOrEqual(12);
    expect(a.left).toBeGreaterThan(600);
    expect(Math.abs(e.left - startEdgeLtr)).toBeLessThanOrEqual(12);
    expect(e.right).toBeLessThan(600);
    // Accent bar: the edge column differs from the ground on the inline-start side only.
    const greyAr = pngToGrey(arPng);
    const greyEn = pngToGrey(enPng);
    const at = (g: typeof greyAr, x: number) => g.data[300 * g.width + x] ?? 0;
    expect(at(greyAr, 1195)).toBeGreaterThan(at(greyAr, 4) + 60);
    expect(at(greyEn, 4)).toBeGreaterThan(at(greyEn, 1195) + 60);
  });

  it("is deterministic: the same spec gives the same PNG, byte for byte", async () => {
    for (const spec of specs.slice(0, 3)) {
      const first = await renderCard(spec);
      // Another card in between: the glyph-path cache and the reused encoder buffer must not leak into the next.
      await renderCard(specs[5] as CardSpecInput);
      expect(Buffer.from(await renderCard(spec)).equals(Buffer.from(first))).toBe(true);
    }
  });

  it("encodes exactly the pixels resvg rendered", async () => {
    const svg = await cardSvg(specs[2] as CardSpecInput);
    const png = rasterise(svg);
    const decoded = new Resvg(
      `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630"><image width="1200" height="630" href="data:image/png;base64,${Buffer.from(png).toString("base64")}"/></svg>`,
      { font: { loadSystemFonts: false } },
    ).render().pixels;
    const rendered = new Resvg(svg, { font: { loadSystemFonts: false } }).render().pixels;
    expect(Buffer.compare(decoded, rendered)).toBe(0);
    // A transparent drawing falls back to resvg's encoder, which keeps alpha.
    const clear = rasterise(`<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630"><rect width="10" height="10" fill="#f00"/></svg>`);
    expect(clear[25]).toBe(6); // IHDR colour type: RGBA
  });

  it("writes the same PNG from any buffer alignment, and none for a transparent image", () => {
    const width = 7;
    const height = 3;
    const aligned = new Uint8Array(width * height * 4).map((_, i) => (i % 4 === 3 ? 255 : (i * 37) & 255));
    const shifted = new Uint8Array(aligned.length + 1).subarray(1);
    shifted.set(aligned);
    const a = encodeOpaquePng(aligned, width, height);
    expect(a).toBeDefined();
    expect(Buffer.from(encodeOpaquePng(shifted, width, height) as Uint8Array).equals(Buffer.from(a as Uint8Array))).toBe(true);
    aligned[4 * 10 + 3] = 254;
    expect(encodeOpaquePng(aligned, width, height)).toBeUndefined();
  });

  it("draws the ground's strips within one level of the SVG gradient they replace", () => {
    const frame = (body: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630">${body}</svg>`;
    const { panel, background } = cardPalette(DEFAULT_THEME, "article");
    const gradient = frame(
      `<defs><linearGradient id="g" x1="0" y1="0" x2="0.55" y2="1"><stop offset="0" stop-color="${panel}"/><stop offset="0.7" stop-color="${background}"/></linearGradient></defs><rect width="1200" height="630" fill="url(#g)"/>`,
    );
    const a = new Resvg(gradient).render().pixels;
    const b = new Resvg(frame(groundSvg(panel, background))).render().pixels;
    let worst = 0;
    let off = 0;
    for (let i = 0; i < a.length; i++) {
      const d = Math.abs((a[i] ?? 0) - (b[i] ?? 0));
      worst = Math.max(worst, d);
      if (d > 0) off++;
    }
    expect(worst).toBeLessThanOrEqual(1);
    expect(off / a.length).toBeLessThan(0.01);
  });
});
