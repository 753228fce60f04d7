/**
 * Coded events as the site shows them (src/site/event-present.ts): gist lines rebuilt from the coded fields (actors
 * without an English name left out, repeats dropped), when an edition shows them, and a day's event counts.
 */
import { describe, expect, it } from "vitest";
import type { Event } from "../../src/schemas/event.ts";
import { actorCountItems, actorEventIndex, countItems, countryEvents, countsByDay, eventCounts, gistLines, showsGist, typeCountItems, typeCounts } from "../../src/site/event-present.ts";
import type { ArticleView } from "../../src/site/model.ts";

const ev = (extra: Partial<Event> = {}): Event => ({
  type: "ATTACK",
  source_actor: null,
  target_actor: null,
  place: null,
  date: null,
  figures: [],
  trigger_ar: "قصف",
  gist_en: "stale text a hand edit left",
  ...extra,
});

describe("gist lines", () => {
  it("rebuilds each line from the coded fields, split into its type label and the rest", () => {
    const lines = gistLines([
      ev({
        place: { ar: "مأرب", en: "Marib", country: "YE" },
        source_actor: { ar: "التحالف", en: "Saudi-led coalition" },
        target_actor: { ar: "مواقع الحوثيين", en: "Houthi positions" },
        figures: [{ what: "killed", n: 12 }],
      }),
    ]);
    expect(lines.map(({ type, label, text }) => ({ type, label, text }))).toEqual([
      { type: "ATTACK", label: "Attack", text: "Marib (Yemen) · Saudi-led coalition → Houthi positions · 12 killed" },
    ]);
  });

  it("gives the date in words, not as an ISO date", () => {
    const [line] = gistLines([ev({ type: "MEET", source_actor: { ar: "ف", en: "Hakan Fidan" }, target_actor: { ar: "د", en: "Abdul Hamid Dbeibah" }, date: "2025-10-29" })]);
    expect(line!.text).toBe("Hakan Fidan and Abdul Hamid Dbeibah · 29 October 2025");
    expect(line!.text).not.toMatch(/\d{4}-\d{2}/);
  });

  it("shows no arrow without a source, and no line that says only its type (perhaps with a date)", () => {
    const visit = ev({ type: "VISIT", place: { ar: "أنقرة", en: "Ankara", country: "TR" }, target_actor: { ar: "تركيا", en: "Türkiye" }, date: "2025-10-30" });
    expect(gistLines([visit]).map((l) => l.text)).toEqual(["Ankara (Türkiye) · 30 October 2025"]);
    const bare = [ev({ type: "APPEAL" }), ev({ type: "MEET", date: "2025-10-30" }), ev({ type: "MEET", target_actor: { ar: "القادة", en: "leaders" }, date: "2025-11-01" })];
    expect(gistLines(bare)).toEqual([]);
    // The victims of casualties are no arrow's target: they stay.
    expect(gistLines([ev({ type: "CASUALTIES", target_actor: { ar: "مدنيين", en: "civilians" }, figures: [{ what: "killed", n: 3 }] })]).map((l) => l.text)).toEqual(["3 killed · civilians"]);
  });

  it("leaves out an actor with no English name, and drops a line that repeats", () => {
    const meet = ev({ type: "MEET", source_actor: { ar: "الرئيس", en: "the president" }, target_actor: { ar: "وفد أهلي", en: null } });
    const lines = gistLines([meet, { ...meet, trigger_ar: "اجتمع" }, ev({ type: "OTHER" })]);
    expect(lines.map((l) => `${l.label}|${l.text}`)).toEqual(["Meeting|the president"]);
    expect(lines.map((l) => l.text).join(" ")).not.toContain("وفد");
    expect(gistLines(undefined)).toEqual([]);
  });

  it("against a story's fact line, keeps only lines that add to it", () => {
    const facts = "Ankara · 29 October 2025 · Hakan Fidan (Türkiye), Abdul Hamid Dbeibah (Libya) · 3 outlets";
    const meet = ev({ type: "MEET", place: { ar: "أنقرة", en: "Ankara", country: "TR" }, source_actor: { ar: "ف", en: "Hakan Fidan" }, target_actor: { ar: "د", en: "Abdul Hamid Dbeibah" }, date: "2025-10-29" });
    expect(gistLines([meet], facts)).toEqual([]);
    expect(gistLines([meet])).toHaveLength(1);
    // Another party or a toll is news to the fact line; another day alone is not (the story's dates are shown too).
    expect(gistLines([{ ...meet, target_actor: { ar: "و", en: "Italian delegation" } }], facts)).toHaveLength(1);
    expect(gistLines([{ ...meet, type: "ATTACK", figures: [{ what: "killed", n: 2 }] }], facts)).toHaveLength(1);
    expect(gistLines([{ ...meet, date: "2025-10-30" }], facts)).toEqual([]);
  });

  it("are shown in the English edition for Arabic articles with events only", () => {
    const events = [ev()];
    expect(showsGist({ lang: "ar", events }, "en")).toBe(true);
    expect(showsGist({ lang: "ar", events }, "ar")).toBe(false);
    expect(showsGist({ lang: "en", events }, "en")).toBe(false);
    expect(showsGist({ lang: "ar", events: [] }, "en")).toBe(false);
    expect(showsGist({ lang: "ar" }, "en")).toBe(false);
  });
});

