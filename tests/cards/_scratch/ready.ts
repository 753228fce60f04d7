import { Worker } from "node:worker_threads";
const c = process.cpuUsage(); const t = performance.now();
const w = new Worker(new URL("../../../src/cards/worker.ts", import.meta.url));
await new Promise<void>((r) => w.on("message", (m) => { if (m.ready) r(); }));
const d = process.cpuUsage(c);
console.log("ready: cpu", ((d.user + d.system) / 1000).toFixed(0), "wall", (performance.now() - t).toFixed(0));
await w.terminate();
