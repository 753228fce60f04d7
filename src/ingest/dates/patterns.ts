/**
 * Date patterns: the date lexicons (months.yaml, dates-words.yaml) compiled once into lookup tables and regular
 * expressions, the fold used to look names up, and the character classes every pattern shares.
 */
import { DIGIT_CLASS as DIGIT } from "../../text/digits.ts";
import { foldSpelling, VOWEL_MARKS } from "../../text/fold.ts";
import { loadDateLexicon, type DateLexicon } from "../lexicon/load-dates.ts";
import type { RelUnit } from "./calendar.ts";

export const LEXICON: DateLexicon = loadDateLexicon();

/**
 * Blanks within a line: a date never runs across a line break. (A hand-listed class with the bidi marks was
 * three times slower in V8 than this negated class, measured on the seed corpus.)
 */
export const S = "[^\\S\\n\\r]";
/** Blanks inside a character class; only used on slices already cut to one line. */
export const SC = "\\s";
export const NOT_LETTER_AFTER = "(?![\\p{L}\\p{M}])";
export const NOT_LETTER_BEFORE = "(?<![\\p{L}\\p{M}])";

export const foldCache = new Map<string, string>();

/** Fold level `spelling` (src/text/fold.ts), so lexicon lookups ignore spelling variants (memoised: few distinct words). */
export function foldKey(text: string): string {
  let folded = foldCache.get(text);
  if (folded === undefined) {
    if (foldCache.size > 5000) foldCache.clear();
    folded = foldSpelling(text);
    foldCache.set(text, folded);
  }
  return folded;
}


export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}

/**
 * A regex source for one lexicon name that tolerates the same variation `foldKey` folds.
 * With `marks`, Arabic diacritics may follow any letter (labels are sometimes vocalised: نُشر).
 */
export function namePattern(name: string, marks = false): string {
  const chars = [...name.normalize("NFC").replace(VOWEL_MARKS, "").trim()];
  let out = "";
  chars.forEach((ch, i) => {
    const next = chars[i + 1];
    const wordEnd = next === undefined || /\s/.test(next);
    if (/[اأإآٱ]/.test(ch)) out += "[اأإآٱ]";
    else if (ch === "ي" || ch === "ى") out += "[يى]";
    else if ((ch === "ة" || ch === "ه") && wordEnd && i > 0) out += "[ةه]";
    else if (/\s/.test(ch)) out += `${S}+`;
    else if (ch === ".") out += "\\.?";
    else out += escapeRegExp(ch);
    if (marks && /[\u0621-\u064A]/.test(ch)) out += "[\\u064B-\\u065F\\u0670]*";
  });
  return out;
}

/** A non-capturing alternation of names, longest first so "September" wins over "Sep". */
export function alternation(names: readonly string[], marks = false): string {
  const sorted = [...new Set(names)].sort((a, b) => b.length - a.length);
  const patterns = [...new Set(sorted.map((name) => namePattern(name, marks)))];
  return `(?:${patterns.join("|")})`;
}

/** Map from folded name to a value; the first table entry wins for a name listed twice. */
export function lookupTable<V>(entries: Iterable<readonly [readonly string[], V]>): Map<string, V> {
  const map = new Map<string, V>();
  for (const [names, value] of entries) {
    for (const name of names) if (!map.has(foldKey(name))) map.set(foldKey(name), value);
  }
  return map;
}

export function numbered(table: Record<string, string[]>): Array<readonly [string[], number]> {
  return Object.entries(table).map(([key, names]) => [names, Number(key)] as const);
}

export type LabelKind = "published" | "updated";

export const W = LEXICON.words;
export const REL = W.relative;
export const UNITS = Object.keys(REL.units) as RelUnit[];

