/**
 * Page keys (src/site/page-keys.ts) hash each article's digest from the article cache rather than the whole article:
 * a key must still change whenever what the page shows changes, including a date the site withholds.
 */
import { describe, expect, it } from "vitest";
import type { Article } from "../../src/schemas/article.ts";
import { articleDigest } from "../../src/content/article-cache.ts";
import { withholdFutureDates } from "../../src/site/load.ts";
import { buildSiteModel } from "../../src/site/model.ts";
import { pageKeys } from "../../src/site/page-keys.ts";
import { actorIndexPages } from "../../src/site/routes.ts";
import { article, actor, tag } from "../fixtures/site/builders.ts";

const context = { settings: { site: "test" }, code: "code" };

/** The keys of a site of `articles`, each with the digest the cache would hold for it as read (`read`). */
function keysOf(articles: Article[], read: Article[] = articles) {
  const model = buildSiteModel({ articles, actors: [actor("a")], countries: [], settings: { latest: 10, provisionalMinArticles: 3 } });
  return pageKeys(model, new Map(read.map((a) => [a.id, articleDigest(a, `search ${a.id}`)])), context);
}

const one = article("x1", { published: "2025-03-01", actors: [tag("a")], body: ["First paragraph."] });
const other = article("x2", { published: "2025-03-01", actors: [tag("a")] });

describe("page keys", () => {
  it("change with the article's digest (an edit of the body only), and only for the pages showing it", () => {
    const before = keysOf([one, other]);
    const after = keysOf([{ ...one, body: ["Edited paragraph."] }, other]);
    expect(after.article("x1")).not.toBe(before.article("x1"));
    expect(after.day("2025-03-01")).not.toBe(before.day("2025-03-01"));
    expect(after.actor("a")).not.toBe(before.actor("a"));
    // The same content gives the same keys.
    expect(keysOf([one, other]).article("x1")).toBe(before.article("x1"));
  });

  it("change when the site withholds a date after today, though the article read (and its digest) is the same", () => {
    // Seen "in 2100": the article is filed by its publication date either way, only its `seen` is withheld.
    const future = article("x3", { published: "2025-03-01", seen: "2100-01-01", actors: [tag("a")] });
    const read = [one, future];
    const shown = withholdFutureDates(read, "2025-03-02", { warn: () => {} });
    expect(shown[1]!.seen).toBeNull();
    const withheld = keysOf(shown, read);
    // As if the date had been shown: same digests, other dates in the model's article.
    const model = buildSiteModel({ articles: read, actors: [actor("a")], countries: [], settings: { latest: 10, provisionalMinArticles: 3 } });
    const plain = pageKeys(model, new Map(read.map((a) => [a.id, articleDigest(a, `search ${a.id}`)])), context);
    expect(withheld.article("x3")).not.toBe(plain.article("x3"));
  });

  it("change on every page showing an outlet when the knowledge base renames it in one edition", () => {
    const outlet = (ar: string) => actor("wire", { type: "media", names: { ar, en: "Desert Wire" } });
    const keys = (ar: string) => {
      const articles = [article("x5", { published: "2025-03-01", source: "Desert Wire", actors: [tag("a")] })];
      const model = buildSiteModel({ articles, actors: [actor("a"), outlet(ar)], countries: [], settings: { latest: 10, provisionalMinArticles: 3 } });
      return pageKeys(model, new Map(articles.map((a) => [a.id, articleDigest(a, `search ${a.id}`)])), context);
    };
    const before = keys("وكالة الصحراء");
    const after = keys("وكالة أنباء الصحراء");
    expect(after.day("2025-03-01")).not.toBe(before.day("2025-03-01"));
    expect(after.article("x5")).not.toBe(before.article("x5"));
    expect(keys("وكالة الصحراء").day("2025-03-01")).toBe(before.day("2025-03-01"));
  });

  it("cover an article without a digest by the article itself", () => {
    const model = buildSiteModel({ articles: [one], actors: [actor("a")], countries: [], settings: { latest: 10, provisionalMinArticles: 3 } });
    const edited = buildSiteModel({ articles: [{ ...one, body: ["Edited."] }], actors: [actor("a")], countries: [], settings: { latest: 10, provisionalMinArticles: 3 } });
    expect(pageKeys(model, new Map(), context).article("x1")).not.toBe(pageKeys(edited, new Map(), context).article("x1"));
  });

  it("of the actors index's pages change with the rows they show (an actor's count, last day, name), not with an edit of an article's text", () => {
    const actors = [actor("a"), actor("b", { type: "organization" })];
    const named = (id: string, published: string, body = "Text.") => article(id, { published, actors: [tag("a"), tag("b")], body: [body] });
    const keysFor = (articles: Article[], list = actors) => {
      const model = buildSiteModel({ articles, actors: list, countries: [], settings: { latest: 10, provisionalMinArticles: 3 } });
      const people = actorIndexPages(model).find((p) => p.type === "person")!;
      expect(people.ids).toEqual(["a"]);
      const keys = pageKeys(model, new Map(articles.map((a) => [a.id, articleDigest(a, `search ${a.id}`)])), context);
      return { index: keys.actorsIndex(people.path), actor: keys.actor("a") };
    };
    const before = keysFor([named("y1", "2025-03-01"), named("y2", "2025-03-02")]);
    // The text of an article changes its actors' pages, not the index, whose rows show none of it.
    const edited = keysFor([named("y1", "2025-03-01", "Edited."), named("y2", "2025-03-02")]);
    expect(edited.actor).not.toBe(before.actor);
    expect(edited.index).toBe(before.index);
    // One more article: a's count and last day change.
    expect(keysFor([named("y1", "2025-03-01"), named("y2", "2025-03-02"), named("y3", "2025-03-03")]).index).not.toBe(before.index);
    // A renamed actor.
    expect(keysFor([named("y1", "2025-03-01"), named("y2", "2025-03-02")], [actor("a", { names: { ar: "ع-جديد", en: "New" } }), actors[1]!]).index).not.toBe(before.index);
    // A path that is no page of the index has a key of its own.
    expect(keysOf([one]).actorsIndex("actors/type/nobody/")).not.toBe(before.index);
  });
});
