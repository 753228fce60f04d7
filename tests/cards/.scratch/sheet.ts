import { readFileSync, writeFileSync } from "node:fs";
import { Resvg } from "@resvg/resvg-js";
const specs = JSON.parse(readFileSync("tests/fixtures/cards/specs.json", "utf8"));
const imgs = specs.map((s: any, i: number) => `<image x="${(i % 2) * 600}" y="${Math.floor(i / 2) * 315}" width="600" height="315" href="data:image/png;base64,${readFileSync(`/tmp/cw/${s.path.replace(/\//g, "_")}.png`).toString("base64")}"/>`);
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="${Math.ceil(specs.length / 2) * 315}">${imgs.join("")}</svg>`;
writeFileSync("/tmp/cw/sheet.png", new Resvg(svg).render().asPng());
