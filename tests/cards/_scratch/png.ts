import { readFileSync } from "node:fs";
import { deflateSync, constants, crc32 } from "node:zlib";
import { Resvg } from "@resvg/resvg-js";
const svg = readFileSync("/tmp/cb/card2.svg", "utf8");
const img = new Resvg(svg, { font: { loadSystemFonts: false } }).render();
const px = img.pixels as Buffer; const W = 1200, H = 630;
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
function time(name: string, f: () => Uint8Array, n = 15) {
  let out = f(); const a = cpu();
  for (let i = 0; i < n; i++) out = f();
  console.log(name.padEnd(34), ((cpu() - a) / n).toFixed(2), "ms", (out.length / 1024).toFixed(0), "KB");
}
const raw = Buffer.alloc(H * (1 + W * 3));
function filterRgb(kind: number) {
  const stride = W * 3;
  for (let y = 0; y < H; y++) {
    const o = y * (stride + 1); raw[o] = kind;
    const r = y * W * 4;
    if (kind === 0) { for (let x = 0, i = r, j = o + 1; x < W; x++, i += 4, j += 3) { raw[j] = px[i]; raw[j + 1] = px[i + 1]; raw[j + 2] = px[i + 2]; } }
    else if (kind === 1) { let pr = 0, pg = 0, pb = 0; for (let x = 0, i = r, j = o + 1; x < W; x++, i += 4, j += 3) { const R = px[i], G = px[i + 1], B = px[i + 2]; raw[j] = (R - pr) & 255; raw[j + 1] = (G - pg) & 255; raw[j + 2] = (B - pb) & 255; pr = R; pg = G; pb = B; } }
    else if (kind === 2) { for (let x = 0, i = r, j = o + 1; x < W; x++, i += 4, j += 3) { const u = y ? i - W * 4 : -1; raw[j] = (px[i] - (u >= 0 ? px[u] : 0)) & 255; raw[j + 1] = (px[i + 1] - (u >= 0 ? px[u + 1] : 0)) & 255; raw[j + 2] = (px[i + 2] - (u >= 0 ? px[u + 2] : 0)) & 255; } }
  }
  return raw;
}
time("asPng", () => img.asPng());
time("pixels", () => img.pixels);
for (const k of [0, 1, 2]) time(`filter ${k} only`, () => filterRgb(k));
for (const k of [1, 2]) for (const level of [1, 3, 6]) for (const strat of [constants.Z_DEFAULT_STRATEGY, constants.Z_RLE, constants.Z_FILTERED]) {
  time(`f${k} deflate L${level} s${strat}`, () => deflateSync(filterRgb(k), { level, strategy: strat, memLevel: 9 }));
}
