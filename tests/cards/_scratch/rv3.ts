import { Resvg } from "@resvg/resvg-js";
const empty = (w: number, h: number) => `<svg width="${w}" height="${h}" xmlns="http://www.w3.org/2000/svg"></svg>`;
for (const [w, h] of [[100, 100], [400, 300], [1200, 630], [2400, 1260]]) {
  const r = new Resvg(empty(w, h), { font: { loadSystemFonts: false } });
  r.render();
  const c = process.cpuUsage();
  for (let i = 0; i < 20; i++) r.render();
  const d = process.cpuUsage(c);
  console.log(w, h, "user", (d.user / 20000).toFixed(2), "sys", (d.system / 20000).toFixed(2));
}
