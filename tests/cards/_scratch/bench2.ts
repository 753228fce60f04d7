import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
const { renderCards } = await import(process.env.ORIG ? "./orig/cards/build.ts" : "../../../src/cards/build.ts");
const base = JSON.parse(readFileSync("tests/fixtures/cards/specs.json", "utf8"));
const count = Number(process.argv[2] ?? 200);
const workers = Number(process.argv[3] ?? 2);
const specs = Array.from({ length: count }, (_, i) => { const s = base[i % base.length]; return { ...s, path: `${s.path}-${i}`, title: `${s.title} ${i}` }; });
const dir = mkdtempSync(join(tmpdir(), "marsad-cards-bench-"));
const cpu = process.cpuUsage(); const main = process.threadCpuUsage();
const r = await renderCards(specs, { outDir: join(dir, "dist"), cacheDir: join(dir, "cache"), workers });
const c = process.cpuUsage(cpu); const m = process.threadCpuUsage(main);
console.log(`w=${workers} n=${count}: ${r.seconds.toFixed(2)} s ${(r.rendered / r.seconds).toFixed(1)}/s, cpu/card ${((c.user + c.system) / 1000 / count).toFixed(1)} ms, main thread ${((m.user + m.system) / 1000 / count).toFixed(1)} ms/card`);
rmSync(dir, { recursive: true, force: true });
if (process.env.THREADS) {
  const { readdirSync, readFileSync: rf } = await import("node:fs");
  const rows: Array<[string, number]> = [];
  for (const t of readdirSync("/proc/self/task")) { const st = rf(`/proc/self/task/${t}/stat`, "utf8"); const comm = st.slice(st.indexOf("(") + 1, st.lastIndexOf(")")); const f = st.slice(st.lastIndexOf(")") + 2).split(" "); rows.push([comm, (Number(f[11]) + Number(f[12])) * 10]); }
  const agg = new Map<string, number>(); for (const [c, v] of rows) agg.set(c, (agg.get(c) ?? 0) + v);
  console.log([...agg].sort((a, b) => b[1] - a[1]).map(([c, v]) => `${c}:${v}ms`).join(" "));
}
