/**
 * Dates: find the date mentions in a page's text, parse metadata date values, and tell date-only lines apart.
 *
 * Cascade (all in one precompiled regex, alternatives tried in this order at each position):
 *   1. reversed page stamps      "GMT 04:47 2025 الثلاثاء ,09 كانون الأول / ديسمبر"   → kind "stamp"
 *   2. ISO dates and timestamps  "2025-11-03", "2025-02-06@14:36:08 GMT"              → "absolute" / "stamp"
 *   3. numeric day/month/year    "03/11/2025" (only when unambiguous, or labelled: then day first)
 *   4. Hijri day month year      "23 جمادى الأولى 1447 هـ" (converted with Umm al-Qura)
 *   5. Gregorian day month year  "الثلاثاء ,09 كانون الأول / ديسمبر 2025", "23rd, August 2023", "13 January 2017"
 *   6. Gregorian month first     "JAN. 13, 2017", "November 3rd, 2025 at 14:20", and "أكتوبر 2025" → "month"
 *   7. Hijri month year          "رمضان 1445 هـ"                                       → precision "month"
 *   8–10. relative expressions   "منذ 3 ساعات", "قبل يومين", "2 hours ago", "أمس", "اليوم الأربعاء"
 * Each match is then validated (impossible dates dropped), widened to an adjacent weekday (checked against the
 * date), and labelled from its surroundings (published / updated / crawl / hijri-equivalent / header / sidebar).
 *
 * Relative mentions are never publication dates: they say when something happened relative to an unknown
 * "now". They carry an ISO date only when the caller passes a reference date, and the caller decides what to
 * do with them. Month and day names without a year ("8 أغسطس (آب) الحالي") are not dates here.
 *
 * Vocabularies live in `lexicon/months.yaml` and `lexicon/dates-words.yaml`, loaded once at module load. One job
 * per file: `dates/patterns.ts` compiles the lexicons into tables and patterns, `dates/calendar.ts` does the
 * calendar arithmetic, `dates/labels.ts` labels dates from their words and page position, `dates/types.ts` holds
 * the types; this file matches and validates, and holds the public API.
 */
import { DIGIT_CLASS as DIGIT } from "../text/digits.ts";
import {
  asciiDigits,
  gregorianIso,
  GREGORIAN_YEARS,
  hijriToGregorian,
  HIJRI_YEARS,
  msToIso,
  pad,
  referenceIso,
  shiftBack,
  toInt,
  weekdayOf,
  type RelUnit,
} from "./dates/calendar.ts";
import {
  alternation,
  ARABIC_UNIT,
  DATE,
  ENGLISH_ONE,
  ENGLISH_UNIT,
  foldKey,
  GM,
  GREGORIAN_MONTH,
  HIJRI_MONTH,
  MERIDIEM,
  NEEDS_DAY,
  NOT_LETTER_AFTER,
  NOT_LETTER_BEFORE,
  ORDINAL,
  REL,
  S,
  WD,
  WEEKDAY,
  WEEKDAY_AFTER_RE,
  WEEKDAY_BEFORE_RE,
} from "./dates/patterns.ts";

import { isDateOnly, labelAll, labelFromContext, LOOKBEHIND_CHARS } from "./dates/labels.ts";
import type { Candidate, DateMention, FindDatesOptions } from "./dates/types.ts";

export { hijriToGregorian };
export type { DateLabel, DateMention, FindDatesOptions } from "./dates/types.ts";

/** `HH:MM[:SS]` in 24-hour form, or undefined for an impossible clock. */
function normaliseClock(clockText: string | undefined, meridiem: string | undefined): string | undefined {
  if (clockText === undefined) return undefined;
  const parts = asciiDigits(clockText).split(/[:：]/).map(Number);
  let [h = 0] = parts;
  const m = parts[1] ?? 0;
  const s = parts[2];
  const half = meridiem === undefined ? undefined : MERIDIEM.get(foldKey(meridiem));
  if (half !== undefined && h >= 1 && h <= 12) h = half === "pm" ? (h % 12) + 12 : h % 12;
  if (h > 23 || m > 59 || (s !== undefined && s > 59)) return undefined;
  return s === undefined ? `${pad(h)}:${pad(m)}` : `${pad(h)}:${pad(m)}:${pad(s)}`;
}

