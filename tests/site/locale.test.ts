/**
 * Dates and counts in the editions' words (src/site/locale.ts): formatted as `Intl` formats them, the same on every
 * call (values are kept per edition and kind), each edition in its own words.
 */
import { describe, expect, it } from "vitest";
import { formatDate, formatDateRange, formatMonth, formatNumber, formatShortDate } from "../../src/site/locale.ts";

const intl = { ar: "ar-u-nu-latn", en: "en-GB" } as const;
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("locale formats", () => {
  it("say dates, ranges, months and counts as Intl does, on every call, in each edition's words", () => {
    for (const lang of ["ar", "en"] as const) {
      const long = new Intl.DateTimeFormat(intl[lang], { dateStyle: "long", timeZone: "UTC" });
      for (let i = 0; i < 2; i++) {
        expect(formatDate(lang, "2025-10-29")).toBe(long.format(day("2025-10-29")));
        expect(formatDateRange(lang, "2025-10-29", "2025-11-02")).toBe(long.formatRange(day("2025-10-29"), day("2025-11-02")));
        expect(formatDateRange(lang, "2025-10-29", "2025-10-30")).toBe(long.formatRange(day("2025-10-29"), day("2025-10-30")));
        expect(formatDateRange(lang, "2025-10-29", "2025-10-29")).toBe(formatDate(lang, "2025-10-29"));
        expect(formatMonth(lang, "2025-10")).toBe(new Intl.DateTimeFormat(intl[lang], { year: "numeric", month: "long", timeZone: "UTC" }).format(day("2025-10-01")));
        expect(formatShortDate(lang, "2025-10-29")).toBe(new Intl.DateTimeFormat(intl[lang], { day: "numeric", month: "short", timeZone: "UTC" }).format(day("2025-10-29")));
        expect(formatNumber(lang, 12345)).toBe(new Intl.NumberFormat(intl[lang]).format(12345));
        expect(formatNumber(lang, 2015, false)).toBe("2015");
      }
    }
    // The same value in the two editions, and grouped or not, is kept apart.
    expect(formatDate("en", "2025-10-29")).toBe("29 October 2025");
    expect(formatDate("ar", "2025-10-29")).not.toBe("29 October 2025");
    expect(formatNumber("en", 12345)).toBe("12,345");
    expect(formatNumber("en", 12345, false)).toBe("12345");
    expect(formatDateRange("en", "2025-10-29", "2025-11-02")).toMatch(/^29 October\s?–\s?2 November 2025$/);
  });
});
