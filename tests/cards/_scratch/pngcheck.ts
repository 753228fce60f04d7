import { readFileSync } from "node:fs";
import { Resvg } from "@resvg/resvg-js";
import { rasterise } from "../../../src/cards/draw.ts";
const svg = readFileSync("/tmp/cb/card2.svg", "utf8");
const ours = rasterise(svg);
const ref = new Resvg(svg).render().pixels;
const back = new Resvg(`<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630"><image width="1200" height="630" href="data:image/png;base64,${Buffer.from(ours).toString("base64")}"/></svg>`).render().pixels;
let max = 0; for (let i = 0; i < ref.length; i++) max = Math.max(max, Math.abs(ref[i]! - back[i]!));
console.log("size", ours.length, "maxdiff", max, "same twice", Buffer.compare(Buffer.from(rasterise(svg)), Buffer.from(ours)) === 0);
