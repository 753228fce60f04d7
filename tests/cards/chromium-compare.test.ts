/**
 * Our text rendering against headless Chromium, pixel by pixel, for the strings satori gets wrong (fixture
 * tests/fixtures/cards/compare-strings.json). Each string is drawn in the same frame (font files, size, box
 * width, line height, alignment, direction) by our shaper, by plain satori and by Chromium; ink masks are
 * compared. Set MARSAD_CARDS_DIFF_DIR to get red/blue overlays (red: only ours/satori, blue: only Chromium).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// The site engineer's helper: installs Debian's chromium with apt-get on a fresh machine, same flags as the brief.
import { CHROMIUM_ARGS, ensureChromium } from "../browser/setup-chromium.ts";
import { compareInk, diffPng, type InkComparison } from "./pixels.ts";
import { frameOf, renderChromium, renderOurs, renderPlainSatori, type TextCase } from "./text-compare.ts";

interface Fixture {
  defaults: Omit<TextCase, "name" | "text">;
  cases: Array<Partial<TextCase> & { name: string; text: string; knownSatoriBug?: boolean }>;
}
const fixture = JSON.parse(readFileSync(new URL("../fixtures/cards/compare-strings.json", import.meta.url), "utf8")) as Fixture;
const cases = fixture.cases.map((c) => ({ ...fixture.defaults, ...c }));

/**
 * Thresholds, calibrated on Debian 12's Chromium 156 with these font files; never lower them silently.
 * - INK_RADIUS 1: an ink pixel matches when the other rendering has ink within 1 px. This forgives
 *   anti-aliasing and Chromium's pixel-snapped glyph positions (ours are sub-pixel) but not a mark on the wrong
 *   side of its letter (≥ 4 px at 48 px), a wrong glyph, a reordered number or another font.
 * - MAX_DIFFERING 0.03: ours measured 0.0% on every string; 3% leaves room for another Chromium/FreeType build.
 *   Plain satori measured 9.5–59% on the strings flagged `knownSatoriBug` (16% for harakat, 28% for
 *   «في 2025/10/10», 59% for «قال Biden إن 3 قتلى في 10:30»).
 * - MIN_IOU 0.82: strict overlap, no tolerance; ours measured 0.875–0.965, plain satori 0.17–0.94.
 * - SATORI_MARGIN: on every flagged string ours must differ from Chromium by at least 5 points less than satori.
 */
const INK_RADIUS = 1;
const MAX_DIFFERING = 0.03;
const MIN_IOU = 0.82;
const SATORI_MARGIN = 0.05;

const diffDir = process.env.MARSAD_CARDS_DIFF_DIR;
const results: Array<{ name: string; ours: InkComparison; satori: InkComparison }> = [];
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
  page = await browser.newPage({ deviceScaleFactor: 1 });
  if (diffDir) mkdirSync(diffDir, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
  console.table(
    results.map((r) => ({
      string: r.name,
      "ours differing": pct(r.ours.differing),
      "ours IoU": r.ours.iou.toFixed(3),
      "satori differing": pct(r.satori.differing),
      "satori IoU": r.satori.iou.toFixed(3),
    })),
  );
});

describe("card text vs Chromium", () => {
  for (const c of cases) {
    it(c.name, async () => {
      const frame = frameOf(c);
      const ours = renderOurs(frame);
      const reference = await renderChromium(page, c, frame);
      const plain = await renderPlainSatori(c, frame);
      const result = { name: c.name, ours: compareInk(ours, reference, INK_RADIUS), satori: compareInk(plain, reference, INK_RADIUS) };
      results.push(result);
      if (diffDir) {
        writeFileSync(join(diffDir, `${c.name}-ours.png`), diffPng(ours, reference));
        writeFileSync(join(diffDir, `${c.name}-satori.png`), diffPng(plain, reference));
      }
      expect(result.ours.inkA, "ours drew nothing").toBeGreaterThan(0);
      expect(result.ours.differing).toBeLessThanOrEqual(MAX_DIFFERING);
      expect(result.ours.iou).toBeGreaterThanOrEqual(MIN_IOU);
      if (c.knownSatoriBug) expect(result.satori.differing - result.ours.differing).toBeGreaterThanOrEqual(SATORI_MARGIN);
    });
  }

  it("is much closer than plain satori overall", () => {
    const mean = (pick: (r: (typeof results)[number]) => number) => results.reduce((s, r) => s + pick(r), 0) / results.length;
    expect(results.length).toBe(cases.length);
    expect(mean((r) => r.ours.iou) - mean((r) => r.satori.iou)).toBeGreaterThanOrEqual(0.15);
    expect(mean((r) => r.satori.differing)).toBeGreaterThanOrEqual(5 * mean((r) => r.ours.differing) + 0.05);
  });
});
