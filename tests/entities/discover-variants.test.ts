import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCountryLexicon } from "../../src/entities/countries.ts";
import { createTagger } from "../../src/entities/tagger.ts";
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

describe("a quoted organisation head", () => {
  const tagger = createTagger({ actors: [], countries: loadCountryLexicon(join(import.meta.dirname, "../../content/countries/forms.yaml")) });
  const names = (text: string) => tagger.tag({ lang: "ar", title: null, body: [text], date: null }).candidates.map((c) => c.name_ar);
  it("with an indefinite nisba after it describes, it does not name", () => {
    expect(names('وحصل فيها "حزب إسلامي معتدل"، على أغلبية الأصوات.')).toEqual([]);
    expect(names('وحصل فيها "حزب الأمة القومي"، على أغلبية الأصوات.')).toEqual(["حزب الأمة القومي"]);
  });
});
