/**
 * List entries (src/site/list-items.ts): what a list shows of an article or a story, worked out once per model, URL
 * builder, edition and kind of list, and the same shared entry on every page that lists it.
 */
import { describe, expect, it } from "vitest";
import { articleListItems, storyListItems } from "../../src/site/list-items.ts";
import type { Lang } from "../../src/schemas/common.ts";
import type { UrlBuilder } from "../../src/site/urls.ts";
import { buildSiteModel } from "../../src/site/model.ts";
import { presentStory } from "../../src/site/story-present.ts";
import { createUrls } from "../../src/site/urls.ts";
import { actor, article, tag } from "../fixtures/site/builders.ts";

const countries = [{ code: "LY", names: { ar: "ليبيا", en: "Libya" } }];
const model = buildSiteModel({
  articles: [
    article("a1", { story: "s", published: "2025-10-29", source: "وكالة", actors: [tag("x"), tag("y")], countries: ["LY"], summary: "التقى ع-x ع-y في طرابلس." }),
    article("a2", { story: "s", published: "2025-10-30", lang: "en", source: "Observer", actors: [tag("x")], countries: ["LY"] }),
    article("a3", { seen: "2025-10-31", source: "صحيفة", actors: [tag("y")], countries: ["LY"] }),
  ],
  actors: [actor("x", { country: "LY" }), actor("y", { country: "LY" })],
  countries,
  settings: { latest: 10, provisionalMinArticles: 2 },
});
const urls = createUrls("https://example.org", "/");
const articleListItem = (m: typeof model, u: UrlBuilder, lang: Lang, id: string, options: { showActors: boolean }) => articleListItems(m, u, lang, [id], options)[0]!;
const storyListItem = (m: typeof model, u: UrlBuilder, lang: Lang, id: string, options: { showSince: boolean; outletNames: number }) => storyListItems(m, u, lang, [id], options)[0]!;

describe("articleListItems", () => {
  it("lists entries in the order of the ids given", () => {
    expect(articleListItems(model, urls, "ar", ["a3", "a1", "a3"], { showActors: false }).map((i) => i.href)).toEqual(["a3", "a1", "a3"].map((id) => urls.url("ar", `articles/${id}/`)));
  });

  it("gives the link, title, outlet and date line, and the tagged actors only when asked", () => {
    const plain = articleListItem(model, urls, "en", "a1", { showActors: false });
    expect(plain.href).toBe(urls.url("en", "articles/a1/"));
    expect(plain.source?.text).toBe("وكالة");
    expect(plain.sourceAttrs).toEqual({ lang: "ar", dir: "rtl" });
    expect(plain.undated).toBe(false);
    expect(plain.actors).toEqual([]);
    const withActors = articleListItem(model, urls, "en", "a1", { showActors: true });
    expect(withActors.actors.map((a) => a.href)).toEqual([urls.url("en", "actors/x/"), urls.url("en", "actors/y/")]);
    expect(articleListItem(model, urls, "en", "a3", { showActors: false }).undated).toBe(true);
  });

  it("is one shared, frozen entry per model, URL builder, edition and kind of list", () => {
    const once = articleListItem(model, urls, "ar", "a2", { showActors: true });
    expect(articleListItem(model, urls, "ar", "a2", { showActors: true })).toBe(once);
    expect(Object.isFrozen(once)).toBe(true);
    expect(articleListItem(model, urls, "en", "a2", { showActors: true })).not.toBe(once);
    expect(articleListItem(model, urls, "ar", "a2", { showActors: false })).not.toBe(once);
    const otherBase = createUrls("https://example.org", "/archive/");
    expect(articleListItem(model, otherBase, "ar", "a2", { showActors: true }).href).toBe(otherBase.url("ar", "articles/a2/"));
  });
});

describe("storyListItems", () => {
  it("links the story and its summary sentences, names its outlets up to the count asked, and says since when it runs", () => {
    const p = presentStory(model, "s", "ar");
    const item = storyListItem(model, urls, "ar", "s", { showSince: false, outletNames: 1 });
    expect(item.href).toBe(urls.url("ar", p.path));
    expect(item.sentences.map((s) => s.href)).toEqual(p.sentences.map((s) => urls.url("ar", s.path)));
    expect(item.names).toHaveLength(1);
    expect(item.more).toBe(true);
    expect(item.dates).toBe(p.dates);
    expect(item.since).toBeNull();
    const developing = storyListItem(model, urls, "ar", "s", { showSince: true, outletNames: 4 });
    expect(developing.names).toHaveLength(2);
    expect(developing.more).toBe(false);
    expect(developing.dates).toBeNull();
    expect(developing.since).not.toBeNull();
    expect(item.chips.map((c) => c.href)).toEqual(p.actors.map((a) => urls.url("ar", `actors/${a}/`)));
  });

  it("is one shared entry per kind of list", () => {
    const item = storyListItem(model, urls, "en", "s", { showSince: false, outletNames: 4 });
    expect(storyListItem(model, urls, "en", "s", { showSince: false, outletNames: 4 })).toBe(item);
    expect(storyListItem(model, urls, "en", "s", { showSince: true, outletNames: 4 })).not.toBe(item);
    expect(storyListItem(model, urls, "en", "s", { showSince: false, outletNames: 2 })).not.toBe(item);
  });
});
