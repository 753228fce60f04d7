/**
 * Calendar arithmetic for the date finder: Gregorian and Hijri (Umm al-Qura) days as ISO strings, weekdays, and
 * relative offsets back from a reference day. No vocabulary and no patterns: numbers in, ISO days out.
 */
import { SETTINGS } from "../settings.ts";

/** Accepted year ranges (settings.ts). */
export const { gregorianYears: GREGORIAN_YEARS, hijriYears: HIJRI_YEARS } = SETTINGS.dates;

/** Units of a relative expression ("3 hours ago", «منذ يومين»). */
export type RelUnit = "minute" | "hour" | "day" | "week" | "month" | "year";

export const DAY_MS = 86_400_000;

/** Eastern Arabic and Persian digits → ASCII. */
export function asciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) & 0xf));
}

export function toInt(text: string | undefined): number {
  return text === undefined ? Number.NaN : Number.parseInt(asciiDigits(text), 10);
}

export function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/** `YYYY-MM-DD` for a real Gregorian date in the accepted year range, else null. */
export function gregorianIso(y: number, m: number, d: number): string | null {
  if (!Number.isInteger(y) || y < GREGORIAN_YEARS.min || y > GREGORIAN_YEARS.max) return null;
  if (!Number.isInteger(m) || m < 1 || m > 12 || !Number.isInteger(d) || d < 1) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null; // 31 February rolls over into March
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

export function isoToMs(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
}

export function msToIso(ms: number): string {
  const date = new Date(ms);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

export function weekdayOf(iso: string): number {
  return new Date(isoToMs(iso)).getUTCDay();
}

const HIJRI_FORMAT = new Intl.DateTimeFormat("en-u-ca-islamic-umalqura-nu-latn", {
  timeZone: "UTC",
  year: "numeric",
  month: "numeric",
  day: "numeric",
});
/** Mean lengths, only used to aim the search; the calendar itself comes from ICU. */
const HIJRI_MEAN_YEAR_DAYS = 354.367;
const HIJRI_MEAN_MONTH_DAYS = 29.5306;
/** 1 Muharram 1 AH, 19 July 622 (proleptic Gregorian, UTC). */
const HIJRI_EPOCH_MS = Date.UTC(622, 6, 19);
const hijriCache = new Map<string, string | null>();

function hijriPartsAt(ms: number): { y: number; m: number; d: number } {
  let y = 0;
  let m = 0;
  let d = 0;
  for (const part of HIJRI_FORMAT.formatToParts(ms)) {
    // Some ICU versions report the Hijri year as "relatedYear"; the type list in lib.d.ts lags behind.
    const type: string = part.type;
    if (type === "year" || type === "relatedYear") y = Number.parseInt(part.value, 10);
    else if (part.type === "month") m = Number.parseInt(part.value, 10);
    else if (part.type === "day") d = Number.parseInt(part.value, 10);
  }
  return { y, m, d };
}

const hijriOrdinal = (y: number, m: number, d: number): number =>
  (y - 1) * HIJRI_MEAN_YEAR_DAYS + (m - 1) * HIJRI_MEAN_MONTH_DAYS + d;

/**
 * Converts an Umm al-Qura Hijri date to Gregorian `YYYY-MM-DD` by searching days: ICU formats candidate days in
 * the `islamic-umalqura` calendar until one matches. Returns null for a day the month does not have
 * (30 in a 29-day month) or a year outside {@link HIJRI_YEARS}.
 * @param y Hijri year (1445)
 * @param m Hijri month 1–12
 * @param d day 1–30
 */
export function hijriToGregorian(y: number, m: number, d: number): string | null {
  if (!Number.isInteger(y) || y < HIJRI_YEARS.min || y > HIJRI_YEARS.max) return null;
  if (!Number.isInteger(m) || m < 1 || m > 12 || !Number.isInteger(d) || d < 1 || d > 30) return null;
  const key = `${y}-${m}-${d}`;
  const cached = hijriCache.get(key);
  if (cached !== undefined) return cached;
  let ms = HIJRI_EPOCH_MS + Math.round(hijriOrdinal(y, m, d) - 1) * DAY_MS;
  // Newton-style steps converge within a couple of days; the final scan settles month-length differences.
  for (let step = 0; step < 4; step += 1) {
    const at = hijriPartsAt(ms);
    const delta = Math.round(hijriOrdinal(y, m, d) - hijriOrdinal(at.y, at.m, at.d));
    if (delta === 0) break;
    ms += delta * DAY_MS;
  }
  let found: string | null = null;
  for (const offset of [0, -1, 1, -2, 2, -3, 3]) {
    const at = hijriPartsAt(ms + offset * DAY_MS);
    if (at.y === y && at.m === m && at.d === d) {
      found = msToIso(ms + offset * DAY_MS);
      break;
    }
  }
  hijriCache.set(key, found);
  return found;
}

/** A valid `YYYY-MM-DD` reference, or null (a bad reference is ignored, not thrown). */
export function referenceIso(reference: string | undefined): string | null {
  const m = reference === undefined ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(reference);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  // Any real date will do as a reference, even outside the accepted range for mentions.
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? msToIso(date.getTime()) : null;
}

export function shiftBack(iso: string, unit: RelUnit, count: number): string {
  const date = new Date(isoToMs(iso));
  switch (unit) {
    case "minute":
      return msToIso(isoToMs(iso) - Math.floor(count / 1440) * DAY_MS);
    case "hour":
      return msToIso(isoToMs(iso) - Math.floor(count / 24) * DAY_MS);
    case "day":
      return msToIso(isoToMs(iso) - count * DAY_MS);
    case "week":
      return msToIso(isoToMs(iso) - 7 * count * DAY_MS);
    case "month":
    case "year": {
      const months = unit === "month" ? count : count * 12;
      const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - months, 1));
      const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
      target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
      return msToIso(target.getTime());
    }
  }
}
