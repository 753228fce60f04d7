import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCountryLexicon } from "../../src/entities/countries.ts";
import { createTagger } from "../../src/entities/tagger.ts";
import { Actor, type ActorInput } from "../../src/schemas/actor.ts";

// Successive holders of one body (US administrations) sharing the press's names for it: the date picks one.
const shared = { ar: ["الحكومة الأمريكية"], en: ["American government", "U.S. government"] };
const administration = (id: string, ar: string, en: string, from: string, to?: string): Actor =>
  Actor.parse({
    id,
    names: { ar, en },
    aliases: shared,
    ambiguous_aliases: [...shared.ar, ...shared.en],
    type: "government",
    country: "US",
    roles: [{ title: { ar: "السلطة التنفيذية في الولايات المتحدة", en: "Executive branch of the United States" }, from, ...(to ? { to } : {}) }],
    description: { ar: "د", en: "d" },
    provenance: { added_by: "test", source: "test" },
  } satisfies ActorInput);
const actors = [
  administration("obama-administration", "إدارة أوباما", "Obama administration", "2009-01-20", "2017-01-20"),
  administration("trump-administration-2017", "إدارة ترامب الأولى", "First Trump administration", "2017-01-20", "2021-01-20"),
];
const countries = loadCountryLexicon(join(import.meta.dirname, "../../content/countries/forms.yaml"));
const tagger = createTagger({ actors, countries, candidateActors: false, discover: false });
const ids = (lang: "ar" | "en", date: string | null, text: string) => tagger.tag({ lang, title: null, body: [text], date }).actors.map((a) => a.id);

describe("a name shared by successive holders", () => {
  it("names the holder in office on the article's date", () => {
    expect(ids("en", "2017-01-13", "The American government plans to lift the sanctions the United States imposed on Sudan.")).toEqual(["obama-administration"]);
    expect(ids("en", "2019-05-01", "The U.S. government plans to lift the sanctions the United States imposed on Sudan.")).toEqual(["trump-administration-2017"]);
    expect(ids("ar", "2018-03-01", "قالت الحكومة الأمريكية إنها ستفرض عقوبات جديدة.")).toEqual(["trump-administration-2017"]);
  });

  it("names no one without a date, and no generic body is owned by either holder", () => {
    expect(ids("en", null, "The American government plans to lift sanctions on Sudan.")).toEqual([]);
    expect(ids("en", "2017-01-13", "The government of the United States plans to lift sanctions.")).not.toContain("obama-administration");
  });

  it("reads a government after a period word as a time, not an actor", () => {
    expect(ids("ar", "2018-03-01", "تراجعت العلاقات في عهد إدارة أوباما ثم تحسنت.")).toEqual([]);
    expect(ids("ar", "2018-03-01", "انتقدت إدارة أوباما القرار.")).toEqual(["obama-administration"]);
  });
});

describe("a body whose knowledge-base owner holds it from a date", () => {
  const junta = Actor.parse({
    id: "cnsp-niger",
    names: { ar: "المجلس الوطني لحماية الوطن", en: "National Council for the Safeguard of the Homeland" },
    aliases: { ar: ["حكومة النيجر"], en: [] },
    type: "government",
    country: "NE",
    roles: [{ title: { ar: "السلطة العسكرية الحاكمة في النيجر", en: "Niger's ruling military authority" }, from: "2023-07" }],
    description: { ar: "د", en: "d" },
    provenance: { added_by: "test", source: "test" },
  } satisfies ActorInput);
  const t = createTagger({ actors: [junta], countries, candidateActors: false, discover: false });
  const tag = (date: string | null) => t.tag({ lang: "ar", title: null, body: ["قالت الحكومة النيجرية إنها ألغت الاتفاق."], date }).actors.map((a) => a.id);
  it("is the owner while it holds its role, the generic body before", () => {
    expect(tag("2024-03-17")).toEqual(["cnsp-niger"]);
    expect(tag("2019-05-01")).toEqual(["government-of-ne"]);
    expect(tag(null)).toEqual(["cnsp-niger"]);
  });
});
