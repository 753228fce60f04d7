/**
 * Scenario "sample corpus briefs": the project's own sample pages (content/inbox, with the `stories/` pages that
 * report the same events from other outlets and in the other language) ingested into a temporary content folder
 * and built, then read in Chromium as a reader would:
 *   - on a 390 px phone the first story's summary is visible without scrolling, in both editions;
 *   - each summary sentence links to an article that exists; stories name their outlets;
 *   - in the English edition an Arabic story has a line of known facts and its summary in an Arabic block;
 *   - a story in the other language has its headline and summary in blocks of their direction, starting on one edge
 *     (both editions); gist lines never show an ISO date, a bare type or an arrow without a source;
 *   - story pages show the coverage by day and outlet; country pages open with the week's stories;
 *   - country and actor pages link their feed of stories (`<link rel="alternate">` and a link), a valid RSS document;
 *   - no axe-core violations on the brief and story pages.
 * Screenshots at 390 and 1366 px are kept in a temporary folder (its path is printed) for looking at.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUILDS, buildSite, removeSite, ROOT, type BuiltSite } from "./build-fixture.ts";
import { CHROMIUM_ARGS, ensureChromium } from "./setup-chromium.ts";
import { resolveFile, serveStatic, type StaticServer } from "./static-server.ts";

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
/** A day of the sample corpus with stories reported by several outlets in both languages. */
const DAY = "2025-10-29";
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 900 };

