/**
 * The card's colours, from the site's theme (src/schemas/theme.ts): a card is drawn in the dark scheme, with the
 * accent of its kind of page. No zod here (the render workers load this module); the spec carries the palette, so
 * it is part of every card's cache key and a theme change re-renders every card.
 */
import type { Theme } from "./theme.ts";
import type { CardKind } from "./card.ts";

export interface CardPalette {
  /** Ground, from the gradient's end on. */
  background: string;
  /** Top inline-start corner of the ground's gradient. */
  panel: string;
  title: string;
  /** Facts lines, and the empty days of the activity strip. */
  meta: string;
  chipText: string;
  chipFill: string;
  brand: string;
  /** The card's kind of page's accent: the bar, the kicker, the country chips' outline and the brand's mark. */
  accent: string;
}

/** The palette of a card of `kind` in a theme: dark ground, dark-scheme text colours, the kind's accent. */
export function cardPalette(theme: Pick<Theme, "dark" | "sections">, kind: CardKind): CardPalette {
  const { dark, sections } = theme;
  return {
    background: dark.bg,
    panel: dark.surface,
    title: dark.mastheadFg,
    meta: dark.muted,
    chipText: dark.fg,
    chipFill: dark.border,
    brand: dark.mastheadFg,
    accent: sections[kind],
  };
}
