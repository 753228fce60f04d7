/**
 * Content collections (src/content.config.ts): the slim projection of the site model, and a site owner's page that
 * lists the articles with `getCollection("articles")` and looks one up with `getEntry`, built by Astro against the
 * fixture site (tests/fixtures/collections-site re-exports the project's collections).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSettings } from "../../src/config.ts";
import type { Actor } from "../../src/schemas/actor.ts";
import type { Article } from "../../src/schemas/article.ts";
import { ActorEntry, ArticleEntry, CountryEntry, StoryEntry } from "../../src/schemas/collections.ts";
import { collectionEntries } from "../../src/site/collections.ts";
import { loadSiteModel } from "../../src/site/load.ts";
import { buildSiteModel } from "../../src/site/model.ts";

const ROOT = resolve(import.meta.dirname, "../..");

const article: Article = {
  id: "a1",
  lang: "ar",
  title: "عنوان أول",
  subtitle: null,
  source: "وكالة",
  author: null,
  dateline: null,
  published: "2024-08-15",
  seen: null,
  body: ["فقرة طويلة لا تدخل المجموعة."],
  captions: [],
  actors: [{ id: "haftar", ar: "خليفة حفتر", en: "Khalifa Haftar", type: "person" }],
  countries: ["LY"],
  places: [],
  mentions: [{ ref: "haftar", paragraph: 0, start: 0, end: 4, surface: "فقرة", sentence: "فقرة طويلة لا تدخل المجموعة." }],
  sources: [],
  secondary: false,
  summary: "ملخص أول.",
  story: "s1",
};
const haftar: Actor = {
  id: "haftar",
  names: { ar: "خليفة حفتر", en: "Khalifa Haftar" },
  aliases: { ar: [], en: [] },
  type: "person",
  roles: [],
  description: { ar: "قائد.", en: "Commander." },
  former_ids: [],
  ambiguous_aliases: [],
  provisional: false,
  provenance: { added_by: "t", source: "t" },
};

describe("collectionEntries", () => {
  const model = buildSiteModel({
    articles: [
      article,
      { ...article, id: "a2", lang: "en", title: "Second", published: "2024-08-16", summary: "Lead.", summary_en: "An editor's lead." },
      { ...article, id: "a3", story: undefined, published: null, seen: "2024-08-10" },
    ],
    actors: [haftar],
    countries: [{ code: "LY", names: { ar: "ليبيا", en: "Libya" } }],
    settings: { latest: 10, provisionalMinArticles: 3 },
  });
  const entries = collectionEntries(model);

  it("projects each article to the fields a listing needs, valid under its schema, without body or mentions", () => {
    expect(entries.articles.map((e) => e.id)).toEqual(["a2", "a1", "a3"]);
    for (const { id, data } of entries.articles) {
      expect(ArticleEntry.parse(data)).toEqual(data);
      expect(data.id).toBe(id);
      expect(Object.keys(data)).not.toContain("body");
      expect(Object.keys(data)).not.toContain("mentions");
    }
    const a2 = entries.articles[0]!.data;
    expect(a2).toMatchObject({ lang: "en", title: "Second", day: "2024-08-16", source: "وكالة", story: "s1", actors: ["haftar"], countries: ["LY"], path: "articles/a2/" });
    // The lead in the article's own language: an editor's summary wins.
    expect(a2.summary).toBe("An editor's lead.");
    expect(entries.articles[2]!.data).toMatchObject({ day: "2024-08-10", published: null, seen: "2024-08-10", story: "a3" });
  });

  it("derives stories from the articles' story field, with the story's page or its one article's", () => {
    const stories = new Map(entries.stories.map((e) => [e.id, StoryEntry.parse(e.data)]));
    expect([...stories.keys()].sort()).toEqual(["a3", "s1"]);
    expect(stories.get("s1")).toMatchObject({ articles: ["a1", "a2"], langs: expect.arrayContaining(["ar", "en"]), first: "2024-08-15", last: "2024-08-16", path: "stories/s1/" });
    expect(stories.get("a3")).toMatchObject({ articles: ["a3"], path: "articles/a3/" });
  });

  it("lists actors and countries with a page", () => {
    expect(entries.actors.map((e) => ActorEntry.parse(e.data))).toEqual([
      { id: "haftar", names: haftar.names, type: "person", country: null, provisional: false, articles: 3, first: "2024-08-10", last: "2024-08-16", path: "actors/haftar/" },
    ]);
    expect(entries.countries.map((e) => CountryEntry.parse(e.data))).toEqual([
      { code: "LY", slug: "ly", names: { ar: "ليبيا", en: "Libya" }, articles: 3, first: "2024-08-10", last: "2024-08-16", path: "countries/ly/" },
    ]);
  });
});

describe("a page using getCollection", () => {
  const content = join(ROOT, "tests/fixtures/site/content");
  const work = join(ROOT, "node_modules/.cache/marsad/site-tests");
  let out = "";
  let html = "";

  beforeAll(() => {
    mkdirSync(work, { recursive: true });
    out = mkdtempSync(join(work, "collections-"));
    const require = createRequire(join(ROOT, "package.json"));
    const astro = join(dirname(require.resolve("astro/package.json")), "bin", "astro.mjs");
    const result = spawnSync(process.execPath, [astro, "build", "--root", "tests/fixtures/collections-site"], {
      cwd: ROOT,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1", MARSAD_CONTENT_DIR: content, MARSAD_OUT_DIR: join(out, "dist"), MARSAD_CACHE_DIR: join(out, "cache") },
      encoding: "utf8",
    });
    if (result.status !== 0) throw new Error(`astro build failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
    html = readFileSync(join(out, "dist/index.html"), "utf8");
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it("lists every article of the site, with its title and page", () => {
    const model = loadSiteModel({ ...loadSettings(ROOT, { MARSAD_CONTENT_DIR: content }), cacheDir: join(out, "cache") });
    const listed = [...html.matchAll(/<li data-id="([^"]+)" data-story/g)].map((m) => m[1]);
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.sort()).toEqual([...model.articles.keys()].sort());
    const [id, view] = [...model.articles].find(([, v]) => v.article.title)!;
    expect(html).toContain(`href="/${view.article.lang}/articles/${id}/"`);
    expect(html).toMatch(/<p id="entry">articles\/[a-z0-9-]+\/<\/p>/);
    expect(html).toContain(`data-actors="${model.actors.size}"`);
    expect(html).toContain(`data-countries="${model.countries.size}"`);
  });
});
