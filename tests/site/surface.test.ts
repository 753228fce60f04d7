/**
 * Framework-free site modules: URLs under a base, sitemap alternates, share-card specs (one per shareable page, same
 * paths the pages use), the search-query normaliser, chart geometry, and the pinned public surface.
 */
import { describe, expect, it } from "vitest";
import { CardSpec } from "../../src/schemas/card.ts";
import type { Actor } from "../../src/schemas/actor.ts";
import type { Article } from "../../src/schemas/article.ts";
import { articleSearchText } from "../../src/text/search-text.ts";
import { cardPaths, cardSpecs } from "../../src/site/cards.ts";
import { barChart } from "../../src/site/chart.ts";
import * as site from "../../src/site/index.ts";
import { buildSiteModel } from "../../src/site/model.ts";
import { articleDateLine, articleTitle } from "../../src/site/present.ts";
import { sitePages } from "../../src/site/routes.ts";
import { normaliseQuery } from "../../src/site/search-query.ts";
import { sitemapIndexXml, sitemapXml } from "../../src/site/sitemap.ts";
import { createUrls, normaliseBase, paths } from "../../src/site/urls.ts";

const base: Article = {
  id: "a",
  lang: "ar",
  title: "عنوان",
  subtitle: null,
  source: "الجزيرة",
  author: null,
  dateline: null,
  published: "2024-08-15",
  seen: null,
  body: ["نص عن حفتر."],
  captions: [],
  actors: [{ id: "haftar", ar: "خليفة حفتر", en: "Khalifa Haftar", type: "person" }],
  countries: ["LY"],
  places: [],
  mentions: [],
  sources: [],
  secondary: false,
};
const haftar: Actor = {
  id: "haftar",
  names: { ar: "خليفة حفتر", en: "Khalifa Haftar" },
  aliases: { ar: [], en: [] },
  type: "person",
  roles: [{ title: { ar: "قائد", en: "Commander" }, from: "2015" }],
  description: { ar: "قائد.", en: "Commander." },
  former_ids: ["old-haftar"],
  ambiguous_aliases: [],
  provisional: false,
  provenance: { added_by: "t", source: "t" },
};
const model = buildSiteModel({
  articles: [base, { ...base, id: "b", published: null, seen: "2024-08-14", title: null }],
  actors: [haftar],
  countries: [{ code: "LY", names: { ar: "ليبيا", en: "Libya" } }],
  settings: { latest: 10, provisionalMinArticles: 3 },
});
const settings = { site: { title: { ar: "مرصد", en: "Marsad" } } };

describe("urls", () => {
  it("puts every URL under the base", () => {
    expect(normaliseBase("briefings")).toBe("/briefings/");
    expect(normaliseBase("/")).toBe("/");
    const urls = createUrls("https://example.org/", "/briefings/");
    expect(urls.url("ar", paths.actor("haftar"))).toBe("/briefings/ar/actors/haftar/");
    expect(urls.url(null, "")).toBe("/briefings/");
    expect(urls.absolute("en", paths.brief("2024-08-15"))).toBe("https://example.org/briefings/en/briefs/2024-08-15/");
    expect(urls.card(cardPaths.actor("ar", "haftar"))).toBe("/briefings/cards/ar/actors/haftar.png");
  });
});

describe("sitemap", () => {
  const urls = createUrls("https://example.org", "/");
  const xml = sitemapXml(sitePages(model), 0, urls);

  it("lists both editions of every page with ar, en and x-default alternates", () => {
    expect(xml).toContain("<loc>https://example.org/ar/articles/a/</loc>");
    expect(xml).toContain("<loc>https://example.org/en/articles/a/</loc>");
    const entry = xml.split("\n").find((l) => l.includes("<loc>https://example.org/en/actors/haftar/</loc>"))!;
    expect(entry).toContain('hreflang="ar" href="https://example.org/ar/actors/haftar/"');
    expect(entry).toContain('hreflang="x-default" href="https://example.org/ar/actors/haftar/"');
    const home = xml.split("\n").find((l) => l.includes("<loc>https://example.org/ar/</loc>"))!;
    expect(home).toContain('hreflang="x-default" href="https://example.org/"');
    expect(xml).not.toContain("old-haftar");
    expect(sitemapIndexXml(2, urls)).toContain("<loc>https://example.org/sitemap-1.xml</loc>");
  });
});

