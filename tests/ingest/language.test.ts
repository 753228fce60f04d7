import { describe, expect, it } from "vitest";
import { detectLang } from "../../src/ingest/language.ts";

describe("language", () => {
  it("is the script most letters are written in", () => {
    expect(detectLang(["أعلنت الحكومة عن خطة جديدة لدعم منظومة FK-2000 الدفاعية."])).toBe("ar");
    expect(detectLang(["The ministry said the al-Wefaq party (الوفاق) would take part."])).toBe("en");
  });
  it("defaults to Arabic for text without letters", () => {
    expect(detectLang(["2024 — 15"])).toBe("ar");
  });
});