export const GREGORIAN_MONTH = lookupTable(numbered(LEXICON.months.gregorian));
export const HIJRI_MONTH = lookupTable(numbered(LEXICON.months.hijri));
export const WEEKDAY = lookupTable(numbered(W.weekdays));
export const NEEDS_DAY = new Set(LEXICON.months.needsDay.map(foldKey));
export const MERIDIEM = lookupTable<"am" | "pm">([
  [W.meridiem.am, "am"],
  [W.meridiem.pm, "pm"],
]);
export const LABEL_KIND = lookupTable<LabelKind>([
  [W.labels.published, "published"],
  [W.labels.updated, "updated"],
]);
/** Arabic unit word → unit and, for a word that carries its own count (dual, bare singular), that count. */
export const ARABIC_UNIT = lookupTable<{ unit: RelUnit; count: number | null }>(
  UNITS.flatMap((unit) => [
    [REL.units[unit].dual, { unit, count: 2 }] as const,
    [REL.units[unit].singular, { unit, count: 1 }] as const,
    [REL.units[unit].plural, { unit, count: null }] as const,
  ]),
);
export const ENGLISH_UNIT = lookupTable<RelUnit>(UNITS.map((unit) => [REL.units[unit].english, unit] as const));

export const allNames = (table: Record<string, string[]>): string[] => Object.values(table).flat();

export const GM = `${alternation(allNames(LEXICON.months.gregorian))}\\.?${NOT_LETTER_AFTER}`;
export const HM = `${alternation(allNames(LEXICON.months.hijri))}${NOT_LETTER_AFTER}`;
export const WD = `${alternation(allNames(W.weekdays))}\\.?${NOT_LETTER_AFTER}`;
export const TZ = `${alternation(W.timezones)}${NOT_LETTER_AFTER}`;
export const AMPM = `${alternation([...W.meridiem.am, ...W.meridiem.pm])}${NOT_LETTER_AFTER}`;
export const HIJRI_ERA = `${alternation(W.hijriEra)}${NOT_LETTER_AFTER}`;
export const GREGORIAN_ERA = `(?:${S}*${alternation(W.gregorianEra)}${NOT_LETTER_AFTER})?`;
export const PUBLISHED = alternation(W.labels.published, true);
export const UPDATED = alternation(W.labels.updated, true);
export const LABEL = `(?:(?<pub>${PUBLISHED})|(?<upd>${UPDATED}))${NOT_LETTER_AFTER}`;
export const CONNECTOR = `${alternation(W.connectors)}${NOT_LETTER_AFTER}`;
export const EQUIVALENCE = alternation(W.equivalence);
export const TANWEEN = "[\\u064B\\u0627]{0,2}";
export const unitWords = (pick: (u: RelUnit) => string[]): string =>
  `${alternation(UNITS.flatMap(pick))}${TANWEEN}${NOT_LETTER_AFTER}`;

/** Small words of the patterns (dates-words.yaml `glue`). */
export const ORDINAL = alternation(W.glue.ordinals);
export const CLOCK_LEAD = alternation(W.glue.clockLead);
export const DAY_OF_MONTH = alternation(W.glue.dayOfMonth);
export const MONTH_WORD = alternation(W.glue.monthWord);
export const ENGLISH_ONE = new Set(REL.englishOne.map(foldKey));

export const monthExpr = (p: string): string =>
  `(?<${p}m>${GM})(?:${S}*[/\\\\\\-–]${S}*(?<${p}m2>${GM})|${S}*[(（]${S}*(?<${p}m3>${GM})${S}*[)）])?`;
export const day = (p: string): string => `(?<${p}d>${DIGIT}{1,2})${ORDINAL}?(?![\\p{L}\\p{N}])`;
export const year = (p: string): string => `(?<${p}y>${DIGIT}{4})(?!\\p{N})`;
export const clock = (p: string): string =>
  `(?<${p}t>${DIGIT}{1,2}[:：]${DIGIT}{2}(?:[:：]${DIGIT}{2})?)(?![\\p{N}])(?:\\.\\d{1,6})?(?:${S}*(?<${p}ap>${AMPM}))?`;
export const ZONE = `(?:${S}*(?:${TZ}|Z${NOT_LETTER_AFTER}|[+\\-−]${DIGIT}{2}:?${DIGIT}{2}(?!\\p{N})))`;
/** An optional clock time after a date ("at 14:20", "، 10:30 صباحا", " - 14:00 GMT") or a bare zone. */
export const tail = (p: string): string =>
  `(?:${S}*[,،\\-–|]?${S}*(?:${CLOCK_LEAD}${S}*)?${clock(p)}${ZONE}?)?(?:${S}+${TZ})?`;

