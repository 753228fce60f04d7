/**
 * Held-out leads written for these tests (fixtures/heldout.json, coded by the codebook; never tuned on one by
 * one): a proxy for the blind set. The coder must find each item's event types (a ratchet, raised as the coder
 * improves) and must never invent an English name for a span it cannot render.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseActorFile } from "../../src/content/actors-file.ts";
import { loadCountryLexicon } from "../../src/entities/countries.ts";
import { loadPlaceLexicon } from "../../src/entities/places.ts";
import { createTagger } from "../../src/entities/tagger.ts";
import { createEventCoder, type EventCoder } from "../../src/events/index.ts";
import { Event } from "../../src/schemas/event.ts";

const root = join(import.meta.dirname, "../..");
const actorsFile = join(root, "tests/fixtures/entities/actors.yaml");
const items = JSON.parse(readFileSync(join(import.meta.dirname, "fixtures/heldout.json"), "utf8")) as Array<{
  id: string;
  sentence: string;
  published: string;
  events: Array<{ type: string }>;
}>;

type Item = { id: string; sentence: string; published: string; events: Array<{ type: string }> };
const outlets = JSON.parse(readFileSync(join(import.meta.dirname, "fixtures/heldout-outlets.json"), "utf8")) as Item[];
const english = JSON.parse(readFileSync(join(import.meta.dirname, "fixtures/english-leads.json"), "utf8")) as Item[];

let coder: EventCoder;
beforeAll(() => {
  const actors = parseActorFile(readFileSync(actorsFile, "utf8"), actorsFile);
  const countries = loadCountryLexicon(join(root, "content/countries/forms.yaml"));
  const places = loadPlaceLexicon(join(root, "content/countries/places.yaml"));
  coder = createEventCoder({ tagger: createTagger({ actors, countries, places, candidateActors: false }), actors, countries, places });
});

const code = (sentence: string) => coder.code({ sentence, published: "2024-05-12" }).map((e) => Event.parse(e));
const bag = (types: string[]) => [...types].sort().join(" ");

describe("held-out leads", () => {
  it("finds the event types of most items", () => {
    const right = items.filter((x) => bag(code(x.sentence).map((e) => e.type)) === bag(x.events.map((e) => e.type)));
    expect(right.length).toBeGreaterThanOrEqual(MIN_RIGHT);
  });

  it("finds the event types of most leads in outlets' styles (datelines, honorifics, background, denials)", () => {
    const right = outlets.filter((x) => bag(coder.code({ sentence: x.sentence, published: x.published }).map((e) => e.type)) === bag(x.events.map((e) => e.type)));
    expect(right.length).toBeGreaterThanOrEqual(MIN_RIGHT_OUTLETS);
  });

  it("codes English leads conservatively: no event without an actor it knows, a group, or a toll", () => {
    const claimed = english.flatMap((x) => coder.code({ sentence: x.sentence, published: x.published }).map((e) => ({ e, gold: x.events })));
    const right = claimed.filter(({ e, gold }) => gold.some((g) => g.type === e.type));
    // precision of event types over the English leads: the gist of an English article is shown as fact
    expect(right.length / claimed.length).toBeGreaterThanOrEqual(0.85);
  });

  it("renders common-noun actors from the group lexicon, never romanised into a name", () => {
    const [cas, attack] = code("قتل خمسة مدنيين وأصيب ثمانية آخرون في قصف مدفعي استهدف حيا سكنيا في مدينة الفاشر");
    expect(cas!.figures).toEqual([{ what: "killed", n: 5 }, { what: "wounded", n: 8 }]);
    expect(attack!.target_actor).toEqual({ ar: "حيا سكنيا", en: "residential area" });
    const [arrest] = code("اعتقلت قوات الأمن 12 مشتبها بهم");
    expect(arrest!.target_actor?.en).toBe("suspects");
  });

  it("codes English leads: subject–verb–object, an attack with its toll, a passive toll, relative days", () => {
    const [attack, cas] = code("Gunmen killed three policemen in an attack on a checkpoint near Rafah on Friday.");
    expect(attack).toMatchObject({ type: "ATTACK", source_actor: { en: "Gunmen" }, target_actor: { en: "checkpoint" }, place: { country: "PS" }, date: "2024-05-10" });
    expect(cas).toMatchObject({ type: "CASUALTIES", target_actor: { en: "three policemen" }, figures: [{ what: "killed", n: 3 }] });
    const [toll, ...none] = code("At least 9 people were killed and 20 wounded in Mogadishu.");
    expect(none).toEqual([]);
    expect(toll!.figures).toEqual([{ what: "killed", n: 9, at_least: true }, { what: "wounded", n: 20 }]);
    const [agree] = code("Jordan and Syria signed an agreement in Amman.");
    expect(agree).toMatchObject({ type: "AGREE", source_actor: { en: "Jordan" }, target_actor: { en: "Syria" }, place: { country: "JO" } });
    expect(code("The ministry denied that its jets struck positions in northern Iraq.").map((e) => e.type)).toEqual(["STATEMENT"]);
  });

  it("does not code what a condemnation is about; a casualty verb's victims are not the act's agent", () => {
    expect(code("ندد وزير الخارجية بالهجوم على السفارة في الخرطوم").map((e) => e.type)).not.toContain("ATTACK");
    const attack = code("أصيب ثلاثة مدنيين بجروح في انفجار عبوة ناسفة في مدينة العريش").find((e) => e.type === "ATTACK");
    expect(attack?.source_actor).toBeNull();
  });

  it("reads general forms: «لقي X حتفه», plural passives, clashes as a verb", () => {
    const [cas] = code("لقي ستة أشخاص حتفهم في حادث إطلاق نار بمدينة الموصل");
    expect(cas).toMatchObject({ type: "CASUALTIES", figures: [{ what: "killed", n: 6 }] });
    expect(code("اشتبكت قوات الأمن مع مسلحين في مدينة الموصل").map((e) => e.type)).toEqual(["CLASH"]);
  });

  it("leaves `en` null for a span with no English of its own, and out of the gist", () => {
    const [e] = code("واصل المحتجون احتجاجاتهم ضد الإجراءات الاقتصادية الجديدة");
    expect(e!.type).toBe("PROTEST");
    expect(e!.target_actor).toEqual({ ar: "الإجراءات الاقتصادية الجديدة", en: null });
    expect(e!.gist_en).not.toMatch(/Ijra|Iqtisad/i);
    // a venue head alone («في قصره») is no place name: the country stands for it
    const [meet] = code("استقبل الرئيس التونسي في قصره سفير فرنسا");
    expect(meet!.place?.en ?? "").not.toMatch(/Qasr/i);
  });
});

/** Items whose event types the coder gets exactly (of 47; the first 34 gave 25 before the first tuning; 41 before the outlets set): raise it as the coder improves, never lower it. */
const MIN_RIGHT = 42;
/** Items of heldout-outlets.json (49, coded before the coder saw them, then used to find general failures) whose types the coder gets exactly with the test knowledge base: raise it, never lower it. */
const MIN_RIGHT_OUTLETS = 42;