/** The month of a (possibly combined) month expression; null when its two names disagree. */
function monthOf(g: Groups, p: string): number | null {
  const first = g(`${p}m`);
  const month = first === undefined ? undefined : GREGORIAN_MONTH.get(foldKey(first));
  if (month === undefined) return null;
  const second = g(`${p}m2`) ?? g(`${p}m3`);
  if (second !== undefined && GREGORIAN_MONTH.get(foldKey(second)) !== month) return null;
  return month;
}

// ---------------------------------------------------------------------------------------------------------
// Matching

/** Reads a named group of the current match. */
type Groups = (name: string) => string | undefined;

function absolute(
  iso: string | null,
  calendar: DateMention["calendar"],
  precision: DateMention["precision"],
  kind: DateMention["kind"],
  time?: string,
): Omit<Candidate, "start" | "end" | "raw"> | null {
  if (iso === null) return null;
  return time === undefined ? { iso, calendar, precision, kind } : { iso, calendar, precision, kind, time };
}

/** Interprets one regex match; null when the text is not a real date (31 February, month 13, year 1200). */
function interpret(g: Groups, reference: string | null): Omit<Candidate, "start" | "end" | "raw"> | null {
  if (g("rt") !== undefined) {
    const month = monthOf(g, "r");
    const iso = month === null ? null : gregorianIso(toInt(g("ry")), month, toInt(g("rd")));
    const found = absolute(iso, "gregorian", "day", "stamp", normaliseClock(g("rt"), g("rap")));
    const weekday = g("rw");
    if (found && weekday !== undefined) found.weekday = WEEKDAY.get(foldKey(weekday));
    return found;
  }
  if (g("iy") !== undefined) {
    const time = normaliseClock(g("it"), g("iap"));
    const kind = g("it") !== undefined ? "stamp" : "absolute";
    return absolute(gregorianIso(toInt(g("iy")), toInt(g("im")), toInt(g("id"))), "gregorian", "day", kind, time);
  }
  if (g("ny") !== undefined) {
    const a = toInt(g("na"));
    const b = toInt(g("nb"));
    const y = toInt(g("ny"));
    const time = normaliseClock(g("nt"), g("nap"));
    // "19-3-1433 هـ": a Hijri year (with its era, or a year only the Hijri calendar has) is read day first.
    if (g("ne") !== undefined || (y >= HIJRI_YEARS.min && y <= HIJRI_YEARS.max && y < GREGORIAN_YEARS.min)) {
      return absolute(hijriToGregorian(y, b, a), "hijri", "day", "absolute");
    }
    // Day first is the MENA convention; month first only when the first part cannot be a month.
    if (a > 12 && b <= 12) return absolute(gregorianIso(y, b, a), "gregorian", "day", "absolute", time);
    if (b > 12 && a <= 12) return absolute(gregorianIso(y, a, b), "gregorian", "day", "absolute", time);
    if (a === b) return absolute(gregorianIso(y, a, a), "gregorian", "day", "absolute", time);
    const found = absolute(gregorianIso(y, b, a), "gregorian", "day", "absolute", time);
    if (found) {
      found.needsLabel = true;
      const alt = gregorianIso(y, a, b);
      if (alt) found.altIso = alt;
    }
    return found;
  }
  if (g("hy") !== undefined) {
    const month = HIJRI_MONTH.get(foldKey(g("hm") ?? ""));
    const iso = month === undefined ? null : hijriToGregorian(toInt(g("hy")), month, toInt(g("hd")));
    return absolute(iso, "hijri", "day", "absolute");
  }
  if (g("gy") !== undefined) {
    const month = monthOf(g, "g");
    const iso = month === null ? null : gregorianIso(toInt(g("gy")), month, toInt(g("gd")));
    return absolute(iso, "gregorian", "day", "absolute", normaliseClock(g("gt"), g("gap")));
  }
  if (g("ey") !== undefined && g("ed") !== undefined) {
    const month = monthOf(g, "e");
    const iso = month === null ? null : gregorianIso(toInt(g("ey")), month, toInt(g("ed")));
    return absolute(iso, "gregorian", "day", "absolute", normaliseClock(g("et"), g("eap")));
  }
  if (g("ey") !== undefined) {
    const month = monthOf(g, "e");
    if (month === null || NEEDS_DAY.has(foldKey(g("em") ?? ""))) return null;
    return absolute(gregorianIso(toInt(g("ey")), month, 1), "gregorian", "month", "absolute");
  }
  if (g("ky") !== undefined) {
    const name = foldKey(g("km") ?? "");
    const month = HIJRI_MONTH.get(name);
    if (month === undefined || NEEDS_DAY.has(name)) return null;
    return absolute(hijriToGregorian(toInt(g("ky")), month, 1), "hijri", "month", "absolute");
  }
  return interpretRelative(g, reference);
}

