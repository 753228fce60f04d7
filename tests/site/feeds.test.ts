/**
 * The site writes its RSS itself (src/site/feeds.ts `rssXml`) for speed; the documents must be exactly what
 * @astrojs/rss writes for the same feeds: every feed of the fixture site, and hand-made feeds with the edge cases
 * (markup and quotes to escape, empty strings, no items, no date, no categories, an untitled item).
 */
import { getRssString } from "@astrojs/rss";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSettings } from "../../src/config.ts";
import { actorFeed, countryFeed, latestFeed, rssResponse, rssXml, type Feed, type FeedItem } from "../../src/site/feeds.ts";
import { LANGS } from "../../src/site/locale.ts";
import { readSiteContent, siteModelFrom } from "../../src/site/load.ts";
import { actorStoriesFeed, countryStoriesFeed, storiesFeed } from "../../src/site/story-feeds.ts";
import { createUrls } from "../../src/site/urls.ts";

const ROOT = join(import.meta.dirname, "../..");

async function same(feed: Feed): Promise<void> {
  expect(rssXml(feed)).toBe(await getRssString(feed));
}

describe("rssXml", () => {
  it("writes every feed of the fixture site as @astrojs/rss does", async () => {
    const settings = loadSettings(ROOT, { MARSAD_CONTENT_DIR: join(ROOT, "tests/fixtures/site/content"), MARSAD_CACHE_DIR: join(ROOT, "node_modules/.cache/marsad-test-feeds") });
    const model = siteModelFrom(readSiteContent(settings).content, settings);
    const urls = createUrls(settings.site.url, settings.site.base);
    let feeds = 0;
    for (const lang of LANGS) {
      await same(latestFeed(model, settings, lang, urls));
      await same(storiesFeed(model, settings, lang, urls));
      feeds += 2;
      for (const actor of model.actors.values()) {
        if (actor.articleCount === 0) continue;
        await same(actorFeed(model, settings, lang, urls, actor.id));
        await same(actorStoriesFeed(model, settings, lang, urls, actor.id));
        feeds += 2;
      }
      for (const country of model.countries.values()) {
        if (country.articleCount === 0) continue;
        await same(countryFeed(model, settings, lang, urls, country.code));
        await same(countryStoriesFeed(model, settings, lang, urls, country.code));
        feeds += 2;
      }
    }
    expect(feeds).toBeGreaterThan(20);
  });

  it("makes an article's or a story's item once per edition, shared by every feed that lists it", () => {
    const settings = loadSettings(ROOT, { MARSAD_CONTENT_DIR: join(ROOT, "tests/fixtures/site/content"), MARSAD_CACHE_DIR: join(ROOT, "node_modules/.cache/marsad-test-feeds") });
    const model = siteModelFrom(readSiteContent(settings).content, settings);
    const urls = createUrls(settings.site.url, settings.site.base);
    const actor = [...model.actors.values()].find((a) => a.articleCount > 0)!;
    const country = model.countries.get(model.articles.get(actor.latest[0]!.articleId)!.countries[0]!)!;
    const byLink = (items: FeedItem[]) => new Map(items.map((i) => [i.link, i]));
    const shared = (a: Feed, b: Feed) => {
      const other = byLink(b.items);
      const common = a.items.filter((i) => other.has(i.link));
      expect(common.length).toBeGreaterThan(0);
      for (const item of common) {
        expect(other.get(item.link)).toBe(item);
        expect(Object.isFrozen(item)).toBe(true);
      }
    };
    shared(actorFeed(model, settings, "en", urls, actor.id), countryFeed(model, settings, "en", urls, country.code));
    shared(actorStoriesFeed(model, settings, "en", urls, actor.id), countryStoriesFeed(model, settings, "en", urls, country.code));
    // Another edition, another item.
    expect(actorFeed(model, settings, "ar", urls, actor.id).items[0]).not.toBe(actorFeed(model, settings, "en", urls, actor.id).items[0]);
  });

  it("sends the document as the endpoint's body", async () => {
    const feed: Feed = { title: "ع & e", description: "", site: "https://example.org/ar/", customData: "<language>ar</language>", items: [] };
    expect(await rssResponse(feed).text()).toBe(rssXml(feed));
  });

  it("escapes and omits exactly as @astrojs/rss does", async () => {
    await same({
      title: `A & B <"quoted"> 'single'`,
      description: "",
      site: "https://example.org/base/ar/actors/x",
      customData: "<language>ar</language>",
      items: [
        { title: "", link: "https://example.org/base/ar/articles/a?x=1&y=<2>/", description: `«نص» & 'x' "y"`, categories: [] },
        { title: "T <b>", link: "https://example.org/ar/articles/b/", description: "", pubDate: new Date("2025-01-02T00:00:00Z"), categories: ["", "ع & م", `"q"`] },
      ],
    });
    await same({ title: "Empty", description: "No items", site: "https://example.org/en/", customData: "<language>en</language>", items: [] });
  });
});
