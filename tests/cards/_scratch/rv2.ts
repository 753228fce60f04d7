import { Resvg } from "@resvg/resvg-js";
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
function time(name: string, f: () => void, n = 30) {
  f();
  let a = cpu();
  for (let i = 0; i < n; i++) f();
  console.log(name.padEnd(30), ((cpu() - a) / n).toFixed(2), "ms cpu");
}
const empty = (w: number, h: number) => `<svg width="${w}" height="${h}" xmlns="http://www.w3.org/2000/svg"></svg>`;
time("ctor 1200", () => new Resvg(empty(1200, 630), { font: { loadSystemFonts: false } }));
time("ctor+render 10x10", () => new Resvg(empty(10, 10), { font: { loadSystemFonts: false } }).render());
time("ctor+render 1200", () => new Resvg(empty(1200, 630), { font: { loadSystemFonts: false } }).render());
const r = new Resvg(empty(1200, 630), { font: { loadSystemFonts: false } });
time("render only 1200", () => r.render());
time("render+pixels 1200", () => r.render().pixels);
time("render+asPng 1200", () => r.render().asPng());
time("alloc 3MB", () => new Uint8Array(1200*630*4));
