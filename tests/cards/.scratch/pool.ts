import { Worker } from "node:worker_threads";
import { readFileSync } from "node:fs";
const specs = JSON.parse(readFileSync("tests/fixtures/cards/specs.json", "utf8"));
const n = Number(process.argv[2] ?? 2);
const code = `
import { parentPort } from "node:worker_threads";
const { cardSvg, rasterise } = await import("/work/main/src/cards/render.ts");
parentPort.on("message", async (s) => { const t0 = performance.now(); const svg = await cardSvg(s); const t1 = performance.now(); rasterise(svg); const t2 = performance.now(); parentPort.postMessage([t1 - t0, t2 - t1]); });
`;
const ws = Array.from({ length: n }, () => new Worker(code, { eval: true, type: "module" } as any));
const t = performance.now();
const stats: number[][] = [];
await Promise.all(ws.map(async (w, k) => {
  for (let i = k; i < 48; i += n) { const r = await new Promise<number[]>((res) => { w.once("message", res); w.postMessage(specs[i % specs.length]); }); stats.push(r); }
}));
const el = (performance.now() - t) / 1000;
const avg = (j: number) => (stats.reduce((s, r) => s + r[j]!, 0) / stats.length).toFixed(1);
console.log(n, "workers", (48 / el).toFixed(1), "cards/s", "layout", avg(0), "raster", avg(1), "cpu total s", (process.cpuUsage().user / 1e6).toFixed(1));
await Promise.all(ws.map((w) => w.terminate()));
