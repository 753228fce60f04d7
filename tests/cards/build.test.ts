import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cacheKey, planCards, renderCards } from "../../src/cards/build.ts";
import { CardSpec, type CardSpecInput } from "../../src/cards/spec.ts";
import { pngSize } from "./pixels.ts";

const specs = (JSON.parse(readFileSync(new URL("../fixtures/cards/specs.json", import.meta.url), "utf8")) as CardSpecInput[]).filter((s) =>
  ["ar/actors/khalifa-haftar", "en/countries/ly", "ar/briefs/2025-11-14"].includes(s.path),
);

describe("renderCards", () => {
  it("renders cold in workers, then serves an unchanged rebuild entirely from the cache", async () => {
    const dir = mkdtempSync(join(tmpdir(), "marsad-cards-"));
    const opts = { outDir: join(dir, "dist"), cacheDir: join(dir, "cache"), workers: 2 };
    const progress: number[] = [];
    const cold = await renderCards(specs, { ...opts, onProgress: (done) => progress.push(done) });
    expect(cold).toMatchObject({ total: 3, rendered: 3, cached: 0 });
    expect(progress).toEqual([1, 2, 3]);
    for (const spec of specs) {
      const png = new Uint8Array(readFileSync(join(opts.outDir, "cards", `${spec.path}.png`)));
      expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
    }
    expect(readdirSync(join(opts.cacheDir, "cards")).filter((n) => n.endsWith(".png"))).toHaveLength(3);

    const warm = await renderCards(specs, opts);
    expect(warm).toMatchObject({ total: 3, rendered: 0, cached: 3 });

    // One changed title: only that card renders again.
    const changed = specs.map((s, i) => (i === 0 ? { ...s, title: `${s.title} (محدّث)` } : s));
    const third = await renderCards(changed, opts);
    expect(third).toMatchObject({ total: 3, rendered: 1, cached: 2 });
    // No temporary files left next to the outputs.
    const left = readdirSync(join(opts.outDir, "cards"), { recursive: true }).map(String);
    expect(left.filter((n) => n.includes(".marsad-tmp-"))).toEqual([]);
  });

  it("keys the cache on content, not on key order", () => {
    const spec = CardSpec.parse(specs[0]);
    const reordered = CardSpec.parse(Object.fromEntries(Object.entries(spec).reverse()));
    expect(cacheKey(reordered)).toBe(cacheKey(spec));
    expect(cacheKey({ ...spec, title: "x" })).not.toBe(cacheKey(spec));
  });

  it("refuses two cards with one output path", () => {
    expect(() => planCards([specs[0] as CardSpecInput, specs[0] as CardSpecInput], { outDir: "/d", cacheDir: "/c" })).toThrow(/share the path/);
  });

  it("renders on the calling thread with workers: 0", async () => {
    const dir = mkdtempSync(join(tmpdir(), "marsad-cards-"));
    const result = await renderCards(specs.slice(0, 1), { outDir: join(dir, "dist"), cacheDir: join(dir, "cache"), workers: 0 });
    expect(result).toMatchObject({ total: 1, rendered: 1, cached: 0 });
  });

  it("renders the same bytes in workers as on the calling thread", async () => {
    const dir = mkdtempSync(join(tmpdir(), "marsad-cards-"));
    const pooled = { outDir: join(dir, "a", "dist"), cacheDir: join(dir, "a", "cache"), workers: 2 };
    const inline = { outDir: join(dir, "b", "dist"), cacheDir: join(dir, "b", "cache"), workers: 0 };
    await renderCards(specs, pooled);
    await renderCards(specs, inline);
    for (const spec of specs) {
      const file = join("cards", `${spec.path}.png`);
      expect(readFileSync(join(pooled.outDir, file)).equals(readFileSync(join(inline.outDir, file)))).toBe(true);
    }
  });
});
