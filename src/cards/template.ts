/**
 * The card layout: a satori element tree in which every piece of text is an `<img>` standing for SVG paths we
 * shaped ourselves (lines.ts), with fixed pixel sizes, so satori only places boxes and never shapes, breaks or
 * reorders text; draw.ts puts the paths where satori placed the stand-ins (see `Inlines`).
 *
 * Design, for a feed thumbnail that is often shown at a third of its size: dark ground, white title as large as
 * fits in three lines, an accent bar on the inline-start edge, the kicker above the title in the accent colour,
 * facts under it, actor and country chips along the bottom and the brand at the bottom inline-end corner.
 * Arabic mirrors everything: bar, kicker and title on the right, chips flowing right to left, brand on the left.
 * Direction is derived from the card's language in one place (`flow`), never written per element.
 */
import type { Lang } from "../schemas/common.ts";
import { directionOf } from "./bidi.ts";
import { bleedOf, layoutText, type TextBox, type TextBoxOptions, textBoxBody } from "./lines.ts";
import { CARD_HEIGHT, CARD_WIDTH } from "../schemas/card-size.ts";
import type { CardPalette } from "../schemas/card-palette.ts";
import type { CardSpec } from "../schemas/card.ts";

/** The template version is part of every cache key: bump it in version.ts when the look of the cards changes. */
export { TEMPLATE_VERSION } from "./version.ts";

/**
 * Sizes and spacing of the card, in one place. Its colours come from the site's theme through the spec's palette
 * (src/schemas/card-palette.ts): the dark scheme and the accent of the card's kind of page.
 */
export const THEME = {
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
  /** A brief's (and the home page's) card lists a date line and the top three stories, one line each: their short titles leave the room. */
  briefMetaLines: 4,
  chipSize: 24,
  chipMaxWidth: 340,
  brandSize: 34,
  /** An actor's activity strip: one bar per day (width + gap), its height, and its space above. */
  activityBar: 14,
  activityGap: 4,
  activityHeight: 44,
  activityMargin: 18,
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

/**
 * The SVG pieces of one card, drawn by us and placed by satori. satori only needs each piece's size: it gets a
 * tiny stand-in image (`<svg width height>` with the piece's index), and draw.ts puts the piece's own markup
 * where satori placed the stand-in. The pieces never go through base64 or satori's image decoder.
 */
export class Inlines {
  readonly bodies: string[] = [];

  /** An `<img>` node of `width`×`height` px whose content is the SVG markup `body` (user units = px). */
  image(body: string, width: number, height: number, style: Record<string, unknown> = {}): CardNode {
    const id = this.bodies.push(body) - 1;
    return h("img", style, [], { src: placeholderSrc(id, width, height), width, height });
  }
}

/** The stand-in's data URI: the same for the same (index, size), so satori's image cache serves it after the first card. */
function placeholderSrc(id: number, width: number, height: number): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" data-inline="${id}"></svg>`;
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}

/** An `<img>` of a text box, pulled out by its bleed on every side so the layout box is exactly the text box. */
function textImage(inlines: Inlines, box: TextBox, color: string, width = box.width): CardNode {
  const bleed = bleedOf(box);
  return inlines.image(textBoxBody(box, color, width), Math.ceil(width) + 2 * bleed, Math.ceil(box.height) + 2 * bleed, { margin: -bleed, flexShrink: 0 });
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
function chip(inlines: Inlines, text: string, lang: Lang, kind: "actor" | "country", palette: CardPalette): { node: CardNode; width: number } {
  const { accent } = palette;
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
      backgroundColor: kind === "actor" ? palette.chipFill : "transparent",
      border: border ? `${border}px solid ${accent}` : "none",
      flexShrink: 0,
    },
    [textImage(inlines, box, kind === "actor" ? palette.chipText : accent, inner)],
  );
  return { node, width: inner + 2 * padX };
}

/** The brand: a small radar mark (Marsad = observatory) and the site name. */
function brand(inlines: Inlines, siteName: string, lang: Lang, palette: CardPalette): { node: CardNode; width: number } {
  const { accent } = palette;
  const size = THEME.brandSize;
  const box = layoutText(displayText(siteName, lang), { lang, size, weight: 700, lineHeight: lineHeightOf(lang, size), maxWidth: 360, maxLines: 1 });
  const mark = `<circle cx="22" cy="22" r="19" fill="none" stroke="${accent}" stroke-width="3"/><circle cx="22" cy="22" r="11" fill="none" stroke="${accent}" stroke-width="3" opacity="0.7"/><circle cx="22" cy="22" r="4" fill="${accent}"/><path d="M22 22 L37 10" stroke="${accent}" stroke-width="3" stroke-linecap="round"/>`;
  const inner = Math.ceil(box.contentWidth);
  const node = h("div", { flexDirection: flow(lang).row, alignItems: "center", gap: 14, flexShrink: 0 }, [
    inlines.image(mark, 44, 44),
    textImage(inlines, box, palette.brand, inner),
  ]);
  return { node, width: inner + 44 + 14 };
}

