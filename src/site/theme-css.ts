/**
 * The theme's tokens (src/schemas/theme.ts) as CSS custom properties: the stylesheet `theme.css` every page links
 * before the main one. A file of its own, not an inline `<style>`: the Content-Security-Policy allows styles from
 * 'self' only. The page links it with the tokens' digest in the query, so a browser never keeps an old theme.
 */
import { createHash } from "node:crypto";
import { schemeKeys, sectionKeys, type Scheme, type Theme } from "../schemas/theme.ts";

/** `accentStrong` → `accent-strong`, the custom property's name. */
const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

function schemeBlock(scheme: Scheme, indent: string): string {
  return schemeKeys()
    .map((key) => `${indent}--${kebab(key)}: ${scheme[key]};`)
    .join("\n");
}

/** The stylesheet: fonts and section accents, the light scheme on `:root`, the dark one under the media query. */
export function themeCss(theme: Theme): string {
  const sections = sectionKeys()
    .map((key) => `  --section-${key}: ${theme.sections[key]};`)
    .join("\n");
  return [
    "/* Generated from the theme in content/site.yaml (defaults: src/schemas/theme.ts). Edit those, not this file. */",
    ":root {",
    `  --font-arabic: ${theme.fonts.arabic};`,
    `  --font-latin: ${theme.fonts.latin};`,
    sections,
    schemeBlock(theme.light, "  "),
    "}",
    "@media (prefers-color-scheme: dark) {",
    "  :root {",
    schemeBlock(theme.dark, "    "),
    "  }",
    "}",
    // Paper is white whatever the screen's scheme.
    "@media print {",
    "  :root {",
    schemeBlock({ ...theme.light, bg: "#ffffff", fg: "#000000", surface: "#ffffff" }, "    "),
    "  }",
    "}",
    "",
  ].join("\n");
}

const digests = new WeakMap<Theme, string>();

/** Short digest of the theme: the stylesheet's cache-busting query (every page asks: computed once per theme). */
export function themeDigest(theme: Theme): string {
  let digest = digests.get(theme);
  if (!digest) digests.set(theme, (digest = createHash("sha256").update(themeCss(theme)).digest("hex").slice(0, 10)));
  return digest;
}