describe("a day's event counts", () => {
  it("counts articles per type and sums each article's largest stated figure, citing every article", () => {
    const counts = eventCounts([
      { id: "a", events: [ev({ figures: [{ what: "killed", n: 12 }] }), ev({ type: "CASUALTIES", figures: [{ what: "killed", n: 12 }, { what: "wounded", n: 5 }] })] },
      { id: "b", events: [ev({ type: "CLASH", figures: [{ what: "killed", n: 3, at_least: true }, { what: "arrested", n: 9 }] })] },
      { id: "c", events: [ev({ type: "CASUALTIES", figures: [{ what: "wounded", n: null }] })] },
      { id: "d", events: [ev({ type: "MEET" })] },
      { id: "e" },
    ]);
    expect(counts).toEqual({
      types: [
        { type: "ATTACK", count: 1, articles: ["a"] },
        { type: "CLASH", count: 1, articles: ["b"] },
        { type: "CASUALTIES", count: 2, articles: ["a", "c"] },
      ],
      figures: [
        { what: "killed", total: 15, atLeast: true, sources: [{ article: "a", n: 12 }, { article: "b", n: 3 }] },
        { what: "wounded", total: 5, atLeast: false, sources: [{ article: "a", n: 5 }] },
      ],
    });
  });

  it("is null for a day with no counted event", () => {
    expect(eventCounts([{ id: "d", events: [ev({ type: "MEET" })] }, { id: "e" }])).toBeNull();
  });
});

describe("a count line in an edition", () => {
  const counts = eventCounts([
    { id: "a", events: [ev({ figures: [{ what: "killed", n: 12 }] })] },
    { id: "b", events: [ev({ type: "CLASH", figures: [{ what: "killed", n: 3, at_least: true }] })] },
  ])!;

  it("labels each type and figure in the edition's words and links each article's own number to it", () => {
    expect(countItems(counts, "en")).toEqual([
      { label: "Attacks", value: "1", sources: [] },
      { label: "Clashes", value: "1", sources: [] },
      { label: "Killed", value: "at least 15", sources: [{ text: "12", path: "articles/a/" }, { text: "3", path: "articles/b/" }] },
    ]);
    expect(countItems(counts, "ar").map((i) => i.label)).toEqual(["هجمات", "اشتباكات", "قتلى"]);
  });

  it("groups articles by their day, from a first day on, leaving out days without a counted event", () => {
    const view = (id: string, day: string | null, events?: Event[]) => [id, { day, article: { id, events } } as unknown as ArticleView] as const;
    const articles = new Map([
      view("a", "2025-11-03", [ev()]),
      view("b", "2025-11-03", [ev({ type: "CLASH" })]),
      view("c", "2025-11-02", [ev({ type: "MEET" })]),
      view("d", "2025-11-01", [ev()]),
      view("e", null, [ev()]),
    ]);
    const days = countsByDay({ articles }, ["a", "b", "c", "d", "e"], "2025-11-02");
    expect(days.map((d) => [d.day, d.counts.types.map((t) => t.type)])).toEqual([["2025-11-03", ["ATTACK", "CLASH"]]]);
  });
});

