import { mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cacheKey, planCards, plansStale, renderCards } from "../../src/cards/build.ts";
import { CarryOver } from "../../src/lib/carry-over.ts";
import { CARD_TEXT_LIMITS, CardSpec, clampText, type CardSpecInput } from "../../src/schemas/card.ts";
import { cardPalette } from "../../src/schemas/card-palette.ts";
import { DEFAULT_THEME } from "../../src/schemas/theme.ts";
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

  it("renders a few cards at once, but many only once `manyAfter` has settled (the site stage they start during)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "marsad-cards-"));
    const opts = { outDir: join(dir, "dist"), cacheDir: join(dir, "cache"), workers: 2 };
    const never = new Promise<void>(() => {});
    expect(await renderCards(specs, { ...opts, manyAfter: never })).toMatchObject({ total: 3, rendered: 3 });
    // 65 new cards and 3 cached ones: the cached are placed, the new wait.
    const many = [...specs, ...Array.from({ length: 65 }, (_, i) => ({ ...specs[0]!, path: `ar/actors/many-${i}`, title: `${specs[0]!.title} ${i}` }))];
    const site = Promise.withResolvers<void>();
    const progress: number[] = [];
    let settled = false;
    const run = renderCards(many, { ...opts, manyAfter: site.promise, onProgress: (done) => progress.push(done) }).finally(() => (settled = true));
    await new Promise((done) => setTimeout(done, 500));
    expect(settled).toBe(false);
    expect(progress).toEqual([1, 2, 3]);
    site.resolve();
    expect(await run).toMatchObject({ total: 68, rendered: 65, cached: 3 });
  }, 60_000);

  it("carries over the cards the published site already has, and stages only the changed one", async () => {
    const dir = mkdtempSync(join(tmpdir(), "marsad-cards-"));
    const published = join(dir, "dist");
    await renderCards(specs, { outDir: published, cacheDir: join(dir, "cache"), workers: 0 });
    const staging = join(dir, "staging");
    const carry = new CarryOver(published, staging);
    const changed = specs.map((s, i) => (i === 0 ? { ...s, title: `${s.title} (محدّث)` } : s));
    const result = await renderCards(changed, { outDir: staging, cacheDir: join(dir, "cache"), workers: 0, carry });
    expect(result).toMatchObject({ total: 3, rendered: 1, cached: 2 });
    expect([...carry.entries()].map(([rel]) => rel).sort()).toEqual(specs.slice(1).map((s) => `cards/${s.path}.png`).sort());
    const staged = readdirSync(staging, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(staged.map((e) => e.name)).toEqual([`${specs[0]!.path.split("/").pop()}.png`]);
  });

  it("writes the plan memo again only when a share of its plans is missing or stale", () => {
    const memo = new Map(Array.from({ length: 1000 }, (_, i) => [`spec ${i}`, ["k", "p"]] as const));
    const learnt = (from: number, to: number) => new Map(Array.from({ length: to - from }, (_, i) => [`spec ${from + i}`, ["k", "p"]] as const));
    expect(plansStale(memo, learnt(0, 1000))).toBe(false);
    // A rebuild's few new specs: planned again next time rather than the whole memo written.
    expect(plansStale(memo, learnt(5, 1005))).toBe(false);
    expect(plansStale(memo, learnt(100, 1100))).toBe(true);
    expect(plansStale(memo, learnt(0, 500))).toBe(true);
    expect(plansStale(new Map(), learnt(0, 3))).toBe(true);
  });

  it("plans a written spec seen in an earlier build from the memo, without parsing it, and an unseen one in full", () => {
    const text = JSON.stringify(specs[0]);
    const learnt = new Map<string, [string, string]>();
    const [full] = planCards([text], { outDir: "/d", cacheDir: "/c" }, new Map(), learnt);
    expect(learnt.get(text)).toEqual([full!.key, specs[0]!.path]);
    // A memo entry is trusted for its exact text: here a text that is not even JSON plans from the memo alone.
    const [memoised] = planCards(["not json"], { outDir: "/d", cacheDir: "/c" }, new Map([["not json", ["k1", "ar/x"]]]));
    expect(memoised).toMatchObject({ key: "k1", path: "ar/x", rel: "cards/ar/x.png" });
    expect(() => memoised!.spec).toThrow();
  });

  it("renders written specs as it renders spec objects, and an unchanged rebuild plans them from the memo", async () => {
    const dir = mkdtempSync(join(tmpdir(), "marsad-cards-"));
    const opts = { outDir: join(dir, "dist"), cacheDir: join(dir, "cache"), workers: 0 };
    const written = specs.map((s) => JSON.stringify(s));
    expect(await renderCards(written, opts)).toMatchObject({ total: 3, rendered: 3, cached: 0 });
    expect(readdirSync(opts.cacheDir)).toContain("card-plans.v8");
    expect(await renderCards(written, opts)).toMatchObject({ total: 3, rendered: 0, cached: 3 });
  });

  it("keys the cache on content, not on key order", () => {
    const spec = CardSpec.parse(specs[0]);
    const reordered = CardSpec.parse(Object.fromEntries(Object.entries(spec).reverse()));
    expect(cacheKey(reordered)).toBe(cacheKey(spec));
    expect(cacheKey({ ...spec, title: "x" })).not.toBe(cacheKey(spec));
  });

  it("keys the cache on the theme's colours: a changed theme renders every card again", () => {
    const spec = CardSpec.parse(specs[0]);
    const dark = { ...DEFAULT_THEME.dark, bg: "#202020" };
    const themed = CardSpec.parse({ ...specs[0], palette: cardPalette({ ...DEFAULT_THEME, dark }, spec.kind) });
    expect(themed.palette.background).toBe("#202020");
    expect(cacheKey(themed)).not.toBe(cacheKey(spec));
    // One accent of another kind of page changes nothing for this card.
    const otherKind = spec.kind === "brief" ? "country" : "brief";
    const sections = { ...DEFAULT_THEME.sections, [otherKind]: "#123456" };
    const same = CardSpec.parse({ ...specs[0], palette: cardPalette({ ...DEFAULT_THEME, sections }, spec.kind) });
    expect(cacheKey(same)).toBe(cacheKey(spec));
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

describe("renderCards under hostile input and a bad cache (issue 17)", () => {
  it("never hard-links the cache: rewriting a published card leaves the cache intact, and the next build publishes the good card", async () => {
    const dir = mkdtempSync(join(tmpdir(), "marsad-cards-"));
    const opts = { outDir: join(dir, "dist"), cacheDir: join(dir, "cache"), workers: 0 };
    await renderCards(specs.slice(0, 1), opts);
    const out = join(opts.outDir, "cards", `${specs[0]!.path}.png`);
    const cached = readdirSync(join(opts.cacheDir, "cards")).filter((n) => n.endsWith(".png"));
    const cacheFile = join(opts.cacheDir, "cards", cached[0]!);
    expect(statSync(cacheFile).nlink).toBe(1);
    expect(statSync(out).ino).not.toBe(statSync(cacheFile).ino);
    const good = readFileSync(cacheFile);
    writeFileSync(out, "poison"); // anything that rewrites dist/ in place
    expect(readFileSync(cacheFile).equals(good)).toBe(true);
    // A warm rebuild (into a fresh output, as the atomic build does) links the published copy again, or a new copy
    // of the cache entry when the published one was written to: never the poison.
    const warm = await renderCards(specs.slice(0, 1), { ...opts, outDir: join(dir, "dist2") });
    expect(warm.cached).toBe(1);
    const warmOut = join(dir, "dist2", "cards", `${specs[0]!.path}.png`);
    expect(readFileSync(warmOut).equals(good)).toBe(true);
    expect(statSync(warmOut).ino).not.toBe(statSync(cacheFile).ino);
    expect(statSync(cacheFile).nlink).toBe(1);
    // Unchanged, the published copy is shared (a link, not a copy of 68 KB a card).
    const again = await renderCards(specs.slice(0, 1), { ...opts, outDir: join(dir, "dist3") });
    expect(again.cached).toBe(1);
    expect(statSync(join(dir, "dist3", "cards", `${specs[0]!.path}.png`)).ino).toBe(statSync(warmOut).ino);
  });

  it("reuses a published copy whose time differs from its cache entry's only by utimes' rounding to the millisecond", async () => {
    const dir = mkdtempSync(join(tmpdir(), "marsad-cards-"));
    const opts = { outDir: join(dir, "dist"), cacheDir: join(dir, "cache"), workers: 0 };
    await renderCards(specs.slice(0, 1), opts);
    const name = readdirSync(join(opts.cacheDir, "cards")).find((n) => n.endsWith(".png"))!;
    const cacheFile = join(opts.cacheDir, "cards", name);
    const published = join(opts.cacheDir, "cards-published", name);
    // An entry written at x.6 ms, and a copy stamped from its Date (rounded up to the next whole millisecond).
    utimesSync(cacheFile, 1_700_000_000.0006, 1_700_000_000.0006);
    utimesSync(published, new Date(1_700_000_000_001), new Date(1_700_000_000_001));
    const before = statSync(published).ino;
    const warm = await renderCards(specs.slice(0, 1), { ...opts, outDir: join(dir, "dist2") });
    expect(warm.cached).toBe(1);
    // Not copied again: the same published copy, linked into the new output.
    expect(statSync(published).ino).toBe(before);
    expect(statSync(join(dir, "dist2", "cards", `${specs[0]!.path}.png`)).ino).toBe(before);
  });

  it("a cache that cannot be written costs only speed: every card is still published", async () => {
    const dir = mkdtempSync(join(tmpdir(), "marsad-cards-"));
    // The cache's cards folder is a file: every write into it fails (as on a full or read-only disk).
    const cacheDir = join(dir, "cache");
    mkdirSync(cacheDir);
    writeFileSync(join(cacheDir, "cards"), "not a folder");
    const messages: string[] = [];
    const result = await renderCards(specs.slice(0, 2), { outDir: join(dir, "dist"), cacheDir, workers: 0, onCacheError: (m) => messages.push(m) });
    expect(result).toMatchObject({ total: 2, rendered: 2 });
    for (const spec of specs.slice(0, 2)) expect(pngSize(new Uint8Array(readFileSync(join(dir, "dist", "cards", `${spec.path}.png`))))).toEqual({ width: 1200, height: 630 });
    expect(messages).toHaveLength(1);
  });

  it("bounds the text given to the layout: a 1 MB title renders in seconds, and its neighbours with it", async () => {
    const long = (n: number) => "حفتر ".repeat(Math.ceil(n / 5)).slice(0, n);
    const planned = planCards([{ ...specs[0]!, title: long(1_000_000), meta: [long(50_000)], chips: [long(50_000)] }], { outDir: "/d", cacheDir: "/c" });
    expect(planned[0]!.spec.title.length).toBeLessThanOrEqual(CARD_TEXT_LIMITS.title);
    expect(planned[0]!.spec.meta[0]!.length).toBeLessThanOrEqual(CARD_TEXT_LIMITS.line);
    // Never cut inside a surrogate pair.
    expect(clampText(`${"a".repeat(9)}😀`, 10)).toBe("a".repeat(9));
    const dir = mkdtempSync(join(tmpdir(), "marsad-cards-"));
    const started = performance.now();
    const result = await renderCards(
      [{ ...specs[0]!, title: long(1_000_000) }, { ...specs[1]!, title: "x".repeat(36_000) }, specs[2]!],
      { outDir: join(dir, "dist"), cacheDir: join(dir, "cache"), workers: 0 },
    );
    expect(result).toMatchObject({ total: 3, rendered: 3 });
    expect(performance.now() - started).toBeLessThan(30_000);
  }, 120_000);
});
