import { readFileSync } from "node:fs";
import { Resvg } from "@resvg/resvg-js";
const card = readFileSync("/tmp/cb/card2.svg", "utf8");
const S = (body: string) => `<svg width="1200" height="630" viewBox="0 0 1200 630" xmlns="http://www.w3.org/2000/svg">${body}</svg>`;
const paths = [...card.matchAll(/<path fill="[^"]*" d="[^"]*"\/>/g)].map((m) => m[0]);
const cases: Record<string, string> = {
  empty: S(""),
  rect: S(`<rect width="1200" height="630" fill="#123"/>`),
  smallrect: S(`<rect width="100" height="100" fill="#123"/>`),
  grad: S(`<defs><linearGradient id="g" x1="0" y1="0" x2="0.55" y2="1"><stop offset="0" stop-color="#13263a"/><stop offset="0.7" stop-color="#0d1b2a"/></linearGradient></defs><rect width="1200" height="630" fill="url(#g)"/>`),
  titlePath: S(paths[1] ?? ""),
  titlePathInG: S(`<g transform="translate(42 88)">${paths[1]}</g>`),
  allPaths: S(paths.join("")),
  circleOpacity: S(`<circle cx="22" cy="22" r="11" fill="none" stroke="#f2a93b" stroke-width="3" opacity="0.7"/>`),
  card,
};
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
for (const [name, svg] of Object.entries(cases)) {
  const r = new Resvg(svg, { font: { loadSystemFonts: false } });
  r.render(); r.render();
  const a = cpu();
  for (let i = 0; i < 20; i++) r.render();
  console.log(name.padEnd(16), ((cpu() - a) / 20).toFixed(1));
}
