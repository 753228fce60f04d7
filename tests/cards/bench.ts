/**
 * Cold and warm card throughput: `node tests/cards/bench.ts [count] [workers...]` (defaults: 48 cards, 1 and 2
 * workers). Each run uses a fresh cache, so "cold" includes worker start-up (fonts, wasm) as a real build does.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { renderCards } from "../../src/cards/build.ts";
import type { CardSpecInput } from "../../src/schemas/card.ts";

const base = JSON.parse(readFileSync(new URL("../fixtures/cards/specs.json", import.meta.url), "utf8")) as CardSpecInput[];
const count = Number(process.argv[2] ?? 48);
const pools = process.argv.length > 3 ? process.argv.slice(3).map(Number) : [1, 2];
const specs = Array.from({ length: count }, (_, i) => {
  const spec = base[i % base.length] as CardSpecInput;
  return { ...spec, path: `${spec.path}-${i}`, title: `${spec.title} ${i}` };
});

for (const workers of pools) {
  const dir = mkdtempSync(join(tmpdir(), "marsad-cards-bench-"));
  const opts = { outDir: join(dir, "dist"), cacheDir: join(dir, "cache"), workers };
  const cpu = process.cpuUsage();
  const cold = await renderCards(specs, opts);
  const cpuMs = (({ user, system }) => (user + system) / 1000)(process.cpuUsage(cpu));
  const warm = await renderCards(specs, opts);
  // CPU time (all threads of this process) tells the cost per card even on a machine shared with other jobs.
  console.log(
    `workers=${workers}: cold ${cold.rendered} cards in ${cold.seconds.toFixed(2)} s = ${(cold.rendered / cold.seconds).toFixed(1)} cards/s ` +
      `(${(cpuMs / cold.rendered).toFixed(0)} ms CPU per card incl. worker start-up); ` +
      `warm ${warm.rendered} rendered, ${warm.cached} cached in ${warm.seconds.toFixed(3)} s`,
  );
  rmSync(dir, { recursive: true, force: true });
}