/**
 * The ground: a diagonal gradient from the palette's panel (top-left corner) to its background (from 70 % of the way
 * on), along (0.55, 1) of the card's box. It is drawn as the solid strips its 8-bit colours step through (about
 * 34), not as an SVG gradient: resvg fills a gradient through its floating-point pipeline, ≈ 5 ms a card, and
 * solid paths through its fast one, ≈ 2.5 ms. Against the SVG gradient, measured: at most one level of one
 * channel off, on 0.5 % of the pixels. (satori's CSS `linear-gradient` would cost far more: an SVG pattern that
 * resvg renders on an extra full-size canvas.)
 */
export const GROUND = { end: 0.7, x2: 0.55, y2: 1 } as const;

/** Ground markup per (panel, background) pair: one theme per build, so one entry per thread in practice. */
const grounds = new Map<string, string>();

function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** The ground's SVG markup from `panel` to `background` (computed once per thread and pair). */
export function groundSvg(panel: string, background: string): string {
  const cached = grounds.get(`${panel}${background}`);
  if (cached) return cached;
  const W = CARD_WIDTH;
  const H = CARD_HEIGHT;
  const from = rgb(panel);
  const to = rgb(background);
  // Gradient position of a point, as SVG defines it for objectBoundingBox units: t = (0.55·x/W + y/H) / (0.55² + 1).
  const norm = GROUND.x2 ** 2 + GROUND.y2 ** 2;
  const ax = GROUND.x2 / W / norm;
  const ay = GROUND.y2 / H / norm;
  const tOf = (x: number, y: number) => ax * x + ay * y;
  const colourAt = (t: number) =>
    `#${from.map((c, i) => Math.round(c + ((to[i] as number) - c) * Math.min(1, Math.max(0, t) / GROUND.end)).toString(16).padStart(2, "0")).join("")}`;
  // Where a channel's rounded value changes: halfway between two levels.
  const steps = new Set<number>();
  for (let i = 0; i < 3; i++) {
    const a = from[i] as number;
    const b = to[i] as number;
    for (let k = 1; k <= Math.abs(b - a); k++) steps.add(((k - 0.5) / Math.abs(b - a)) * GROUND.end);
  }
  const bounds = [0, ...[...steps].sort((p, q) => p - q), GROUND.end];
  /** The card's rectangle cut to `lo ≤ t ≤ hi`, as path data. */
  const strip = (lo: number, hi: number) => {
    let poly: Array<[number, number]> = [
      [0, 0],
      [W, 0],
      [W, H],
      [0, H],
    ];
    for (const inside of [(p: [number, number]) => tOf(...p) - lo, (p: [number, number]) => hi - tOf(...p)]) {
      const out: Array<[number, number]> = [];
      poly.forEach((p, i) => {
        const q = poly[(i + 1) % poly.length] as [number, number];
        const [fp, fq] = [inside(p), inside(q)];
        if (fp >= 0) out.push(p);
        if (fp >= 0 !== fq >= 0) out.push([p[0] + ((q[0] - p[0]) * fp) / (fp - fq), p[1] + ((q[1] - p[1]) * fp) / (fp - fq)]);
      });
      poly = out;
    }
    return `${poly.map(([x, y], i) => `${i ? "L" : "M"}${Math.round(x * 100) / 100} ${Math.round(y * 100) / 100}`).join("")}Z`;
  };
  // Each strip reaches 0.75 px into the next and they are painted in order, so every anti-aliased edge blends two
  // neighbouring steps (strips that only touched would let the base show through their shared edge).
  const overlap = 0.75 * Math.hypot(ax, ay);
  let body = `<rect width="${W}" height="${H}" fill="${background}"/>`;
  for (let k = 0; k + 1 < bounds.length; k++) {
    const lo = k === 0 ? -1 : (bounds[k] as number) - overlap;
    const hi = (bounds[k + 1] as number) + (k + 2 < bounds.length ? overlap : 0);
    body += `<path fill="${colourAt(((bounds[k] as number) + (bounds[k + 1] as number)) / 2)}" d="${strip(lo, hi)}"/>`;
  }
  grounds.set(`${panel}${background}`, body);
  return body;
}

