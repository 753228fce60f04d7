/**
 * What, besides the spec, decides a card's pixels and is not a package version: the template's version and the
 * font files. Kept apart from template.ts and shape.ts so the build's main thread can compute cache keys without
 * loading HarfBuzz or the layout code (only the render workers need those).
 */
import { createRequire } from "node:module";

/**
 * Bump when the look of the cards changes in any way: it is part of the cache key, so every card re-renders.
 * Changes to fonts or to satori/resvg/harfbuzzjs/bidi-js versions invalidate the cache on their own.
 * 2: glyph paths written relative to each glyph's first point, to 1/100 px of the glyph's origin (was: of the card).
 * 3: Arabic from the pages' font files (the Arabic subset): digits and Latin punctuation in the Latin font.
 */
export const TEMPLATE_VERSION = 3;

export type Weight = 400 | 700;
export type FontKind = "arabic" | "latin";

const require = createRequire(import.meta.url);

/** Font files, by kind and weight. Exported so the cache key and the Chromium comparison use the same files. */
export const FONT_FILES: Record<FontKind, Record<Weight, string>> = {
  // The very files the pages serve (global.css imports the package's Arabic subset), as WOFF: HarfBuzz gets them
  // unpacked (woff.ts). What the subset lacks (Western digits, Latin punctuation, «») falls to the Latin font, as
  // it falls to the next font of the stack on a page: one family for the digits of a title.
  arabic: {
    400: require.resolve("@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-400-normal.woff"),
    700: require.resolve("@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-700-normal.woff"),
  },
  latin: {
    400: require.resolve("@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf"),
    700: require.resolve("@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf"),
  },
};
