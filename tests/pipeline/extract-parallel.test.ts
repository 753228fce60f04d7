import { availableParallelism } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createTagger, loadEntityLexicons } from "../../src/entities/index.ts";
import { extractPages } from "../../src/pipeline/extract.ts";
import { extractPagesParallel, workerCount } from "../../src/pipeline/extract-parallel.ts";
import { findInputs, readInput } from "../../src/pipeline/read-inputs.ts";

const ROOT = join(import.meta.dirname, "../..");

describe("extractPagesParallel", () => {
  const lexicons = loadEntityLexicons(join(ROOT, "content"));
  const { inputs } = findInputs([join(ROOT, "content/inbox"), join(ROOT, "tests/fixtures/reliability/pages")], ROOT);
  const pages = inputs.flatMap((i) => {
    const read = readInput(i);
    return read.ok ? [read.page] : [];
  });

  it("gives exactly what one thread gives, with two workers", { timeout: 120_000 }, async () => {
    expect(pages.length).toBeGreaterThan(20);
    const one = extractPages(pages, createTagger(lexicons));
    let progress = 0;
    const two = await extractPagesParallel(pages, lexicons, { workers: 2, onProgress: (done) => (progress = done) });
    expect(progress).toBe(pages.length);
    expect(JSON.stringify({ ...two, candidates: [...two.candidates] })).toBe(JSON.stringify({ ...one, candidates: [...one.candidates] }));
  });

  it("uses workers only for runs large enough to pay for starting them", () => {
    expect(workerCount(40, undefined, {})).toBe(0);
    expect(workerCount(100_000, undefined, {})).toBeLessThan(Math.max(1, availableParallelism()));
    expect(workerCount(10_000, undefined, { MARSAD_INGEST_WORKERS: "1" })).toBe(1);
    expect(workerCount(10_000, 3, {})).toBe(3);
  });
});
