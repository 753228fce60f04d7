/**
 * What a share card shows. The site decides the content of each card (one per shareable page and language);
 * the cards stage only lays it out and renders it. The PNG is written to `<outDir>/cards/<path>.png` and the page
 * references `<base>cards/<path>.png`.
 */
import { z } from "zod";
import { Lang } from "./common.ts";
import { Colour, DEFAULT_THEME } from "./theme.ts";
import { cardPalette } from "./card-palette.ts";

/**
 * Longest texts handed to the layout, in UTF-16 units. The card shows at most three title lines (about 40 Arabic or
 * 60 Latin letters each at the smallest title size) and one line per kicker, meta line and chip, so nothing past
 * these can be drawn; without a bound a scraped 36,000-character title took 140 s and 6.6 GB to lay out, and a
 * 1 MB one ran the render workers out of memory.
 */
export const CARD_TEXT_LIMITS = { title: 400, line: 200 } as const;

/** `text` cut to at most `max` UTF-16 units, never inside a surrogate pair. */
export function clampText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

const bounded = (max: number) => z.string().transform((s) => clampText(s, max));

export const CardKind = z.enum(["home", "article", "actor", "country", "brief", "index"]);
export type CardKind = z.infer<typeof CardKind>;

export const CardSpec = z.object({
  /** Output path below `cards/`, without extension: `ar/actors/khalifa-haftar`. ASCII only. */
  path: z.string().regex(/^[a-z0-9/_-]+$/),
  lang: Lang,
  kind: CardKind,
  /** Main text: the page's title or name. Long titles are wrapped to three lines and ellipsised. */
  title: bounded(CARD_TEXT_LIMITS.title),
  /** Small line above the title: the kind of page or the outlet (`Actor · Person`, `الشرق الأوسط`). */
  kicker: bounded(CARD_TEXT_LIMITS.line).optional(),
  /** Facts line(s) under the title: outlet and date, role and mention count… */
  meta: z.array(bounded(CARD_TEXT_LIMITS.line)).default([]),
  /** Key actors, drawn as chips. */
  chips: z.array(bounded(CARD_TEXT_LIMITS.line)).default([]),
  /** Countries involved (display names in the card's language). */
  countries: z.array(bounded(CARD_TEXT_LIMITS.line)).default([]),
  /**
   * Articles per day, oldest first, drawn as a strip of bars under the facts (an actor's card: its last 30 days).
   * A plain array on purpose: the cache key serialises the spec with its top-level keys as the replacer list, which
   * would drop the keys of a nested object.
   */
  activity: z.array(z.number().int().nonnegative()).max(62).optional(),
  /** Site name in the card's language. */
  siteName: bounded(CARD_TEXT_LIMITS.line),
  /** Alternative text for the image (og:image:alt). */
  alt: z.string(),
  /**
   * Colours (src/schemas/card-palette.ts, from the site's theme); the default theme's when absent. In the spec, so they are
   * part of the cache key: a theme change re-renders every card.
   */
  palette: z
    .object({ background: Colour, panel: Colour, title: Colour, meta: Colour, chipText: Colour, chipFill: Colour, brand: Colour, accent: Colour })
    .strict()
    .optional(),
}).transform((spec) => ({ ...spec, palette: spec.palette ?? cardPalette(DEFAULT_THEME, spec.kind) }));
export type CardSpec = z.infer<typeof CardSpec>;
export type CardSpecInput = z.input<typeof CardSpec>;

export { CARD_HEIGHT, CARD_WIDTH } from "./card-size.ts";
