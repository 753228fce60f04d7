import { readFileSync } from "node:fs";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { constants, crc32, deflateSync } from "node:zlib";
import { Resvg } from "@resvg/resvg-js";
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as (o?: object) => void;
const svg = readFileSync(process.argv[2] ?? "/tmp/cb/card2.svg", "utf8");
const W = 1200, H = 630;
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const rowsRgba = Buffer.allocUnsafe(H * (1 + W * 4));
const rowsRgb = Buffer.allocUnsafe(H * (1 + W * 3));
function none4(px: Uint8Array) { for (let y = 0; y < H; y++) { rowsRgba[y * (W * 4 + 1)] = 0; rowsRgba.set(px.subarray(y * W * 4, (y + 1) * W * 4), y * (W * 4 + 1) + 1); } return rowsRgba; }
function up4(px: Uint8Array) { // Up filter on RGBA, via Uint32? do bytes
  const s = W * 4;
  for (let y = 0; y < H; y++) { const o = y * (s + 1); rowsRgba[o] = y ? 2 : 0; const r = y * s; if (!y) { rowsRgba.set(px.subarray(0, s), 1); continue; } for (let i = 0; i < s; i++) rowsRgba[o + 1 + i] = (px[r + i]! - px[r - s + i]!) & 255; }
  return rowsRgba;
}
function sub3(px: Uint8Array) {
  for (let y = 0; y < H; y++) { const o = y * (W * 3 + 1); rowsRgb[o] = 1; let pr = 0, pg = 0, pb = 0; for (let x = 0, i = y * W * 4, j = o + 1; x < W; x++, i += 4, j += 3) { const R = px[i]!, G = px[i + 1]!, B = px[i + 2]!; rowsRgb[j] = (R - pr) & 255; rowsRgb[j + 1] = (G - pg) & 255; rowsRgb[j + 2] = (B - pb) & 255; pr = R; pg = G; pb = B; } }
  return rowsRgb;
}
function none3(px: Uint8Array) {
  for (let y = 0; y < H; y++) { const o = y * (W * 3 + 1); rowsRgb[o] = 0; for (let x = 0, i = y * W * 4, j = o + 1; x < W; x++, i += 4, j += 3) { rowsRgb[j] = px[i]!; rowsRgb[j + 1] = px[i + 1]!; rowsRgb[j + 2] = px[i + 2]!; } }
  return rowsRgb;
}
const variants: Record<string, (img: any) => number> = {
  asPng: (img) => img.asPng().length,
  pixels: (img) => img.pixels.length,
};
for (const [fname, f] of Object.entries({ none4, up4, sub3, none3 }))
  for (const level of [1, 2, 4, 6])
    for (const strategy of [constants.Z_DEFAULT_STRATEGY, constants.Z_RLE])
      variants[`${fname} L${level} ${strategy === constants.Z_RLE ? "rle" : "def"}`] = (img) => deflateSync(f(img.pixels), { level, strategy, memLevel: 9 }).length;
for (const [fname, f] of Object.entries({ none4, up4, sub3, none3 })) variants[`${fname} only`] = (img) => f(img.pixels).length;
for (const [name, f] of Object.entries(variants)) {
  let t = 0, size = 0; const n = 12;
  for (let i = 0; i < n + 2; i++) {
    let img: any = new Resvg(svg, { font: { loadSystemFonts: false } }).render();
    const a = cpu(); size = f(img); if (i >= 2) t += cpu() - a;
    img = undefined; gc({ type: "minor" }); await new Promise((r) => setImmediate(r));
  }
  console.log(name.padEnd(18), (t / n).toFixed(2), "ms", (size / 1024).toFixed(0), "KB");
}
