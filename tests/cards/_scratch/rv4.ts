import { Resvg } from "@resvg/resvg-js";
const r = new Resvg(`<svg width="1200" height="630" xmlns="http://www.w3.org/2000/svg"></svg>`, { font: { loadSystemFonts: false } });
for (let i = 0; i < 5; i++) r.render();
const n = Number(process.argv[2] ?? 100);
const c = process.cpuUsage();
for (let i = 0; i < n; i++) r.render();
const d = process.cpuUsage(c);
console.error("user", (d.user / n / 1000).toFixed(2), "sys", (d.system / n / 1000).toFixed(2));
