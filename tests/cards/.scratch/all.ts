import { readFileSync, writeFileSync } from "node:fs";
import { renderCard } from "../../../src/cards/render.ts";
const specs = JSON.parse(readFileSync("tests/fixtures/cards/specs.json", "utf8"));
for (const s of specs) writeFileSync(`/tmp/cw/${s.path.replace(/\//g, "_")}.png`, await renderCard(s));
