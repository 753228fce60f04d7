import { Resvg } from "@resvg/resvg-js";
import { groundSvg, THEME } from "../../../src/cards/template.ts";
const W = 1200, H = 630;
const grad = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}"><defs><linearGradient id="g" x1="0" y1="0" x2="0.55" y2="1"><stop offset="0" stop-color="${THEME.panel}"/><stop offset="0.7" stop-color="${THEME.background}"/></linearGradient></defs><rect width="${W}" height="${H}" fill="url(#g)"/></svg>`;
const ours = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">${groundSvg()}</svg>`;
const A = new Resvg(grad).render().pixels, B = new Resvg(ours).render().pixels;
let max = 0, n = 0; for (let i = 0; i < A.length; i++) { const d = Math.abs(A[i]! - B[i]!); max = Math.max(max, d); if (d) n++; }
console.log("max", max, "differing", (n / (W * H)).toFixed(4), "paths", (groundSvg().match(/<path/g) ?? []).length);