function interpretRelative(g: Groups, reference: string | null): Omit<Candidate, "start" | "end" | "raw"> | null {
  let unit: RelUnit | undefined;
  let count: number | null = null;
  const arabicUnit = g("au");
  const englishUnit = g("xu");
  if (arabicUnit !== undefined) {
    unit = ARABIC_UNIT.get(foldKey(stripTanween(arabicUnit)))?.unit;
    count = toInt(g("an"));
  } else if (g("adual") !== undefined || g("asing") !== undefined) {
    const found = ARABIC_UNIT.get(foldKey(stripTanween(g("adual") ?? g("asing") ?? "")));
    unit = found?.unit;
    count = found?.count ?? null;
  } else if (englishUnit !== undefined) {
    unit = ENGLISH_UNIT.get(foldKey(englishUnit));
    count = ENGLISH_ONE.has(foldKey(g("xn") ?? "")) ? 1 : toInt(g("xn"));
  } else if (g("wb") !== undefined) {
    unit = "day";
    count = 2;
  } else if (g("wy") !== undefined) {
    unit = "day";
    count = 1;
  } else if (g("wt") !== undefined) {
    unit = "day";
    count = 0;
  }
  if (unit === undefined || count === null || !Number.isFinite(count)) return null;
  const precision: DateMention["precision"] = unit === "month" || unit === "year" ? "month" : "day";
  const base = { calendar: "gregorian" as const, precision, kind: "relative" as const };
  return reference === null ? base : { ...base, iso: shiftBack(reference, unit, count) };
}

/** "عامًا" → "عام": the accusative ending is matched but not part of the lexicon word. */
function stripTanween(word: string): string {
  return word.replace(/[\u064B\u0627]{1,2}$/u, (ending) => (ending.includes("\u064B") ? "" : ending));
}

/**
 * What every DATE alternative needs: a year's four digits (every calendar form has one: iso, numeric, day-month-
 * year, month-year, Hijri, the reversed stamp), or the word of a relative date ("منذ", "ago", "أمس", "today").
 * Testing it first spares the scanning regex (slow: dozens of alternatives tried at every position) most lines,
 * numbered headlines ("3 killed in …") included.
 */
const DATE_NEEDS = new RegExp(
  `${DIGIT}{4}|${alternation([...REL.arabicBefore, ...REL.englishAgo, ...REL.yesterday, ...REL.dayBeforeYesterday, ...REL.today])}`,
  "iu",
);

/** Any digit of the scripts dates are written in. */
const ANY_DIGIT = new RegExp(DIGIT, "u");

/** Every date-like match in `text`, before page-level labelling. */
function scan(text: string, reference: string | null): Candidate[] {
  const found: Candidate[] = [];
  if (!DATE_NEEDS.test(text)) return found;
  const { re, group } = DATE;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const match = m;
    const meaning = interpret((name) => match[group.get(name) ?? -1], reference);
    if (meaning === null) continue;
    const candidate: Candidate = { ...meaning, start: m.index, end: m.index + m[0].length, raw: m[0] };
    attachWeekday(text, candidate, found.at(-1)?.end ?? 0);
    settleByWeekday(candidate);
    found.push(candidate);
  }
  return found;
}

/**
 * "الأحد 9/11/2025": a weekday beside a numeric date that could be read either way decides the order. When it
 * fits the day-first reading, or only the month-first one, the date no longer needs a label.
 */
