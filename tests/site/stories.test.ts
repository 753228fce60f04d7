/**
 * Stories as the site derives them (src/site/stories.ts), and as the site model files them into briefs, country and
 * actor pages: lead choice, outlets, ranking, "developing", the 30-day rule for new actors, and the fallback when
 * articles carry no story id or summary.
 */
import { describe, expect, it } from "vitest";
import { Story } from "../../src/schemas/story.ts";
import type { Article } from "../../src/schemas/article.ts";
import { buildSiteModel, isoWeek } from "../../src/site/model.ts";
import {
  centralArticle,
  deriveStory,
  factLine,
  figuresIn,
  groupByCountry,
  ownLanguageSummary,
  rankStories,
  summarySentences,
  type StoryArticle,
} from "../../src/site/stories.ts";
import { eventPlace, presentStory } from "../../src/site/story-present.ts";
import { actor, article, tag } from "../fixtures/site/builders.ts";

const sa = (id: string, extra: Partial<StoryArticle> = {}): StoryArticle => ({
  id,
  story: "s",
  day: "2025-11-03",
  lang: "ar",
  outlets: [],
  actors: [],
  countries: [],
  primaryCountry: null,
  summary: null,
  ...extra,
});

describe("deriveStory", () => {
  it("leads with the article sharing most actors and countries with the others", () => {
    const members = [
      sa("a", { actors: ["x"], day: "2025-11-01" }),
      sa("b", { actors: ["x", "y"], countries: ["LY"], day: "2025-11-02" }),
      sa("c", { actors: ["y"], countries: ["LY"], day: "2025-11-03" }),
    ];
    expect(centralArticle(members).id).toBe("b");
  });

  it("breaks centrality ties by outlets, then by the earliest", () => {
    expect(centralArticle([sa("a", { day: "2025-11-01" }), sa("b", { outlets: ["P", "Q"], day: "2025-11-02" })]).id).toBe("b");
    expect(centralArticle([sa("a", { day: "2025-11-01" }), sa("b", { day: "2025-11-02" })]).id).toBe("a");
  });

  it("lists outlets, languages, days and actors by frequency, and cites the lead's summary", () => {
    const s = deriveStory("s", [
      sa("b", { day: "2025-11-02", lang: "en", outlets: ["Q", "P"], actors: ["x", "y"], countries: ["LY"], summary: "Lead of b.", primaryCountry: "LY" }),
      sa("a", { day: "2025-11-01", outlets: ["P"], actors: ["y"], countries: ["LY", "TR"], summary: "ملخص", primaryCountry: "TR" }),
      sa("c", { day: "2025-11-02", outlets: [], actors: ["y"], primaryCountry: "LY" }),
    ]);
    expect(s.articles).toEqual(["a", "b", "c"]);
    expect(s.outlets).toEqual(["P", "Q"]);
    expect(s.langs).toEqual(["ar", "en"]);
    expect([s.first, s.last]).toEqual(["2025-11-01", "2025-11-02"]);
    expect(s.days).toEqual(["2025-11-01", "2025-11-02"]);
    expect(s.actors).toEqual(["y", "x"]);
    expect(s.countries).toEqual(["LY", "TR"]);
    expect(s.lead).toBe("b");
    expect(s.summary).toEqual({ text: "Lead of b.", article: "b", lang: "en" });
    expect(s.primaryCountry).toBe("LY");
    expect(Story.safeParse(s).success, "a derived story meets the Story schema").toBe(true);
  });

  it("cites another article when the lead has no summary, and has none when no article has one", () => {
    expect(deriveStory("s", [sa("a", { actors: ["x"] }), sa("b", { actors: ["x"], summary: "B." })]).summary?.article).toBe("b");
    expect(deriveStory("s", [sa("a")]).summary).toBeNull();
  });
});

