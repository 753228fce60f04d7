/**
 * Date-aware roles (src/entities/roles.ts and the tagger's `resolveRole`, `resolveHolder`): a small knowledge base
 * of our own, written here, so that the expectations never move when content/actors grows.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseActorFile } from "../../src/content/actors-file.ts";
import { loadCountryLexicon } from "../../src/entities/countries.ts";
import { heldOn } from "../../src/entities/roles.ts";
import { createTagger, type TagResult } from "../../src/entities/tagger.ts";

const root = join(import.meta.dirname, "../..");
const person = (id: string, ar: string, en: string, country: string, roles: string, extra = "") => `- id: ${id}
  names: { ar: ${ar}, en: ${en} }
  type: person
  country: ${country}
${extra}  roles:
${roles}
  description: { ar: وصف, en: A test entry. }
  provenance: { added_by: test, source: test }
`;
const kb = [
  person("pm-one", "سالم الأول", "Salem al-Awwal", "IQ", `    - { title: { ar: رئيس مجلس الوزراء العراقي, en: Prime minister of Iraq }, from: "2010-01", to: "2014-08" }`),
  person("pm-two", "كريم الثاني", "Karim al-Thani", "IQ", `    - { title: { ar: رئيس مجلس الوزراء العراقي, en: Prime minister of Iraq }, from: "2014-09" }`,
    `  aliases: { ar: [رئيس الوزراء العراقي] }\n`),
  person("fm-tr", "مراد التركماني", "Murat Turkmani", "TR", `    - { title: { ar: وزير الخارجية التركي, en: Turkish foreign minister }, from: "2012-01", to: "2016-12" }`),
  person("leader-q", "معمر الفلاني", "Muammar al-Fulani", "LY", `    - { title: { ar: قائد ليبيا, en: Leader of Libya }, from: "1969-09", to: "2011-08" }`,
    `  ambiguous_aliases: [الفلاني]\n`),
  person("son-q", "خميس الفلاني", "Khamis al-Fulani", "LY", `    - { title: { ar: قائد اللواء 32, en: Commander of the 32nd Brigade }, from: "2005", to: "2011-08" }`,
    `  ambiguous_aliases: [الفلاني]\n`),
  person("heir-q", "سيف الفلاني", "Saif al-Fulani", "LY", `    - { title: { ar: مرشح رئاسي, en: Presidential candidate }, from: "2021-11" }`,
    `  ambiguous_aliases: [الفلاني]\n`),
  person("sudani-like", "محمد شياع السوداني", "Mohammed Shia al-Sudani", "IQ", `    - { title: { ar: نائب في البرلمان العراقي, en: Iraqi MP }, from: "2010" }`),
].join("\n");
const actors = parseActorFile(kb, "roles-kb.yaml");
const countries = loadCountryLexicon(join(root, "content/countries/forms.yaml"));
const tagger = createTagger({ actors, countries, candidateActors: false, discover: false });
const tag = (date: string | null, ...body: string[]): TagResult =>
  tagger.tag({ lang: /[\u0600-\u06ff]/.test(body.join("")) ? "ar" : "en", title: null, body, date });
const ids = (r: TagResult) => r.actors.map((a) => a.id);

describe("tenures", () => {
  it("treats a partial end date as the end of its year or month", () => {
    expect(heldOn({ from: "2014-09", to: "2016" }, "2016-12-31")).toBe(true);
    expect(heldOn({ from: "2014-09", to: "2016" }, "2017-01-01")).toBe(false);
    expect(heldOn({ from: "2014-09" }, "2014-08-31")).toBe(false);
  });
});

describe("a title written without a name", () => {
  it("names whoever held it on the article's date, in the press's variants of the title", () => {
    expect(ids(tag("2012-05-01", "وقال رئيس الوزراء العراقي إن الاتفاق قريب."))).toEqual(["pm-one"]);
    expect(ids(tag("2019-05-01", "وقال رئيس الحكومة العراقية إن الاتفاق قريب."))).toEqual(["pm-two"]);
    expect(ids(tag("2013-02-01", "Iraq's prime minister said the deal was near."))).toEqual(["pm-one"]);
    expect(ids(tag("2015-02-01", "The Iraqi prime minister met the Turkish foreign minister."))).toEqual(["pm-two", "fm-tr"]);
  });

  it("keeps the country the title names", () => {
    expect(tag("2013-03-01", "والتقى وزير الخارجية التركي نظيره.").countries).toEqual(["TR"]);
    expect(tag("2020-03-01", "والتقى وزير الخارجية التركي نظيره.").actors).toEqual([]);
  });

  it("names no one for another office, a future holder, one of several former holders, or a title followed by a name", () => {
    expect(ids(tag("2012-05-01", "وقال نائب رئيس الوزراء العراقي إن الاتفاق قريب."))).toEqual([]);
    expect(ids(tag("2019-05-01", "وقال رئيس الوزراء العراقي المقبل إن الاتفاق قريب."))).toEqual([]);
    expect(ids(tag("2012-05-01", "وقال رئيس الوزراء العراقي كريم الثاني إن الاتفاق قريب."))).toEqual(["pm-two"]);
    expect(ids(tag("2012-05-01", "A former Iraqi prime minister spoke."))).toEqual([]);
  });

  it("without a date names only a holder the article names in full, or the one holder listing it as an alias", () => {
    expect(ids(tag(null, "وقال رئيس الوزراء العراقي إن الاتفاق قريب."))).toEqual(["pm-two"]);
    expect(ids(tag(null, "Iraq's prime minister said. Salem al-Awwal agreed."))).toEqual(["pm-one"]);
  });
});

describe("a bare family name", () => {
  it("resolves by who held a role on the date (the longest in office among several)", () => {
    expect(ids(tag("2011-03-01", "وقال الفلاني إن قواته ستقاتل."))).toEqual(["leader-q"]);
    expect(ids(tag("2022-03-01", "وقال الفلاني إنه سيترشح."))).toEqual(["heir-q"]);
    expect(ids(tag("2018-03-01", "وقال الفلاني إنه سيترشح."))).toEqual([]);
  });

  it("that is also a country adjective names the person only with the full name written", () => {
    expect(tag("2024-01-01", "وقال الرئيس السوداني إن الحرب ستنتهي.").actors).toEqual([]);
    expect(ids(tag("2024-01-01", "وقال محمد شياع السوداني إن الاتفاق قريب، وأضاف السوداني أن الزيارة مهمة."))).toEqual(["sudani-like"]);
  });
});

describe("a title written with «السابق» or \"former\"", () => {
  it("names the holder whose tenure ended last before the date, never the one in office", () => {
    expect(ids(tag("2016-01-01", "قال رئيس الوزراء العراقي السابق إن الاتفاق مهم."))).toEqual(["pm-one"]);
    expect(ids(tag("2016-01-01", "The former Iraqi prime minister said the deal mattered."))).toEqual(["pm-one"]);
    expect(ids(tag("2013-01-01", "قال رئيس الوزراء العراقي السابق إن الاتفاق مهم."))).toEqual([]);
    expect(ids(tag(null, "قال رئيس الوزراء العراقي السابق إن الاتفاق مهم."))).toEqual([]);
    expect(ids(tag("2016-01-01", "A former Iraqi prime minister spoke."))).toEqual([]);
  });
});

describe("a title written with a country's name", () => {
  it("is also read with the country's adjective, the head made definite («رئيس جمهورية العراق» → «الرئيس العراقي»)", () => {
    const kb2 = parseActorFile(
      person("pres-iq", "فؤاد العراقي", "Fuad al-Iraqi", "IQ", `    - { title: { ar: رئيس جمهورية العراق, en: President of Iraq }, from: "2014-07", to: "2018-10" }`),
      "roles-kb2.yaml",
    );
    const t = createTagger({ actors: kb2, countries, candidateActors: false, discover: false });
    const who = (text: string) => t.tag({ lang: "ar", title: null, body: [text], date: "2016-01-01" }).actors.map((a) => a.id);
    expect(who("وقال الرئيس العراقي إن الاتفاق قريب.")).toEqual(["pres-iq"]);
    expect(who("وقال رئيس الجمهورية العراقية إن الاتفاق قريب.")).toEqual(["pres-iq"]);
  });
});

describe("a country adjective spelled several ways", () => {
  it("reads a title in each spelling («وزير الخارجية الأميركي» = «… الأمريكي»)", () => {
    const kb3 = parseActorFile(person("sec-us", "جون الأميركي", "John Amriki", "US", `    - { title: { ar: وزير الخارجية الأميركي, en: US secretary of state }, from: "2013-02", to: "2017-01" }`), "roles-kb3.yaml");
    const t = createTagger({ actors: kb3, countries, candidateActors: false, discover: false });
    const who = (text: string) => t.tag({ lang: "ar", title: null, body: [text], date: "2015-01-01" }).actors.map((a) => a.id);
    expect(who("وقال وزير الخارجية الأمريكي إن الاتفاق قريب.")).toEqual(["sec-us"]);
  });
});

describe("a title with a state word or a qualifier after the country", () => {
  it("is also read without them («أمير دولة قطر» → «أمير قطر», «الأمير القطري»; «رئيس مالي الانتقالي» keeps and drops «الانتقالي»)", () => {
    const kb4 = parseActorFile(
      [
        person("emir-qa", "تميم القطري", "Tamim al-Qatari", "QA", `    - { title: { ar: أمير دولة قطر, en: Emir of Qatar }, from: "2013-06" }`),
        person("pres-tn", "منصف التونسي", "Moncef al-Tunisi", "TN", `    - { title: { ar: رئيس تونس المؤقت, en: Interim president of Tunisia }, from: "2011-12", to: "2014-12" }`),
      ].join("\n"),
      "roles-kb4.yaml",
    );
    const t = createTagger({ actors: kb4, countries, candidateActors: false, discover: false });
    const who = (text: string) => t.tag({ lang: "ar", title: null, body: [text], date: "2014-01-01" }).actors.map((a) => a.id);
    expect(who("وقال أمير قطر إن الاتفاق قريب.")).toEqual(["emir-qa"]);
    expect(who("وقال الأمير القطري إن الاتفاق قريب.")).toEqual(["emir-qa"]);
    expect(who("وقال الرئيس التونسي المؤقت إن الاتفاق قريب.")).toEqual(["pres-tn"]);
    expect(who("وقال الرئيس التونسي إن الاتفاق قريب.")).toEqual(["pres-tn"]);
  });
});

describe("an undated tenure", () => {
  it("counts only when no dated tenure covers the date", async () => {
    const { holdersOn } = await import("../../src/entities/roles.ts");
    const [a, b] = parseActorFile([person("dated", "أ", "A", "SD", `    - { title: { ar: ق, en: C }, from: "2010", to: "2014" }`), person("undated", "ب", "B", "SD", `    - { title: { ar: ق, en: C } }`)].join("\n"), "t.yaml");
    const tenures = [{ actor: a!, from: "2010", to: "2014" }, { actor: b! }];
    expect(holdersOn(tenures, "2012-01-01").map((x) => x.id)).toEqual(["dated"]);
    expect(holdersOn(tenures, "2020-01-01").map((x) => x.id)).toEqual(["undated"]);
  });
});