function settleByWeekday(c: Candidate): void {
  if (!c.needsLabel || c.weekday === undefined || c.iso === undefined) return;
  if (!c.weekdayMismatch) {
    c.needsLabel = false;
  } else if (c.altIso !== undefined && weekdayOf(c.altIso) === c.weekday) {
    c.iso = c.altIso;
    c.weekdayMismatch = false;
    c.needsLabel = false;
  }
}

/**
 * Widens a mention to an adjacent weekday name and records whether that weekday fits the date.
 * @param minStart end of the previous mention, which a widened mention must not overlap
 */
function attachWeekday(text: string, c: Candidate, minStart: number): void {
  if (c.weekday === undefined) {
    if (c.kind === "relative") {
      const after = WEEKDAY_AFTER_RE.exec(text.slice(c.end, c.end + LOOKBEHIND_CHARS));
      if (after?.groups?.w !== undefined) {
        c.weekday = WEEKDAY.get(foldKey(after.groups.w));
        c.end += after[0].length;
      }
    } else if (c.precision === "day") {
      const from = Math.max(minStart, c.start - LOOKBEHIND_CHARS);
      const before = WEEKDAY_BEFORE_RE.exec(text.slice(from, c.start));
      if (before?.groups?.w !== undefined) {
        c.weekday = WEEKDAY.get(foldKey(before.groups.w));
        c.start = from + before.index;
      }
    }
    c.raw = text.slice(c.start, c.end);
  }
  if (c.weekday !== undefined && c.iso !== undefined && c.precision === "day" && weekdayOf(c.iso) !== c.weekday) {
    c.weekdayMismatch = true;
  }
}

function finish(c: Candidate): DateMention | null {
  if (c.iso === undefined) return null;
  const mention: DateMention = {
    iso: c.iso,
    start: c.start,
    end: c.end,
    raw: c.raw,
    calendar: c.calendar,
    precision: c.precision,
    kind: c.kind,
  };
  if (c.time !== undefined) mention.time = c.time;
  if (c.label !== undefined) mention.label = c.label;
  if (c.weekdayMismatch) mention.weekdayMismatch = true;
  return mention;
}

/** Scan, drop unlabelled ambiguous numerics, label. */
function collect(text: string, reference: string | null): Candidate[] {
  const found = scan(text, reference);
  const kept = found.filter((c) => !c.needsLabel || labelFromContext(text, c) !== undefined);
  labelAll(text, kept, true);
  return kept;
}

// ---------------------------------------------------------------------------------------------------------
// Public API

/**
 * Finds every date mention in `text`, in order.
 * Relative mentions ("منذ 3 ساعات", "أمس") are included only when `opts.reference` is given, dated back from
 * it; they are never publication dates, and labels are only given to absolute dates and stamps.
 * "header" and "sidebar" labels look at the page as a whole, so pass the whole page, not a single line.
 * @param text decoded page text (NFC, LF line ends)
 * @param opts optional reference date for relative mentions
 */
export function findDates(text: string, opts: FindDatesOptions = {}): DateMention[] {
  const out: DateMention[] = [];
  for (const c of collect(text, referenceIso(opts.reference))) {
    const mention = finish(c);
    if (mention) out.push(mention);
  }
  return out;
}

/** "March 18", "MARCH 18", "18 مارس" with no year after them (a year is looked for elsewhere by the caller). */
const MONTH_DAY_RE = new RegExp(
  `${NOT_LETTER_BEFORE}(?:(?<m1>${GM})${S}+(?<d1>${DIGIT}{1,2})${ORDINAL}?|(?<d2>${DIGIT}{1,2})${S}+(?<m2>${GM}))(?![\\p{N}])(?!${S}*[,،]?${S}*${DIGIT}{4})`,
  "giu",
);

/**
 * Days written with their month but without a year ("By Jane Doe March 18 at 3:57 PM"), as month and day
 * numbers. Not dates on their own: {@link findDates} leaves them out; a caller may complete one with a year that
 * the same page gives for the same day and month.
 */
