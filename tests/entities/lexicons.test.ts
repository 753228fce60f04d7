import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { countryCodes, countryEntries, countryName, inflectArabicAdjective, loadCountryLexicon, NON_COUNTRY_CODES, parseCountryForms } from "../../src/entities/countries.ts";
import { loadEntityLexicons } from "../../src/entities/index.ts";
import { discoveryLexicon, institutionLexicon, TitleLexicon, titleLexicon } from "../../src/entities/lexicon.ts";
import { parseLexicon } from "../../src/schemas/lexicon.ts";
import { buildInstitutionIndex } from "../../src/entities/institutions.ts";
import { normaliseArabic } from "../../src/entities/normalise.ts";
import { loadPlaceLexicon, parsePlaces } from "../../src/entities/places.ts";

const content = join(import.meta.dirname, "../../content");

describe("countries", () => {
  it("derives every ISO 3166-1 code and its names from Intl, excluding non-country codes", () => {
    const codes = countryCodes();
    expect(codes).toHaveLength(249);
    for (const c of ["LY", "SD", "PS", "SS", "EH", "BW", "VA"]) expect(codes).toContain(c);
    for (const c of NON_COUNTRY_CODES) expect(codes).not.toContain(c);
    expect(countryName("LY", "ar")).toBe(new Intl.DisplayNames(["ar"], { type: "region" }).of("LY"));
    expect(countryName("EG", "en")).toBe("Egypt");
    expect(countryEntries().find((c) => c.code === "SD")?.names.en).toBe("Sudan");
  });

  it("inflects Arabic adjectives with and without the article", () => {
    const forms = inflectArabicAdjective("ليبي");
    for (const f of ["ليبي", "الليبية", "الليبيين", "الليبيون", "ليبيات"]) expect(forms).toContain(f);
  });

  it("loads forms.yaml with press forms for the region, P5 and neighbours", () => {
    const lex = loadCountryLexicon(join(content, "countries/forms.yaml"));
    const codesOf = (text: string) => lex.forms.find((f) => normaliseArabic(f.text) === normaliseArabic(text))?.codes;
    expect(codesOf("الأمريكية")).toEqual(["US"]);
    expect(codesOf("الكرملين")).toEqual(["RU"]);
    expect(codesOf("Libyans")).toEqual(["LY"]);
    expect(codesOf("غزة")).toEqual(["PS"]);
    expect(codesOf("عمان")).toEqual(["OM", "JO"]);
    expect(lex.forms.some((f) => f.text === "مالي")).toBe(false);
  });

  it("names the file and the entry when forms.yaml is invalid or a group is empty", () => {
    expect(() => parseCountryForms("countries:\n  LY: {ar: {names: [1]}}\nblockers: {ar: [x], en: [y]}\n", "forms.yaml")).toThrow(/forms\.yaml.*countries\.LY\.ar\.names\.0/);
    expect(() => parseCountryForms("countries:\n  LY: {ar: {}}\nblockers: {ar: [x], en: [y]}\n", "forms.yaml")).toThrow(/forms\.yaml.*countries\.LY.*no forms/);
    expect(() => parseCountryForms("countries: {}\nblockers: {ar: [], en: [y]}\n", "forms.yaml")).toThrow(/blockers\.ar/);
  });
});

describe("places", () => {
  it("loads about two hundred places with valid countries", () => {
    const { places } = loadPlaceLexicon(join(content, "countries/places.yaml"));
    expect(places.length).toBeGreaterThanOrEqual(200);
    const tripoli = places.filter((p) => p.en === "Tripoli");
    expect(tripoli.map((p) => [p.country, p.when])).toEqual([["LY", undefined], ["LB", "context"]]);
    expect(places.find((p) => p.en === "Jerusalem")?.country).toBe("IL");
    expect(places.find((p) => p.en === "Golan Heights")?.country).toBe("SY");
  });

  it("names the file and the entry on invalid data", () => {
    expect(() => parsePlaces("- {ar: بنغازي, en: Benghazi, country: XX}\n", "places.yaml")).toThrow(/places\.yaml: place #1 \(بنغازي\)/);
    expect(() => parsePlaces("- {ar: بنغازي, en: Benghazi}\n", "places.yaml")).toThrow(/places\.yaml: place #1 \(بنغازي\): field `country`/);
    expect(() => parsePlaces("[]\n", "places.yaml")).toThrow(/non-empty/);
  });
});

describe("word lexicons", () => {
  it("load and reject an empty group", () => {
    expect(titleLexicon().ranks.ar.length).toBeGreaterThan(5);
    expect(Object.keys(discoveryLexicon().given_names).length).toBeGreaterThan(50);
    const text = "ranks: {ar: [], en: [Gen]}\nqualifiers: {ar: [x], en: [y]}\nheads: {ar: [x], en: [y]}\nkinship: {ar: [x], en: [y]}\nbreakers: {ar: [x], en: [y]}\n";
    expect(() => parseLexicon(TitleLexicon, text, "titles.yaml")).toThrow(/titles\.yaml: field `ranks\.ar` \(line \d+\): an empty group is an error/);
  });

  it("builds institution bodies on demand, with deterministic ids and names per country", () => {
    const lex = institutionLexicon();
    expect(lex.institutions.length + lex.ministries.length).toBeGreaterThan(40);
    const index = buildInstitutionIndex(loadCountryLexicon(join(content, "countries/forms.yaml")), lex);
    const gov = index.institutions.findIndex((i) => i.id === "government-of-{cc}");
    expect(index.body(gov, "LB")).toMatchObject({ id: "government-of-lb", names: { ar: "الحكومة اللبنانية", en: "Lebanese government" }, country: "LB" });
    expect(index.body(gov, "LY")).toBeNull(); // contested: rival governments
    expect(index.body(gov, "ML")?.names.ar).toBe("الحكومة في مالي"); // no usable adjective («مالي» = financial)
    const mfa = index.institutions.findIndex((i) => i.id === "ministry-of-foreign-affairs-{cc}");
    expect(index.body(mfa, "IQ")).toMatchObject({ id: "ministry-of-foreign-affairs-iq", names: { ar: "وزارة الخارجية العراقية", en: "Iraqi Ministry of Foreign Affairs" } });
    expect(index.body(mfa, "IQ")).toBe(index.body(mfa, "IQ"));
  });

  it("loadEntityLexicons reads the content directory", () => {
    const lex = loadEntityLexicons(content);
    expect(lex.countries.forms.length).toBeGreaterThan(1000);
    expect(lex.places.places.length).toBeGreaterThanOrEqual(200);
    expect(Array.isArray(lex.actors)).toBe(true);
  });
});

describe("knowledge base", () => {
  it("holds no actor twice: two entries of one country never share a canonical name (each would make the other's names ambiguous)", () => {
    const { actors } = loadEntityLexicons(content);
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const a of actors) {
      for (const name of [a.names.ar, a.names.en]) {
        const key = `${a.country ?? "—"}|${normaliseArabic(name)}`;
        const other = seen.get(key);
        if (other && other !== a.id) twice.push(`${other} = ${a.id} (${name})`);
        else seen.set(key, a.id);
      }
    }
    expect(twice).toEqual([]);
  });
});