describe("editor summaries", () => {
  it("prefer the editor's summary in the article's own language", () => {
    expect(ownLanguageSummary({ lang: "ar", summary: "مستخرج", summary_ar: "تحرير" })).toBe("تحرير");
    expect(ownLanguageSummary({ lang: "ar", summary: "مستخرج", summary_en: "Editor" })).toBe("مستخرج");
    expect(ownLanguageSummary({ lang: "en", summary: null })).toBeNull();
  });
});

describe("rankStories", () => {
  it("ranks by outlets, then actor centrality in the period, then recency", () => {
    const s = (id: string, outlets: number, actors: string[], last: string) => ({ id, outlets: Array.from({ length: outlets }, (_, i) => `o${i}`), actors, last });
    const ranked = rankStories(
      [s("old", 1, ["x"], "2025-11-01"), s("new", 1, ["x"], "2025-11-02"), s("wide", 3, [], "2025-11-01"), s("central", 1, ["y"], "2025-11-01")],
      (id) => (id === "y" ? 5 : 1),
    );
    expect(ranked.map((r) => r.id)).toEqual(["wide", "central", "new", "old"]);
  });

  it("groups ranked stories by country, no-country last", () => {
    expect(
      groupByCountry([
        { id: "1", primaryCountry: null },
        { id: "2", primaryCountry: "SD" },
        { id: "3", primaryCountry: "LY" },
        { id: "4", primaryCountry: "SD" },
      ]),
    ).toEqual([
      { country: "SD", stories: ["2", "4"] },
      { country: "LY", stories: ["3"] },
      { country: null, stories: ["1"] },
    ]);
  });
});

describe("text helpers", () => {
  it("splits a summary into verbatim sentences, not inside quotes", () => {
    expect(summarySentences("قال إن «الوضع هادئ» في المدينة. وأضاف أن الحكومة تتابع.")).toEqual(["قال إن «الوضع هادئ» في المدينة.", "وأضاف أن الحكومة تتابع."]);
    expect(summarySentences("One sentence. Two? Three")).toEqual(["One sentence.", "Two?", "Three"]);
  });

  it("finds figures in either digit set", () => {
    expect(figuresIn("قتل ١٢ شخصاً و30 جريحاً و12 آخرون في 2025 و3,500 نازح")).toEqual(["12", "30", "3,500"]);
  });

  it("builds the fact line from known parts only", () => {
    const line = factLine(
      { place: "Ankara", date: "29 October 2025", actors: [{ name: "Hakan Fidan", country: "Türkiye" }, { name: "X", country: null }], countries: ["Libya"], outlets: "2 outlets", figures: [] },
      { figures: (l) => `figures: ${l}`, listSeparator: ", " },
    );
    expect(line).toBe("Ankara · 29 October 2025 · Hakan Fidan (Türkiye), X, Libya · 2 outlets");
  });
});

// --- the site model -----------------------------------------------------------------------------------------------

const countries = [
  { code: "LY", names: { ar: "ليبيا", en: "Libya" } },
  { code: "SD", names: { ar: "السودان", en: "Sudan" } },
];
const build = (articles: Article[], actors = ["x", "y", "z"]) =>
  buildSiteModel({ articles, actors: actors.map((id) => actor(id)), countries, settings: { latest: 10, provisionalMinArticles: 2 } });