export const ALTERNATIVES = {
  reversedStamp: `${TZ}${S}*${clock("r")}${S}+${year("r")}${S}+(?<rw>${WD})${S}*[,،]?${S}*${day("r")}${S}*${monthExpr("r")}`,
  iso:
    `(?<iy>${DIGIT}{4})(?<is>[\\-/.])(?<im>${DIGIT}{1,2})\\k<is>(?<id>${DIGIT}{1,2})(?!\\p{N})` +
    `(?:(?<isep>T|@|${S}+|${S}*[,،]${S}*)${clock("i")}${ZONE}?)?`,
  // "١ / ١٢ / ٢٠٢٠": some sites space the separators; "19-3-1433 هـ": a numeric Hijri date carries its era.
  numeric:
    `(?<na>${DIGIT}{1,2})${S}?(?<ns>[/.\\-])${S}?(?<nb>${DIGIT}{1,2})${S}?\\k<ns>${S}?(?<ny>${DIGIT}{4})(?!\\p{N})` +
    `(?:${S}*(?<ne>${HIJRI_ERA}))?${tail("n")}`,
  hijriDayMonthYear:
    `(?<hd>${DIGIT}{1,2})${S}*(?:${DAY_OF_MONTH}${S}+)?(?:${MONTH_WORD}${S}+)?(?<hm>${HM})${S}*[,،]?${S}*(?<hy>${DIGIT}{4})(?!\\p{N})` +
    `(?:${S}*(?<he>${HIJRI_ERA}))?`,
  // "03-أغسطس-2012": day, month and year may also be joined by dashes.
  dayMonthYear:
    `${day("g")}${S}*[,،\\-]?${S}*(?:${DAY_OF_MONTH}${S}+)?(?:${MONTH_WORD}${S}+)?${monthExpr("g")}${S}*[,،\\-]?${S}*${year("g")}` +
    `${GREGORIAN_ERA}${tail("g")}`,
  // Month first, with a day ("JAN. 13, 2017") or without ("أكتوبر 2025"): one alternative, so the month
  // alternation is tried once per word.
  monthFirst:
    `${monthExpr("e")}(?:${S}*${day("e")}${S}*[,،]?)?${S}*${year("e")}${GREGORIAN_ERA}` +
    tail("e"),
  hijriMonthYear: `(?<km>${HM})${S}*[,،]?${S}*(?<ky>${DIGIT}{4})(?!\\p{N})(?:${S}*(?<ke>${HIJRI_ERA}))?`,
  relativeArabic:
    `[وف]?${alternation(REL.arabicBefore)}${S}+(?:${alternation(REL.approx)}${S}+)?` +
    `(?:(?<an>${DIGIT}{1,4})${S}*(?<au>${unitWords((u) => [...REL.units[u].singular, ...REL.units[u].dual, ...REL.units[u].plural])})` +
    `|(?<adual>${unitWords((u) => REL.units[u].dual)})` +
    `|(?<asing>${unitWords((u) => REL.units[u].singular)})(?:${S}+${alternation(REL.arabicOne)})?(?=[ \\t]*(?:[.,،؛:!?)\\]\\n\\r]|$)))`,
  relativeEnglish:
    `(?<xn>${DIGIT}{1,4}|${alternation(REL.englishOne)})${S}+(?<xu>${alternation(UNITS.flatMap((u) => REL.units[u].english))})s?` +
    `${S}+${alternation(REL.englishAgo)}${NOT_LETTER_AFTER}`,
  relativeWord:
    `[وف]?(?:(?<wb>${alternation(REL.dayBeforeYesterday)})|(?<wy>${alternation(REL.yesterday)})` +
    `|(?<wt>${alternation(REL.today)})(?=${S}*[,،]?${S}*${WD}))${NOT_LETTER_AFTER}`,
} as const;

/** The one scanning regex (see the cascade at the top of this file). */
/**
 * Compiles a pattern written with named groups into one with numbered groups, plus the name → number map.
 * Why: V8 builds a `groups` object with every name on every match; with ~50 names that was a third of the
 * scan time on a dense page.
 */
