/**
 * Labelling of found dates: from the words around them (published / updated, a Hijri date restating its Gregorian
 * neighbour) and, on a whole page, from where they sit (header dates at the top, sidebar stamps when many
 * date-only stamp lines repeat).
 */
import { DATE_LINE_FILLER_RE, EQUIVALENCE_GAP_RE, foldKey, LABEL_AFTER_RE, LABEL_BEFORE_RE, LABEL_KIND, type LabelKind } from "./patterns.ts";
import { SETTINGS } from "../settings.ts";
import type { Candidate } from "./types.ts";

const { sidebarMinStamps: SIDEBAR_MIN_STAMPS, headerLines: HEADER_LINES, maxDateLine: MAX_DATE_LINE } = SETTINGS.dates;
/** How far before a date a label or weekday is looked for (settings.ts). */
export const LOOKBEHIND_CHARS = SETTINGS.dates.lookbehindChars;

/**
 * Bounds of the line around [start, end), looking at most `reach` characters each way (long prose lines are
 * never date furniture, and scanning them whole for every mention would make a page quadratic).
 * `clipped` says the line goes on beyond what was looked at.
 */
function lineAround(text: string, start: number, end: number, reach: number): { from: number; to: number; clipped: boolean } {
  let from = start;
  const minFrom = Math.max(0, start - reach);
  while (from > minFrom && text.charCodeAt(from - 1) !== 10) from -= 1;
  let to = end;
  const maxTo = Math.min(text.length, end + reach);
  while (to < maxTo && text.charCodeAt(to) !== 10) to += 1;
  const clipped = (from > 0 && text.charCodeAt(from - 1) !== 10) || (to < text.length && text.charCodeAt(to) !== 10);
  return { from, to, clipped };
}

/** Published / updated from a label right before the date, or right after it at the end of the line. */
export function labelFromContext(text: string, c: Candidate): LabelKind | undefined {
  const { from, to } = lineAround(text, c.start, c.end, LOOKBEHIND_CHARS);
  const before = LABEL_BEFORE_RE.exec(text.slice(from, c.start));
  const lineEndsHere = to === text.length || text.charCodeAt(to) === 10;
  const hit = before ?? (lineEndsHere ? LABEL_AFTER_RE.exec(text.slice(c.end, to)) : null);
  if (!hit?.groups) return undefined;
  const word = hit.groups.pub ?? hit.groups.upd;
  return word === undefined ? undefined : LABEL_KIND.get(foldKey(word)) ?? (hit.groups.pub ? "published" : "updated");
}

/** True when the line holding [start, end) is nothing but dates and date furniture. */
export function isDateOnly(line: string, spans: ReadonlyArray<{ start: number; end: number }>): boolean {
  let residue = "";
  let cursor = 0;
  for (const span of spans) {
    residue += `${line.slice(cursor, span.start)} `;
    cursor = span.end;
  }
  residue += line.slice(cursor);
  let evidence = spans.length > 0;
  residue = residue.replace(DATE_LINE_FILLER_RE, (...args: unknown[]) => {
    const groups = args[args.length - 1] as Record<string, string | undefined>;
    if (groups.evidence !== undefined) evidence = true;
    return " ";
  });
  return evidence && !/[\p{L}\p{N}]/u.test(residue);
}

/** Assigns labels from neighbours and, when `positional` (a whole page), from where dates sit on the page. */
export function labelAll(text: string, found: Candidate[], positional: boolean): void {
  for (const c of found) {
    if (c.kind === "relative") continue;
    if (c.kind === "stamp" && c.raw.includes("@")) c.label = "crawl";
    else {
      const label = labelFromContext(text, c);
      if (label) c.label = label;
    }
  }
  // A Hijri date right beside a Gregorian one restates it.
  for (let i = 0; i + 1 < found.length; i += 1) {
    const a = found[i];
    const b = found[i + 1];
    if (!a || !b || a.calendar === b.calendar || a.kind === "relative" || b.kind === "relative") continue;
    const gap = text.slice(a.end, b.start);
    if (gap.includes("\n") || !EQUIVALENCE_GAP_RE.test(gap)) continue;
    // The Gregorian partner keeps its own label (published, updated…); the Hijri one only restates it.
    (a.calendar === "hijri" ? a : b).label = "hijri-equivalent";
  }
  if (positional) labelByPosition(text, found);
}

/** Header dates (top of the page, date-only line) and sidebar stamps (many date-only stamp lines). */
function labelByPosition(text: string, found: Candidate[]): void {
  const headerEnd = offsetAfterNonEmptyLines(text, HEADER_LINES);
  const dateOnlyByLine = new Map<number, boolean>();
  const dateOnly = (c: Candidate): boolean => {
    const { from, to, clipped } = lineAround(text, c.start, c.end, MAX_DATE_LINE);
    if (clipped) return false;
    let answer = dateOnlyByLine.get(from);
    if (answer === undefined) {
      const spans = found
        .filter((o) => o.start >= from && o.end <= to)
        .map((o) => ({ start: o.start - from, end: o.end - from }));
      answer = isDateOnly(text.slice(from, to), spans);
      dateOnlyByLine.set(from, answer);
    }
    return answer;
  };
  const stamps = found.filter((c) => c.kind === "stamp" && c.label === undefined && dateOnly(c));
  if (stamps.length >= SIDEBAR_MIN_STAMPS) for (const c of stamps) c.label = "sidebar";
  for (const c of found) {
    if (c.label === undefined && c.kind !== "relative" && c.start < headerEnd && dateOnly(c)) c.label = "header";
  }
}

function offsetAfterNonEmptyLines(text: string, count: number): number {
  let seen = 0;
  let from = 0;
  while (from <= text.length) {
    const nl = text.indexOf("\n", from);
    const to = nl === -1 ? text.length : nl;
    if (/\S/.test(text.slice(from, to))) seen += 1;
    if (seen >= count || nl === -1) return to;
    from = nl + 1;
  }
  return text.length;
}
