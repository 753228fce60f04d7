/** Counts agree in number in both editions: CLDR categories through Intl.PluralRules, every variant present. */
import { describe, expect, it } from "vitest";
import en from "../../src/i18n/en.json" with { type: "json" };
import { t } from "../../src/i18n/index.ts";
import { pluralCategory, pluralKey } from "../../src/site/plural.ts";

const CATEGORIES = ["zero", "one", "two", "few", "many", "other"];

describe("plurals", () => {
  it("uses the Arabic dual and plural forms and the English singular", () => {
    expect([0, 1, 2, 3, 11, 100].map((n) => pluralCategory("ar", n))).toEqual(["zero", "one", "two", "few", "many", "other"]);
    expect([1, 2].map((n) => pluralCategory("en", n))).toEqual(["one", "other"]);
    expect(t("ar", pluralKey("ar", "chart.single", 2), { count: 2, date: "x" })).toContain("مقالان");
    expect(t("ar", pluralKey("ar", "chart.single", 5), { count: 5, date: "x" })).toContain("5 مقالات");
    expect(t("ar", pluralKey("ar", "chart.single", 12), { count: 12, date: "x" })).toContain("12 مقالًا");
    expect(t("en", pluralKey("en", "chart.single", 1), { count: 1, date: "x" })).toBe("One article so far, on x.");
    expect(t("en", pluralKey("en", "chart.summary", 3), { count: 3, from: "a", to: "b", peak: "c", peakCount: 2 })).toMatch(/^3 articles between a and b/);
  });

  it("has every plural variant of every plural key", () => {
    const bases = new Set(Object.keys(en).filter((k) => CATEGORIES.some((c) => k.endsWith(`.${c}`))).map((k) => k.replace(/\.[a-z]+$/, "")));
    expect(bases.size).toBeGreaterThan(0);
    for (const base of bases) for (const c of CATEGORIES) expect(Object.keys(en), `${base}.${c}`).toContain(`${base}.${c}`);
  });
});
