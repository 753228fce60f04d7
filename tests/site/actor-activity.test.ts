/**
 * An actor's share card (src/site/actor-activity.ts, src/site/cards.ts): the role held on the card's date (the
 * actor's latest article), and the articles, stories and per-day bars of the 30 days to that date, in both editions.
 */
import { describe, expect, it } from "vitest";
import type { Article } from "../../src/schemas/article.ts";
import { ACTIVITY_DAYS, actorActivity, roleOn } from "../../src/site/actor-activity.ts";
import { cardFor } from "../../src/site/cards.ts";
import { buildSiteModel } from "../../src/site/model.ts";
import { actor, article, tag } from "../fixtures/site/builders.ts";

const countries = [{ code: "LY", names: { ar: "ليبيا", en: "Libya" } }];
const roles = [
  { title: { ar: "وزير الداخلية", en: "Minister of Interior" }, from: "2020", to: "2025-09" },
  { title: { ar: "رئيس الحكومة", en: "Prime Minister" }, from: "2025-10-02" },
];
const build = (articles: Article[]) =>
  buildSiteModel({
    articles,
    actors: [actor("x", { roles }), actor("y")],
    countries,
    settings: { latest: 10, provisionalMinArticles: 2 },
  });
const settings = { site: { title: { ar: "مرصد", en: "Marsad" } } };

describe("roleOn", () => {
  it("gives the role whose period covers the date, the one begun last, and none when only a former role matches", () => {
    expect(roleOn(roles, "2025-10-29")?.title.en).toBe("Prime Minister");
    expect(roleOn(roles, "2024-05-01")?.title.en).toBe("Minister of Interior");
    // A partial end date covers its whole month.
    expect(roleOn(roles, "2025-09-30")?.title.en).toBe("Minister of Interior");
    expect(roleOn([roles[0]!], "2025-10-29")).toBeNull();
    expect(roleOn(roles, null)?.title.en).toBe("Prime Minister");
  });
});

describe("actorActivity", () => {
  const m = build([
    article("a", { published: "2025-10-29", story: "s", actors: [tag("x")] }),
    article("b", { published: "2025-10-29", story: "s", actors: [tag("x"), tag("y")] }),
    article("c", { published: "2025-10-25", actors: [tag("x")] }),
    // 30 days before the latest: the first day of the window.
    article("d", { published: "2025-09-30", actors: [tag("x")] }),
    // 31 days before: outside.
    article("e", { published: "2025-09-29", actors: [tag("x")] }),
    article("f", { actors: [tag("x")] }),
  ]);

  it("counts articles per day and distinct stories over the 30 days to the actor's latest article", () => {
    const act = actorActivity(m, "x")!;
    expect(act).toMatchObject({ from: "2025-09-30", to: "2025-10-29", articles: 4, stories: 3 });
    expect(act.days).toHaveLength(ACTIVITY_DAYS);
    expect(act.days[0]).toBe(1);
    expect(act.days[ACTIVITY_DAYS - 1]).toBe(2);
    expect(act.days[ACTIVITY_DAYS - 5]).toBe(1);
    expect(act.days.reduce((s, n) => s + n, 0)).toBe(4);
    expect(actorActivity(m, "y")).toMatchObject({ to: "2025-10-29", articles: 1, stories: 1 });
  });

  it("puts name, role as of the card's date and the activity on the actor's card, in both editions", () => {
    const en = cardFor(m, settings, "en", { kind: "actor", id: "x" });
    expect(en.title).toBe("E-x");
    expect(en.meta[0]).toBe("Prime Minister · from 2 October 2025");
    expect(en.meta[1]).toBe("Articles: 4 · Stories: 3 · 30 days to 29 October 2025");
    expect(en.activity).toEqual(actorActivity(m, "x")!.days);
    const ar = cardFor(m, settings, "ar", { kind: "actor", id: "x" });
    expect(ar.meta[0]).toContain("رئيس الحكومة");
    expect(ar.meta[1]).toContain("الأخبار: 3");
    expect(ar.activity).toEqual(en.activity);
  });

  it("has no strip for an actor named only in undated articles", () => {
    const u = build([article("u", { actors: [tag("y")] })]);
    expect(actorActivity(u, "y")).toBeNull();
    const card = cardFor(u, settings, "en", { kind: "actor", id: "y" });
    expect(card.activity).toBeUndefined();
    expect(card.meta).toEqual(["Articles: 1"]);
  });
});
