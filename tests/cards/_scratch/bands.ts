import { readFileSync } from "node:fs";
import { Resvg } from "@resvg/resvg-js";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as (o?: object) => void;
import { writeFileSync } from "node:fs";
const W = 1200, H = 630;
const c0 = [0x13, 0x26, 0x3a], c1 = [0x0d, 0x1b, 0x2a];
const x2 = 0.55, y2 = 1, stopEnd = 0.7;
// t(x,y) in user space for objectBoundingBox gradient (0,0)->(x2,y2)
const den = x2 * x2 + y2 * y2;
const a = x2 / W / den, b = y2 / H / den;
const colorAt = (t: number) => c0.map((v, i) => Math.round(v + ((c1[i] as number) - v) * Math.min(1, Math.max(0, t) / stopEnd)));
// boundaries where any channel's rounded value changes
const ts = new Set<number>();
for (let i = 0; i < 3; i++) {
  const from = c0[i] as number, to = c1[i] as number;
  const step = Math.sign(to - from);
  for (let v = from; v !== to; v += step) { const k = (v + step / 2 - from) / (to - from); ts.add(k * stopEnd); }
}
const bounds = [0, ...[...ts].sort((p, q) => p - q), stopEnd];
const hex = (c: number[]) => "#" + c.map((v) => v.toString(16).padStart(2, "0")).join("");
const eps = Number(process.argv[2] ?? 1.5);
// polygon for a <= t' <= b where t' = a*x + b*y, clipped to rect
function strip(t0: number, t1: number): string {
  // clip rect polygon by half-planes
  let poly: Array<[number, number]> = [[0, 0], [W, 0], [W, H], [0, H]];
  const clip = (keep: (p: [number, number]) => number) => {
    const out: Array<[number, number]> = [];
    for (let i = 0; i < poly.length; i++) {
      const p = poly[i] as [number, number], q = poly[(i + 1) % poly.length] as [number, number];
      const fp = keep(p), fq = keep(q);
      if (fp >= 0) out.push(p);
      if ((fp >= 0) !== (fq >= 0)) { const s = fp / (fp - fq); out.push([p[0] + (q[0] - p[0]) * s, p[1] + (q[1] - p[1]) * s]); }
    }
    poly = out;
  };
  clip((p) => a * p[0] + b * p[1] - t0);
  clip((p) => t1 - (a * p[0] + b * p[1]));
  return poly.map((p, i) => `${i ? "L" : "M"}${+p[0].toFixed(2)} ${+p[1].toFixed(2)}`).join("") + "Z";
}
const tPerPx = Math.hypot(a, b); // t change per px along gradient normal
let body = `<rect width="${W}" height="${H}" fill="${hex(c1)}"/>`;
for (let k = 0; k + 1 < bounds.length; k++) {
  const lo = (bounds[k] as number) - (k ? eps * tPerPx / 2 : 1), hi = (bounds[k + 1] as number) + (k + 2 < bounds.length ? eps * tPerPx / 2 : 0);
  body += `<path fill="${hex(colorAt(((bounds[k] as number) + (bounds[k + 1] as number)) / 2))}" d="${strip(lo, hi)}"/>`;
}
const bandsSvg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">${body}</svg>`;
const gradSvg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}"><defs><linearGradient id="g" x1="0" y1="0" x2="0.55" y2="1"><stop offset="0" stop-color="#13263a"/><stop offset="0.7" stop-color="#0d1b2a"/></linearGradient></defs><rect width="${W}" height="${H}" fill="url(#g)"/></svg>`;
const A = new Resvg(gradSvg).render().pixels, B = new Resvg(bandsSvg).render().pixels;
let max = 0, sum = 0, hist = new Map<number, number>();
for (let i = 0; i < A.length; i++) { if (i % 4 === 3) continue; const d = Math.abs((A[i] as number) - (B[i] as number)); max = Math.max(max, d); sum += d; hist.set(d, (hist.get(d) ?? 0) + 1); }
console.log("bands", bounds.length - 1, "maxdiff", max, "mean", (sum / (A.length * 0.75)).toFixed(3), [...hist].sort((p, q) => p[0] - q[0]));
const card = readFileSync("/tmp/cb/card2.svg", "utf8");
const grad = /<defs><linearGradient id="marsad-ground"[\s\S]*?<\/defs><rect width="1200" height="630" fill="url\(#marsad-ground\)"\/>/;
const cardBands = card.replace(grad, body);
if (cardBands === card) throw new Error("no replace");
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
for (const [name, svg] of [["grad", card], ["bands", cardBands], ["grad", card], ["bands", cardBands]] as const) {
  const r = new Resvg(svg); let t = 0; for (let i = 0; i < 23; i++) { const t0 = cpu(); let img: any = r.render(); if (i >= 3) t += cpu() - t0; img = undefined; gc({ type: "minor" }); await new Promise((res) => setImmediate(res)); } console.log(name, (t / 20).toFixed(2));
}
writeFileSync("/tmp/cb/bands.png", new Resvg(cardBands).render().asPng()); writeFileSync("/tmp/cb/grad.png", new Resvg(card).render().asPng());
