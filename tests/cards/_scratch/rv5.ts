import { readFileSync } from "node:fs";
import { deflateSync, constants } from "node:zlib";
import { Resvg } from "@resvg/resvg-js";
const svg = readFileSync("/tmp/cb/card2.svg", "utf8");
const n = 30;
const t = { ctor: 0, render: 0, png: 0, pixels: 0 };
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
for (let i = 0; i < n + 3; i++) {
  let a = cpu(); const r = new Resvg(svg, { font: { loadSystemFonts: false } }); let b = cpu(); if (i >= 3) t.ctor += b - a;
  a = cpu(); const img = r.render(); b = cpu(); if (i >= 3) t.render += b - a;
  a = cpu(); img.asPng(); b = cpu(); if (i >= 3) t.png += b - a;
  a = cpu(); img.pixels; b = cpu(); if (i >= 3) t.pixels += b - a;
}
console.log(Object.entries(t).map(([k, v]) => `${k} ${(v / n).toFixed(1)}`).join("  "));