describe("stories in the site model", () => {
  it("makes each article its own story when none carries a story id (no page of its own)", () => {
    const m = build([article("a", { published: "2025-11-01" }), article("b", { published: "2025-11-01" })]);
    expect([...m.stories.keys()].sort()).toEqual(["a", "b"]);
    expect(m.stories.get("a")!.page).toBe(false);
    expect(m.storyPages).toEqual([]);
    expect(m.articles.get("a")!.story).toBe("a");
  });

  it("leads the brief with the day's new stories by outlets, then lists developing ones", () => {
    const m = build([
      article("s1-a", { story: "s1", published: "2025-11-01", source: "P", actors: [tag("x")], countries: ["LY"] }),
      article("s1-b", { story: "s1", published: "2025-11-02", source: "Q", actors: [tag("x")], countries: ["LY"] }),
      article("s2-a", { story: "s2", published: "2025-11-02", source: "P", actors: [tag("y")], countries: ["SD"], summary: "خبر." }),
      article("s2-b", { story: "s2", published: "2025-11-02", source: "R", actors: [tag("y")], countries: ["SD"] }),
      article("s3", { published: "2025-11-02", source: "P", countries: ["LY"] }),
    ]);
    const day = m.dayIndex.get("2025-11-02")!;
    expect(day.topStories).toEqual([
      { country: "SD", stories: ["s2"] },
      { country: "LY", stories: ["s3"] },
    ]);
    expect(day.developing).toEqual(["s1"]);
    expect(day.storyCount).toBe(3);
    expect(day.outletCount).toBe(3);
    expect(m.stories.get("s2")!.summary).toEqual({ text: "خبر.", article: "s2-a", lang: "ar" });
    expect(m.storyPages).toEqual(["s1", "s2"]);
    expect(m.actors.get("x")!.stories).toEqual(["s1"]);
    expect(m.countries.get("LY")!.recentStories).toEqual(["s1", "s3"]);
    expect(m.countries.get("LY")!.weeks).toEqual([
      { week: "2025-W44", from: "2025-10-27", to: "2025-11-02", stories: ["s1", "s3"], storyCount: 2, articleCount: 3, lastDay: "2025-11-02" },
    ]);
  });

  it("files an article that names no country under its actors' home and its places, when that country has a page", () => {
    const m = buildSiteModel({
      articles: [
        article("sd", { published: "2025-11-02", countries: ["SD"] }),
        // Names no country: its actor is based in Sudan and its place is in Sudan.
        article("nyala", { published: "2025-11-02", actors: [tag("h")], places: [{ ar: "نيالا", en: "Nyala", country: "SD" }] }),
        // Its actor's home country has no page (no article tags Libya): it stays unfiled.
        article("none", { published: "2025-11-02", actors: [tag("l")] }),
      ],
      actors: [actor("h", { country: "SD" }), actor("l", { country: "LY" })],
      countries,
      settings: { latest: 10, provisionalMinArticles: 2 },
    });
    expect(m.articles.get("nyala")!.primaryCountry).toBe("SD");
    expect(m.stories.get("nyala")!.primaryCountry).toBe("SD");
    expect(m.articles.get("none")!.primaryCountry).toBeNull();
    expect(m.dayIndex.get("2025-11-02")!.topStories.map((g) => g.country)).toEqual(["SD", null]);
  });

  it("counts an outlet's two editions once, and names it in each edition's language", () => {
    const m = buildSiteModel({
      articles: [
        article("ar1", { published: "2025-11-02", story: "s1", source: "الشرق الأوسط" }),
        article("en1", { published: "2025-11-02", story: "s1", lang: "en", source: "Asharq Al-Awsat" }),
        article("ar2", { published: "2025-11-02", story: "s1", source: "صحيفة محلية" }),
      ],
      actors: [actor("asharq", { type: "media", names: { ar: "صحيفة الشرق الأوسط", en: "Asharq Al-Awsat" }, aliases: { ar: [], en: ["Asharq Al Awsat"] }, ambiguous_aliases: ["الشرق الأوسط"] })],
      countries,
      settings: { latest: 10, provisionalMinArticles: 2 },
    });
    const story = m.stories.get("s1")!;
    expect(story.outlets).toHaveLength(2);
    expect(m.dayIndex.get("2025-11-02")!.outletCount).toBe(2);
    expect(presentStory(m, "s1", "ar").outlets.map((o) => o.text).sort()).toEqual(["صحيفة الشرق الأوسط", "صحيفة محلية"].sort());
    expect(presentStory(m, "s1", "en").outlets.map((o) => o.text)).toContain("Asharq Al-Awsat");
  });

  it("does not count an outlet named on its own page as an actor of the article", () => {
    const asharq = actor("asharq", { type: "media", names: { ar: "صحيفة الشرق الأوسط", en: "Asharq Al-Awsat" }, ambiguous_aliases: ["الشرق الأوسط"] });
    const m = buildSiteModel({
      articles: [
        article("own", { published: "2025-11-02", source: "الشرق الأوسط", actors: [tag("asharq"), tag("h")] }),
        article("other", { published: "2025-11-02", source: "صحيفة محلية", actors: [tag("asharq")] }),
      ],
      actors: [asharq, actor("h")],
      countries,
      settings: { latest: 10, provisionalMinArticles: 2 },
    });
    expect(m.articles.get("own")!.actorIds).toEqual(["h"]);
    expect(m.articles.get("other")!.actorIds).toEqual(["asharq"]);
  });

  it("numbers weeks as ISO 8601 does, across year ends", () => {
    expect(isoWeek("2025-10-29")).toEqual({ week: "2025-W44", monday: "2025-10-27" });
    expect(isoWeek("2024-12-30")).toEqual({ week: "2025-W01", monday: "2024-12-30" });
    expect(isoWeek("2021-01-03")).toEqual({ week: "2020-W53", monday: "2020-12-28" });
    expect(isoWeek("2025-11-02").week).toBe("2025-W44");
  });

  it("calls an actor new when it was not named in the 30 days before, not only the first time", () => {
    const m = build([
      article("a", { published: "2025-09-01", actors: [tag("x")] }),
      article("b", { published: "2025-09-20", actors: [tag("x"), tag("y")] }),
      article("d", { published: "2025-10-01", actors: [tag("y")] }),
      article("c", { published: "2025-10-25", actors: [tag("x"), tag("y")] }),
    ]);
    expect(m.dayIndex.get("2025-09-20")!.newActors).toEqual(["y"]);
    expect(m.dayIndex.get("2025-10-25")!.newActors).toEqual(["x"]);
  });

  it("relates stories that share actors and are near in time", () => {
    const m = build([
      article("s1-a", { story: "s1", published: "2025-11-01", actors: [tag("x")] }),
      article("s1-b", { story: "s1", published: "2025-11-01", actors: [tag("x")] }),
      article("s2", { published: "2025-11-03", actors: [tag("x")] }),
      article("s3", { published: "2025-12-30", actors: [tag("x")] }),
      article("s4", { published: "2025-11-02", actors: [tag("z")] }),
    ]);
    expect(m.stories.get("s1")!.related).toEqual(["s2"]);
  });
});

