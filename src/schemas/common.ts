/**
 * Small shared shapes used by several schemas.
 */
import { z } from "zod";

/** Two-letter language code of an edition or an article. Arabic is the default locale. */
export const Lang = z.enum(["ar", "en"]);
export type Lang = z.infer<typeof Lang>;

/** ISO 3166-1 alpha-2 code, upper case (`LY`, `SD`). */
export const CountryCode = z.string().regex(/^[A-Z]{2}$/, "expected an ISO 3166-1 alpha-2 code such as LY");
export type CountryCode = z.infer<typeof CountryCode>;

/**
 * Years a date may have. News is dated within living memory; a hand-set 9999-12-31 once sent the timeline (one
 * bucket per day or month from the first date to the last) into an endless loop, and 0000-00-00 printed as
 * "30 November 1899".
 */
export const DATE_YEARS = { min: 1800, max: 2199 } as const;

/** Why `text` is not a real calendar date `YYYY-MM-DD` in the accepted years, or null when it is one. */
export function isoDateProblem(text: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return "expected a date as YYYY-MM-DD";
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < DATE_YEARS.min || year > DATE_YEARS.max) return `expected a year from ${DATE_YEARS.min} to ${DATE_YEARS.max}, not ${year}`;
  if (month < 1 || month > 12) return `expected a month from 01 to 12, not ${m[2]}`;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) return `expected a day from 01 to ${days} in ${m[1]}-${m[2]}, not ${m[3]}`;
  return null;
}

/** Calendar date `YYYY-MM-DD` (no time, no zone: briefs are per day): a real date, in DATE_YEARS. */
export const IsoDate = z.string().superRefine((text, ctx) => {
  const problem = isoDateProblem(text);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});
export type IsoDate = z.infer<typeof IsoDate>;

/** URL-safe ASCII slug used for ids and permalinks. */
export const Slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "expected a lower-case ASCII slug such as khalifa-haftar");
export type Slug = z.infer<typeof Slug>;

/** A text given in both editions. */
export const Bilingual = z.object({ ar: z.string().min(1), en: z.string().min(1) });
export type Bilingual = z.infer<typeof Bilingual>;