export function compileNumbered(source: string, flags: string): { re: RegExp; group: ReadonlyMap<string, number> } {
  const group = new Map<string, number>();
  let out = "";
  let count = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i += 1) {
    const ch = source[i] as string;
    if (ch === "\\") {
      if (!inClass && source.startsWith("k<", i + 1)) {
        const close = source.indexOf(">", i);
        out += `\\${group.get(source.slice(i + 3, close)) ?? 0}`;
        i = close;
      } else {
        out += source.slice(i, i + 2);
        i += 1;
      }
    } else if (inClass) {
      if (ch === "]") inClass = false;
      out += ch;
    } else if (ch === "[") {
      inClass = true;
      out += ch;
    } else if (ch === "(" && source[i + 1] !== "?") {
      count += 1;
      out += ch;
    } else if (ch === "(" && source[i + 2] === "<" && source[i + 3] !== "=" && source[i + 3] !== "!") {
      const close = source.indexOf(">", i);
      count += 1;
      group.set(source.slice(i + 3, close), count);
      out += "(";
      i = close;
    } else {
      out += ch;
    }
  }
  return { re: new RegExp(out, flags), group };
}

/**
 * Where a date may start: not inside a word or number, except that a day number may carry a one-letter
 * proclitic ("و14 تموز", "ب3 مارس"), which stays outside the mention.
 */
export const DATE_START = `(?:(?<![\\p{L}\\p{M}\\p{N}])|(?<=(?<![\\p{L}\\p{M}\\p{N}])[وفبل])(?=${DIGIT}))`;
export const DATE = compileNumbered(`${DATE_START}(?:${Object.values(ALTERNATIVES).join("|")})`, "giu");

export const WEEKDAY_BEFORE_RE = new RegExp(`${NOT_LETTER_BEFORE}(?:${alternation(W.glue.weekdayWord)}${S}+)?(?<w>${WD})${S}*[,،]?${S}*$`, "iu");
export const WEEKDAY_AFTER_RE = new RegExp(`^${S}*[,،]?${S}*(?<w>${WD})`, "iu");
export const LABEL_BEFORE_RE = new RegExp(
  `${NOT_LETTER_BEFORE}${LABEL}(?:[${SC}:：\\-–|,،]+|${CONNECTOR})*$`,
  "iu",
);
export const LABEL_AFTER_RE = new RegExp(`^[${SC}:：\\-–|,،]*(?:${TZ}[${SC}:：\\-–|,،]*)?${LABEL}[${SC}:：]*$`, "iu");
export const EQUIVALENCE_GAP_RE = new RegExp(`^[${SC},،\\-–/|()]*(?:${EQUIVALENCE}${NOT_LETTER_AFTER}[${SC},،\\-–/|()]*)?$`, "iu");

/** What may surround dates on a date-only line; `evidence` marks a time or a day-and-month without a year. */
export const DATE_LINE_FILLER_RE = new RegExp(
  `${NOT_LETTER_BEFORE}(?:` +
    `(?<evidence>(?<![\\p{N}])${DIGIT}{1,2}[:：]${DIGIT}{2}(?:[:：]${DIGIT}{2})?(?![\\p{N}])` +
    `|(?<![\\p{N}])${DIGIT}{1,2}${ORDINAL}?${S}*[,،]?${S}*(?:${DAY_OF_MONTH}${S}+)?(?:${GM}|${HM})(?:${S}*[/\\-–(]${S}*${GM}${S}*\\)?)?` +
    `|(?:${GM}|${HM})${S}*${DIGIT}{1,2}(?![\\p{N}]))` +
    `|${alternation(W.zonePhrase)}(?:${S}+\\p{L}+){0,3}` +
    `|${LABEL}|${WD}|${TZ}|${AMPM}|${HIJRI_ERA}|${alternation(W.gregorianEra)}${NOT_LETTER_AFTER}` +
    `|${EQUIVALENCE}${NOT_LETTER_AFTER}|${CONNECTOR}` +
    `)`,
  "giu",
);
