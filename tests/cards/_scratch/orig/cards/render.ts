/**
 * One card, spec → PNG: satori lays out the element tree (template.ts) into SVG, our text boxes are inlined into
 * that SVG, resvg rasterises it. Stateless apart from the fonts loaded once per thread by shape.ts.
 */
import { Resvg } from "@resvg/resvg-js";
import satori from "satori";
import { CARD_HEIGHT, CARD_WIDTH, CardSpec, type CardSpecInput } from "./spec.ts";
import { cardElement } from "./template.ts";

const IMAGE = /<image x="(-?[\d.]+)" y="(-?[\d.]+)" width="([\d.]+)" height="([\d.]+)" href="data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)"[^>]*\/>/g;
const OUTER = /^<svg [^>]*data-inline="1" width="([\d.]+)" height="([\d.]+)"[^>]*>([\s\S]*)<\/svg>$/;

/**
 * Replaces each `<image>` of one of our text boxes by its paths, translated to where satori placed it. resvg
 * renders a nested SVG image through an offscreen canvas plus satori's clip and mask; inline paths halve the
 * raster time of a card. An image that does not match the expected shape is left alone (still correct, slower).
 */
export function inlineTextBoxes(svg: string): string {
  return svg.replace(IMAGE, (tag, x: string, y: string, w: string, h: string, b64: string) => {
    const inner = OUTER.exec(Buffer.from(b64, "base64").toString("utf8"));
    if (!inner) return tag;
    const [, iw, ih, body] = inner;
    const sx = Number(w) / Number(iw);
    const sy = Number(h) / Number(ih);
    const scale = Math.abs(sx - 1) < 1e-6 && Math.abs(sy - 1) < 1e-6 ? "" : ` scale(${sx} ${sy})`;
    return `<g transform="translate(${x} ${y})${scale}">${body}</g>`;
  });
}

/** The card as SVG: satori's layout with our text outlines inlined. */
export async function cardSvg(input: CardSpecInput): Promise<string> {
  const spec = CardSpec.parse(input);
  // No fonts: satori never sees a text node, every text is an SVG image we shaped (see template.ts).
  const laidOut = await satori(cardElement(spec) as Parameters<typeof satori>[0], { width: CARD_WIDTH, height: CARD_HEIGHT, fonts: [] });
  return inlineTextBoxes(laidOut);
}

/** Renders SVG to PNG; system fonts are never needed (no `<text>` left) and scanning them costs time. */
export function rasterise(svg: string): Uint8Array {
  const resvg = new Resvg(svg, { fitTo: { mode: "width", value: CARD_WIDTH }, font: { loadSystemFonts: false } });
  return new Uint8Array(resvg.render().asPng());
}

/** Renders one card to a 1200×630 PNG. */
export async function renderCard(spec: CardSpecInput): Promise<Uint8Array> {
  return rasterise(await cardSvg(spec));
}
