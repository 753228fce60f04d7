/**
 * A story as an edition shows it (src/site/story-present.ts): the gist lines of an Arabic story in the English
 * edition say something its fact line does not, or are not shown.
 */
import { describe, expect, it } from "vitest";
import type { Article } from "../../src/schemas/article.ts";
import type { Event } from "../../src/schemas/event.ts";
import { buildSiteModel } from "../../src/site/model.ts";
import { dateRange, presentStory, storyDates } from "../../src/site/story-present.ts";
import { actor, article, tag } from "../fixtures/site/builders.ts";

const countries = [
  { code: "LY", names: { ar: "ليبيا", en: "Libya" } },
  { code: "TR", names: { ar: "تركيا", en: "Türkiye" } },
];
const places = [{ ar: "أنقرة", en: "Ankara", country: "TR" }];
const build = (articles: Article[]) =>
  buildSiteModel({ articles, actors: [actor("x", { country: "LY" }), actor("y", { country: "TR" })], countries, settings: { latest: 10, provisionalMinArticles: 2 } });

/** A meeting in Ankara of E-x and E-y on 29 October 2025 (the story's first day). */
const meet: Event = {
  type: "MEET",
  source_actor: { ar: "ع-x", en: "E-x" },
  target_actor: { ar: "ع-y", en: "E-y" },
  place: { ar: "أنقرة", en: "Ankara", country: "TR" },
  date: "2025-10-29",
  figures: [],
  trigger_ar: "التقى",
  gist_en: "",
};

const story = (events: Event[]) =>
  build([
    article("a1", {
      story: "s",
      published: "2025-10-29",
      source: "وكالة",
      dateline: "أنقرة/ الأناضول",
      places,
      actors: [tag("x"), tag("y")],
      countries: ["LY", "TR"],
      summary: "التقى ع-x ع-y في أنقرة.",
      events,
    }),
    article("a2", { story: "s", published: "2025-10-30", lang: "en", source: "Observer", actors: [tag("x")], countries: ["LY"] }),
  ]);

describe("gist lines of a story in the other edition", () => {
  it("are not shown when they only repeat the fact line (place, date and parties already in it)", () => {
    const p = presentStory(story([meet, { ...meet, type: "APPEAL", source_actor: null, target_actor: null, place: null }]), "s", "en");
    expect(p.facts).toContain("Ankara · 29 October 2025");
    expect(p.facts).toContain("E-x");
    expect(p.gist).toBeNull();
  });

  it("keep a line that names someone else or gives a toll, with dates in words", () => {
    const other = { ...meet, target_actor: { ar: "وفد", en: "Italian delegation" } };
    const attack: Event = { ...meet, type: "ATTACK", date: "2025-10-30", figures: [{ what: "killed", n: 2 }] };
    const p = presentStory(story([meet, other, attack]), "s", "en");
    expect(p.gist?.lines.map((l) => l.text)).toEqual([
      "Ankara (Türkiye) · E-x and Italian delegation · 29 October 2025",
      "Ankara (Türkiye) · E-x → E-y · 2 killed · 30 October 2025",
    ]);
    expect(p.gist?.path).toBe("articles/a1/");
  });
});

describe("the fact line of a story in the other edition", () => {
  it("leaves the outlet count to the list's meta line, and keeps it where the line stands alone (feeds, cards)", () => {
    const p = presentStory(story([meet]), "s", "en");
    expect(p.facts).toMatch(/ · 2 outlets$/);
    expect(p.listFacts).toBe(p.facts!.replace(" · 2 outlets", ""));
    expect(presentStory(story([meet]), "s", "ar").listFacts).toBeNull();
  });
});

describe("a story's dates", () => {
  it("say a month and year once when both ends share them, in both editions", () => {
    expect(storyDates({ first: "2025-10-29", last: "2025-10-30" }, "en")).toMatch(/^29\s?–\s?30 October 2025$/);
    expect(storyDates({ first: "2025-10-29", last: "2025-11-02" }, "en")).toMatch(/^29 October\s?–\s?2 November 2025$/);
    expect(storyDates({ first: "2025-10-29", last: "2025-10-30" }, "ar")).toMatch(/^29\s?–\s?30 أكتوبر 2025$/);
    expect(storyDates({ first: "2025-10-29", last: "2025-10-29" }, "en")).toBe("29 October 2025");
    expect(storyDates({ first: null, last: null }, "en")).toBeNull();
    expect(dateRange("en", "2025-10-27", "2025-11-02")).toMatch(/^27 October\s?–\s?2 November 2025$/);
    expect(dateRange("ar", "2025-12-29", "2026-01-04")).toMatch(/^29 ديسمبر 2025\s?–\s?4 يناير 2026$/);
  });
});

describe("presentStory", () => {
  it("presents a story once per model and edition, and again for another model", () => {
    const m = story([meet]);
    const en = presentStory(m, "s", "en");
    expect(presentStory(m, "s", "en")).toBe(en);
    expect(presentStory(m, "s", "ar")).not.toBe(en);
    const other = story([meet]);
    expect(presentStory(other, "s", "en")).not.toBe(en);
    expect(presentStory(other, "s", "en")).toEqual(en);
  });
});
