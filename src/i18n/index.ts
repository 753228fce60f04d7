/**
 * UI strings: one flat file per edition (`"search.label": "ابحث…"`), validated when loaded. Every user-visible string
 * in the templates comes from here; data (names, titles, article text) never does.
 *
 * Placeholders are `{name}`. Numbers passed as values are formatted in the edition's digits. Messages avoid plural
 * agreement («عدد المقالات: 5») so both editions share one key set, which a test checks.
 */
import { z } from "zod";
import type { Lang } from "../schemas/common.ts";
import { formatNumber } from "../site/locale.ts";
import ar from "./ar.json" with { type: "json" };
import en from "./en.json" with { type: "json" };

/** A UI string file: flat dotted keys to non-empty strings. */
export const UiStrings = z.record(z.string().regex(/^[a-z][a-zA-Z]*(\.[a-zA-Z_]+)+$/, "keys look like `area.name`"), z.string().min(1));

/** Every key the templates may use (the English file is the reference). */
export type UiKey = keyof typeof en;

function load(lang: Lang, data: unknown): Record<UiKey, string> {
  const parsed = UiStrings.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`src/i18n/${lang}.json: key \`${issue?.path.join(".")}\`: ${issue?.message}. Fix the file and rebuild.`);
  }
  const missing = Object.keys(en).filter((k) => !(k in parsed.data));
  if (missing.length) throw new Error(`src/i18n/${lang}.json: missing keys ${missing.join(", ")}. Add them (see en.json).`);
  return parsed.data as Record<UiKey, string>;
}

export const strings: Record<Lang, Record<UiKey, string>> = { ar: load("ar", ar), en: load("en", en) };

/**
 * A template cut at its placeholders: text, name, text, …, text (odd places hold names). Cut once per key: pages
 * fill the same few hundred templates millions of times.
 */
function cut(template: string): string[] {
  return template.split(/\{(\w+)\}/);
}

const cutTemplates: Record<Lang, Map<string, string[]>> = { ar: new Map(), en: new Map() };

/** The string `key` in `lang`, with `{placeholders}` filled (numbers in the edition's digits). */
export function t(lang: Lang, key: UiKey, vars?: Record<string, string | number>): string {
  const template = strings[lang][key];
  if (!vars) return template;
  let parts = cutTemplates[lang].get(key);
  if (!parts) cutTemplates[lang].set(key, (parts = cut(template)));
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    const value = vars[name];
    out += (value === undefined ? `{${name}}` : typeof value === "number" ? formatNumber(lang, value) : value) + parts[i + 1]!;
  }
  return out;
}

/** Binds `t` to one edition, for templates. */
export function translator(lang: Lang) {
  return (key: UiKey, vars?: Record<string, string | number>) => t(lang, key, vars);
}