/**
 * The activity strip: one bar per day, scaled to the busiest day, time running in reading direction (oldest day at
 * the inline start, as the site's charts). A day without articles is a short tick in the facts colour, so the strip
 * reads as a whole month even when most days are empty.
 */
export function activityStrip(inlines: Inlines, days: readonly number[], lang: Lang, accent: string, muted: string): { node: CardNode; height: number } {
  const { activityBar: bar, activityGap: gap, activityHeight: height } = THEME;
  const width = days.length * (bar + gap) - gap;
  const max = Math.max(1, ...days);
  const rtl = directionOf(lang) === "rtl";
  let body = "";
  days.forEach((count, i) => {
    const x = (rtl ? days.length - 1 - i : i) * (bar + gap);
    const h = count > 0 ? Math.max(6, Math.round((height * count) / max)) : 3;
    body += `<rect x="${x}" y="${height - h}" width="${bar}" height="${h}" rx="2" fill="${count > 0 ? accent : muted}"${count > 0 ? "" : ' opacity="0.35"'}/>`;
  });
  return { node: h("div", { marginTop: THEME.activityMargin }, [inlines.image(body, Math.max(1, width), height, { flexShrink: 0 })]), height: height + THEME.activityMargin };
}

function background(inlines: Inlines, palette: CardPalette): CardNode {
  return inlines.image(groundSvg(palette.panel, palette.background), CARD_WIDTH, CARD_HEIGHT, { position: "absolute", top: 0, left: 0 });
}

/** The satori element tree of a card and the SVG pieces its images stand for. Pure: same spec, same tree. */
export function cardLayout(spec: CardSpec): { element: CardNode; inlines: readonly string[] } {
  const inlines = new Inlines();
  const { lang } = spec;
  const f = flow(lang);
  const { palette } = spec;
  const { accent } = palette;
  const inner = CARD_WIDTH - 2 * THEME.padInline - THEME.bar;
  const column: CardNode[] = [];
  /** Height taken by the blocks other than the title, to give the title what is left. */
  let used = 0;

  if (spec.kicker) {
    const size = THEME.kickerSize;
    const box = layoutText(displayText(spec.kicker, lang), { lang, size, weight: 700, lineHeight: lineHeightOf(lang, size), maxWidth: inner, maxLines: 1 });
    column.push(h("div", { marginBottom: 18 }, [textImage(inlines, box, accent)]));
    used += box.height + 18;
  }
  const meta = spec.meta.slice(0, spec.kind === "brief" || spec.kind === "home" ? THEME.briefMetaLines : THEME.metaLines);
  const metaBoxes = meta.map((line) =>
    layoutText(displayText(line, lang), { lang, size: THEME.metaSize, weight: 400, lineHeight: lineHeightOf(lang, THEME.metaSize), maxWidth: inner, maxLines: 1 }),
  );
  if (metaBoxes.length > 0) used += 20 + metaBoxes.reduce((sum, box) => sum + box.height, 0);
  const strip = spec.activity && spec.activity.length > 0 ? activityStrip(inlines, spec.activity, lang, accent, palette.meta) : null;
  if (strip) used += strip.height;
  const titleRoom = CARD_HEIGHT - 2 * THEME.padBlock - THEME.footerHeight - THEME.footerGap - used;
  column.push(h("div", {}, [textImage(inlines, fitTitle(displayText(spec.title, lang), lang, inner, titleRoom), palette.title)]));
  if (metaBoxes.length > 0) column.push(h("div", { flexDirection: "column", marginTop: 20 }, metaBoxes.map((box) => textImage(inlines, box, palette.meta))));
  if (strip) column.push(strip.node);

  // Footer: chips flow from the inline start; whatever does not fit before the brand becomes a "+N" chip.
  const mark = brand(inlines, spec.siteName, lang, palette);
  const gap = 12;
  let room = inner - mark.width - 40;
  const chips: CardNode[] = [];
  const all = [...spec.chips.map((c) => ["actor", c] as const), ...spec.countries.map((c) => ["country", c] as const)];
  for (const [index, [kind, text]] of all.entries()) {
    const c = chip(inlines, text, lang, kind, palette);
    const restAfter = all.length - index - 1;
    const reserve = restAfter > 0 ? 90 : 0;
    if (c.width + reserve > room) {
      const more = chip(inlines, `+${all.length - index}`, lang, "actor", palette);
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

  const element = h(
    "div",
    { width: CARD_WIDTH, height: CARD_HEIGHT, position: "relative", backgroundColor: palette.background },
    [
      background(inlines, palette),
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
  return { element, inlines: inlines.bodies };
}
