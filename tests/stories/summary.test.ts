import { describe, expect, it } from "vitest";
import { isFurniture, splitSentences, stripFurniture, summarise } from "../../src/stories/index.ts";
import { SUMMARY } from "../../src/stories/settings.ts";

describe("stripFurniture", () => {
  const cases: Array<[string, string]> = [
    ["(CNN)-- أعلنت الحكومة خطة جديدة.", "أعلنت الحكومة خطة جديدة."],
    ["(CNN) – Officials met on Monday.", "Officials met on Monday."],
    ["WASHINGTON (Reuters) - The talks ended late.", "The talks ended late."],
    ['طرابلس - "الشرق الأوسط": قال المسؤول إن الوفد وصل.', "قال المسؤول إن الوفد وصل."],
    ["الرياض - واس: وصل الوفد إلى المدينة.", "وصل الوفد إلى المدينة."],
    ["واس – جدة: أعلنت الوزارة البيان.", "أعلنت الوزارة البيان."],
    ["سبق- وكالات: صدر الحكم أمس.", "صدر الحكم أمس."],
    ["القاهرة (أ ف ب) - التقى الوزيران.", "التقى الوزيران."],
    ["ADEN, Mar 4 (Harbour Wire) - The port reopened.", "The port reopened."],
    ["EL FASHER (Darfur Radio) – Shelling resumed.", "Shelling resumed."],
    ["March 4, 2025 (ADEN) – The port reopened.", "The port reopened."],
    ["ADEN, March 4, 2025 - The port reopened.", "The port reopened."],
    ["ADEN, Mar 4 — The port reopened.", "The port reopened."],
  ];
  for (const [input, expected] of cases) it(`removes the furniture of «${input.slice(0, 24)}»`, () => expect(stripFurniture(input)).toBe(expected));
  it("keeps a lead that opens with a capitalised phrase in brackets but no dateline dash", () =>
    expect(stripFurniture("NATO (the alliance) said on Monday it would meet.")).toBe("NATO (the alliance) said on Monday it would meet."));

  it("removes a bare place dateline only for the article's own dateline or places", () => {
    expect(stripFurniture("الخرطوم - دعت الأحزاب إلى حوار.", undefined, { places: ["الخرطوم", "Khartoum"] })).toBe("دعت الأحزاب إلى حوار.");
    expect(stripFurniture("KHARTOUM, Sudan - Talks resumed.", undefined, { dateline: "Khartoum" })).toBe("Talks resumed.");
    expect(stripFurniture("الخرطوم - دعت الأحزاب إلى حوار.")).toBe("الخرطوم - دعت الأحزاب إلى حوار.");
    // the place with its day, in Arabic-Indic or Western digits
    expect(stripFurniture("الخرطوم ١٤ نوفمبر ٢٠٢٥ – حذّر البرنامج من مجاعة.", undefined, { dateline: "الخرطوم" })).toBe("حذّر البرنامج من مجاعة.");
    expect(stripFurniture("نيالا 29 أكتوبر 2025 - أعلن القائد تشكيل لجنة.", undefined, { places: ["نيالا"] })).toBe("أعلن القائد تشكيل لجنة.");
    expect(stripFurniture("الخرطوم ١٤ نوفمبر ٢٠٢٥ – حذّر البرنامج من مجاعة.")).toBe("الخرطوم ١٤ نوفمبر ٢٠٢٥ – حذّر البرنامج من مجاعة.");
    // names with hyphens, dots and brackets are literal text
    expect(stripFurniture("Sharm el-Sheikh - Talks resumed.", undefined, { places: ["Sharm el-Sheikh", "St. (x)"] })).toBe("Talks resumed.");
  });

  it("keeps a lead whose colon is speech, not a dateline", () => {
    const text = "قال الوزير للصحافيين: لن نتراجع عن القرار.";
    expect(stripFurniture(text)).toBe(text);
  });

  it("recognises a paragraph that is only a dateline", () => {
    expect(isFurniture("جدة : واس")).toBe(true);
    expect(isFurniture("واس")).toBe(true);
    expect(isFurniture("وصل الوفد إلى جدة.")).toBe(false);
  });
});

describe("splitSentences", () => {
  it("does not end a sentence inside a quote, at a decimal, a thousands separator or an abbreviation", () => {
    const text = "قال: «لم ننته. سنواصل». ارتفع المؤشر 3.5 في المئة إلى 1,200 نقطة. وصل د. أحمد والسيد U.S. Gen. Smith مساء. انتهى.";
    expect(splitSentences(text)).toEqual([
      "قال: «لم ننته. سنواصل».",
      "ارتفع المؤشر 3.5 في المئة إلى 1,200 نقطة.",
      "وصل د. أحمد والسيد U.S. Gen. Smith مساء.",
      "انتهى.",
    ]);
  });

  it("does not end a sentence at an ellipsis inside it", () => {
    expect(splitSentences("الموقف.. معقد جدا. ثم تغير.")).toEqual(["الموقف.. معقد جدا.", "ثم تغير."]);
  });
});

describe("summarise", () => {
  it("takes the lead sentence verbatim, furniture removed", () => {
    const body = ["(CNN)-- وافق المجلس، الاثنين، على قرار جديد بشأن الموانئ والطرق في الجنوب بعد نقاش طويل بين الكتل. وقال رئيسه إن التنفيذ يبدأ الشهر المقبل في ثلاث محافظات.", "فقرة ثانية."];
    expect(summarise(body)).toBe("وافق المجلس، الاثنين، على قرار جديد بشأن الموانئ والطرق في الجنوب بعد نقاش طويل بين الكتل. وقال رئيسه إن التنفيذ يبدأ الشهر المقبل في ثلاث محافظات.");
  });

  it("adds the second sentence only when the first is short and both fit", () => {
    const long = `${"كلمة ".repeat(40).trim()}.`;
    const summary = summarise([`${long} ${"أخرى ".repeat(30).trim()}.`]);
    expect(summary).toBe(long);
  });

  it("skips a dateline paragraph and a heading-like line", () => {
    expect(summary(["جدة : واس", "بيان", "أعلنت الوزارة اليوم نتائج التحقيق في الحادث الذي وقع الأسبوع الماضي."])).toBe(
      "أعلنت الوزارة اليوم نتائج التحقيق في الحادث الذي وقع الأسبوع الماضي.",
    );
  });

  it("cuts an overlong sentence at a clause or word boundary, never inside a word", () => {
    const words = Array.from({ length: 120 }, (_, i) => `كلمة${i}`);
    const out = summarise([`${words.join(" ")}.`])!;
    expect(out.length).toBeLessThanOrEqual(SUMMARY.maxChars + 1);
    expect(out.endsWith("…")).toBe(true);
    const kept = out.slice(0, -1).split(" ");
    expect(words.slice(0, kept.length)).toEqual(kept);
  });

  it("is null for a body without prose", () => {
    expect(summarise([])).toBeNull();
    expect(summarise(["واس"])).toBeNull();
  });
});

function summary(body: string[]): string | null {
  return summarise(body);
}