describe("an actor's events by type", () => {
  const mention = (ref: string, surface: string) => ({ ref, paragraph: 0, start: 0, end: surface.length, surface, sentence: "" });
  const articles = [
    {
      id: "a1",
      mentions: [mention("haftar", "حفتر"), mention("country:LY", "ليبيا")],
      events: [
        ev({ source_actor: { ar: "قوات حفتر", en: "Haftar's forces" }, target_actor: { ar: "مواقع", en: null } }),
        ev({ type: "CASUALTIES", source_actor: { ar: "قوات حفتر", en: "Haftar's forces" }, figures: [{ what: "killed", n: 3 }] }),
        ev({ type: "ATTACK", source_actor: { ar: "قوات حفتر", en: null }, trigger_ar: "غارة" }),
      ],
    },
    { id: "a2", mentions: [mention("old-haftar", "المشير")], events: [ev({ type: "MEET", source_actor: { ar: "الدبيبة", en: "Dbeibah" }, target_actor: { ar: "المشير", en: null } })] },
    // named in the article but no party to its event: not counted
    { id: "a3", mentions: [mention("haftar", "حفتر")], events: [ev({ type: "MEET", source_actor: { ar: "الدبيبة", en: "Dbeibah" }, target_actor: { ar: "تيتيه", en: "Tetteh" } })] },
    // a party by its English name
    { id: "a4", mentions: [mention("haftar", "خليفة")], events: [ev({ type: "MEET", source_actor: { ar: "القائد", en: "Khalifa Haftar" } })] },
  ];
  const index = actorEventIndex(articles, (ref) => (ref === "old-haftar" ? "haftar" : ref), (id) => (id === "haftar" ? "Khalifa Haftar" : undefined));

  it("counts each article once per type, only where the actor is a party (surfaces, former ids, English name)", () => {
    expect(index.get("haftar")).toEqual([
      { type: "ATTACK", articles: ["a1"] },
      { type: "CASUALTIES", articles: ["a1"] },
      { type: "MEET", articles: ["a2", "a4"] },
    ]);
    expect(index.has("country:LY")).toBe(false);
  });

  it("links every article of a count by its day, latest first", () => {
    const days: Record<string, string> = { a1: "2025-10-29", a2: "2025-10-30", a4: "2025-11-02" };
    const items = actorCountItems(index.get("haftar")!, "en", (id) => days[id] ?? null);
    expect(items.map((i) => `${i.label} ${i.value}`)).toEqual(["Attacks 1", "Casualty reports 1", "Meetings 2"]);
    expect(items[2]!.sources.map((s) => s.path)).toEqual([expect.stringContaining("a4"), expect.stringContaining("a2")]);
  });
});

describe("a country's events by type", () => {
  it("counts events placed in the country, or placeless in an article filed under it, from a day on", () => {
    const view = (id: string, day: string, primaryCountry: string, events: Event[]) => [id, { article: { id, events }, day, primaryCountry } as unknown as ArticleView] as const;
    const model = {
      articles: new Map([
        view("a", "2025-10-30", "LY", [ev({ place: { ar: "", en: "Libya", country: "LY" } }), ev({ type: "MEET" })]),
        view("b", "2025-10-30", "TN", [ev({ type: "MEET" }), ev({ type: "ARREST", place: { ar: "", en: "Libya", country: "LY" } })]),
        view("c", "2025-10-20", "LY", [ev({ type: "PROTEST" })]),
      ]),
    };
    expect(countryEvents(model, ["a", "b", "c"], "LY", "2025-10-25")).toEqual([
      { type: "ATTACK", articles: ["a"] },
      { type: "ARREST", articles: ["b"] },
      { type: "MEET", articles: ["a"] },
    ]);
  });
});

describe("a day's events by type", () => {
  it("counts every type once per article, whatever the place, numbered and linked when dates would repeat", () => {
    const view = (id: string, events: Event[]) => [id, { article: { id, events }, day: "2025-10-30", primaryCountry: "LY" } as unknown as ArticleView] as const;
    const model = {
      articles: new Map([
        view("a", [ev({ place: { ar: "", en: "Tunisia", country: "TN" } }), ev({ type: "MEET" }), ev({ type: "MEET" })]),
        view("b", [ev({ type: "MEET" })]),
        view("c", []),
      ]),
    };
    const counts = typeCounts(model, ["a", "b", "c"]);
    expect(counts).toEqual([
      { type: "ATTACK", articles: ["a"] },
      { type: "MEET", articles: ["a", "b"] },
    ]);
    const items = typeCountItems(counts, "en", () => null);
    expect(items[1]!.sources.map((s) => s.text)).toEqual(["1", "2"]);
  });
});
