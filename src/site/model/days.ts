/** Day arithmetic of the site model: the day an article is filed under, ISO weeks, and timelines. */
import type { Article } from "../../schemas/article.ts";
import { bump } from "./counts.ts";
import { DAILY_TIMELINE_MAX_DAYS } from "./settings.ts";
import type { Count, DateSource, Timeline } from "./types.ts";

/** `published`, else `seen`: the day an article is filed under. */
export function articleDay(article: Pick<Article, "published" | "seen">): { day: string | null; source: DateSource } {
  if (article.published) return { day: article.published, source: "published" };
  if (article.seen) return { day: article.seen, source: "seen" };
  return { day: null, source: "none" };
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` day, memoised: story and brief passes compare the same few hundred days millions of times. */
const epochDays = new Map<string, number>();
export function epochDay(day: string): number {
  let n = epochDays.get(day);
  if (n === undefined) {
    if (epochDays.size >= 100_000) epochDays.clear();
    n = Math.round(Date.parse(`${day}T00:00:00Z`) / 86_400_000);
    epochDays.set(day, n);
  }
  return n;
}

export function daysBetween(a: string, b: string): number {
  return epochDay(b) - epochDay(a);
}

export function nextDay(day: string): string {
  return shiftDay(day, 1);
}

export function shiftDay(day: string, by: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + by * 86_400_000).toISOString().slice(0, 10);
}

/** The ISO 8601 week of a day (`2025-10-29` → `2025-W44`) and its Monday. */
export function isoWeek(day: string): { week: string; monday: string } {
  const d = new Date(`${day}T00:00:00Z`);
  const dow = (d.getUTCDay() + 6) % 7; // Monday = 0
  const thursday = new Date(d.getTime() + (3 - dow) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000));
  return { week: `${year}-W${String(week).padStart(2, "0")}`, monday: shiftDay(day, -dow) };
}

export function nextMonth(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

/** Buckets the days (one entry per article) into a continuous day or month axis. */
export function buildTimeline(days: readonly string[]): Timeline {
  if (days.length === 0) return { unit: "day", buckets: [] };
  let first = days[0]!;
  let last = days[0]!;
  for (const d of days) {
    if (d < first) first = d;
    if (d > last) last = d;
  }
  const unit = daysBetween(first, last) < DAILY_TIMELINE_MAX_DAYS ? "day" : "month";
  const counts = new Map<string, number>();
  for (const d of days) bump(counts, unit === "day" ? d : d.slice(0, 7));
  const buckets: Count[] = [];
  if (unit === "day") {
    for (let d = first; d <= last; d = nextDay(d)) buckets.push({ key: d, count: counts.get(d) ?? 0 });
  } else {
    for (let m = first.slice(0, 7); m <= last.slice(0, 7); m = nextMonth(m)) buckets.push({ key: m, count: counts.get(m) ?? 0 });
  }
  return { unit, buckets };
}
