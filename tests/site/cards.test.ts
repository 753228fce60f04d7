/**
 * What a page says of its share card (src/site/cards.ts: `cardRef`, its path and alt text) is what the card's spec
 * says (`cardFor`), for every kind of card and both editions, including titles the spec cuts.
 */
import { describe, expect, it } from "vitest";
import { cardFor, cardRef, cardSpecs } from "../../src/site/cards.ts";
import { LANGS } from "../../src/site/locale.ts";
import { buildSiteModel } from "../../src/site/model.ts";
import { actor, article, tag } from "../fixtures/site/builders.ts";

const countries = [{ code: "LY", names: { ar: "ليبيا", en: "Libya" } }];
const model = buildSiteModel({
  articles: [
    article("a1", { published: "2025-10-29", story: "s", source: "وكالة", actors: [tag("x")], countries: ["LY"], title_en: "Editor's title" }),
    article("a2", { published: "2025-10-30", story: "s", lang: "en", source: "Observer", title: "A".repeat(500), actors: [tag("x"), tag("y")], countries: ["LY"] }),
    article("a3", { published: "2025-10-30", actors: [tag("y")] }),
  ],
  actors: [actor("x", { country: "LY" }), actor("y")],
  countries,
  settings: { latest: 10, provisionalMinArticles: 2 },
});
const settings = { site: { title: { ar: "مرصد", en: "Marsad" } } };

describe("cardRef", () => {
  it("gives every card's path and alt text as its spec does", () => {
    const targets = [
      { kind: "home" },
      ...(["briefs", "actors", "countries"] as const).map((page) => ({ kind: "index", page }) as const),
      ...model.days.map((b) => ({ kind: "brief", day: b.day }) as const),
      ...model.latest.map((id) => ({ kind: "article", id }) as const),
      ...model.storyPages.map((id) => ({ kind: "story", id }) as const),
      ...model.actorPages.map((id) => ({ kind: "actor", id }) as const),
      ...model.countryPages.map((code) => ({ kind: "country", code }) as const),
    ] as const;
    expect(model.storyPages.length).toBeGreaterThan(0);
    let n = 0;
    for (const lang of LANGS) {
      for (const target of targets) {
        const spec = cardFor(model, settings, lang, target);
        expect(cardRef(model, settings, lang, target)).toEqual({ path: spec.path, alt: spec.alt });
        n++;
      }
    }
    // Every card the renderer gets was compared.
    expect(n).toBe(cardSpecs(model, settings).length);
  });

  it("keeps the whole title in the alt text where the spec cuts the drawn title", () => {
    const ref = cardRef(model, settings, "en", { kind: "article", id: "a2" });
    expect(ref.alt).toContain("A".repeat(500));
    expect(cardFor(model, settings, "en", { kind: "article", id: "a2" }).title).toHaveLength(400);
  });
});