export function findMonthDays(text: string): Array<{ month: number; day: number; start: number }> {
  const out: Array<{ month: number; day: number; start: number }> = [];
  MONTH_DAY_RE.lastIndex = 0;
  for (let m = MONTH_DAY_RE.exec(text); m !== null; m = MONTH_DAY_RE.exec(text)) {
    const g = m.groups ?? {};
    const month = GREGORIAN_MONTH.get(foldKey((g.m1 ?? g.m2 ?? "").replace(/\.$/u, "")));
    const day = Number(asciiDigits(g.d1 ?? g.d2 ?? ""));
    if (month !== undefined && day >= 1 && day <= 31) out.push({ month, day, start: m.index });
  }
  return out;
}

/** A weekday, "yesterday" or "today" as a word (with a leading و/ف/ب in Arabic: "والخميس", "بالأمس"). */
const DAY_WORD_RE = new RegExp(
  `${NOT_LETTER_BEFORE}[وفب]?(?:${WD}|${alternation([...REL.yesterday, ...REL.today])}${NOT_LETTER_AFTER})`,
  "iu",
);

/**
 * True when `text` names a day: a weekday, yesterday or today ("الخميس", "أمس", "on Tuesday"). A news lede
 * says when its event happened this way far more often than a paragraph continuing a story does.
 */
export function namesDay(text: string): boolean {
  return DAY_WORD_RE.test(text);
}

/**
 * Parses one metadata value (`<meta>` content, JSON-LD `datePublished`, `<time datetime>`) to `YYYY-MM-DD`.
 * ISO timestamps keep the calendar date as written (the zone is not applied: "2025-02-06T23:30:00-05:00" is
 * 2025-02-06). Also RFC 2822, "2025-02-06@14:36:08 GMT", Unix epoch seconds/milliseconds (read as UTC), and the
 * English and Arabic forms {@link findDates} knows. Month-only and ambiguous numeric values give null.
 * @param raw the attribute or JSON value as found
 */
export function parseDate(raw: string): string | null {
  if (typeof raw !== "string") return null; // JSON-LD may hand over numbers or objects despite the type
  const value = asciiDigits(raw.normalize("NFC")).trim();
  if (value === "") return null;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?=$|[T\s@_])/.exec(value) ?? /^(\d{4})(\d{2})(\d{2})(?=$|T)/.exec(value);
  if (iso) return gregorianIso(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  if (/^\d{10}(?:\d{3})?$/.test(value)) {
    const ms = value.length === 13 ? Number(value) : Number(value) * 1000;
    const day = msToIso(ms);
    return gregorianIso(Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10)));
  }
  const mention = findDates(value).find((m) => m.kind !== "relative" && m.precision === "day");
  return mention?.iso ?? null;
}

/**
 * Tells whether a line is essentially only a date: dates, times, stamps, with optional labels ("تاريخ النشر",
 * "آخر تحديث", "Updated"), weekdays, zone words ("GMT", "توقيت القاهرة المحلي"), a Hijri equivalent, and
 * punctuation. Such lines are page furniture the cleaner can drop. A bare day and month ("09 كانون الأول")
 * or a bare clock time ("06:58:00") counts as a date here even though it yields no mention.
 * @param line one line of page text
 * @param opts optional reference date, used to date relative mentions in `dates`
 */
export function classifyDateLine(line: string, opts: FindDatesOptions = {}): { isDateLine: boolean; dates: DateMention[] } {
  const reference = referenceIso(opts.reference);
  // Relative mentions count as date furniture even without a reference, though they are not returned then.
  const found = scan(line, reference).filter((c) => !c.needsLabel || labelFromContext(line, c) !== undefined);
  // Without a mention, only a clock time ("18:05") makes a date line, and every clock has a digit: a line with
  // neither is not one (most short lines of a page; isDateOnly would scan them with the filler pattern).
  const isDateLine = (found.length > 0 || ANY_DIGIT.test(line)) && /\S/.test(line) && isDateOnly(line, found);
  labelAll(line, found, false);
  const dates: DateMention[] = [];
  for (const c of found) {
    const mention = finish(c);
    if (mention) dates.push(mention);
  }
  return { isDateLine, dates };
}
