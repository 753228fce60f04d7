/** The date finder's types: what a mention is, and a mention while it is being found. */

/** What the surroundings say a date is. */
export type DateLabel = "published" | "updated" | "crawl" | "header" | "hijri-equivalent" | "sidebar";

/** One date found in a text. Offsets are UTF-16 code-unit offsets into the searched text. */
export interface DateMention {
  /** Gregorian calendar date `YYYY-MM-DD` (a Hijri date is converted; a month-precision date uses day 01). */
  iso: string;
  start: number;
  end: number;
  /** `text.slice(start, end)`: the date as written, with its weekday, time and zone when adjacent. */
  raw: string;
  /** Calendar the text wrote the date in. */
  calendar: "gregorian" | "hijri";
  /** "month" for "أكتوبر 2025"; "day" otherwise (relative months and years are "month"). */
  precision: "day" | "month";
  /** "stamp" for machine-style timestamps; "relative" for "منذ 3 ساعات" and the like. */
  kind: "absolute" | "relative" | "stamp";
  /** Clock time written with the date, 24-hour `HH:MM` or `HH:MM:SS`. */
  time?: string;
  label?: DateLabel;
  /** True when an adjacent weekday name contradicts the date (a hint that the date is not what it seems). */
  weekdayMismatch?: boolean;
}

/** Options for {@link findDates} and {@link classifyDateLine}. */
export interface FindDatesOptions {
  /** `YYYY-MM-DD` that relative mentions count back from; without it relative mentions are left out. */
  reference?: string;
}

/** A mention while scanning; relative ones may lack an ISO date. */
export interface Candidate extends Omit<DateMention, "iso"> {
  iso?: string;
  /** Weekday written next to the date (0 = Sunday), if any. */
  weekday?: number;
  /** True when the text looks like a day-first numeric date that needs a label to be trusted. */
  needsLabel?: boolean;
  /** For such a date, its month-first reading (a weekday written beside it may pick that one). */
  altIso?: string;
}
