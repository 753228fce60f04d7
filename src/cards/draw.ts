/**
 * One card, validated spec → PNG: satori lays out the element tree (template.ts) into SVG, our drawings are
 * inlined into that SVG, resvg rasterises it. Stateless apart from the fonts and glyph paths cached per thread by
 * shape.ts. No zod here: the render workers load this module, and validating specs is the caller's job
 * (render.ts for the public API, build.ts for the pool).
 */
import { Resvg } from "@resvg/resvg-js";
import satori from "satori";
import { encodeOpaquePng } from "./png.ts";
import { CARD_HEIGHT, CARD_WIDTH } from "../schemas/card-size.ts";
import type { CardSpec } from "../schemas/card.ts";
import { cardLayout } from "./template.ts";

const IMAGE = /<image x="(-?[\d.]+)" y="(-?[\d.]+)" width="([\d.]+)" height="([\d.]+)" href="data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)"[^>]*\/>/g;
const PLACEHOLDER = /^<svg [^>]*width="([\d.]+)" height="([\d.]+)" data-inline="(\d+)"><\/svg>$/;

/**
 * Replaces each stand-in `<image>` (template.ts `Inlines`) by the markup it stands for, translated to where
 * satori placed it. resvg would render a nested SVG image through an offscreen canvas plus satori's clip and mask;
 * inline paths halve the raster time of a card. An image that is not one of our stand-ins is left alone.
 */
export function inlineImages(svg: string, inlines: readonly string[]): string {
  return svg.replace(IMAGE, (tag, x: string, y: string, w: string, h: string, b64: string) => {
    const placeholder = PLACEHOLDER.exec(Buffer.from(b64, "base64").toString("utf8"));
    const body = placeholder ? inlines[Number(placeholder[3])] : undefined;
    if (!placeholder || body === undefined) return tag;
    const sx = Number(w) / Number(placeholder[1]);
    const sy = Number(h) / Number(placeholder[2]);
    const scale = Math.abs(sx - 1) < 1e-6 && Math.abs(sy - 1) < 1e-6 ? "" : ` scale(${sx} ${sy})`;
    return `<g transform="translate(${x} ${y})${scale}">${body}</g>`;
  });
}

/** The card as SVG: satori's layout with our drawings inlined. */
export async function drawSvg(spec: CardSpec): Promise<string> {
  const { element, inlines } = cardLayout(spec);
  // No fonts: satori never sees a text node, every text is an SVG piece we shaped (see template.ts).
  const laidOut = await satori(element as Parameters<typeof satori>[0], { width: CARD_WIDTH, height: CARD_HEIGHT, fonts: [] });
  return inlineImages(laidOut, inlines);
}

/**
 * Renders SVG to PNG; system fonts are never needed (no `<text>` left) and scanning them costs time. The PNG is
 * encoded by png.ts (opaque cards, the usual case) or by resvg (anything with transparency).
 */
export function rasterise(svg: string): Uint8Array {
  const image = new Resvg(svg, { fitTo: { mode: "width", value: CARD_WIDTH }, font: { loadSystemFonts: false } }).render();
  return encodeOpaquePng(image.pixels, image.width, image.height) ?? new Uint8Array(image.asPng());
}

/** Renders one validated card spec to a 1200×630 PNG. */
export async function drawCard(spec: CardSpec): Promise<Uint8Array> {
  return rasterise(await drawSvg(spec));
}
