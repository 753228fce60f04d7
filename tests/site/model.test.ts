/**
 * The site model from small literal inputs: days and their honest dating, briefs grouped by country, actors of the
 * day, what is new since the previous brief, actor and country aggregates, related articles, provisional actors and
 * former-id redirects.
 */
import { describe, expect, it } from "vitest";
import type { Actor } from "../../src/schemas/actor.ts";
import type { Article, Mention } from "../../src/schemas/article.ts";
import { buildSiteModel, buildTimeline, type SiteModelInput } from "../../src/site/model.ts";
import { actor, article, tag } from "../fixtures/site/builders.ts";

const settings = { latest: 10, provisionalMinArticles: 2 };
const countries = [
  { code: "LY", names: { ar: "ليبيا", en: "Libya" } },
  { code: "SD", names: { ar: "السودان", en: "Sudan" } },
  { code: "EG", names: { ar: "مصر", en: "Egypt" } },
];


const mention = (ref: string, sentence = `جملة ${ref}`, role?: string): Mention => ({
  ref,
  paragraph: 0,
  start: 0,
  end: 1,
  surface: "x",
  sentence,
  ...(role ? { role } : {}),
});


function model(articles: Article[], actors: Actor[] = []) {
  const input: SiteModelInput = { articles, actors, countries, settings };
  return buildSiteModel(input);
}

describe("days", () => {
  it("files an article by its publication date, else by the date it was seen, else under no day", () => {
    const m = model([
      article("a", { published: "2024-08-14", seen: "2024-08-15" }),
      article("b", { seen: "2024-08-15" }),
      article("c"),
    ]);
    expect(m.articles.get("a")).toMatchObject({ day: "2024-08-14", dateSource: "published" });
    expect(m.articles.get("b")).toMatchObject({ day: "2024-08-15", dateSource: "seen" });
    expect(m.articles.get("c")).toMatchObject({ day: null, dateSource: "none" });
    expect(m.days.map((d) => d.day)).toEqual(["2024-08-15", "2024-08-14"]);
    expect(m.dayIndex.get("2024-08-15")?.seenOnly).toBe(1);
    expect(m.undated).toEqual(["c"]);
    expect(m.latest).toEqual(["b", "a", "c"]);
  });

  it("links briefs to the previous and next ones and groups months latest first", () => {
    const m = model([article("a", { published: "2024-07-31" }), article("b", { published: "2024-08-02" }), article("c", { published: "2024-08-01" })]);
    expect(m.dayIndex.get("2024-08-01")).toMatchObject({ previous: "2024-07-31", next: "2024-08-02" });
    expect(m.days[0]?.next).toBeNull();
    expect(m.months.map((g) => [g.month, g.days.map((d) => d.key)])).toEqual([
      ["2024-08", ["2024-08-02", "2024-08-01"]],
      ["2024-07", ["2024-07-31"]],
    ]);
  });
});

describe("briefs", () => {
  const day = "2024-08-15";
  const m = model(
    [
      article("x1", { published: day, countries: ["SD", "LY"], mentions: [mention("country:LY"), mention("country:LY"), mention("country:SD")], actors: [tag("haftar")] }),
      article("x2", { published: day, countries: ["LY"], actors: [tag("haftar"), tag("dbeibah")] }),
      article("x3", { published: day, countries: ["SD"] }),
      article("x4", { published: day }),
      article("old", { published: "2024-08-14", countries: ["SD"], actors: [tag("dbeibah")] }),
    ],
    [actor("haftar"), actor("dbeibah")],
  );
  const brief = m.dayIndex.get(day)!;

  it("groups articles under their most mentioned country, bigger groups first, no-country last", () => {
    expect(m.articles.get("x1")?.primaryCountry).toBe("LY");
    expect(brief.groups).toEqual([
      { country: "LY", articleIds: ["x1", "x2"] },
      { country: "SD", articleIds: ["x3"] },
      { country: null, articleIds: ["x4"] },
    ]);
  });

  it("counts the actors of the day by articles", () => {
    expect(brief.actors).toEqual([
      { key: "haftar", count: 2 },
      { key: "dbeibah", count: 1 },
    ]);
  });

  it("lists actors and countries named for the first time, and nothing for the first brief", () => {
    expect(brief.newActors).toEqual(["haftar"]);
    expect(brief.newCountries).toEqual(["LY"]);
    expect(m.dayIndex.get("2024-08-14")?.newActors).toEqual([]);
  });
});

