/**
 * The card layout: a satori element tree in which every piece of text is an `<img>` of an SVG we shaped
 * ourselves (lines.ts), with fixed pixel sizes, so satori only places boxes and never shapes, breaks or
 * reorders text.
 *
 * Design, for a feed thumbnail that is often shown at a third of its size: dark ground, white title as large as
 * fits in three lines, an accent bar on the inline-start edge, the kicker above the title in the accent colour,
 * facts under it, actor and country chips along the bottom and the brand at the bottom inline-end corner.
 * Arabic mirrors everything: bar, kicker and title on the right, chips flowing right to left, brand on the left.
 * Direction is derived from the card's language in one place (`flow`), never written per element.
 */
import type { Lang } from "../schemas/common.ts";
import { directionOf } from "./bidi.ts";
import { bleedOf, layoutText, type TextBox, type TextBoxOptions, textBoxSvg } from "./lines.ts";
import { CARD_HEIGHT, CARD_WIDTH, type CardKind, type CardSpec } from "./spec.ts";

/**
 * Bump when the look of the cards changes in any way: it is part of the cache key, so every card re-renders.
 * Changes to fonts or to satori/resvg/harfbuzzjs/bidi-js versions invalidate the cache on their own.
 */
export const TEMPLATE_VERSION = 1;

/** Colours, sizes and spacing of the card, in one place. */
export const THEME = {
  background: "#0d1b2a",
  panel: "#13263a",
  title: "#ffffff",
  meta: "#b9c6d3",
  chipText: "#e8eef4",
  chipFill: "#1f3850",
  brand: "#ffffff",
  /** Accent per page kind: the bar, the kicker and the country chips' outline. */
  accent: {
    home: "#f2a93b",
    index: "#f2a93b",
    article: "#f2a93b",
    brief: "#ef6f5e",
    actor: "#4cc3b5",
    country: "#7fb8f0",
  } satisfies Record<CardKind, string>,
  padInline: 72,
  padBlock: 56,
  bar: 14,
  /**
   * Title steps tried in turn until the title fits (lines and the height left by the other blocks): short titles
   * (a name, a country) get a poster-size line, long ones shrink to three lines; the last step ellipsises.
   */
  titleSteps: [
    { size: 96, lines: 1 },
    { size: 84, lines: 2 },
    { size: 72, lines: 3 },
    { size: 64, lines: 3 },
    { size: 56, lines: 3 },
    { size: 50, lines: 3 },
  ],
  /** Height kept for the footer row (chips, brand) and the space above it. */
  footerHeight: 56,
  footerGap: 24,
  kickerSize: 30,
  metaSize: 28,
  metaLines: 2,
  chipSize: 24,
  chipMaxWidth: 340,
  brandSize: 34,
} as const;

/** satori's element shape (React-like, without React). */
export interface CardNode {
  type: string;
  props: { style?: Record<string, unknown>; children?: CardNode | CardNode[]; [key: string]: unknown };
}

const h = (type: string, style: Record<string, unknown>, children: CardNode[] = [], props: Record<string, unknown> = {}): CardNode => ({
  type,
  props: { ...props, style: { display: "flex", ...style }, children },
});

/** Physical flex settings for a language: where "start" is, on both axes that satori cannot mirror itself. */
function flow(lang: Lang) {
  const rtl = directionOf(lang) === "rtl";
  return {
    row: rtl ? "row-reverse" : "row",
    /** Cross-axis alignment of a column's children to the inline-start edge. */
    alignStart: rtl ? "flex-end" : "flex-start",
    /** Bar on the inline-start edge. */
    barSide: rtl ? { right: 0 } : { left: 0 },
    /** Left edge of the content column: after the bar in LTR, the padding alone in RTL. */
    contentLeft: rtl ? THEME.padInline : THEME.padInline + THEME.bar,
  } as const;
}

const lineHeightOf = (lang: Lang, size: number, factor = { ar: 1.45, en: 1.2 }) => Math.round(size * factor[lang]);

