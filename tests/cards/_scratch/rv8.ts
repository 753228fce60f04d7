import { Resvg } from "@resvg/resvg-js";
const r = new Resvg(`<svg width="1200" height="630" xmlns="http://www.w3.org/2000/svg"></svg>`, { font: { loadSystemFonts: false } });
for (let i = 0; i < 200; i++) { r.render(); if (i % 20 === 0) console.log(i, (process.memoryUsage().rss / 1e6).toFixed(0), "MB rss"); }
