import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cliticStems, normaliseArabic, normaliseWithMap, proclitics, searchTokens, sourceEnd, stripClitics } from "../../src/entities/normalise.ts";

describe("normaliseArabic", () => {
  it("folds letters, drops harakat and tatweel, maps digits, lower-cases and collapses spaces", () => {
    expect(normaliseArabic("  أَحْمَدُ   إبراهيم آمنة ٱلله  ")).toBe("احمد ابراهيم امنه الله");
    expect(normaliseArabic("مستشفى مؤسسة رئيس")).toBe("مستشفي موسسه رييس");
    expect(normaliseArabic("حفتـــر")).toBe("حفتر");
    expect(normaliseArabic("٢٠٢٤ و۱۹")).toBe("2024 و19");
    expect(normaliseArabic("Haftar's FORCES")).toBe("haftar's forces");
    expect(normaliseArabic("ﻻ")).toBe("لا"); // NFKC of a presentation form
    expect(normaliseArabic("ک ی")).toBe("ك ي"); // Persian letters in Arabic text
    expect(normaliseArabic("a\u200fb\u200c")).toBe("ab"); // direction marks and joiners
  });

  it("agrees with the scorer's normalisation on Arabic text (before its punctuation step)", () => {
    const scorer = (s: string) =>
      s.normalize("NFKC").replace(/[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]/g, "").replace(/\u0640/g, "")
        .replace(/[أإآٱ]/g, "ا").replace(/ى/g, "ي").replace(/ة/g, "ه").replace(/ؤ/g, "و").replace(/ئ/g, "ي")
        .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660)).toLowerCase().replace(/\s+/g, " ").trim();
    const sample = "وقال المتحدثُ باسم الحكومةِ، «إنَّ المفاوضات» ستُستأنف في ٢٠ مايو/أيار.";
    expect(normaliseArabic(sample)).toBe(scorer(sample));
  });
});

describe("normaliseWithMap", () => {
  it("maps every normalised character back to the source character it came from", () => {
    const source = "وقال  المشيرُ خليفةُ حفتـر";
    const { text, toSource } = normaliseWithMap(source);
    expect(text).toBe("وقال المشير خليفه حفتر");
    const at = text.indexOf("حفتر");
    const end = sourceEnd(source, { text, toSource }, at + 4);
    expect(source.slice(toSource[at], end)).toBe("حفتـر");
    const k = text.indexOf("خليفه");
    expect(source.slice(toSource[k], sourceEnd(source, { text, toSource }, k + 5))).toBe("خليفةُ");
    expect(toSource[text.length]).toBe(source.length);
  });

  it("is consistent with normaliseArabic and monotonic for any text (property)", () => {
    const alphabet = fc.constantFrom(..."ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآىةؤئ َُِّْـ٠١٢ \t\nAbcÉé\u0301ﻻ«»،.");
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }).map((a) => a.join("")), (s) => {
        const { text, toSource } = normaliseWithMap(s);
        expect(normaliseArabic(s)).toBe(text);
        expect(toSource.length).toBe(text.length + 1);
        for (let i = 1; i < toSource.length; i++) expect(toSource[i]!).toBeGreaterThanOrEqual(toSource[i - 1]!);
        for (let i = 0; i < text.length; i++) expect(toSource[i]!).toBeLessThan(s.length);
      }),
      { numRuns: 300 },
    );
  });
});

describe("clitics", () => {
  it("strips conjunctions, prepositions and the article, never below two letters", () => {
    expect(stripClitics("وحفتر")).toEqual(["وحفتر", "حفتر"]);
    expect(stripClitics("لحفتر")).toEqual(["لحفتر", "حفتر"]);
    expect(stripClitics("بالدبيبة")).toEqual(["بالدبيبه", "الدبيبه", "دبيبه"]);
    expect(stripClitics("للأمم")).toEqual(["للامم", "الامم", "امم", "لامم"]);
    expect(stripClitics("لليبيا")).toContain("ليبيا");
    expect(stripClitics("وللأمم")).toContain("الامم");
    expect(stripClitics("والجيش")).toEqual(["والجيش", "الجيش", "جيش"]);
    expect(stripClitics("فبالجيش")).toContain("الجيش");
    expect(stripClitics("كالعادة")).toContain("العاده");
    expect(stripClitics("وب")).toEqual(["وب"]);
    for (const stem of stripClitics("ولل")) expect(stem.length).toBeGreaterThanOrEqual(2);
  });

  it("keeps the article for matching, so «الفرج» is never «فرج»", () => {
    expect(proclitics("الفرج")).toEqual(["الفرج"]);
    expect(proclitics("بالدبيبه")).toEqual(["بالدبيبه", "الدبيبه"]);
    expect(cliticStems("الفرج")).toEqual(["الفرج", "فرج"]);
  });
});

describe("searchTokens", () => {
  it("indexes normalised words and their stems so queries find clitic forms", () => {
    const index = searchTokens("وقالت المفاوضات لحفتر إنّ «الهدنة» صامدة", "ar");
    for (const q of searchTokens("حفتر مفاوضات الهدنة", "ar")) expect(index).toContain(q);
    expect(index).toContain("مفاوضات");
  });

  it("drops English possessives and lower-cases", () => {
    expect(searchTokens("Haftar's forces met the UN", "en")).toEqual(["haftar", "forces", "met", "the", "un"]);
  });
});

describe("phraseTokens memo", () => {
  it("hands each caller its own array: changing one does not change the next", async () => {
    const { phraseTokens } = await import("../../src/entities/trie.ts");
    const first = phraseTokens("the Foreign Ministry of Iraq");
    first.push("changed");
    expect(phraseTokens("the Foreign Ministry of Iraq")).toEqual(first.slice(0, -1));
  });
});