// --- presentation -------------------------------------------------------------------------------------------------

describe("presenting a story", () => {
  const places = [
    { ar: "طرابلس", en: "Tripoli", country: "LY" },
    { ar: "أنقرة", en: "Ankara", country: "TR" },
  ];

  it("takes the event's place from the dateline, else the summary, else gives none", () => {
    expect(eventPlace({ places, dateline: "أنقرة/ الأناضول" }, null)?.en).toBe("Ankara");
    expect(eventPlace({ places, dateline: null }, "اجتماع في طرابلس")?.en).toBe("Tripoli");
    expect(eventPlace({ places, dateline: "نيويورك: «الشرق الأوسط»" }, "دعت المبعوثة")).toBeNull();
  });

  it("gives an Arabic story in the English edition a fact line in English and keeps its summary in Arabic, cited", () => {
    const m = buildSiteModel({
      articles: [
        article("a1", {
          story: "s",
          published: "2025-10-29",
          source: "وكالة",
          dateline: "أنقرة/ الأناضول",
          places,
          actors: [tag("x")],
          countries: ["LY"],
          summary: "التقى الوزير 3 مسؤولين في أنقرة. وبحثا التعاون.",
        }),
        article("a2", { story: "s", published: "2025-10-30", lang: "en", source: "Observer", actors: [tag("x")], countries: ["LY"] }),
      ],
      actors: [actor("x")],
      countries: [...countries, { code: "TR", names: { ar: "تركيا", en: "Türkiye" } }],
      settings: { latest: 10, provisionalMinArticles: 2 },
    });
    const en = presentStory(m, "s", "en");
    expect(en.path).toBe("stories/s/");
    expect(en.summaryLang).toBe("ar");
    expect(en.sentences).toEqual([
      { text: "التقى الوزير 3 مسؤولين في أنقرة.", path: "articles/a1/" },
      { text: "وبحثا التعاون.", path: "articles/a1/" },
    ]);
    expect(en.facts).toBe("Ankara · 29 October 2025 · E-x, Libya · 2 outlets · figures in the text: 3");
    const ar = presentStory(m, "s", "ar");
    expect(ar.facts).toBeNull();
    expect(ar.outletCount).toBe("المصادر: 2");
  });

  it("gives an Arabic story in the English edition the gist of its quoted article's events, linked to that article", () => {
    const event = {
      type: "ATTACK" as const,
      source_actor: { ar: "مسلحون", en: "gunmen" },
      target_actor: { ar: "حاجز", en: null },
      place: { ar: "سرت", en: "Sirte", country: "LY" },
      date: null,
      figures: [{ what: "killed" as const, n: 4 }],
      trigger_ar: "هاجم",
      gist_en: "",
    };
    const m = build([
      article("g1", { story: "g", published: "2025-10-29", summary: "هاجم مسلحون حاجزا في سرت.", events: [event] }),
      article("g2", { story: "g", published: "2025-10-30", events: [{ ...event, type: "CLASH" }] }),
    ]);
    const en = presentStory(m, "g", "en");
    expect(en.gist?.path).toBe("articles/g1/");
    expect(en.gist?.lines.map(({ type, label, text }) => ({ type, label, text }))).toEqual([{ type: "ATTACK", label: "Attack", text: "Sirte (Libya) · gunmen · 4 killed" }]);
    expect(presentStory(m, "g", "ar").gist).toBeNull();
    const plain = build([article("p", { published: "2025-10-29", summary: "نص." })]);
    expect(presentStory(plain, "p", "en").gist).toBeNull();
  });

  it("prefers an editor's summary in the edition's language, and links a one-article story to its article", () => {
    const m = build([article("solo", { published: "2025-10-29", summary: "ملخص.", summary_en: "Editor's summary." })]);
    const en = presentStory(m, "solo", "en");
    expect(en.path).toBe("articles/solo/");
    expect(en.editorSummary).toBe(true);
    expect(en.facts).toBeNull();
    expect(en.sentences.map((s) => s.text)).toEqual(["Editor's summary."]);
  });
});