async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(", ")}`);
  });
}

describe("sample corpus briefs", () => {
  let content: string;
  let site: BuiltSite;
  let server: StaticServer;
  let browser: Browser;
  const shots = mkdtempSync(join(tmpdir(), "marsad-briefs-"));

  beforeAll(async () => {
    const executablePath = ensureChromium();
    mkdirSync(BUILDS, { recursive: true });
    content = mkdtempSync(join(BUILDS, "content-"));
    for (const dir of ["actors", "countries"]) cpSync(join(ROOT, "content", dir), join(content, dir), { recursive: true });
    const ingest = spawnSync(process.execPath, [join(ROOT, "src/cli/main.ts"), "ingest", join(ROOT, "content/inbox")], {
      cwd: ROOT,
      env: { ...process.env, MARSAD_CONTENT_DIR: content, MARSAD_CACHE_DIR: `${content}-cache`, MARSAD_INGEST_WORKERS: "0" },
      encoding: "utf8",
    });
    if (ingest.status !== 0) throw new Error(`ingest of content/inbox failed: ${ingest.stderr}`);
    site = await buildSite({ contentDir: content, search: false });
    server = await serveStatic(site.outDir, site.base);
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    console.log(`brief screenshots: ${shots}`);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    removeSite(site);
    if (content) {
      rmSync(content, { recursive: true, force: true });
      rmSync(`${content}-cache`, { recursive: true, force: true });
    }
  });

  for (const lang of ["ar", "en"] as const) {
    it(`${lang}: the first story's summary is on a phone's first screen, and the brief passes axe`, async () => {
      const page = await browser.newPage({ viewport: PHONE });
      await page.goto(`${server.origin}/${lang}/briefs/${DAY}/`, { waitUntil: "load" });
      const summary = page.locator(".brief-stories .story-summary").first();
      const box = (await summary.boundingBox())!;
      expect(box, "a top story with a summary").not.toBeNull();
      expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: join(shots, `${lang}-brief-390.png`) });
      await page.screenshot({ path: join(shots, `${lang}-brief-390-full.png`), fullPage: true });
      expect(await axeViolations(page)).toEqual([]);
      await page.setViewportSize(DESKTOP);
      await page.screenshot({ path: join(shots, `${lang}-brief-1366.png`) });
      await page.close();
    }, 120_000);

    it(`${lang}: summary sentences cite existing articles, and stories reported by several outlets say so`, async () => {
      const page = await browser.newPage({ viewport: DESKTOP });
      await page.goto(`${server.origin}/${lang}/briefs/${DAY}/`, { waitUntil: "load" });
      const cites = await page.locator(".brief-stories .story-summary a.cite").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
      expect(cites.length).toBeGreaterThan(0);
      for (const href of cites) {
        expect(href).toMatch(new RegExp(`^/${lang}/articles/[a-z0-9-]+/$`));
        expect(resolveFile(site.outDir, site.base, href), href).toBeTruthy();
      }
      const outlets = await page.locator(".brief-stories .outlet-count").allTextContents();
      expect(outlets.length, "at least one story with more than one outlet").toBeGreaterThan(0);
      const storyLinks = await page.locator('.brief-stories .story-title a[href*="/stories/"]').count();
      expect(storyLinks).toBeGreaterThan(0);
      // Every article of the day is still listed.
      expect(await page.locator("#by-country ~ .group .article-list > li, #by-country + .group .article-list > li").count()).toBeGreaterThan(0);
      await page.close();
    }, 60_000);
  }

  it("en: an Arabic story has a line of known facts, then its summary in an Arabic block", async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    await page.goto(`${server.origin}/en/briefs/${DAY}/`, { waitUntil: "load" });
    const story = page.locator(".brief-stories .story").filter({ has: page.locator('.story-summary[lang="ar"]') }).first();
    const facts = await story.locator(".story-facts").textContent();
    expect(facts).toMatch(/\d{1,2} [A-Z][a-z]+ 2025/);
    expect(facts).not.toMatch(/[\u0600-\u06FF]/);
    expect(await story.locator(".story-summary").getAttribute("dir")).toBe("rtl");
    await page.close();
  }, 60_000);

  for (const [lang, day, other] of [["en", DAY, "ar"], ["ar", "2025-11-03", "en"]] as const) {
    it(`${lang}: a story in the other language has its headline and summary in blocks of their direction, starting on one edge`, async () => {
      const page = await browser.newPage({ viewport: DESKTOP });
      await page.goto(`${server.origin}/${lang}/briefs/${day}/`, { waitUntil: "load" });
      const story = page.locator(".brief-stories .story").filter({ has: page.locator(`.story-summary[lang="${other}"]`) }).first();
      const edges = await story.evaluate((li) => {
        // Where each block's text starts: its rightmost glyph in a right-to-left block, its leftmost in a left-to-right one.
        const start = (el: Element) => {
          const range = document.createRange();
          range.selectNodeContents(el);
          const rects = [...range.getClientRects()];
          return getComputedStyle(el).direction === "rtl" ? Math.max(...rects.map((r) => r.right)) : Math.min(...rects.map((r) => r.left));
        };
        const title = li.querySelector(".story-title")!;
        const summary = li.querySelector(".story-summary")!;
        return { dirs: [getComputedStyle(title).direction, getComputedStyle(summary).direction], title: start(title), summary: start(summary) };
      });
      const dir = other === "ar" ? "rtl" : "ltr";
      expect(edges.dirs).toEqual([dir, dir]);
      expect(Math.abs(edges.title - edges.summary), `title starts at ${edges.title}, summary at ${edges.summary}`).toBeLessThanOrEqual(2);
      await page.close();
    }, 60_000);
  }

  it("en: gist lines add to the fact line, read dates in words and never show a bare type or arrow", async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    for (const day of [DAY, "2025-11-03"]) {
      await page.goto(`${server.origin}/en/briefs/${day}/`, { waitUntil: "load" });
      const lines = await page.locator(".story .gist-lines li").evaluateAll((lis) =>
        lis.map((li) => ({ label: li.querySelector(".gist-type")!.textContent!, text: li.querySelector("bdi")?.textContent ?? "", facts: li.closest(".story")!.querySelector(".story-facts")?.textContent ?? "" })),
      );
      for (const l of lines) {
        expect(l.text.trim(), `${l.label}: more than its type`).not.toBe("");
        expect(l.text).not.toMatch(/\d{4}-\d{2}-\d{2}|^→/);
        // A name the fact line lacks, or a figure: a day alone is no news (the story's dates are shown under it).
        const pieces = l.text.split(/ · | and | → |, |[()]/).map((p) => p.replace(/^by /, "").trim()).filter((p) => p && !/^\d{1,2} [A-Z][a-z]+ \d{4}$/.test(p));
        expect(pieces.some((p) => /^\d|^at least|^several/.test(p) || !l.facts.includes(p)), `${l.label} ${l.text} repeats ${l.facts}`).toBe(true);
      }
    }
    await page.close();
  }, 60_000);

  for (const lang of ["ar", "en"] as const) {
    it(`${lang}: a story page shows its coverage by day and outlet, and passes axe`, async () => {
      const page = await browser.newPage({ viewport: DESKTOP });
      await page.goto(`${server.origin}/${lang}/briefs/${DAY}/`, { waitUntil: "load" });
      const href = (await page.locator('.brief-stories .story-title a[href*="/stories/"]').first().getAttribute("href"))!;
      await page.goto(`${server.origin}${href}`, { waitUntil: "load" });
      expect(await page.locator("h1").isVisible()).toBe(true);
      expect(await page.locator(".story-timeline .outlet").count()).toBeGreaterThanOrEqual(2);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: join(shots, `${lang}-story-1366.png`), fullPage: true });
      await page.setViewportSize(PHONE);
      await page.screenshot({ path: join(shots, `${lang}-story-390.png`) });
      await page.close();
    }, 60_000);
  }

  it("country pages open with the week's top stories", async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    await page.goto(`${server.origin}/ar/countries/ly/`, { waitUntil: "load" });
    expect(await page.locator("#top-stories ~ .story-list .story, #top-stories + .story-list .story").count()).toBeGreaterThan(0);
    await page.close();
  }, 60_000);

  it("country and actor pages link their feed of stories, which lists stories", async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    for (const path of ["/en/countries/ly/", "/ar/actors/abdul-hamid-dbeibah/"]) {
      await page.goto(`${server.origin}${path}`, { waitUntil: "load" });
      const href = await page.locator('link[rel="alternate"][type="application/rss+xml"][href$="/stories/rss.xml"]').getAttribute("href");
      expect(href, `${path}: a <link rel="alternate"> to its stories feed`).toBe(`${path}stories/rss.xml`);
      expect(await page.locator(`a[href="${href}"]`).count(), `${path}: a visible link to it`).toBe(1);
      const feed = await (await fetch(`${server.origin}${href}`)).text();
      expect(feed).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?><rss version="2\.0"><channel>/);
      expect((feed.match(/<item>/g) ?? []).length).toBeGreaterThan(0);
    }
    await page.close();
  }, 60_000);
});
