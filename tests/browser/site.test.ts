/**
 * The built fixture site in a real browser (Debian Chromium through playwright-core).
 *
 * Scenario "fixture site at /": built once (astro build + search index), served on 127.0.0.1. Every template in
 * both editions renders with the right lang/dir, links its counterpart, has no axe-core violations and no console
 * errors; the Arabic layout starts at the right edge; every internal link of every built file resolves; search finds
 * Arabic words through their clitic forms; a rebuild is byte-identical. Screenshots of every template (and the root
 * chooser and the 404) at 1366 and 390 px in both editions, of dark mode and print, are kept to look at (path
 * printed); the theme's tokens reach the pages (light, dark, print) and the dark scheme passes axe too.
 * Scenario "fixture site under /briefings/": the base option moves every link and the search bundle.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSettings } from "../../src/config.ts";
import { cardSpecs } from "../../src/site/cards.ts";
import { loadSiteModel } from "../../src/site/load.ts";
import { DEFAULT_THEME } from "../../src/schemas/theme.ts";
import { themeDigest } from "../../src/site/theme-css.ts";
import { searchParts } from "../../src/site/search-index.ts";
import { buildSite, FIXTURE_CONTENT, removeSite, ROOT, type BuiltSite } from "./build-fixture.ts";
import { sharedFixtureSite } from "../fixtures/site/shared-build.ts";
import { CHROMIUM_ARGS, ensureChromium } from "./setup-chromium.ts";
import { resolveFile, serveStatic, type StaticServer } from "./static-server.ts";

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const SITE_URL = "https://marsad.example.org";

/** One URL per template (edition-relative). */
const TEMPLATES: Record<string, string> = {
  home: "",
  archive: "briefs/",
  brief: "briefs/2024-08-15/",
  actors: "actors/",
  actorsByMentions: "actors/by-mentions/",
  actorsByType: "actors/type/person/",
  actorsByCountry: "actors/country/ly/",
  reference: "reference/",
  referenceActor: "actors/kais-saied/",
  referenceCountry: "countries/tn/",
  actor: "actors/khalifa-haftar/",
  provisionalActor: "actors/government-of-national-unity/",
  countries: "countries/",
  country: "countries/ly/",
  countryWeek: "countries/ly/weeks/2024-W33/",
  articleArabic: "articles/dbeibah-meets-africom/",
  articleEnglish: "articles/libya-elections-roadmap/",
  articleUndated: "articles/undated-analysis-note/",
  search: "search/",
};

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

interface PageReport {
  errors: string[];
}

