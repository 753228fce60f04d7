import { readFileSync } from "node:fs";
import { cardSvg, rasterise } from "../../../src/cards/render.ts";
const specs = JSON.parse(readFileSync("tests/fixtures/cards/specs.json", "utf8"));
const svgs = await Promise.all(specs.map((s: any) => cardSvg(s)));
for (let r = 0; r < 2; r++) {
const c0 = process.cpuUsage(); const t0 = performance.now();
for (const s of specs) await cardSvg(s);
const c1 = process.cpuUsage(c0); const t1 = performance.now();
console.log("layout: wall", ((t1 - t0) / specs.length).toFixed(1), "cpu", ((c1.user + c1.system) / 1000 / specs.length).toFixed(1));
const c2 = process.cpuUsage(); const t2 = performance.now();
for (const s of svgs) rasterise(s);
const c3 = process.cpuUsage(c2); const t3 = performance.now();
console.log("raster: wall", ((t3 - t2) / specs.length).toFixed(1), "cpu", ((c3.user + c3.system) / 1000 / specs.length).toFixed(1));
}
