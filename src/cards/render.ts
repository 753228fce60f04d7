/**
 * One card, spec → PNG, for callers outside the build pool: validates the spec, then draws it (draw.ts).
 */
import { drawCard, drawSvg } from "./draw.ts";
import { CardSpec, type CardSpecInput } from "../schemas/card.ts";

/** The card as SVG: satori's layout with our text outlines inlined. */
export async function cardSvg(input: CardSpecInput): Promise<string> {
  return drawSvg(CardSpec.parse(input));
}

/** Renders one card to a 1200×630 PNG. */
export async function renderCard(input: CardSpecInput): Promise<Uint8Array> {
  return drawCard(CardSpec.parse(input));
}
