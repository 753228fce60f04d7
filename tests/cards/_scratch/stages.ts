import { readFileSync } from "node:fs";
import { Resvg } from "@resvg/resvg-js";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as (o?: object) => void;
const GC = process.env.GC;
import satori from "satori";
import { CardSpec } from "../../../src/cards/spec.ts";
import { cardLayout } from "../../../src/cards/template.ts";
import { inlineImages } from "../../../src/cards/draw.ts";
const base = JSON.parse(readFileSync("tests/fixtures/cards/specs.json", "utf8"));
const N = Number(process.argv[2] ?? 48);
const specs = Array.from({ length: N + 5 }, (_, i) => { const s = base[i % base.length]; return CardSpec.parse({ ...s, path: `${s.path}-${i}`, title: `${s.title} ${i}` }); });
const t: Record<string, number> = { layout: 0, satori: 0, inline: 0, parse: 0, render: 0, png: 0, idle: 0 };
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
let svgLen = 0, pngLen = 0;
const all0 = cpu();
for (const [i, s] of specs.entries()) {
  if (i === 5) { for (const k in t) t[k] = 0; svgLen = pngLen = 0; }
  const st = (k: string, a: number) => { t[k] += cpu() - a; };
  let a = cpu(); const { element, inlines } = cardLayout(s); st("layout", a);
  a = cpu(); const raw = await satori(element as any, { width: 1200, height: 630, fonts: [] }); st("satori", a);
  a = cpu(); const svg = inlineImages(raw, inlines); st("inline", a); svgLen += svg.length;
  if (process.env.GC2) { a = cpu(); gc({ type: "minor" }); await new Promise((r) => setImmediate(r)); st("idle", a); }
  a = cpu(); let r: any = new Resvg(svg, { fitTo: { mode: "width", value: 1200 }, font: { loadSystemFonts: false } }); st("parse", a);
  a = cpu(); let img: any = r.render(); st("render", a);
  a = cpu(); const png = img.asPng(); st("png", a); pngLen += png.length; r = img = undefined;
  a = cpu(); if (GC) gc({ type: GC }); await new Promise((r) => setImmediate(r)); st("idle", a);
}
console.log(Object.entries(t).map(([k, v]) => `${k} ${(v / N).toFixed(1)}`).join("  "), " total", (Object.values(t).reduce((a, b) => a + b) / N).toFixed(1), "svgKB", (svgLen / N / 1024).toFixed(0), "pngKB", (pngLen / N / 1024).toFixed(0));
