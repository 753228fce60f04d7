import { describe, expect, it } from "vitest";
import { arabicVariantKey, mergeCandidates } from "../../src/entities/discover.ts";

describe("spellings of one candidate", () => {
  it("merge across letters for foreign sounds and tatweel, the plainer spelling shown", () => {
    const found = [
      { name: "حــــيدر البرزنچــي", lang: "ar" as const, kind: "person" as const, sentence: "تغريدة." },
      { name: "حيدر البرزنجي", lang: "ar" as const, kind: "person" as const, sentence: "قال حيدر البرزنجي." },
    ];
    const merged = mergeCandidates(found);
    expect(merged).toHaveLength(1);
    expect(merged[0]!.name_ar).toBe("حيدر البرزنجي");
    expect(merged[0]!.frequency).toBe(2);
    expect(arabicVariantKey("فلاديمير پوتين")).toBe(arabicVariantKey("فلاديمير بوتين"));
  });
});
