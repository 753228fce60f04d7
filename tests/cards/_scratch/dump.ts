import { readFileSync, writeFileSync } from "node:fs";
import { cardSvg } from "../../../src/cards/render.ts";
const base = JSON.parse(readFileSync("tests/fixtures/cards/specs.json", "utf8"));
const svg = await cardSvg(base[2]);
writeFileSync("/tmp/cb/card2.svg", svg);
