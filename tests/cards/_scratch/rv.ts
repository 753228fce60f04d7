import { readFileSync } from "node:fs";
import { Resvg } from "@resvg/resvg-js";
const svg = readFileSync("/tmp/cb/card2.svg", "utf8");
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
function bench(name: string, s: string, opts: any = {}, n = 20) {
  new Resvg(s, { font: { loadSystemFonts: false }, ...opts }).render();
  let a = cpu(); let t0 = performance.now();
  for (let i = 0; i < n; i++) new Resvg(s, { font: { loadSystemFonts: false }, ...opts }).render();
  console.log(name.padEnd(30), ((cpu() - a) / n).toFixed(1), "ms cpu", ((performance.now() - t0) / n).toFixed(1), "ms wall");
}
bench("full", svg);
bench("full fitTo", svg, { fitTo: { mode: "width", value: 1200 } });
bench("full crisp", svg, { shapeRendering: 0 });
bench("full textRendering0", svg, { textRendering: 0 });
bench("empty", `<svg width="1200" height="630" xmlns="http://www.w3.org/2000/svg"></svg>`);
bench("solid rect", `<svg width="1200" height="630" xmlns="http://www.w3.org/2000/svg"><rect width="1200" height="630" fill="#123456"/></svg>`);
bench("background opt", `<svg width="1200" height="630" xmlns="http://www.w3.org/2000/svg"></svg>`, { background: "#123456" });
const grad = `<svg width="1200" height="630" xmlns="http://www.w3.org/2000/svg"><defs><linearGradient id="g" x1="0" y1="0" x2="0.55" y2="1"><stop offset="0" stop-color="#13263a"/><stop offset="0.7" stop-color="#0d1b2a"/></linearGradient></defs><rect width="1200" height="630" fill="url(#g)"/></svg>`;
bench("gradient", grad);
const noGrad = svg.replace(/<rect width="1200" height="630" fill="url\(#marsad-ground\)"\/>/, "");
bench("no gradient", noGrad);
const noText = svg.replace(/<path fill="[^"]*" d="[^"]*"\/>/g, "");
bench("no text", noText);
