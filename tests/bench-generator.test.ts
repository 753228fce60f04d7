/**
 * The benchmark's corpus generator (tests/bench/generate.ts): deterministic for a seed, the requested number of
 * articles, and a realistic mix of languages, layouts and page shapes.
 */
import { decodeBytes } from "../src/ingest/decode.ts";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateCorpus, generateExtraPage, type CorpusSummary } from "./bench/generate.ts";

const dirs: string[] = [];
const fresh = (): string => {
  const dir = mkdtempSync(join(tmpdir(), "marsad-bench-gen-"));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const files = (dir: string): Map<string, string> =>
  new Map(readdirSync(join(dir, "inbox")).sort().map((f) => [f, readFileSync(join(dir, "inbox", f)).toString("base64")]));

const N = 120;
let a: CorpusSummary;
let dirA: string;

describe("generateCorpus", () => {
  it("gives byte-identical files for the same seed, different ones for another seed", () => {
    dirA = fresh();
    const dirB = fresh();
    a = generateCorpus({ articles: N, seed: 42, dir: dirA });
    generateCorpus({ articles: N, seed: 42, dir: dirB });
    const fa = files(dirA);
    expect(fa.size).toBe(a.files);
    expect(files(dirB)).toEqual(fa);
    const dirC = fresh();
    generateCorpus({ articles: N, seed: 43, dir: dirC });
    expect([...files(dirC).keys()]).not.toEqual([...fa.keys()]);
  });

  it("writes N distinct articles' worth of pages, plus a few copies", () => {
    expect(a.articles).toBe(N);
    expect(a.truth).toHaveLength(N);
    const placed = a.pages.filter((p) => !p.duplicate).flatMap((p) => p.articles);
    expect(new Set(placed).size).toBe(N);
    expect(placed).toHaveLength(N);
    expect(a.duplicates).toBeGreaterThan(0);
    expect(a.pages.filter((p) => p.duplicate)).toHaveLength(a.duplicates);
    expect(new Set(a.truth.map((t) => t.title + t.paragraphs)).size).toBeGreaterThan(N * 0.9);
  });

  it("mixes languages, layouts, multi-article, undated and HTML pages", () => {
    const ar = a.byLang.ar ?? 0;
    expect(ar / N).toBeGreaterThan(0.55);
    expect(ar / N).toBeLessThan(0.95);
    expect(a.byLang.en ?? 0).toBeGreaterThan(0);
    expect(Object.keys(a.byLayout).length).toBeGreaterThanOrEqual(6);
    const multi = a.pages.filter((p) => p.articles.length > 1);
    expect(multi.length / a.files).toBeGreaterThan(0.15);
    expect(Math.max(...multi.map((p) => p.articles.length))).toBeLessThanOrEqual(6);
    expect(a.htmlPages).toBeGreaterThan(0);
    expect(a.undatedArticles).toBeGreaterThan(0);
    const months = new Set(a.truth.flatMap((t) => (t.published ? [t.published.slice(0, 7)] : [])));
    expect(months.size).toBeGreaterThanOrEqual(10);
  });

  it("writes the layouts' markers and copies the knowledge base", () => {
    // Decoded as ingest decodes them: some pages are written in UTF-16 or Windows-1256 on purpose.
    const text = a.pages
      .map((p) => {
        const decoded = decodeBytes(new Uint8Array(readFileSync(join(dirA, "inbox", p.file))));
        return decoded.ok ? decoded.text : "";
      })
      .join("\n");
    for (const marker of ["TT", "مقالات ذات صلة", "©", "datePublished", "ـ "]) expect(text).toContain(marker);
    // Page headers with a Hijri date come in two forms, drawn at random.
    expect(text).toMatch(/الموافق|\d هـ/);
    expect(readdirSync(dirA)).toContain("actors");
    expect(readdirSync(dirA)).toContain("corpus.json");
  });

  it("adds one extra page distinct from the corpus, deterministically", () => {
    const dir = fresh();
    const f1 = generateExtraPage({ seed: 42, dir, index: 1 });
    const f2 = generateExtraPage({ seed: 42, dir: fresh(), index: 1 });
    expect(f1).toBe(f2);
    expect(a.pages.map((p) => p.file)).not.toContain(f1);
    expect(generateExtraPage({ seed: 42, dir, index: 2 })).not.toBe(f1);
  });
});
