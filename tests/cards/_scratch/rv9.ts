import { readFileSync } from "node:fs";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { Resvg } from "@resvg/resvg-js";
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as (o?: { type: "minor" | "major"; execution?: "sync" }) => void;
const svg = readFileSync(process.argv[3] ?? "/tmp/cb/card2.svg", "utf8");
const mode = process.argv[2];
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const t = { ctor: 0, render: 0, png: 0, gc: 0 };
const n = 40;
for (let i = 0; i < n + 5; i++) {
  let a = cpu(); let r: Resvg | undefined = new Resvg(svg, { font: { loadSystemFonts: false } }); let b = cpu(); if (i >= 5) t.ctor += b - a;
  a = cpu(); let img: any = r.render(); b = cpu(); if (i >= 5) t.render += b - a;
  a = cpu(); img.asPng(); b = cpu(); if (i >= 5) t.png += b - a;
  r = undefined; img = undefined;
  await new Promise((r) => setImmediate(r));
  a = cpu(); if (mode === "minor") gc({ type: "minor" }); else if (mode === "major") gc(); await new Promise((r) => setImmediate(r)); b = cpu(); if (i >= 5) t.gc += b - a;
}
console.log(mode.padEnd(6), Object.entries(t).map(([k, v]) => `${k} ${(v / n).toFixed(1)}`).join("  "), "rss", (process.memoryUsage().rss / 1e6).toFixed(0));
