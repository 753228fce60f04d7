/**
 * Loads and validates the date vocabularies (`months.yaml`, `dates-words.yaml`) used by `../dates.ts`.
 *
 * Vocabularies are data, kept apart from the matching logic. They are read once, when `dates.ts` is first
 * imported; a malformed file or an empty group throws there, because a stage running with a silently empty
 * vocabulary would either match nothing or (for a regex alternation) match everything.
 */
import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { z } from "zod";

/** A non-empty list of names; an empty group is a data error, not a match-all. */
const NameList = z.array(z.string().trim().min(1)).min(1, "empty lexicon group: list at least one name");

/** A table keyed by consecutive integers `from..to` (YAML numeric keys arrive as strings). */
function numberedTable(from: number, to: number) {
  return z.record(z.string(), NameList).superRefine((table, ctx) => {
    for (let key = from; key <= to; key += 1) {
      if (!(String(key) in table)) ctx.addIssue({ code: "custom", message: `missing key ${key}`, path: [String(key)] });
    }
    for (const key of Object.keys(table)) {
      const n = Number(key);
      if (!Number.isInteger(n) || n < from || n > to) {
        ctx.addIssue({ code: "custom", message: `unexpected key ${key} (expected ${from}–${to})`, path: [key] });
      }
    }
  });
}

/** `months.yaml`: Gregorian and Hijri month names keyed 1–12, and names that need a day to count. */
export const MonthsLexicon = z
  .object({
    /** Gregorian month names in every regional Arabic series and English. */
    gregorian: numberedTable(1, 12),
    /** Hijri month names with their spelling variants. */
    hijri: numberedTable(1, 12),
    /** Month names that double as common words; only matched with a day number in front. */
    needsDay: NameList,
  })
  .strict();
export type MonthsLexicon = z.infer<typeof MonthsLexicon>;

const RelativeUnit = z
  .object({ singular: NameList, dual: NameList, plural: NameList, english: NameList })
  .strict();

/** `dates-words.yaml`: weekdays, labels, connectors, zone and relative-expression words. */
export const DateWordsLexicon = z
  .object({
    /** Weekday names keyed 0 (Sunday) – 6 (Saturday), as `Date#getUTCDay`. */
    weekdays: numberedTable(0, 6),
    /** Labels that say what a date is. */
    labels: z.object({ published: NameList, updated: NameList }).strict(),
    /** Words allowed between a label and its date. */
    connectors: NameList,
    /** Words tying a Hijri date to a Gregorian one. */
    equivalence: NameList,
    /** Markers after a Hijri year. */
    hijriEra: NameList,
    /** Markers after a Gregorian year ("2024م"). */
    gregorianEra: NameList,
    /** Words opening a zone phrase ("توقيت القاهرة المحلي"). */
    zonePhrase: NameList,
    /** Zone words around clock times. */
    timezones: NameList,
    /** Half-day markers after clock times. */
    meridiem: z.object({ am: NameList, pm: NameList }).strict(),
    /** Small words inside date patterns: ordinal endings, lead-ins of clocks, months and weekdays. */
    glue: z
      .object({ ordinals: NameList, clockLead: NameList, dayOfMonth: NameList, monthWord: NameList, weekdayWord: NameList })
      .strict(),
    /** Relative expressions ("منذ 3 ساعات", "2 hours ago", "أمس"). */
    relative: z
      .object({
        arabicBefore: NameList,
        approx: NameList,
        units: z
          .object({
            minute: RelativeUnit,
            hour: RelativeUnit,
            day: RelativeUnit,
            week: RelativeUnit,
            month: RelativeUnit,
            year: RelativeUnit,
          })
          .strict(),
        englishAgo: NameList,
        /** "one" as a count: English "an hour ago", Arabic «ساعة واحدة» after a singular unit. */
        englishOne: NameList,
        arabicOne: NameList,
        yesterday: NameList,
        dayBeforeYesterday: NameList,
        today: NameList,
      })
      .strict(),
  })
  .strict();
export type DateWordsLexicon = z.infer<typeof DateWordsLexicon>;

/** Both vocabularies, validated. */
export interface DateLexicon {
  months: MonthsLexicon;
  words: DateWordsLexicon;
}

/**
 * Validates the two YAML documents. Throws an Error naming the file and the bad path, with a hint.
 * @param monthsYaml text of `months.yaml`
 * @param wordsYaml text of `dates-words.yaml`
 */
export function parseDateLexicon(monthsYaml: string, wordsYaml: string): DateLexicon {
  return {
    months: validate(MonthsLexicon, monthsYaml, "months.yaml"),
    words: validate(DateWordsLexicon, wordsYaml, "dates-words.yaml"),
  };
}

function validate<T>(schema: z.ZodType<T>, text: string, name: string): T {
  const result = schema.safeParse(parseYaml(text));
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`);
  throw new Error(
    `src/ingest/lexicon/${name} is invalid:\n  ${issues.join("\n  ")}\n` +
      "Fix the YAML (every group needs at least one entry) and run the ingest tests again.",
  );
}

/**
 * Reads and validates the vocabularies next to this file.
 * @param dir folder holding the YAML files (defaults to this module's folder; tests may point elsewhere)
 */
export function loadDateLexicon(dir: URL = new URL("./", import.meta.url)): DateLexicon {
  return parseDateLexicon(
    readFileSync(new URL("months.yaml", dir), "utf8"),
    readFileSync(new URL("dates-words.yaml", dir), "utf8"),
  );
}
