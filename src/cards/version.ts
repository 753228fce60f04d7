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
 */
export const TEMPLATE_VERSION = 2;

export type Weight = 400 | 700;
export type FontKind = "arabic" | "latin";

const require = createRequire(import.meta.url);

/** Font files, by kind and weight. Exported so the cache key and the Chromium comparison use the same files. */
export const FONT_FILES: Record<FontKind, Record<Weight, string>> = {
  arabic: {
    400: require.resolve("@expo-google-fonts/noto-naskh-arabic/400Regular/NotoNaskhArabic_400Regular.ttf"),
    700: require.resolve("@expo-google-fonts/noto-naskh-arabic/700Bold/NotoNaskhArabic_700Bold.ttf"),
  },
  latin: {
    400: require.resolve("@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf"),
    700: require.resolve("@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf"),
  },
};
