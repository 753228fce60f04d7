import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import {
  classifyDateLine,
  findDates,
  hijriToGregorian,
  namesDay,
  parseDate,
  type DateMention,
} from "../../src/ingest/dates.ts";
import { parseDateLexicon } from "../../src/ingest/lexicon/load-dates.ts";
import { expectedJson, skipWithoutData } from "../expectation.ts";

const FIXTURES = new URL("../fixtures/ingest/dates/", import.meta.url);
const LEXICON_DIR = new URL("../../src/ingest/lexicon/", import.meta.url);
const CORPUS = new URL("../../../shared/corpus/raw/", import.meta.url);

const readText = (name: string, base: URL = FIXTURES): string => readFileSync(new URL(name, base), "utf8");

interface MentionCase {
  name: string;
  text: string;
  reference?: string;
  expect: Array<Partial<Record<keyof DateMention, unknown>>>;
}

/** Compares only the fields a fixture states; `label: null` means "no label". */
function pickStated(actual: DateMention, stated: Partial<Record<keyof DateMention, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(stated) as Array<keyof DateMention>) {
    const value = actual[key];
    out[key] = value === undefined && stated[key] === null ? null : value;
  }
  return out;
}

describe("findDates: fixture cases", () => {
  const cases = parseYaml(readText("mentions.yaml")) as MentionCase[];
  it("has many cases", () => expect(cases.length).toBeGreaterThan(60));
  for (const c of cases) {
    it(c.name, () => {
      const found = findDates(c.text, c.reference ? { reference: c.reference } : {});
      expect(found.map((m, i) => pickStated(m, c.expect[i] ?? {}))).toEqual(
        c.expect.map((e) => Object.fromEntries(Object.entries(e).map(([k, v]) => [k, v ?? null]))),
      );
      for (const m of found) expect(c.text.slice(m.start, m.end)).toBe(m.raw);
    });
  }
});

describe("findDates: whole pages (header, sidebar, crawl, published labels)", () => {
  const pages = readdirSync(new URL("pages/", FIXTURES)).filter((f) => f.endsWith(".txt"));
  it("has page fixtures", () => expect(pages.length).toBeGreaterThanOrEqual(3));
  for (const page of pages) {
    it(page, () => {
      const text = readText(`pages/${page}`);
      const found = findDates(text).map(({ iso, kind, calendar, label }) => ({ iso, kind, calendar, label }));
      const expectedUrl = new URL(`pages/${page.replace(/\.txt$/, ".expected.json")}`, FIXTURES);
      const expected = expectedJson<Array<Record<string, unknown>>>(expectedUrl, found);
      expect(found.map((m, i) => Object.fromEntries(Object.keys(expected[i] ?? {}).map((k) => [k, m[k as keyof typeof m]])))).toEqual(
        expected,
      );
    });
  }
});

describe("classifyDateLine", () => {
  const lines = parseYaml(readText("lines.yaml")) as { dateLines: string[]; notDateLines: string[] };
  for (const line of lines.dateLines) {
    it(`date line: ${line}`, () => expect(classifyDateLine(line).isDateLine).toBe(true));
  }
  for (const line of lines.notDateLines) {
    it(`not a date line: ${JSON.stringify(line)}`, () => expect(classifyDateLine(line).isDateLine).toBe(false));
  }
  it("returns the dates of the line, relative ones only with a reference", () => {
    expect(classifyDateLine("الخميس 14 مارس 2024 الموافق 4 رمضان 1445").dates.map((d) => d.label)).toEqual([
      undefined,
      "hijri-equivalent",
    ]);
    expect(classifyDateLine("منذ 3 ساعات").dates).toEqual([]);
    expect(classifyDateLine("منذ 3 ساعات", { reference: "2025-02-06" }).dates[0]?.iso).toBe("2025-02-06");
  });
  it("gives no positional labels to a single line", () => {
    expect(classifyDateLine("12 يناير 2024").dates[0]?.label).toBeUndefined();
  });
});

describe("namesDay", () => {
  it("finds a weekday, yesterday or today as a word, with an Arabic conjunction or preposition", () => {
    expect(["أعلنت الوزارة، الخميس، أن", "said on Tuesday that", "وأضاف بالأمس", "والسبت المقبل"].map(namesDay)).toEqual([true, true, true, true]);
  });
  it("does not take parts of words for days", () => {
    expect(["Sunni leaders met", "الخميسي كاتب", "Mali's junta expelled French forces"].map(namesDay)).toEqual([false, false, false]);
  });
});

describe("parseDate", () => {
  const cases = parseYaml(readText("parse-date.yaml")) as Array<[string, string | null]>;
  for (const [raw, iso] of cases) it(JSON.stringify(raw), () => expect(parseDate(raw)).toBe(iso));
});

describe("hijriToGregorian (Umm al-Qura via ICU)", () => {
  it.each([
    [1445, 9, 1, "2024-03-11"],
    [1445, 10, 15, "2024-04-24"],
    [1447, 1, 1, "2025-06-26"],
    [1445, 12, 10, "2024-06-16"],
  ])("%i-%i-%i → %s", (y, m, d, iso) => expect(hijriToGregorian(y, m, d)).toBe(iso));

  it("rejects days a month does not have and years out of range", () => {
    expect(hijriToGregorian(1444, 9, 30)).toBeNull();
    expect(hijriToGregorian(1200, 1, 1)).toBeNull();
    expect(hijriToGregorian(1445, 13, 1)).toBeNull();
  });

  it("inverts ICU's own formatting for any day 1950–2076", () => {
    const format = new Intl.DateTimeFormat("en-u-ca-islamic-umalqura-nu-latn", {
      timeZone: "UTC",
      year: "numeric",
      month: "numeric",
      day: "numeric",
    });
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1950, 0, 1) / 864e5, max: Date.UTC(2076, 0, 1) / 864e5 }), (dayNumber) => {
        const ms = dayNumber * 864e5;
        const parts = Object.fromEntries(format.formatToParts(ms).map((p) => [p.type, p.value]));
        const iso = new Date(ms).toISOString().slice(0, 10);
        expect(hijriToGregorian(Number(parts.year), Number(parts.month), Number(parts.day))).toBe(iso);
      }),
      { numRuns: 300 },
    );
  });
});

