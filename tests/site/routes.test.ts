/**
 * Which pages earn a page of their own, a card and a sitemap entry (actors and countries an article names), which
 * stay reference entries (the rest of the knowledge base), and the pages of the actors index.
 */
import { describe, expect, it } from "vitest";
import type { Article } from "../../src/schemas/article.ts";
import { cardSpecs } from "../../src/site/cards.ts";
import { buildSiteModel } from "../../src/site/model.ts";
import { actorIndexPages, sitePages } from "../../src/site/routes.ts";
import { paths } from "../../src/site/urls.ts";
import { actor, article as build, tag } from "../fixtures/site/builders.ts";

const countries = [
  { code: "LY", names: { ar: "ليبيا", en: "Libya" } },
  { code: "SD", names: { ar: "السودان", en: "Sudan" } },
  { code: "EG", names: { ar: "مصر", en: "Egypt" } },
];


function article(id: string, published: string, actors: string[], countryCodes: string[]): Article {
  return build(id, { published, actors: actors.map((a) => tag(a)), countries: countryCodes });
}

const model = buildSiteModel({
  articles: [
    article("a1", "2024-08-10", ["haftar", "lna"], ["LY"]),
    article("a2", "2024-08-15", ["burhan"], ["SD"]),
    article("a3", "2024-08-12", ["haftar"], ["LY"]),
  ],
  actors: [
    actor("haftar", { country: "LY" }),
    actor("lna", { type: "armed_group", country: "LY" }),
    actor("burhan", { country: "SD" }),
    actor("sisi", { country: "EG" }),
    actor("unnamed-org", { type: "organization" }),
  ],
  countries,
  settings: { latest: 10, provisionalMinArticles: 2 },
});
const settings = { site: { title: { ar: "مرصد", en: "Marsad" } } };

describe("pages that earn their place", () => {
  it("gives a page only to actors and countries an article names, most recently named first", () => {
    expect(model.actorPages).toEqual(["burhan", "haftar", "lna"]);
    expect(model.countryPages).toEqual(["SD", "LY"]);
    // The rest of the knowledge base stays in the model, for its reference entries and the reference index.
    expect(model.actors.has("sisi")).toBe(true);
    expect(model.countries.has("EG")).toBe(true);
    expect(model.actorOrder.en).toContain("unnamed-org");
  });

  it("lists no reference entry in the sitemap and renders no card for one", () => {
    const listed = sitePages(model).map((p) => p.path);
    expect(listed).toContain(paths.actor("haftar"));
    expect(listed).toContain(paths.country("sd"));
    expect(listed).not.toContain(paths.actor("sisi"));
    expect(listed).not.toContain(paths.actor("unnamed-org"));
    expect(listed).not.toContain(paths.country("eg"));
    expect(listed.some((p) => p.startsWith("reference/"))).toBe(false);
    const cards = cardSpecs(model, settings).map((c) => c.path);
    expect(cards).toContain("en/actors/haftar");
    expect(cards).not.toContain("en/actors/sisi");
    expect(cards).not.toContain("ar/countries/eg");
  });
});

describe("actors index", () => {
  it("pages actors by recent activity and by articles, and filters them by type and by country", () => {
    const pages = actorIndexPages(model, 2);
    const byPath = new Map(pages.map((p) => [p.path, p]));
    expect(byPath.get("actors/")!.ids).toEqual(["burhan", "haftar"]);
    expect(byPath.get("actors/page/2/")!).toMatchObject({ n: 2, pages: 2, ids: ["lna"] });
    expect(byPath.get("actors/by-mentions/")!.ids).toEqual(["haftar", "burhan"]);
    expect(byPath.get("actors/type/armed-group/")!.ids).toEqual(["lna"]);
    expect(byPath.get("actors/country/ly/")!.ids).toEqual(["haftar", "lna"]);
    // No view for a type or a country whose actors no article names.
    expect(byPath.has("actors/type/organization/")).toBe(false);
    expect(byPath.has("actors/country/eg/")).toBe(false);
    // Never one segment past actors/: an index page cannot take an actor's URL.
    for (const p of pages) if (p.path !== "actors/" && p.path !== "actors/by-mentions/") expect(p.path.split("/").length).toBeGreaterThan(3);
  });
});
