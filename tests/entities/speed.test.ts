/**
 * Speed guard: tagging runs inside the ingest budget (≥ 500 articles/s for the whole pipeline), so tagging alone
 * must handle 2,000 typical articles (the gold bodies, ~2.7k characters each, with the real knowledge base) in
 * well under a second. Measured ~0.7 s on an idle developer machine. The guard measures the process's CPU time
 * (wall time on a shared, loaded machine says little) against a loose bound: it catches order-of-magnitude
 * regressions, not small ones.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createTagger, loadEntityLexicons } from "../../src/entities/index.ts";

const root = join(import.meta.dirname, "../..");
const goldDir = join(root, "../shared/corpus/gold");

/** Generous CPU-time bound for 2,000 articles (ms). */
const BOUND_MS = 4000;

describe.skipIf(!existsSync(goldDir))("tagging speed", () => {
  it(`tags 2,000 typical articles in under ${BOUND_MS} ms`, () => {
    const tagger = createTagger(loadEntityLexicons(join(root, "content")));
    const bodies: string[][] = [];
    for (const f of readdirSync(goldDir).filter((x) => x.endsWith(".json"))) {
      for (const a of JSON.parse(readFileSync(join(goldDir, f), "utf8")).articles as Array<{ body: string[] }>) bodies.push(a.body);
    }
    for (let k = 0; k < 200; k++) tagger.tag({ lang: "ar", title: null, body: bodies[k % bodies.length]! });
    const start = process.cpuUsage();
    const wall = performance.now();
    for (let k = 0; k < 2000; k++) tagger.tag({ lang: "ar", title: null, body: bodies[k % bodies.length]! });
    const ms = process.cpuUsage(start).user / 1000;
    console.info(`entities: tagged 2000 articles in ${ms.toFixed(0)} ms CPU (${(performance.now() - wall).toFixed(0)} ms wall)`);
    expect(ms).toBeLessThan(BOUND_MS);
  });
});
