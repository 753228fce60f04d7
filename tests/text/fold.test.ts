import { describe, expect, it } from "vitest";
import { DIGIT, DIGIT_CLASS, foldKey, foldSpelling } from "../../src/text/index.ts";

describe("fold levels", () => {
  it("spelling folds letter variants, vowel marks, tatweel, case and dots, and keeps punctuation and digits", () => {
    expect(foldSpelling("  إِقرأ  أيضاً ")).toBe("اقرا ايضا");
    expect(foldSpelling("مؤتمر رئيس")).toBe("موتمر رييس");
    expect(foldSpelling("الجمعـة")).toBe("الجمعه");
    expect(foldSpelling("P.M., ٣")).toBe("pm, ٣");
  });
  it("key folds what spelling folds, plus digits to ASCII and punctuation to one space", () => {
    expect(foldKey("«إقرأ أيضاً»: ٢٠٢٤")).toBe("اقرا ايضا 2024");
    expect(foldKey("مؤتمر، رئيس!")).toBe("موتمر رييس");
    expect(foldKey("ＡＢＣ ۱۲")).toBe("abc 12");
  });
  it("key is stable: folding a key again changes nothing", () => {
    for (const s of ["اقرأ أيضا", "Hello, World!", "٢٠٢٤/٠٣/٠١"]) expect(foldKey(foldKey(s))).toBe(foldKey(s));
  });
});

describe("digits", () => {
  it("are ASCII, Arabic-Indic and Eastern Arabic", () => {
    for (const d of ["7", "٧", "۷"]) expect(DIGIT.test(d)).toBe(true);
    expect(DIGIT.test("سبعة")).toBe(false);
    expect(new RegExp(`^${DIGIT_CLASS}{4}$`, "u").test("٢٠۲4")).toBe(true);
  });
});

describe("clitic table", () => {
  it("loads in written order, longest first within each list", async () => {
    const { CLITICS, PROCLITICS } = await import("../../src/text/clitics.ts");
    expect(PROCLITICS.slice(0, CLITICS.article.length)).toEqual(CLITICS.article);
    for (const list of [CLITICS.article, CLITICS.conjunctions, CLITICS.prepositions, CLITICS.suffixes]) {
      for (let i = 1; i < list.length; i++) expect(list[i]!.length, list[i]).toBeLessThanOrEqual(list[i - 1]!.length);
    }
    expect(CLITICS.article).toContain("ال");
  });
});
