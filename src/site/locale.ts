/**
 * Direction, language and number/date formatting for the two editions. Direction is derived here and only here:
 * templates ask `localeInfo(lang)` for `lang`/`dir`, never hard-code `rtl`.
 *
 * Digits: the Arabic edition uses Western digits (`ar-u-nu-latn`). Article text from the region's press mostly uses
 * them too («في 8 أغسطس»), so dates and counts the site adds read the same as the quoted text around them.
 */
import type { Lang } from "../schemas/common.ts";

/** Both editions, Arabic (the default) first. */
export const LANGS: readonly Lang[] = ["ar", "en"];
export const DEFAULT_LANG: Lang = "ar";

export interface LocaleInfo {
  lang: Lang;
  dir: "rtl" | "ltr";
  /** BCP 47 tag for `Intl` (carries the digit choice). */
  intl: string;
  /** `og:locale` value. */
  ogLocale: string;
}

const INFO: Record<Lang, LocaleInfo> = {
  ar: { lang: "ar", dir: "rtl", intl: "ar-u-nu-latn", ogLocale: "ar_AR" },
  en: { lang: "en", dir: "ltr", intl: "en-GB", ogLocale: "en_GB" },
};

/** `lang`, `dir` and the `Intl` locale of an edition. */
export function localeInfo(lang: Lang): LocaleInfo {
  return INFO[lang];
}

/** The other edition. */
export function otherLang(lang: Lang): Lang {
  return lang === "ar" ? "en" : "ar";
}

const ARABIC_LETTER = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;

/** The script a piece of data is written in, for `lang`/`dir` on mixed-direction snippets. */
export function textLang(text: string): Lang {
  return ARABIC_LETTER.test(text) ? "ar" : "en";
}

// Intl objects are costly to build and pages format thousands of values: one of each per edition.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(lang: Lang, style: "long" | "month" | "short"): Intl.DateTimeFormat {
  const key = `${lang}:${style}`;
  let f = dateFormats.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      style === "long"
        ? { dateStyle: "long", timeZone: "UTC" }
        : style === "month"
          ? { year: "numeric", month: "long", timeZone: "UTC" }
          : { day: "numeric", month: "short", timeZone: "UTC" };
    f = new Intl.DateTimeFormat(INFO[lang].intl, options);
    dateFormats.set(key, f);
  }
  return f;
}

function utc(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

/**
 * Formatted values, one table per edition and kind of value. `Intl` formatting costs microseconds a call and charts
 * and lists format the same few hundred months, days and counts on thousands of pages. Tables are keyed by the value
 * itself (a key built per call would cost about as much as the lookup saves). Bounded: cleared when one grows past
 * any real site's needs.
 */
type Tables<K> = Record<Lang, Map<K, string>>;
const tables = <K>(): Tables<K> => ({ ar: new Map(), en: new Map() });
const MEMO_LIMIT = 100_000;
/** Keeps `value` under `key` and returns it (callers look the key up first, without building a closure per call). */
function remember<K>(table: Map<K, string>, key: K, value: string): string {
  if (table.size >= MEMO_LIMIT) table.clear();
  table.set(key, value);
  return value;
}

const dates = tables<string>();
/** `2024-08-15` → «15 أغسطس 2024» / "15 August 2024". Dates are calendar days: formatted in UTC so they never shift. */
export function formatDate(lang: Lang, iso: string): string {
  return dates[lang].get(iso) ?? remember(dates[lang], iso, dateFormat(lang, "long").format(utc(iso)));
}

const ranges: Record<Lang, Map<string, Map<string, string>>> = { ar: new Map(), en: new Map() };
/**
 * Two calendar days (`YYYY-MM-DD`) as one range, shortened as `Intl` does ("29–30 October 2025", "29 October – 2
 * November 2025"); one date when equal. `formatRange` is the slowest of these (tens of microseconds) and a country's
 * pages repeat the same weeks.
 */
export function formatDateRange(lang: Lang, from: string, to: string): string {
  if (from === to) return formatDate(lang, from);
  let byTo = ranges[lang].get(from);
  if (!byTo) ranges[lang].set(from, (byTo = new Map()));
  return byTo.get(to) ?? remember(byTo, to, dateFormat(lang, "long").formatRange(utc(from), utc(to)));
}

const months = tables<string>();
/** `2024-08` → «أغسطس 2024» / "August 2024". */
export function formatMonth(lang: Lang, month: string): string {
  return months[lang].get(month) ?? remember(months[lang], month, dateFormat(lang, "month").format(utc(`${month}-01`)));
}

const shortDates = tables<string>();
/** `2024-08-15` → «15 أغسطس» / "15 Aug": for chart axes. */
export function formatShortDate(lang: Lang, iso: string): string {
  return shortDates[lang].get(iso) ?? remember(shortDates[lang], iso, dateFormat(lang, "short").format(utc(iso)));
}

/** A partial date from the knowledge base (`2015`, `2015-03`, `2015-03-02`) in the edition's words. */
export function formatPartialDate(lang: Lang, partial: string): string {
  if (/^\d{4}$/.test(partial)) return formatNumber(lang, Number(partial), false);
  if (/^\d{4}-\d{2}$/.test(partial)) return formatMonth(lang, partial);
  return formatDate(lang, partial);
}

const numberFormats = new Map<string, Intl.NumberFormat>();
const numbers = { grouped: tables<number>(), plain: tables<number>() };
/** A count in the edition's digits; `grouping: false` for years. */
export function formatNumber(lang: Lang, n: number, grouping = true): string {
  const table = (grouping ? numbers.grouped : numbers.plain)[lang];
  const known = table.get(n);
  if (known !== undefined) return known;
  const key = `${lang}:${grouping}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(INFO[lang].intl, { useGrouping: grouping });
    numberFormats.set(key, f);
  }
  return remember(table, n, f.format(n));
}

const collators = new Map<Lang, Intl.Collator>();
/** Alphabetical comparison in the edition's language. */
export function compareText(lang: Lang, a: string, b: string): number {
  let c = collators.get(lang);
  if (!c) {
    c = new Intl.Collator(INFO[lang].intl, { sensitivity: "base", numeric: true });
    collators.set(lang, c);
  }
  return c.compare(a, b);
}