/** An `<img>` of a text box, pulled out by its bleed on every side so the layout box is exactly the text box. */
function textImage(box: TextBox, color: string, width = box.width): CardNode {
  const bleed = bleedOf(box);
  const svg = textBoxSvg(box, color, width);
  return h("img", { margin: -bleed, flexShrink: 0 }, [], {
    src: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`,
    width: Math.ceil(width) + 2 * bleed,
    height: Math.ceil(box.height) + 2 * bleed,
  });
}

/** Lays out the title at the first step of the ladder that fits `maxHeight` without an ellipsis. */
export function fitTitle(title: string, lang: Lang, maxWidth: number, maxHeight: number): TextBox {
  let box: TextBox | undefined;
  for (const step of THEME.titleSteps) {
    const lineHeight = lineHeightOf(lang, step.size, { ar: 1.4, en: 1.15 });
    const maxLines = Math.max(1, Math.min(step.lines, Math.floor(maxHeight / lineHeight)));
    box = layoutText(title, { lang, size: step.size, weight: 700, lineHeight, maxWidth, maxLines });
    if (!box.truncated) return box;
  }
  return box as TextBox;
}

/**
 * Text as drawn on the card. In the Arabic font the middle dot (U+00B7), a common separator in kickers and meta
 * lines, is the same dot as the Arabic-Indic zero «٠», so «٢٠٢٥ · ١٤» would read as a number: use a bullet.
 */
export function displayText(text: string, lang: Lang): string {
  return lang === "ar" ? text.replace(/\u00b7/g, "\u2022") : text;
}

/** A chip: a one-line text box shrunk to its content, in a rounded pill. */
function chip(text: string, lang: Lang, kind: "actor" | "country", accent: string): { node: CardNode; width: number } {
  const size = THEME.chipSize;
  const box = layoutText(displayText(text, lang), { lang, size, weight: kind === "actor" ? 700 : 400, lineHeight: lineHeightOf(lang, size), maxWidth: THEME.chipMaxWidth, maxLines: 1 });
  const inner = Math.ceil(box.contentWidth);
  const padX = 18;
  const border = kind === "country" ? 2 : 0;
  const node = h(
    "div",
    {
      alignItems: "center",
      padding: `6px ${padX - border}px`,
      borderRadius: 999,
      backgroundColor: kind === "actor" ? THEME.chipFill : "transparent",
      border: border ? `${border}px solid ${accent}` : "none",
      flexShrink: 0,
    },
    [textImage(box, kind === "actor" ? THEME.chipText : accent, inner)],
  );
  return { node, width: inner + 2 * padX };
}

/** The brand: a small radar mark (Marsad = observatory) and the site name. */
function brand(siteName: string, lang: Lang, accent: string): { node: CardNode; width: number } {
  const size = THEME.brandSize;
  const box = layoutText(displayText(siteName, lang), { lang, size, weight: 700, lineHeight: lineHeightOf(lang, size), maxWidth: 360, maxLines: 1 });
  const mark = `<svg xmlns="http://www.w3.org/2000/svg" data-inline="1" width="44" height="44" viewBox="0 0 44 44"><circle cx="22" cy="22" r="19" fill="none" stroke="${accent}" stroke-width="3"/><circle cx="22" cy="22" r="11" fill="none" stroke="${accent}" stroke-width="3" opacity="0.7"/><circle cx="22" cy="22" r="4" fill="${accent}"/><path d="M22 22 L37 10" stroke="${accent}" stroke-width="3" stroke-linecap="round"/></svg>`;
  const inner = Math.ceil(box.contentWidth);
  const node = h("div", { flexDirection: flow(lang).row, alignItems: "center", gap: 14, flexShrink: 0 }, [
    h("img", {}, [], { src: `data:image/svg+xml;base64,${Buffer.from(mark).toString("base64")}`, width: 44, height: 44 }),
    textImage(box, THEME.brand, inner),
  ]);
  return { node, width: inner + 44 + 14 };
}

/**
 * The ground: a diagonal gradient, as an image inlined by render.ts. satori turns a CSS `linear-gradient`
 * background into an SVG pattern, which resvg rasterises on an extra full-size canvas (≈ 10 ms of a ≈ 50 ms card).
 */
function background(): CardNode {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" data-inline="1" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}"><defs><linearGradient id="marsad-ground" x1="0" y1="0" x2="0.55" y2="1"><stop offset="0" stop-color="${THEME.panel}"/><stop offset="0.7" stop-color="${THEME.background}"/></linearGradient></defs><rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" fill="url(#marsad-ground)"/></svg>`;
  return h("img", { position: "absolute", top: 0, left: 0 }, [], {
    src: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`,
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
  });
}

/** The satori element tree of a card. Pure: same spec, same tree. */
export function cardElement(spec: CardSpec): CardNode {
  const { lang } = spec;
  const f = flow(lang);
  const accent = THEME.accent[spec.kind];
  const inner = CARD_WIDTH - 2 * THEME.padInline - THEME.bar;
  const column: CardNode[] = [];
  /** Height taken by the blocks other than the title, to give the title what is left. */
  let used = 0;

  if (spec.kicker) {
    const size = THEME.kickerSize;
    const box = layoutText(displayText(spec.kicker, lang), { lang, size, weight: 700, lineHeight: lineHeightOf(lang, size), maxWidth: inner, maxLines: 1 });
    column.push(h("div", { marginBottom: 18 }, [textImage(box, accent)]));
    used += box.height + 18;
  }
  const meta = spec.meta.slice(0, THEME.metaLines);
  const metaBoxes = meta.map((line) =>
    layoutText(displayText(line, lang), { lang, size: THEME.metaSize, weight: 400, lineHeight: lineHeightOf(lang, THEME.metaSize), maxWidth: inner, maxLines: 1 }),
  );
  if (metaBoxes.length > 0) used += 20 + metaBoxes.reduce((sum, box) => sum + box.height, 0);
  const titleRoom = CARD_HEIGHT - 2 * THEME.padBlock - THEME.footerHeight - THEME.footerGap - used;
  column.push(h("div", {}, [textImage(fitTitle(displayText(spec.title, lang), lang, inner, titleRoom), THEME.title)]));
  if (metaBoxes.length > 0) column.push(h("div", { flexDirection: "column", marginTop: 20 }, metaBoxes.map((box) => textImage(box, THEME.meta))));

  // Footer: chips flow from the inline start; whatever does not fit before the brand becomes a "+N" chip.
  const mark = brand(spec.siteName, lang, accent);
  const gap = 12;
  let room = inner - mark.width - 40;
  const chips: CardNode[] = [];
  const all = [...spec.chips.map((c) => ["actor", c] as const), ...spec.countries.map((c) => ["country", c] as const)];
  for (const [index, [kind, text]] of all.entries()) {
    const c = chip(text, lang, kind, accent);
    const restAfter = all.length - index - 1;
    const reserve = restAfter > 0 ? 90 : 0;
    if (c.width + reserve > room) {
      const more = chip(`+${all.length - index}`, lang, "actor", accent);
      if (more.width <= room) chips.push(more.node);
      break;
    }
    chips.push(c.node);
    room -= c.width + gap;
  }
  const footer = h("div", { flexDirection: f.row, alignItems: "center", justifyContent: "space-between", marginTop: "auto", width: inner }, [
    h("div", { flexDirection: f.row, alignItems: "center", gap }, chips),
    mark.node,
  ]);

  return h(
    "div",
    { width: CARD_WIDTH, height: CARD_HEIGHT, position: "relative", backgroundColor: THEME.background },
    [
      background(),
      h("div", { position: "absolute", top: 0, bottom: 0, width: THEME.bar, backgroundColor: accent, ...f.barSide }),
      h(
        "div",
        {
          position: "absolute",
          top: THEME.padBlock,
          bottom: THEME.padBlock,
          left: f.contentLeft,
          width: inner,
          flexDirection: "column",
          alignItems: f.alignStart,
        },
        [...column, footer],
      ),
    ],
  );
}