describe("the stories feed", () => {
  it("lists the latest stories with their cited summary, linking to the story page or the lone article", async () => {
    const { storiesFeed } = await import("../../src/site/story-feeds.ts");
    const { rssXml } = await import("../../src/site/feeds.ts");
    const { createUrls } = await import("../../src/site/urls.ts");
    const m = build([
      article("s1-a", { story: "s1", published: "2025-11-01", source: "P", summary: "أول & ثان." }),
      article("s1-b", { story: "s1", published: "2025-11-02", source: "Q" }),
      article("solo", { published: "2025-10-30", source: "P" }),
    ]);
    const settings = { site: { title: { ar: "مرصد", en: "Marsad" }, description: { ar: "وصف", en: "About" } } };
    const feed = storiesFeed(m, settings, "ar", createUrls("https://x.example", "/"));
    expect(feed.items.map((i) => i.link)).toEqual(["https://x.example/ar/stories/s1/", "https://x.example/ar/articles/solo/"]);
    expect(feed.items[0]!.description).toContain("أول & ثان.");
    expect(feed.items[0]!.pubDate?.toISOString().slice(0, 10)).toBe("2025-11-02");
    expect(rssXml(feed)).toContain("أول &amp; ثان.");
  });
});

describe("story feeds per actor and per country", () => {
  it("list the latest stories naming the actor or country in any article, at most `latest`, only for those with a page", async () => {
    const { actorStoriesFeed, countryStoriesFeed, storyBuckets } = await import("../../src/site/story-feeds.ts");
    const { createUrls } = await import("../../src/site/urls.ts");
    const m = build([
      // s1: x is named only by its second article; it is the latest story.
      article("s1-a", { story: "s1", published: "2025-11-03", source: "P", countries: ["LY"] }),
      article("s1-b", { story: "s1", published: "2025-11-04", source: "Q", actors: [tag("x")], countries: ["LY"] }),
      article("s2", { published: "2025-11-02", source: "P", actors: [tag("x")], countries: ["SD"] }),
      article("s3", { published: "2025-11-01", source: "P", actors: [tag("x")], countries: ["LY"] }),
    ]);
    const settings = { site: { title: { ar: "مرصد", en: "Marsad" }, description: { ar: "وصف", en: "About" }, latest: 2 } };
    const urls = createUrls("https://x.example", "/");
    const actorFeed = actorStoriesFeed(m, settings, "en", urls, "x");
    expect(actorFeed.items.map((i) => i.link)).toEqual(["https://x.example/en/stories/s1/", "https://x.example/en/articles/s2/"]);
    expect(actorFeed.site).toBe("https://x.example/en/actors/x/");
    expect(actorFeed.title).toContain("E-x");
    const ly = countryStoriesFeed(m, settings, "ar", urls, "LY");
    expect(ly.items.map((i) => i.link)).toEqual(["https://x.example/ar/stories/s1/", "https://x.example/ar/articles/s3/"]);
    // y is in the knowledge base but named by no article: no page, no bucket.
    expect(storyBuckets(m, 2).actors.has("y")).toBe(false);
    expect([...storyBuckets(m, 2).countries.keys()].sort()).toEqual(["LY", "SD"]);
  });

  it("tag an item with at most FEED_ITEM_CATEGORIES actors: a story's most named, an article's first tagged", async () => {
    const { storiesFeed } = await import("../../src/site/story-feeds.ts");
    const { latestFeed } = await import("../../src/site/feeds.ts");
    const { FEED_ITEM_CATEGORIES } = await import("../../src/site/model.ts");
    const { createUrls } = await import("../../src/site/urls.ts");
    const many = Array.from({ length: FEED_ITEM_CATEGORIES + 3 }, (_, i) => `a${String(i).padStart(2, "0")}`);
    // The last actor of the list is named by both articles of the story: the most named, so the first category.
    const m = build(
      [
        article("s1-a", { story: "s1", published: "2025-11-01", source: "P", actors: many.map((id) => tag(id)) }),
        article("s1-b", { story: "s1", published: "2025-11-02", source: "Q", actors: [tag(many.at(-1)!)] }),
      ],
      many,
    );
    const settings = { site: { title: { ar: "مرصد", en: "Marsad" }, description: { ar: "وصف", en: "About" }, latest: 10 } };
    const urls = createUrls("https://x.example", "/");
    const story = storiesFeed(m, settings, "en", urls).items[0]!;
    expect(story.categories).toHaveLength(FEED_ITEM_CATEGORIES);
    expect(story.categories[0]).toBe(`E-${many.at(-1)}`);
    const articleItem = latestFeed(m, settings, "en", urls).items.find((i) => i.link.endsWith("/s1-a/"))!;
    expect(articleItem.categories).toEqual(many.slice(0, FEED_ITEM_CATEGORIES).map((id) => `E-${id}`));
  });
});