describe("properties", () => {
  const MONTHS_AR = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"];
  const MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
  const validDate = fc
    .integer({ min: Date.UTC(1900, 0, 1) / 864e5, max: Date.UTC(2100, 11, 31) / 864e5 })
    .map((n) => new Date(n * 864e5));

  it("reads any valid date back in every written form", () => {
    fc.assert(
      fc.property(validDate, fc.integer({ min: 0, max: 4 }), (date, form) => {
        const y = date.getUTCFullYear();
        const m = date.getUTCMonth();
        const d = date.getUTCDate();
        const iso = date.toISOString().slice(0, 10);
        const written = [
          `في ${d} ${MONTHS_AR[m]} ${y} قال`,
          `on ${MONTHS_EN[m]} ${d}, ${y}.`,
          `${String(d).padStart(2, "0")} ${MONTHS_EN[m]} ${y}`,
          `${iso} report`,
          `${d} ${MONTHS_AR[m]} ${y}`.replace(/\d/g, (c) => String.fromCharCode(0x660 + Number(c))),
        ][form] as string;
        expect(findDates(written).map((x) => x.iso)).toEqual([iso]);
      }),
      { numRuns: 400 },
    );
  });

  it("never throws, and offsets always match raw", () => {
    const pieces = fc.constantFrom(
      "منذ", "قبل", "أمس", "اليوم", "الأربعاء", "2024", "15", "٣", "/", "-", ":", "GMT", "مارس", "كانون الأول", "شوال",
      "1445", "هـ", " ", "\n", ",", "(", ")", "آب", "Sept.", "2025-02-06", "@", "10:30", "ago", "hours", "ساعات",
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string({ maxLength: 4 })), { maxLength: 30 }), (parts) => {
        const text = parts.join(" ");
        for (const m of findDates(text, { reference: "2025-02-06" })) {
          expect(text.slice(m.start, m.end)).toBe(m.raw);
          expect(m.iso).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        }
        classifyDateLine(text);
        parseDate(text);
      }),
      { numRuns: 500 },
    );
  });
});

describe("lexicon", () => {
  const months = readFileSync(new URL("months.yaml", LEXICON_DIR), "utf8");
  const words = readFileSync(new URL("dates-words.yaml", LEXICON_DIR), "utf8");
  it("loads the shipped vocabularies", () => {
    const lexicon = parseDateLexicon(months, words);
    expect(Object.keys(lexicon.months.gregorian)).toHaveLength(12);
    expect(Object.keys(lexicon.words.weekdays)).toHaveLength(7);
  });
  it("rejects an empty group", () => {
    expect(() => parseDateLexicon(months.replace(/^ {2}10: \[شوال\]$/m, "  10: []"), words)).toThrow(/hijri\.10.*empty/s);
    expect(() => parseDateLexicon(months, words.replace(/^connectors: .*$/m, "connectors: []"))).toThrow(/connectors/);
  });
  it("rejects a missing month", () => {
    expect(() => parseDateLexicon(months.replace(/^ {2}12: \[ديسمبر.*$/m, ""), words)).toThrow(/missing key 12/);
  });
});

describe.skipIf(skipWithoutData("dates on the seed corpus", [CORPUS]))("seed corpus (shared/corpus/raw)", () => {
  const read = (name: string): string => readFileSync(new URL(name, CORPUS), "utf8");
  it("001: crawl stamp and published date", () => {
    const found = findDates(read("001_c01cade3ba56d3ec.txt"));
    expect(found.map((m) => [m.iso, m.label])).toEqual([
      ["2025-02-06", "crawl"],
      ["2023-08-23", "published"],
    ]);
  });
  it("002: header date with its Hijri equivalent", () => {
    const found = findDates(read("002_2427181fa13bf9fd.txt"));
    expect(found.map((m) => [m.iso, m.calendar, m.label])).toEqual([
      ["2024-04-24", "gregorian", "header"],
      ["2024-04-24", "hijri", "hijri-equivalent"],
    ]);
  });
  it("003: every GMT stamp is a sidebar stamp, and no date is published", () => {
    const found = findDates(read("003_8f35bd65a0bcf6f9.txt"));
    expect(found.filter((m) => m.kind === "stamp").every((m) => m.label === "sidebar")).toBe(true);
    expect(found.filter((m) => m.kind === "stamp")).toHaveLength(10);
    expect(found.some((m) => m.label === "published" || m.label === "updated")).toBe(false);
    expect(classifyDateLine(read("003_8f35bd65a0bcf6f9.txt").split("\n")[0] ?? "").isDateLine).toBe(true);
  });
  it("000 and 004: no day-precision dates in the articles", () => {
    expect(findDates(read("004_320f29bc71bb23e6.txt"))).toEqual([]);
    expect(findDates(read("000_3a8b5ed710beea5d.txt")).every((m) => m.precision === "month")).toBe(true);
  });
});
