/**
 * The theme's tokens (src/schemas/theme.ts) as the pages' CSS (src/site/theme-css.ts) and the cards' palette:
 * defaults readable in both schemes, overrides from site.yaml merged key by key, bad values refused by name.
 */
import { describe, expect, it } from "vitest";
import { cardPalette } from "../../src/schemas/card-palette.ts";
import { SiteSettings, siteSettingsProblems } from "../../src/config.ts";
import { DEFAULT_THEME, schemeKeys, type Scheme } from "../../src/schemas/theme.ts";
import { themeCss, themeDigest } from "../../src/site/theme-css.ts";

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe("theme", () => {
  it.each(["light", "dark"] as const)("keeps the %s scheme's text readable (WCAG AA, 4.5:1)", (name) => {
    const s: Scheme = DEFAULT_THEME[name];
    for (const [fg, bg] of [
      [s.fg, s.bg],
      [s.muted, s.bg],
      [s.accent, s.bg],
      [s.accentStrong, s.bg],
      [s.fg, s.surface],
      [s.muted, s.surface],
      [s.badgeFg, s.badgeBg],
      [s.mastheadFg, s.masthead],
      [s.fg, s.mark],
    ] as const)
      expect(contrast(fg, bg), `${name}: ${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
  });

  it("writes every token as a custom property, light on :root, dark under the media query, and print", () => {
    const css = themeCss(DEFAULT_THEME);
    for (const key of schemeKeys()) {
      const prop = `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}:`;
      expect(css.split(prop).length - 1, prop).toBe(3);
    }
    expect(css).toContain(`--bg: ${DEFAULT_THEME.light.bg};`);
    expect(css).toMatch(/@media \(prefers-color-scheme: dark\) \{\s*:root \{[^}]*--bg: #0d1b2a;/);
    expect(css).toContain("--section-actor:");
    expect(css).toContain('--font-arabic: "Noto Naskh Arabic"');
  });

  it("merges a site.yaml theme key by key and changes the digest the pages and cards follow", () => {
    const site = SiteSettings.parse({ theme: { light: { accent: "#8a0b2e" }, dark: { bg: "#101010" }, fonts: { latin: "Georgia, serif" } } });
    expect(site.theme.light.accent).toBe("#8a0b2e");
    expect(site.theme.light.fg).toBe(DEFAULT_THEME.light.fg);
    expect(site.theme.fonts.arabic).toBe(DEFAULT_THEME.fonts.arabic);
    expect(themeCss(site.theme)).toContain("--accent: #8a0b2e;");
    expect(themeCss(site.theme)).toContain("--font-latin: Georgia, serif;");
    expect(themeDigest(site.theme)).not.toBe(themeDigest(DEFAULT_THEME));
    // The cards draw in the dark scheme: its ground follows the theme.
    expect(cardPalette(site.theme, "actor").background).toBe("#101010");
    expect(cardPalette(site.theme, "actor").accent).toBe(DEFAULT_THEME.sections.actor);
  });

  it("refuses a colour that is not #rrggbb, a font stack that could end the rule, and an unknown token, by field", () => {
    const result = SiteSettings.safeParse({ theme: { light: { accent: "red", accentstrong: "#000000" }, fonts: { arabic: "x; } body { display: none" } } });
    expect(result.success).toBe(false);
    const problems = siteSettingsProblems(result.error!, "site.yaml");
    expect(problems).toContain("field `theme.light.accent`: expected a colour as #rrggbb");
    expect(problems).toContain("field `theme.light.accentstrong`: unknown key");
    expect(problems).toContain("field `theme.fonts.arabic`");
  });

  it("takes a logo, extra navigation links and footer text, and refuses paths that leave the site", () => {
    const site = SiteSettings.parse({
      logo: { src: "brand/logo.svg" },
      nav: [
        { label: { ar: "من نحن", en: "About" }, href: "about/" },
        { label: { ar: "المصدر", en: "Code" }, href: "https://example.org/code" },
      ],
      footer: { ar: "نص", en: "Text" },
    });
    expect(site.logo).toEqual({ src: "brand/logo.svg", height: 36 });
    expect(site.nav).toHaveLength(2);
    expect(SiteSettings.parse({ logo: false }).logo).toBe(false);
    for (const bad of [{ logo: { src: "../secret.svg" } }, { nav: [{ label: { ar: "x", en: "x" }, href: "../x/" }] }, { nav: [{ label: { ar: "x", en: "x" }, href: "javascript:alert(1)" }] }])
      expect(SiteSettings.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });
});
