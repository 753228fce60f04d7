import { readFileSync } from "node:fs";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { Resvg } from "@resvg/resvg-js";
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as (o?: object) => void;
const card = readFileSync("/tmp/cb/card2.svg", "utf8");
const grad = /<rect width="1200" height="630" fill="url\(#marsad-ground\)"\/>/;
const cases: Record<string, string> = {
  card,
  noGradient: card.replace(grad, ""),
  solidGround: card.replace(grad, `<rect width="1200" height="630" fill="#10202f"/>`),
  noText: card.replace(/<path fill="#(?:ffffff|e8eef4|b9c6d3|f2a93b)" d="[^"]*"\/>/g, ""),
  empty: `<svg width="1200" height="630" xmlns="http://www.w3.org/2000/svg"></svg>`,
};
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
for (let round = 0; round < 2; round++)
for (const [name, svg] of Object.entries(cases)) {
  let tr = 0, tp = 0, tc = 0; const n = 25;
  for (let i = 0; i < n + 3; i++) {
    let a = cpu(); let r: any = new Resvg(svg, { font: { loadSystemFonts: false } }); const c0 = cpu() - a;
    a = cpu(); let img: any = r.render(); const r0 = cpu() - a;
    a = cpu(); img.asPng(); const p0 = cpu() - a;
    if (i >= 3) { tr += r0; tp += p0; tc += c0; }
    r = img = undefined; gc({ type: "minor" }); await new Promise((res) => setImmediate(res));
  }
  console.log(name.padEnd(12), "parse", (tc / n).toFixed(1), "render", (tr / n).toFixed(1), "png", (tp / n).toFixed(1));
}
