/**
 * What a share card shows. The site decides the content of each card (one per shareable page and language);
 * the cards stage only lays it out and renders it. The PNG is written to `<outDir>/cards/<path>.png` and the page
 * references `<base>cards/<path>.png`.
 */
import { z } from "zod";
import { Lang } from "../schemas/common.ts";

export const CardKind = z.enum(["home", "article", "actor", "country", "brief", "index"]);
export type CardKind = z.infer<typeof CardKind>;

export const CardSpec = z.object({
  /** Output path below `cards/`, without extension: `ar/actors/khalifa-haftar`. ASCII only. */
  path: z.string().regex(/^[a-z0-9/_-]+$/),
  lang: Lang,
  kind: CardKind,
  /** Main text: the page's title or name. Long titles are wrapped to three lines and ellipsised. */
  title: z.string(),
  /** Small line above the title: the kind of page or the outlet (`Actor · Person`, `الشرق الأوسط`). */
  kicker: z.string().optional(),
  /** Facts line(s) under the title: outlet and date, role and mention count… */
  meta: z.array(z.string()).default([]),
  /** Key actors, drawn as chips. */
  chips: z.array(z.string()).default([]),
  /** Countries involved (display names in the card's language). */
  countries: z.array(z.string()).default([]),
  /** Site name in the card's language. */
  siteName: z.string(),
  /** Alternative text for the image (og:image:alt). */
  alt: z.string(),
});
export type CardSpec = z.infer<typeof CardSpec>;
export type CardSpecInput = z.input<typeof CardSpec>;

/** Card size: the Open Graph large-image size. */
export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
