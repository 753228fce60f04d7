import { readFileSync } from "node:fs";
import { Resvg } from "@resvg/resvg-js";
const svg = readFileSync(process.argv[2] ?? "/tmp/cb/card2.svg", "utf8");
const r = new Resvg(svg, { font: { loadSystemFonts: false } });
for (let i = 0; i < 60; i++) r.render();
