/**
 * Wire datelines at the start of a paragraph ("طرابلس - …", "TRIPOLI (Reuters) -", "LONDON, Feb 6 (AFP) —"):
 * shared by classify (a doubled line above one is a headline), assemble (boundaries) and metadata (the city).
 */
import { findDates } from "./dates.ts";

/** A leading wire dateline: "طرابلس - …", "TRIPOLI (Reuters) -", "LONDON, Feb 6 (AFP) —", "DOHA: …". */
export const DATELINE =
  /^(?:([\p{Script=Arabic}\p{M}]+(?:\s+[\p{Script=Arabic}\p{M}]+){0,2})\s*(?:[(（][^()]{1,30}[)）]\s*)?[-–—ـ]+\s|([A-Z][A-Za-z'.]*(?:[ -][A-Z][A-Za-z'.]*){0,3})(?:,\s*[A-Z][a-z]{2,9}\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*(?:\([^()]{1,30}\)\s*)?[-–—]+\s|([A-Z][A-Z'.]+(?:[ -][A-Z][A-Z'.]+){0,2}):\s)/u;

/**
 * True when a paragraph opens with a dateline: "طرابلس - …", "TRIPOLI (Reuters) -", or a full date before the
 * first dash ("November 4, 2025 (PORT SUDAN) –", "بورتسودان ١٣ نوفمبر ٢٠٢٥ –").
 */
export function opensWithDateline(text: string): boolean {
  const lead = text.slice(0, LEAD_DATELINE_CHARS);
  if (DATELINE.test(lead)) return true;
  const dash = /\s[-–—ـ]+\s/u.exec(lead);
  return dash !== null && findDates(lead.slice(0, dash.index)).some((d) => d.kind !== "relative" && d.precision === "day");
}

/** How far into a paragraph a dateline (place, date, agency, dash) may reach. */
export const LEAD_DATELINE_CHARS = 80;
