/**
 * Evaluation gate: cleans the seed corpus (shared/corpus/raw, beside the repository), the development pages of
 * unseen outlets (shared/corpus/dev2) and the synthetic sample corpus (content/inbox with tests/fixtures/sample-gold), scores them with the scorer's metrics (metrics.ts) and
 * holds them to the floors pinned in gold-floors.json. A floor is only ever raised: lowering one is a reviewed
 * change to that file, never a silent one. Each set records a fingerprint of its data, so a failure says when the
 * data changed since the floors were pinned. A missing set is skipped with a message, and fails under CI (CI=true).
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { score, type GoldFile, type Scores } from "./metrics.ts";
import { skipWithoutData } from "../expectation.ts";
import { extractDir } from "./run-extract.ts";

const REPO = join(import.meta.dirname, "../..");
const FLOORS = JSON.parse(readFileSync(join(import.meta.dirname, "gold-floors.json"), "utf8")) as Record<
  string,
  { fingerprint: string; floors: Record<string, number>; ceilings: Record<string, number> }
>;

const SETS = {
  seed: { raw: join(REPO, "../shared/corpus/raw"), gold: join(REPO, "../shared/corpus/gold") },
  sample: { raw: join(REPO, "content/inbox"), gold: join(REPO, "tests/fixtures/sample-gold") },
  /** Pages of outlets the rules were not written for (development data of issue 13). */
  dev2: { raw: join(REPO, "../shared/corpus/dev2/raw"), gold: join(REPO, "../shared/corpus/dev2/gold") },
};

/** sha256 over the gold files and the raw pages they name, in name order. */
function fingerprint(rawDir: string, golds: GoldFile[]): string {
  const h = createHash("sha256");
  for (const g of [...golds].sort((a, b) => a.file.localeCompare(b.file))) {
    h.update(JSON.stringify(g));
    const raw = join(rawDir, g.file);
    if (existsSync(raw)) h.update(readFileSync(raw));
  }
  return h.digest("hex").slice(0, 16);
}

for (const [name, set] of Object.entries(SETS)) {
  describe.skipIf(skipWithoutData(`gold gate: ${name}`, [set.raw, set.gold]))(`gold gate: ${name}`, () => {
    it(`meets the pinned floors (${set.raw})`, () => {
      const golds = readdirSync(set.gold)
        .filter((f) => f.endsWith(".json"))
        .map((f) => JSON.parse(readFileSync(join(set.gold, f), "utf8")) as GoldFile);
      const run = extractDir(set.raw);
      const s: Scores = score(golds, run.articles);
      const pinned = FLOORS[name]!;
      const fp = fingerprint(set.raw, golds);
      const note = fp === pinned.fingerprint ? "" : ` (evaluation data changed since pinning: ${pinned.fingerprint} → ${fp})`;
      const summary = Object.entries(s)
        .filter(([k]) => k !== "problems")
        .map(([k, v]) => `${k}=${typeof v === "number" ? v.toFixed(3) : v}`)
        .join(" ");
      console.log(`${name}: ${summary}${note}\n${s.problems.map((p) => `  - ${p}`).join("\n")}`);
      for (const [metric, floor] of Object.entries(pinned.floors)) {
        expect(s[metric as keyof Scores] as number, `${name} ${metric} fell below its floor${note}`).toBeGreaterThanOrEqual(floor);
      }
      for (const [metric, ceiling] of Object.entries(pinned.ceilings)) {
        expect(s[metric as keyof Scores] as number, `${name} ${metric} rose above its ceiling${note}`).toBeLessThanOrEqual(ceiling);
      }
    });
  });
}
