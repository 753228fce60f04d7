import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { detectLang } from "../../src/ingest/language.ts";
import { scriptCounts } from "../../src/ingest/text.ts";

describe("language", () => {
  it("is the script most letters are written in", () => {
    expect(detectLang(["أعلنت الحكومة عن خطة جديدة لدعم منظومة FK-2000 الدفاعية."])).toBe("ar");
    expect(detectLang(["The ministry said the al-Wefaq party (الوفاق) would take part."])).toBe("en");
  });
  it("defaults to Arabic for text without letters", () => {
    expect(detectLang(["2024 — 15"])).toBe("ar");
  });
});

describe("language: the early stop", () => {
  /** Counting every sampled letter, as before the stop existed. */
  const counted = (texts: string[]): string => {
    let arabic = 0;
    let latin = 0;
    for (const t of texts) {
      const s = scriptCounts(t.slice(0, 2000));
      arabic += s.arabic;
      latin += s.latin;
    }
    return arabic >= latin && arabic > 0 ? "ar" : latin > 0 ? "en" : "ar";
  };

  it("gives what counting every paragraph gives", () => {
    const pieces = fc.constantFrom("قال الوزير", "the minister", " ", "2025", "FK-2000", "،", ".", "الوفاق", "al-Wefaq", "x".repeat(2500), "ب".repeat(2500));
    const paragraph = fc.array(pieces, { maxLength: 12 }).map((p) => p.join(" "));
    fc.assert(fc.property(fc.array(paragraph, { maxLength: 8 }), (texts) => detectLang(texts) === counted(texts)), { numRuns: 500 });
  });
});