describe("actors", () => {
  const m = model(
    [
      article("a1", {
        published: "2024-08-15",
        countries: ["LY"],
        actors: [tag("haftar"), tag("lna")],
        mentions: [mention("haftar", "قال المشير حفتر.", "المشير"), mention("haftar"), mention("lna")],
      }),
      article("a2", { published: "2024-08-10", countries: ["LY", "EG"], actors: [tag("old-haftar")], mentions: [mention("old-haftar", "حفتر في القاهرة.")] }),
      article("a3", { published: "2024-06-01", actors: [tag("discovered", { provisional: true }), tag("haftar")] }),
      article("a4", { published: "2024-06-02", actors: [tag("discovered", { provisional: true })] }),
      article("a5", { published: "2024-06-03", actors: [tag("rare", { provisional: true })] }),
    ],
    [actor("haftar", { former_ids: ["old-haftar"], country: "LY", affiliation: "lna" }), actor("lna", { type: "armed_group" })],
  );

  it("resolves former ids in tags and mentions, and redirects the old URL", () => {
    const haftar = m.actors.get("haftar")!;
    expect(haftar.articleCount).toBe(3);
    expect(haftar.mentionCount).toBe(3);
    expect(m.redirects).toEqual([{ from: "old-haftar", to: "haftar" }]);
    expect(m.resolveRef("old-haftar")).toEqual({ kind: "actor", id: "haftar" });
    expect(m.resolveRef("country:LY")).toEqual({ kind: "country", code: "LY" });
    expect(m.resolveRef("country:FR")).toBeNull();
  });

  it("keeps the latest articles with the sentence that names the actor", () => {
    expect(m.actors.get("haftar")!.latest).toEqual([
      { articleId: "a1", sentence: "قال المشير حفتر.", surface: "x" },
      { articleId: "a2", sentence: "حفتر في القاهرة.", surface: "x" },
      { articleId: "a3", sentence: null, surface: null },
    ]);
  });

  it("counts co-mentioned actors, countries, observed titles; links affiliation and members", () => {
    const haftar = m.actors.get("haftar")!;
    expect(haftar.coActors).toEqual([
      { key: "discovered", count: 1 },
      { key: "lna", count: 1 },
    ]);
    expect(haftar.countries).toEqual([
      { key: "LY", count: 2 },
      { key: "EG", count: 1 },
    ]);
    expect(haftar.observedRoles).toEqual([{ key: "المشير", count: 1 }]);
    expect(haftar.affiliation).toBe("lna");
    expect(m.actors.get("lna")!.members).toEqual(["haftar"]);
    expect(haftar.timeline.unit).toBe("month");
    expect(haftar.timeline.buckets).toEqual([
      { key: "2024-06", count: 1 },
      { key: "2024-07", count: 0 },
      { key: "2024-08", count: 2 },
    ]);
  });

  it("gives tag-only actors a provisional page from the threshold on, and links nothing below it", () => {
    const discovered = m.actors.get("discovered")!;
    expect(discovered).toMatchObject({ provisional: true, curated: false, articleCount: 2, names: { ar: "ع-discovered", en: "E-discovered" } });
    expect(m.actors.has("rare")).toBe(false);
    expect(m.articles.get("a5")!.actorIds).toEqual([]);
    expect(m.resolveRef("rare")).toBeNull();
  });

  it("orders the index by name per edition and by number of articles", () => {
    expect(m.actorOrder.mentions).toEqual(["haftar", "discovered", "lna"]);
    expect(m.actorOrder.en).toEqual(["E-discovered", "E-haftar", "E-lna"].map((n) => n.slice(2)));
  });
});

