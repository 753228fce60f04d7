/**
 * Date forms met on outlets the seed corpus does not have (invented lines in their style): numeric dates with
 * spaced separators and Eastern digits (the weekday settles day/month), numeric Hijri dates with their era,
 * day-month-year joined by dashes, and date lines that go on with place and reporter fields.
 */
import { describe, expect, it } from "vitest";
import { classifyDateLine, findDates } from "../../src/ingest/dates.ts";
import { classifyLines } from "../../src/ingest/classify.ts";
import { segmentLines } from "../../src/ingest/segment.ts";

const isoOf = (text: string): string[] => findDates(text).filter((d) => d.kind !== "relative").map((d) => d.iso);

describe("date forms of unseen outlets", () => {
  it("reads a spaced numeric date in Eastern digits, the weekday choosing day first", () => {
    // Friday 3 March 2023 (day first); 3 February would be a Tuesday.
    expect(isoOf("الجمعة ٣ / ٣ / ٢٠٢٣")).toEqual(["2023-03-03"]);
    expect(isoOf("الثلاثاء ٧ / ٢ / ٢٠٢٣")).toEqual(["2023-02-07"]);
    expect(classifyDateLine("الثلاثاء ٧ / ٢ / ٢٠٢٣").isDateLine).toBe(true);
  });

  it("converts a numeric Hijri date with its era", () => {
    // 1 Ramadan 1444 AH = 23 March 2023 (Umm al-Qura).
    expect(isoOf("بتاريخ 1-9-1444 هـ")).toEqual(["2023-03-23"]);
  });

  it("reads day, month name and year joined by dashes", () => {
    expect(isoOf("الخميس, 09-مارس-2023")).toEqual(["2023-03-09"]);
  });

  it("takes a line that opens with its date and goes on with fields as a date line", () => {
    const page = classifyLines(
      segmentLines(["الخميس 09 مارس-آذار 2023 الساعة 10 صباحاً / عدن - سامي فؤاد", "", "نص الخبر الذي يلي سطر التاريخ ويتحدث عن اجتماع اللجنة الحكومية في المدينة أمس."]),
    );
    expect(page.lines[0]!.kind).toBe("date");
    expect(page.lines[0]!.dates?.[0]?.iso).toBe("2023-03-09");
  });

  it("keeps a date beside an 'updated' furniture phrase", () => {
    const page = classifyLines(segmentLines(["الخميس، 9 آذار/مارس 2023، آخر تحديث 11:20 (GMT+0300)"]));
    expect(page.lines[0]!.kind).toBe("date");
    expect(page.lines[0]!.dates?.[0]?.iso).toBe("2023-03-09");
  });
});
