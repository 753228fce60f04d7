/**
 * An actor's card with its activity strip (src/cards/template.ts `activityStrip`): drawn under the facts, one bar per
 * day from the inline-start edge (left in English, right in Arabic), nothing else on the card moved.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderCard } from "../../src/cards/render.ts";
import type { CardSpecInput } from "../../src/schemas/card.ts";
import { THEME } from "../../src/cards/template.ts";
import { pngSize, pngToGrey } from "./pixels.ts";

const specs = JSON.parse(readFileSync(new URL("../fixtures/cards/specs.json", import.meta.url), "utf8")) as CardSpecInput[];
const days = Array.from({ length: 30 }, (_, i) => (i % 7 === 0 ? 3 : i % 3 === 0 ? 1 : 0));

/** The box of pixels that differ between two renders. */
async function changed(a: CardSpecInput, b: CardSpecInput) {
  const x = pngToGrey(await renderCard(a));
  const y = pngToGrey(await renderCard(b));
  const box = { left: x.width, right: -1, top: x.height, bottom: -1 };
  for (let row = 0; row < x.height; row++)
    for (let col = 0; col < x.width; col++)
      if (Math.abs((x.data[row * x.width + col] ?? 0) - (y.data[row * x.width + col] ?? 0)) > 24) {
        box.left = Math.min(box.left, col);
        box.right = Math.max(box.right, col);
        box.top = Math.min(box.top, row);
        box.bottom = Math.max(box.bottom, row);
      }
  return box;
}

describe("the activity strip of an actor's card", () => {
  const stripWidth = days.length * (THEME.activityBar + THEME.activityGap) - THEME.activityGap;

  it.each(["en", "ar"] as const)("is drawn under the facts from the inline start (%s), leaving the rest of the card as it was", async (lang) => {
    const base = specs.find((s) => s.path === `${lang}/actors/khalifa-haftar`)!;
    const withStrip = { ...base, activity: days };
    expect(pngSize(await renderCard(withStrip))).toEqual({ width: 1200, height: 630 });
    const box = await changed(base, withStrip);
    expect(box.right).toBeGreaterThan(box.left);
    // Under the title and facts, above the footer.
    expect(box.top).toBeGreaterThan(250);
    expect(box.bottom).toBeLessThan(630 - THEME.padBlock - THEME.footerHeight / 2);
    expect(box.bottom - box.top).toBeLessThanOrEqual(THEME.activityHeight + 2);
    const start = THEME.bar + THEME.padInline;
    if (lang === "en") {
      expect(Math.abs(box.left - start)).toBeLessThanOrEqual(2);
      expect(box.right).toBeLessThanOrEqual(start + stripWidth + 1);
    } else {
      expect(Math.abs(box.right - (1200 - start))).toBeLessThanOrEqual(2);
      expect(box.left).toBeGreaterThanOrEqual(1200 - start - stripWidth - 2);
    }
  });

  it("rejects negative or fractional counts", async () => {
    const { CardSpec } = await import("../../src/schemas/card.ts");
    const base = specs.find((s) => s.path === "en/actors/khalifa-haftar")!;
    expect(CardSpec.safeParse({ ...base, activity: [1, -1] }).success).toBe(false);
    expect(CardSpec.safeParse({ ...base, activity: [1.5] }).success).toBe(false);
  });
});