describe("countries", () => {
  it("aggregates latest articles, top actors and coverage, and includes home countries of actors", () => {
    const m = model(
      [article("a", { published: "2024-08-15", countries: ["SD"], actors: [tag("burhan")] }), article("b", { published: "2024-08-14", countries: ["SD"] })],
      [actor("burhan", { country: "SD" }), actor("sisi", { country: "EG" })],
    );
    const sd = m.countries.get("SD")!;
    expect(sd).toMatchObject({ slug: "sd", articleCount: 2, latest: ["a", "b"], topActors: [{ key: "burhan", count: 1 }], actorsFrom: ["burhan"] });
    expect(sd.timeline).toEqual({ unit: "day", buckets: [{ key: "2024-08-14", count: 1 }, { key: "2024-08-15", count: 1 }] });
    expect(m.countries.get("EG")).toMatchObject({ articleCount: 0, actorsFrom: ["sisi"] });
    expect(m.countryOrder.en).toEqual(["EG", "SD"]);
  });
});

describe("related articles", () => {
  it("ranks by shared actors weighted by rarity, never the article itself", () => {
    const m = model(
      [
        article("base", { published: "2024-08-15", actors: [tag("common"), tag("rare")] }),
        article("both", { published: "2024-08-14", actors: [tag("common"), tag("rare")] }),
        article("rare-only", { published: "2024-08-13", actors: [tag("rare")] }),
        article("common-only", { published: "2024-08-12", actors: [tag("common")] }),
        article("c2", { published: "2024-08-11", actors: [tag("common")] }),
        article("c3", { published: "2024-08-10", actors: [tag("common")] }),
        article("none", { published: "2024-08-09" }),
      ],
      [actor("common"), actor("rare")],
    );
    const related = m.articles.get("base")!.related;
    expect(related[0]).toBe("both");
    expect(related[1]).toBe("rare-only");
    expect(related).not.toContain("base");
    expect(related).not.toContain("none");
  });
});

describe("buildTimeline", () => {
  it("fills empty days of a short span and switches to months for long ones", () => {
    expect(buildTimeline(["2024-01-03", "2024-01-01", "2024-01-03"])).toEqual({
      unit: "day",
      buckets: [
        { key: "2024-01-01", count: 1 },
        { key: "2024-01-02", count: 0 },
        { key: "2024-01-03", count: 2 },
      ],
    });
    expect(buildTimeline(["2023-11-20", "2024-02-01"]).buckets.map((b) => b.key)).toEqual(["2023-11", "2023-12", "2024-01", "2024-02"]);
    expect(buildTimeline([])).toEqual({ unit: "day", buckets: [] });
  });
});

it("is deterministic whatever the input order", () => {
  const articles = [
    article("a", { published: "2024-08-15", actors: [tag("x")] }),
    article("b", { published: "2024-08-15", actors: [tag("x")] }),
    article("c", { seen: "2024-08-14", actors: [tag("x")] }),
  ];
  const one = model(articles, [actor("x")]);
  const two = model([...articles].reverse(), [actor("x")]);
  expect(two.latest).toEqual(one.latest);
  expect(two.days).toEqual(one.days);
  expect(two.actors.get("x")).toEqual(one.actors.get("x"));
});

describe("named together with", () => {
  it("leaves out outlets and social platforms, which are where actors speak", () => {
    const m = model(
      [
        article("a", { published: "2024-08-15", actors: [tag("haftar"), tag("outlet", { type: "media" }), tag("x-twitter", { type: "organization" }), tag("lna")] }),
      ],
      [actor("haftar"), actor("outlet", { type: "media" }), actor("x-twitter", { type: "organization" }), actor("lna", { type: "armed_group" })],
    );
    expect(m.actors.get("haftar")!.coActors.map((c) => c.key)).toEqual(["lna"]);
  });
});