/** Opens `url`, recording console errors and uncaught exceptions. */
async function open(browser: Browser, url: string, width = 1280): Promise<{ page: Page; report: PageReport }> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const report: PageReport = { errors: [] };
  page.on("console", (m) => {
    if (m.type() === "error") report.errors.push(`${url}: ${m.text()}`);
  });
  page.on("pageerror", (e) => report.errors.push(`${url}: ${e.message}`));
  const response = await page.goto(url, { waitUntil: "load" });
  expect(response?.status(), url).toBe(200);
  return { page, report };
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(", ")}`);
  });
  return violations;
}

/** Internal URLs referenced by a built file: href/src attributes, and site-URL links in feeds and sitemaps. */
function references(file: string, text: string): string[] {
  const out: string[] = [];
  if (file.endsWith(".html")) {
    for (const m of text.matchAll(/\s(?:href|src|content|action|data-bundle)="([^"]+)"/g)) out.push(m[1]!.replace(/&amp;/g, "&"));
  } else {
    for (const m of text.matchAll(/<(?:loc|link)>([^<]+)<\/(?:loc|link)>|href="([^"]+)"/g)) out.push((m[1] ?? m[2])!.replace(/&amp;/g, "&"));
  }
  return out
    .map((u) => (u.startsWith(SITE_URL) ? u.slice(SITE_URL.length) || "/" : u))
    .filter((u) => u.startsWith("/") && !u.startsWith("//"))
    .map((u) => u.split(/[?#]/)[0]!);
}

/** Card paths the card stage renders for the fixture site (cards themselves are not built here). */
function fixtureCards(): Set<string> {
  const settings = loadSettings(ROOT, { MARSAD_CONTENT_DIR: FIXTURE_CONTENT });
  return new Set(cardSpecs(loadSiteModel(settings), settings).map((c) => c.path));
}

/** Every internal link of every built file that resolves to no file (cards are checked against the card specs). */
function brokenLinks(site: Pick<BuiltSite, "outDir" | "base">, cardPaths: Set<string>): string[] {
  const broken: string[] = [];
  for (const file of walk(site.outDir)) {
    if (!/\.(html|xml)$/.test(file) || /[\\/]pagefind[\\/]/.test(file)) continue;
    const text = readFileSync(file, "utf8");
    // meta refresh targets sit inside content="0; url=…"
    const refresh = [...text.matchAll(/content="0; url=([^"]+)"/g)].map((m) => m[1]!);
    for (const ref of [...references(file, text), ...refresh]) {
      if (!ref.startsWith(site.base)) {
        broken.push(`${relative(site.outDir, file)} → ${ref} (outside base ${site.base})`);
        continue;
      }
      const card = ref.slice(site.base.length).match(/^cards\/(.+)\.png$/);
      if (card) {
        if (!cardPaths.has(card[1]!)) broken.push(`${relative(site.outDir, file)} → ${ref} (no card spec)`);
        continue;
      }
      if (!resolveFile(site.outDir, site.base, ref)) broken.push(`${relative(site.outDir, file)} → ${ref}`);
    }
  }
  return [...new Set(broken)];
}

describe("fixture site at /", () => {
  let site: Pick<BuiltSite, "outDir" | "base">;
  let server: StaticServer;
  let browser: Browser;
  const errors: string[] = [];
  const shots = mkdtempSync(join(tmpdir(), "marsad-shots-"));
  afterAll(() => console.log(`template screenshots: ${shots}`));

  beforeAll(async () => {
    const executablePath = ensureChromium();
    // The run's one build of the fixture site (pages, search, cards), shared with the build-kill tests, which also
    // check that a second build publishes the same bytes.
    site = sharedFixtureSite();
    server = await serveStatic(site.outDir, site.base);
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const lang of ["ar", "en"] as const) {
    for (const [name, path] of Object.entries(TEMPLATES)) {
      it(`${lang}: ${name} renders, links its counterpart, passes axe`, async () => {
        const other = lang === "ar" ? "en" : "ar";
        const { page, report } = await open(browser, `${server.origin}/${lang}/${path}`);
        const html = page.locator("html");
        expect(await html.getAttribute("lang")).toBe(lang);
        expect(await html.getAttribute("dir")).toBe(lang === "ar" ? "rtl" : "ltr");
        expect(await page.locator("h1").first().isVisible()).toBe(true);
        expect(await page.locator(`link[rel=alternate][hreflang=${other}]`).getAttribute("href")).toBe(`${SITE_URL}/${other}/${path}`);
        expect(await page.locator("link[rel=alternate][hreflang=x-default]").count()).toBe(1);
        expect(await page.locator(".lang-switch").getAttribute("href")).toBe(`/${other}/${path}`);
        if (name.startsWith("reference")) {
          expect(await page.locator('meta[name="robots"]').getAttribute("content")).toBe("noindex");
          expect(await page.locator('meta[property="og:image"]').count()).toBe(0);
        } else if (name !== "search") {
          expect(await page.locator('meta[property="og:image"]').getAttribute("content")).toMatch(new RegExp(`^${SITE_URL}/cards/${lang}/[a-z0-9/_-]+\\.png$`));
          expect(await page.locator('meta[name="twitter:card"]').getAttribute("content")).toBe("summary_large_image");
        }
        expect(await axeViolations(page)).toEqual([]);
        // Every template at a desktop and a phone width, in both editions (kept in the shots folder to look at).
        await page.setViewportSize({ width: 1366, height: 900 });
        await page.screenshot({ path: join(shots, `${lang}-${name}-1366.png`), fullPage: true });
        await page.setViewportSize({ width: 390, height: 844 });
        await page.screenshot({ path: join(shots, `${lang}-${name}-390.png`), fullPage: true });
        errors.push(...report.errors);
        await page.close();
      }, 120_000);
    }
  }

  it("lays out the Arabic edition from the right edge and the English one from the left", async () => {
    for (const lang of ["ar", "en"] as const) {
      const { page } = await open(browser, `${server.origin}/${lang}/`);
      // Edges of the content column (the page is centred at this width) and of the masthead's items: brand and
      // first section at the inline start, the other edition's link at the inline end.
      const header = (await page.locator(".masthead-inner").boundingBox())!;
      const main = (await page.locator("main").boundingBox())!;
      const brand = (await page.locator(".brand").boundingBox())!;
      const h1 = (await page.locator("h1").boundingBox())!;
      const nav = (await page.locator(".site-nav li").first().boundingBox())!;
      const other = (await page.locator(".lang-switch").boundingBox())!;
      const gapEnd = (outer: { x: number; width: number }, inner: { x: number; width: number }) => outer.x + outer.width - (inner.x + inner.width);
      if (lang === "ar") {
        expect(gapEnd(header, brand)).toBeLessThan(24);
        expect(gapEnd(main, h1)).toBeLessThan(24);
        expect(gapEnd(header, nav)).toBeLessThan(24);
        expect(other.x - header.x).toBeLessThan(24);
      } else {
        expect(brand.x - header.x).toBeLessThan(24);
        expect(h1.x - main.x).toBeLessThan(24);
        expect(nav.x - header.x).toBeLessThan(24);
        expect(gapEnd(header, other)).toBeLessThan(24);
      }
      // The sections sit under the masthead band, not beside the name.
      expect(nav.y).toBeGreaterThan(brand.y + brand.height);
      await page.close();
    }
  });

  // No screenshots here: every template is shot at 390 px above, and a full-page shot of each doubled this test's time.
  it("fits a 360 px screen without sideways scrolling", async () => {
    for (const lang of ["ar", "en"] as const) {
      for (const path of Object.values(TEMPLATES)) {
        const { page } = await open(browser, `${server.origin}/${lang}/${path}`, 360);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${lang}/${path}`).toBeLessThanOrEqual(0);
        await page.close();
      }
    }
    const pngs = readdirSync(shots).filter((f) => f.endsWith(".png"));
    expect(pngs.length).toBeGreaterThanOrEqual(2 * Object.keys(TEMPLATES).length * 2);
    for (const f of pngs) expect(readFileSync(join(shots, f)).subarray(1, 4).toString()).toBe("PNG");
  }, 600_000);

  it("uses the self-hosted Arabic font and Western digits in the Arabic edition", async () => {
    const { page } = await open(browser, `${server.origin}/ar/`);
    const loaded = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].filter((f) => f.family.replace(/"/g, "") === "Noto Naskh Arabic" && f.status === "loaded").length;
    });
    expect(loaded).toBeGreaterThan(0);
    expect(await page.locator("h1").evaluate((e) => getComputedStyle(e).fontFamily)).toContain("Noto Naskh Arabic");
    const text = await page.locator("main").innerText();
    expect(text).toMatch(/2024/);
    expect(text).not.toMatch(/[\u0660-\u0669]/);
    await page.close();
  });

  it("is keyboard navigable: the skip link comes first, is visible when focused and moves to main", async () => {
    for (const lang of ["ar", "en"] as const) {
      const { page } = await open(browser, `${server.origin}/${lang}/briefs/`);
      await page.keyboard.press("Tab");
      const focused = page.locator(":focus");
      expect(await focused.getAttribute("class")).toBe("skip-link");
      const box = (await focused.boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(await focused.evaluate((e) => getComputedStyle(e).outlineStyle)).not.toBe("none");
      await page.keyboard.press("Enter");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
      await page.close();
    }
  }, 600_000);

  it("renders the root edition chooser and the bilingual 404", async () => {
    const root = readFileSync(join(site.outDir, "index.html"), "utf8");
    // The chooser stays on screen (no redirect) and shares the home page's card.
    expect(root).not.toContain('http-equiv="refresh"');
    expect(root).toContain('href="/ar/"');
    expect(root).toContain('href="/en/"');
    expect(root).toContain(`<meta property="og:image" content="${SITE_URL}/cards/ar/home.png">`);
    const page = await browser.newPage();
    await page.goto(`${server.origin}/`);
    expect(page.url()).toBe(`${server.origin}/`);
    expect(await page.locator("main a[hreflang=en]").isVisible()).toBe(true);
    expect(await page.locator(".masthead .brand").isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: join(shots, `root-${width}.png`), fullPage: true });
    }
    await page.close();

    const missing = await browser.newPage();
    const response = await missing.goto(`${server.origin}/ar/no-such-page/`);
    expect(response?.status()).toBe(404);
    expect(await missing.locator("section[lang=ar] h1").isVisible()).toBe(true);
    expect(await missing.locator("section[lang=en] h1").isVisible()).toBe(true);
    expect(await missing.locator(".masthead .brand").isVisible()).toBe(true);
    expect(await axeViolations(missing)).toEqual([]);
    for (const width of [1366, 390]) {
      await missing.setViewportSize({ width, height: 900 });
      await missing.screenshot({ path: join(shots, `404-${width}.png`), fullPage: true });
    }
    await missing.close();
  }, 600_000);

  it("draws with the theme's tokens: light and dark schemes from theme.css, the masthead band, print without navigation", async () => {
    const { page } = await open(browser, `${server.origin}/en/briefs/2024-08-15/`);
    const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)).join(", ")})`;
    const href = await page.locator('link[rel=stylesheet][href^="/theme.css?v="]').getAttribute("href");
    const fixtureTheme = loadSettings(ROOT, { MARSAD_CONTENT_DIR: FIXTURE_CONTENT }).site.theme;
    expect(href).toBe(`/theme.css?v=${themeDigest(fixtureTheme)}`);
    expect(themeDigest(fixtureTheme)).not.toBe(themeDigest(DEFAULT_THEME));
    expect(await page.locator("body").evaluate((e) => getComputedStyle(e).backgroundColor)).toBe(rgb(DEFAULT_THEME.light.bg));
    expect(await page.locator(".masthead-band").evaluate((e) => getComputedStyle(e).backgroundColor)).toBe(rgb(DEFAULT_THEME.light.masthead));
    await page.emulateMedia({ colorScheme: "dark" });
    expect(await page.locator("body").evaluate((e) => getComputedStyle(e).backgroundColor)).toBe(rgb(DEFAULT_THEME.dark.bg));
    expect(await page.locator("body").evaluate((e) => getComputedStyle(e).color)).toBe(rgb(DEFAULT_THEME.dark.fg));
    await page.emulateMedia({ colorScheme: "light", media: "print" });
    expect(await page.locator(".site-nav").isVisible()).toBe(false);
    expect(await page.locator(".brand").isVisible()).toBe(true);
    expect(await page.locator("body").evaluate((e) => getComputedStyle(e).backgroundColor)).toBe("rgb(255, 255, 255)");
    await page.screenshot({ path: join(shots, "en-brief-print.png"), fullPage: true });
    await page.close();
  });

  it("takes the site.yaml customisations: a theme token, an extra navigation link, the footer text", async () => {
    for (const lang of ["ar", "en"] as const) {
      const { page } = await open(browser, `${server.origin}/${lang}/countries/`);
      // tests/fixtures/site/content/site.yaml sets theme.light.accent to #0a5c8c.
      expect(await page.locator("main a").first().evaluate((e) => getComputedStyle(e).color)).toBe("rgb(10, 92, 140)");
      const nav = page.locator(".site-nav li a");
      expect(await nav.count()).toBe(6);
      expect(await nav.last().getAttribute("href")).toBe("https://example.org/marsad/method");
      expect(await nav.last().innerText()).toBe(lang === "ar" ? "المنهجية" : "Method");
      expect(await page.locator(".site-footer").innerText()).toContain(lang === "ar" ? "مرصد تجريبي للاختبارات." : "A test edition of Marsad.");
      expect(await page.locator(".brand-logo").getAttribute("src")).toBe("/favicon.svg");
      await page.close();
    }
  });

  it("keeps the masthead to one band on a phone, with the name and the other edition side by side", async () => {
    for (const lang of ["ar", "en"] as const) {
      const { page } = await open(browser, `${server.origin}/${lang}/briefs/2024-08-15/`, 390);
      const band = (await page.locator(".masthead-band").boundingBox())!;
      expect(band.height).toBeLessThan(64);
      expect(await page.locator(".brand-tagline").isVisible()).toBe(false);
      const brand = (await page.locator(".brand").boundingBox())!;
      const other = (await page.locator(".lang-switch").boundingBox())!;
      expect(Math.abs(brand.y + brand.height / 2 - (other.y + other.height / 2))).toBeLessThan(8);
      await page.close();
    }
  });

  it("passes axe in the dark scheme too (colour contrast of the dark tokens)", async () => {
    for (const lang of ["ar", "en"] as const) {
      for (const name of ["home", "brief", "actor", "articleArabic", "countries", "search"] as const) {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: "dark" });
        await page.goto(`${server.origin}/${lang}/${TEMPLATES[name]}`, { waitUntil: "load" });
        expect(await axeViolations(page), `${lang} ${name}`).toEqual([]);
        await page.screenshot({ path: join(shots, `${lang}-${name}-dark-1280.png`) });
        await page.close();
      }
    }
  }, 600_000);

  it("redirects an actor's former id to its page", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/ar/actors/haftar-khalifa/`);
    await page.waitForURL(`${server.origin}/ar/actors/khalifa-haftar/`);
    expect(await page.locator("h1").innerText()).toBe("خليفة حفتر");
    await page.close();
  });

  it("shows dates honestly and keeps untranslated Arabic text in an Arabic block", async () => {
    const { page } = await open(browser, `${server.origin}/en/articles/lna-denies-border-claims/`);
    expect(await page.locator(".article-meta").innerText()).toContain("Publication date unknown");
    expect(await page.locator(".article-body").getAttribute("lang")).toBe("ar");
    expect(await page.locator(".article-body").getAttribute("dir")).toBe("rtl");
    // The tag used a former id: the mention still links to the current actor page.
    expect(await page.locator('.article-body a[href="/en/actors/khalifa-haftar/"]').count()).toBe(1);
    await page.close();
    const doha = await open(browser, `${server.origin}/ar/articles/doha-ceasefire-talks/`);
    expect(await doha.page.locator(".article-body").innerText()).toContain("<script>alert('x')</script>");
    await doha.page.close();
    // An English article's author, in the Arabic edition, is marked as English text.
    const roadmap = readFileSync(join(site.outDir, "ar/articles/libya-elections-roadmap/index.html"), "utf8");
    expect(roadmap).toMatch(/<bdi lang="en" dir="ltr"[^>]*>J\. Smith<\/bdi>/);
  });

  it("finds Arabic words through their clitic forms", async () => {
    const tripoli = readFileSync(join(site.outDir, "ar/articles/tripoli-security-meeting/index.html"), "utf8").replace(/<div hidden[^>]*>.*?<\/div>/s, "");
    expect(tripoli).toContain("لحفتر");
    expect(tripoli).not.toMatch(/[\s>«]حفتر/);
    const doha = readFileSync(join(site.outDir, "ar/articles/doha-ceasefire-talks/index.html"), "utf8").replace(/<div hidden[^>]*>.*?<\/div>/s, "");
    expect(doha).toContain("المفاوضات");
    expect(doha).not.toMatch(/[\s>«]مفاوضات/);

    for (const [lang, query, expected] of [
      ["ar", "حفتر", "/ar/articles/tripoli-security-meeting/"],
      ["ar", "مفاوضات", "/ar/articles/doha-ceasefire-talks/"],
      ["en", "Dbeibah", "/en/articles/libya-elections-roadmap/"],
    ] as const) {
      const { page, report } = await open(browser, `${server.origin}/${lang}/search/?q=${encodeURIComponent(query)}`);
      await page.locator("#search-results li").first().waitFor({ timeout: 20_000 });
      const hrefs = await page.locator("#search-results a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
      expect(hrefs, `${lang} «${query}»`).toContain(expected);
      expect(await axeViolations(page)).toEqual([]);
      errors.push(...report.errors);
      await page.close();
    }
  }, 600_000);

  it("lists articles before actor pages, filters by kind, quotes readable text only and keeps the query across editions", async () => {
    const { page, report } = await open(browser, `${server.origin}/ar/search/?q=${encodeURIComponent("حفتر")}`);
    await page.locator("#search-results li").first().waitFor({ timeout: 20_000 });
    const main = await page.locator("#search-results h2 a").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
    expect(main.length).toBeGreaterThan(0);
    expect(main.every((h) => /\/(articles|stories)\//.test(h)), main.join(" ")).toBe(true);
    await page.locator("#search-entities").waitFor({ state: "visible", timeout: 20_000 });
    expect(await page.locator("#search-entity-list a").evaluateAll((as) => as.map((a) => a.getAttribute("href")))).toContain("/ar/actors/khalifa-haftar/");
    // Snippets quote visible words only: the hidden block of normalised stems never shows.
    const hidden = readFileSync(join(site.outDir, "ar/articles/tripoli-security-meeting/index.html"), "utf8").match(/<div hidden data-search-tokens>([^<]*)<\/div>/)![1]!;
    const onlyHidden = hidden.split(/\s+/).filter((w) => w.length > 3 && !/[.\u2042]/.test(w)).slice(0, 5);
    const snippets = (await page.locator("#search-results li p:not(.meta)").allInnerTexts()).join(" ");
    expect(snippets).not.toContain("\u2042");
    expect(snippets).not.toContain(onlyHidden.join(" "));
    // The query survives a switch of edition.
    expect(await page.locator(".lang-switch").getAttribute("href")).toBe(`/en/search/?q=${encodeURIComponent("حفتر")}`);
    // Kind filter: actor and country pages only.
    await page.locator("select[name=kind]").selectOption("entity");
    await page.waitForFunction(() => [...document.querySelectorAll("#search-results h2 a")].some((a) => a.getAttribute("href")!.includes("/actors/")), null, { timeout: 20_000 });
    const entities = await page.locator("#search-results h2 a").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
    expect(entities.every((h) => /\/(actors|countries)\//.test(h)), entities.join(" ")).toBe(true);
    expect(new URL(page.url()).searchParams.get("kind")).toBe("entity");
    expect(await axeViolations(page)).toEqual([]);
    errors.push(...report.errors);
    await page.close();
  }, 120_000);

  it("builds no page empty of articles unless it is a reference page (noindex, no card, not in sitemap or search)", () => {
    const sitemap = readFileSync(join(site.outDir, "sitemap-0.xml"), "utf8");
    const listed = new Set([...sitemap.matchAll(/<loc>https?:\/\/[^/]+\/([^<]*)<\/loc>/g)].map((m) => m[1]!));
    // Navigation pages list actors, countries or briefs rather than articles.
    const navigation = /^(ar|en)\/(actors\/(by-mentions\/|(by-mentions\/)?page\/\d+\/|type\/[a-z-]+\/(page\/\d+\/)?|country\/[a-z]+\/(page\/\d+\/)?)?|countries\/|search\/)$/;
    const empty: string[] = [];
    let references = 0;
    for (const file of walk(site.outDir)) {
      const path = relative(site.outDir, file).replace(/index\.html$/, "");
      if (!/^(ar|en)\//.test(path) || !file.endsWith(".html")) continue;
      const text = readFileSync(file, "utf8");
      if (text.includes('http-equiv="refresh"')) continue;
      if (/<body[^>]*\sdata-reference/.test(text)) {
        references++;
        expect(text, path).toContain('<meta name="robots" content="noindex">');
        expect(text, path).not.toContain('property="og:image"');
        expect(text, path).not.toContain("data-pagefind-body");
        expect(listed.has(path), path).toBe(false);
        continue;
      }
      if (navigation.test(path) || /^(ar|en)\/articles\//.test(path)) continue; // an article page is the article
      if (!new RegExp(`href="/${path.slice(0, 2)}/(articles|stories)/`).test(text)) empty.push(path);
    }
    expect(empty).toEqual([]);
    expect(references).toBeGreaterThanOrEqual(4); // Kais Saied and Tunisia in both editions, the reference index
    expect(listed.has("ar/actors/khalifa-haftar/")).toBe(true);
  });

  it("logs no console errors on any page", () => {
    expect(errors).toEqual([]);
  });

  it("has no broken internal link in any built page, feed or sitemap", () => {
    expect(brokenLinks(site, fixtureCards())).toEqual([]);
    expect(server.misses).toEqual(["/ar/no-such-page/"]);
  });

  it("emits no inline script or style, and a CSP on every page", () => {
    for (const file of walk(site.outDir).filter((f) => f.endsWith(".html"))) {
      const text = readFileSync(file, "utf8");
      expect(text, file).toContain('http-equiv="content-security-policy"');
      expect(text.match(/<script(?![^>]*\ssrc=)[^>]*>/g) ?? [], file).toEqual([]);
      expect(text.match(/<style[\s>]|\sstyle="/g) ?? [], file).toEqual([]);
    }
  });
});

describe("fixture site under /briefings/", () => {
  let site: BuiltSite;
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    const executablePath = ensureChromium();
    // Indexed in parts of two articles, as a large site is: the search page merges them.
    site = await buildSite({ base: "/briefings/", pagesPerBundle: 2 });
    server = await serveStatic(site.outDir, site.base);
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    removeSite(site);
  });

  it("keeps every link, asset and card under the base", () => {
    expect(brokenLinks(site, fixtureCards())).toEqual([]);
    const home = readFileSync(join(site.outDir, "ar/index.html"), "utf8");
    expect(home).toContain('href="/briefings/ar/actors/"');
    expect(home).toContain(`content="${SITE_URL}/briefings/cards/ar/home.png"`);
  });

  it("loads styles and finds results from the base-path search bundle, merged from its parts", async () => {
    const parts = JSON.parse(readFileSync(join(site.outDir, "ar/pagefind/parts.json"), "utf8")).parts as string[];
    expect(parts.length).toBeGreaterThan(0);
    // Both articles searched for are in merged parts (the main bundle holds entity pages).
    const partOf = (id: string) => searchParts(site.outDir, "ar", 2).findIndex((p) => p.pages.some((x) => x.rel === `ar/articles/${id}/index.html`));
    expect(partOf("tripoli-security-meeting")).toBeGreaterThan(0);
    expect(partOf("sudan-kordofan-drones")).toBeGreaterThan(0);
    const { page, report } = await open(browser, `${server.origin}/briefings/ar/search/?q=${encodeURIComponent("لحفتر")}`);
    await page.locator("#search-results li").first().waitFor({ timeout: 20_000 });
    const hrefs = await page.locator("#search-results a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(hrefs).toContain("/briefings/ar/articles/tripoli-security-meeting/");
    await page.locator("input[name=q]").fill("بكردفان");
    await page.locator("form[data-search]").evaluate((f: HTMLFormElement) => f.requestSubmit());
    await page.locator('#search-results a[href="/briefings/ar/articles/sudan-kordofan-drones/"]').waitFor({ timeout: 20_000 });
    // The stylesheets under the base: the main one (the masthead's rule) and the theme's (its band's colour).
    expect(await page.locator(".masthead").evaluate((e) => getComputedStyle(e).borderBlockEndStyle)).toBe("solid");
    expect(await page.locator(".masthead-band").evaluate((e) => getComputedStyle(e).backgroundColor)).not.toBe("rgba(0, 0, 0, 0)");
    expect(report.errors).toEqual([]);
    expect(server.misses).toEqual([]);
    await page.close();
  });
});
