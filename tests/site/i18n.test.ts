/**
 * UI strings: both editions have exactly the same keys, every file passes the schema, placeholders match, and every
 * key the templates use exists.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import ar from "../../src/i18n/ar.json" with { type: "json" };
import en from "../../src/i18n/en.json" with { type: "json" };
import { t, UiStrings } from "../../src/i18n/index.ts";

const ROOT = join(import.meta.dirname, "../..");

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, ext) : ext.test(name) ? [path] : [];
  });
}

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("i18n", () => {
  it("validates both files", () => {
    expect(UiStrings.safeParse(ar).success).toBe(true);
    expect(UiStrings.safeParse(en).success).toBe(true);
  });

  it("has every key in both editions", () => {
    expect(Object.keys(ar).sort()).toEqual(Object.keys(en).sort());
  });

  it("uses the same placeholders in both editions", () => {
    for (const key of Object.keys(en) as Array<keyof typeof en>) {
      expect(placeholders(ar[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it("has no English left in the Arabic file (except the link to the English edition)", () => {
    for (const [key, value] of Object.entries(ar)) {
      if (key === "site.otherLang") continue;
      expect(/[A-Za-z]/.test(value.replace(/\{\w+\}/g, "")), `${key}: ${value}`).toBe(false);
    }
  });

  it("knows every key the templates and site modules use", () => {
    const sources = [...files(join(ROOT, "src"), /\.(astro|ts)$/)].filter((f) => !f.includes("/i18n/"));
    const used = new Set<string>();
    for (const file of sources) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/\bt\((?:\s*(?:lang|"ar"|"en")\s*,)?\s*"([a-zA-Z]+\.[\w.]+)"/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(50);
    const missing = [...used].filter((k) => !(k in en));
    expect(missing).toEqual([]);
  });

  it("fills placeholders, numbers in the edition's digits", () => {
    expect(t("en", "count.articles", { count: 1234 })).toBe("Articles: 1,234");
    expect(t("ar", "count.articles", { count: 12 })).toBe("عدد المقالات: 12");
  });

  it("fills every template as a plain replace of its placeholders would, leaving unknown ones as written", () => {
    const reference = (template: string, vars: Record<string, string | number>) =>
      template.replace(/\{(\w+)\}/g, (whole, name: string) => (vars[name] === undefined ? whole : String(vars[name])));
    let filled = 0;
    for (const [lang, file] of [["ar", ar], ["en", en]] as const) {
      for (const [key, template] of Object.entries(file)) {
        const names = placeholders(template);
        // Every other placeholder left out, and the same call twice (templates are cut once and kept).
        const vars = Object.fromEntries(names.filter((_, i) => i % 2 === 0).map((n) => [n, `<${n}>`]));
        for (let i = 0; i < 2; i++) expect(t(lang, key as keyof typeof en, vars)).toBe(reference(template, vars));
        if (names.length > 0) filled++;
      }
    }
    expect(filled).toBeGreaterThan(20);
  });
});
