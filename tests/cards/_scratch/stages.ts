import { readFileSync } from "node:fs";
import { Resvg } from "@resvg/resvg-js";
import satori from "satori";
import { CardSpec } from "/work/main/src/cards/spec.ts";
import { cardElement } from "/work/main/src/cards/template.ts";
import { inlineTextBoxes } from "/work/main/src/cards/render.ts";
const base = JSON.parse(readFileSync("/work/main/tests/fixtures/cards/specs.json", "utf8"));
const N = Number(process.argv[2] ?? 48);
const specs = Array.from({ length: N }, (_, i) => { const s = base[i % base.length]; return CardSpec.parse({ ...s, path: `${s.path}-${i}`, title: `${s.title} ${i}` }); });
const t = { el: 0, sat: 0, inl: 0, resvg: 0, render: 0, png: 0 };
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
// warm
for (const s of specs.slice(0, 3)) { const svg = inlineTextBoxes(await satori(cardElement(s) as any, { width: 1200, height: 630, fonts: [] })); new Resvg(svg, { font: { loadSystemFonts: false } }).render().asPng(); }
let svgLen = 0;
for (const s of specs) {
  let a = cpu(); const el = cardElement(s); let b = cpu(); t.el += b - a;
  a = cpu(); const raw = await satori(el as any, { width: 1200, height: 630, fonts: [] }); b = cpu(); t.sat += b - a;
  a = cpu(); const svg = inlineTextBoxes(raw); b = cpu(); t.inl += b - a; svgLen += svg.length;
  a = cpu(); const r = new Resvg(svg, { fitTo: { mode: "width", value: 1200 }, font: { loadSystemFonts: false } }); b = cpu(); t.resvg += b - a;
  a = cpu(); const img = r.render(); b = cpu(); t.render += b - a;
  a = cpu(); const png = img.asPng(); b = cpu(); t.png += b - a;
}
for (const [k, v] of Object.entries(t)) console.log(k, (v / N).toFixed(1), "ms");
console.log("svg KB", (svgLen / N / 1024).toFixed(0));