describe("cards", () => {
  const specs = cardSpecs(model, settings);

  it("makes one valid spec per shareable page and edition, at unique paths", () => {
    for (const spec of specs) expect(CardSpec.safeParse(spec).success).toBe(true);
    expect(new Set(specs.map((s) => s.path)).size).toBe(specs.length);
    const shareable = sitePages(model).filter((p) => p.kind !== "search" && !p.sharesCard).length;
    // The actors index has two orders but one card.
    expect(specs.length).toBe(2 * (shareable - 1));
  });

  it("describes pages in the card's language", () => {
    const en = specs.find((s) => s.path === "en/actors/haftar")!;
    expect(en).toMatchObject({ title: "Khalifa Haftar", kicker: "Actor · Person", lang: "en", siteName: "Marsad" });
    // The role held on the card's date (the actor's latest article) and the activity of the 30 days to it.
    expect(en.meta).toEqual(["Commander · from 2015", "Articles: 2 · Stories: 2 · 30 days to 15 August 2024"]);
    expect(en.activity).toHaveLength(30);
    const ar = specs.find((s) => s.path === "ar/articles/b")!;
    expect(ar.title).toBe("مقالة بلا عنوان");
    expect(ar.meta[0]).toContain("تاريخ النشر غير معروف");
  });
});

describe("presentation", () => {
  it("never invents a translation and says what date is unknown", () => {
    expect(articleTitle(base, "en")).toEqual({ text: "عنوان", lang: "ar", editor: false });
    expect(articleTitle({ ...base, title_en: "Title" }, "en")).toEqual({ text: "Title", lang: "en", editor: true });
    expect(articleTitle({ ...base, title_en: "Title" }, "ar").text).toBe("عنوان");
    const b = model.articles.get("b")!;
    expect(articleDateLine(b, "en")).toBe("Publication date unknown; seen on 14 August 2024");
    expect(articleDateLine(model.articles.get("a")!, "ar")).toBe("15 أغسطس 2024");
  });
});

describe("search", () => {
  it("reduces query words to the stem the index carries", () => {
    expect(normaliseQuery("حفتر")).toBe("حفتر");
    expect(normaliseQuery("لحفتر")).toBe("حفتر");
    expect(normaliseQuery("المفاوضات")).toBe("مفاوضات");
    expect(normaliseQuery("  Haftar  والمفاوضات ")).toBe("haftar مفاوضات");
    expect(normaliseQuery("")).toBe("");
  });

  it("indexes the clitic-stripped forms an article does not show", () => {
    const text = articleSearchText({ ...base, body: ["لن تسمح لحفتر بدخول المفاوضات."] });
    expect(text.split(" ")).toEqual(expect.arrayContaining(["حفتر", "مفاوضات"]));
    expect(text.split(" ")).not.toContain("المفاوضات");
  });
});

describe("chart", () => {
  it("runs time in reading direction", () => {
    const timeline = { unit: "day" as const, buckets: [{ key: "2024-08-01", count: 1 }, { key: "2024-08-02", count: 3 }] };
    const ltr = barChart(timeline, "ltr");
    const rtl = barChart(timeline, "rtl");
    expect(ltr.bars[0]!.x).toBeLessThan(ltr.bars[1]!.x);
    expect(rtl.bars[0]!.x).toBeGreaterThan(rtl.bars[1]!.x);
    expect(rtl.peak?.key).toBe("2024-08-02");
    expect(rtl.bars[1]!.y).toBeLessThan(rtl.bars[0]!.y);
  });
});

it("pins the public surface of src/site", () => {
  expect(Object.keys(site).sort()).toEqual(
    [
      "articleDay",
      "buildSearchIndex",
      "buildSiteModel",
      "buildTimeline",
      "cardFor",
      "cardPaths",
      "cardSpecs",
      "createUrls",
      "loadArticles",
      "loadSiteModel",
      "normaliseBase",
      "normaliseQuery",
      "paths",
      "rehypeLinkMentions",
      "sitePages",
    ].sort(),
  );
});
