/**
 * The design tokens of the site and its share cards, in one place: colours for the light and the dark scheme, an
 * accent per kind of page, and the font stacks. `content/site.yaml` may override any of them under `theme:`; what
 * it leaves out keeps the default written here. The pages get them as CSS custom properties (src/site/theme-css.ts
 * writes `theme.css`), the cards draw with the dark scheme and the section accents (src/schemas/card-palette.ts), and a
 * card's colours are part of its spec, so a theme change re-renders every card.
 *
 * Type scale and spacing are tokens too, but fixed ones: they live at the top of src/styles/global.css, because
 * the layout's rules were tuned with them and a site owner changes colours and fonts, not the grid.
 */
import { z } from "zod";

/**
 * A colour as `#rrggbb`. Only this form: it goes into CSS and into SVG attributes as it is (nothing to escape), and
 * the tests compute contrast ratios from it.
 */
export const Colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, "expected a colour as #rrggbb, such as #0b5a8a");

/** The colours of one scheme. Every one is used by the pages; the dark set is also the card's ground. */
const SCHEME_KEYS = [
  "bg", // page ground; the card's ground (dark set)
  "fg", // body text; the card's title (dark set)
  "muted", // secondary text: metadata, captions; the card's facts lines (dark set)
  "accent", // links and the focus of interaction
  "accentStrong", // hovered links, the masthead rule
  "surface", // panels: header band, asides; the top corner of the card's gradient (dark set)
  "border", // rules and outlines; the card's actor chips (dark set)
  "focus", // keyboard focus ring
  "badgeBg", // provisional/new badges
  "badgeFg",
  "mark", // search highlights
  "bar", // chart bars
  "masthead", // the masthead band behind the site name
  "mastheadFg", // the site name and edition line on the masthead band
] as const;
export type SchemeKey = (typeof SCHEME_KEYS)[number];
export type Scheme = Record<SchemeKey, string>;

/** Default light scheme: ink on newsprint white, a deep blue for links, a navy masthead shared with the cards. */
export const DEFAULT_LIGHT: Scheme = {
  bg: "#fcfbf8",
  fg: "#17191c",
  muted: "#565a61",
  accent: "#0b5a8a",
  accentStrong: "#073f61",
  surface: "#f1eee8",
  border: "#d6d0c6",
  focus: "#c2410c",
  badgeBg: "#fde9c8",
  badgeFg: "#5c3900",
  mark: "#fff1a8",
  bar: "#2d7fb3",
  masthead: "#0d1b2a",
  mastheadFg: "#ffffff",
};

/** Default dark scheme: the card's navy ground, so the site at night and its cards are one design. */
export const DEFAULT_DARK: Scheme = {
  bg: "#0d1b2a",
  fg: "#eef2f6",
  muted: "#b9c6d3",
  accent: "#8ccbf5",
  accentStrong: "#c2e3fa",
  surface: "#13263a",
  border: "#2a4663",
  focus: "#fb923c",
  badgeBg: "#4a3510",
  badgeFg: "#fde3b4",
  mark: "#5c4d00",
  bar: "#5aa9dc",
  masthead: "#08131f",
  mastheadFg: "#ffffff",
};

/** Accent per kind of page: the card's bar and kicker, the rule under a page's section label. Decoration only. */
const SECTION_KEYS = ["home", "brief", "article", "actor", "country", "index"] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];
export const DEFAULT_SECTIONS: Record<SectionKey, string> = {
  home: "#f2a93b",
  index: "#f2a93b",
  article: "#f2a93b",
  brief: "#ef6f5e",
  actor: "#4cc3b5",
  country: "#7fb8f0",
};

/**
 * A CSS font stack: family names, quoted or not, separated by commas. Nothing that could end the declaration or
 * the rule (`;`, braces, angle brackets, backslashes).
 */
export const FontStack = z
  .string()
  .min(1)
  .max(300)
  .regex(/^[A-Za-z0-9 ,'"_-]+$/, "expected a CSS font stack such as \"Noto Naskh Arabic\", Tahoma, sans-serif (letters, digits, spaces, quotes, commas)");

/**
 * Default font stacks. Arabic: Noto Naskh Arabic, self-hosted from `@fontsource/noto-naskh-arabic` (its Arabic
 * subset: digits and Latin punctuation fall through to the next font, as on the cards). Latin: the system's UI
 * font, nothing to download.
 */
export const DEFAULT_FONTS = {
  arabic: '"Noto Naskh Arabic", "Geeza Pro", "Arabic Typesetting", Tahoma, system-ui, sans-serif',
  latin: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
};

/** A zod object of colours whose every key is optional and defaults to `defaults[key]`; unknown keys are errors. */
function colours<K extends string>(keys: readonly K[], defaults: Record<K, string>) {
  const shape = Object.fromEntries(keys.map((k) => [k, Colour.default(defaults[k])])) as Record<K, z.ZodDefault<typeof Colour>>;
  // Every key has a default, so an absent group parses as `{}` (the cast: zod cannot see that through the generic).
  return z.object(shape).strict().prefault({} as never);
}

export const Theme = z
  .object({
    /** Colours of the light scheme (the default one). */
    light: colours(SCHEME_KEYS, DEFAULT_LIGHT),
    /** Colours when the reader's system asks for dark; the cards are drawn in this scheme. */
    dark: colours(SCHEME_KEYS, DEFAULT_DARK),
    /** Accent per kind of page (cards' bar and kicker, section rules on pages). */
    sections: colours(SECTION_KEYS, DEFAULT_SECTIONS),
    /** CSS font stacks for Arabic and Latin text on the pages (cards always use the bundled Noto fonts). */
    fonts: z
      .object({ arabic: FontStack.default(DEFAULT_FONTS.arabic), latin: FontStack.default(DEFAULT_FONTS.latin) })
      .strict()
      .prefault({}),
  })
  .strict()
  .prefault({});
export type Theme = z.infer<typeof Theme>;

/** The default theme, as `site.yaml` without `theme:` gives it. */
export const DEFAULT_THEME: Theme = Theme.parse(undefined);

/** Keys of a scheme, in the order the CSS lists them. */
export const schemeKeys = (): readonly SchemeKey[] => SCHEME_KEYS;
export const sectionKeys = (): readonly SectionKey[] => SECTION_KEYS;

/**
 * The site's logo in the masthead: a file in `public/` (copied to the root of the site) shown before the site
 * name, or `false` for the name alone. The default is the round mark that is also the icon.
 */
export const Logo = z.union([
  z.literal(false),
  z
    .object({
      /** Path below `public/`, e.g. `logo.svg` or `brand/logo.png`. */
      src: z.string().regex(/^(?!.*\.\.)[A-Za-z0-9._~-]+(?:\/[A-Za-z0-9._~-]+)*$/, "expected a path below public/ such as logo.svg (letters, digits, . _ ~ -, no ..)"),
      /** Displayed height in CSS pixels; the width follows the image. */
      height: z.number().int().min(12).max(96).default(36),
    })
    .strict(),
]);
export type Logo = z.infer<typeof Logo>;
export const DEFAULT_LOGO: Logo = { src: "favicon.svg", height: 36 };
