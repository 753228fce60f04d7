import { readFileSync } from "node:fs";
import { resolveBidi } from "../../../src/cards/bidi.ts";
import { normaliseText } from "../../../src/cards/lines.ts";
import { shapeLine } from "../../../src/cards/shape.ts";
const base = JSON.parse(readFileSync("tests/fixtures/cards/specs.json", "utf8"));
const cmp = JSON.parse(readFileSync("tests/fixtures/cards/compare-strings.json", "utf8"));
const texts: Array<[string, "ar" | "en"]> = [];
for (const s of base) for (const t of [s.title, s.kicker, ...(s.meta ?? []), ...(s.chips ?? []), ...(s.countries ?? [])]) if (t) texts.push([t, s.lang]);
for (const c of cmp.cases) texts.push([c.text, c.lang ?? cmp.defaults.lang]);
texts.push(["قال Biden إن 3 قتلى في 10:30 (وفق AFRICOM) «تصريح» — 2025-10-10، وأضاف: \"لا\"؛ إلخ. [1] {x} <y>", "ar"]);
texts.push(["He said «قال» (AFRICOM), 10:30 — “quoted” text; 2025/10/10 [ref] AV To Ty", "en"]);
let worst = 0;
for (const [raw, lang] of texts) for (const weight of [400, 700] as const) {
  const text = normaliseText(raw).replace(/\u00b7/g, lang === "ar" ? "\u2022" : "\u00b7");
  const p = resolveBidi(text, lang === "ar" ? "rtl" : "ltr");
  const ws = [...text.matchAll(/[^ ]+/g)].map((m) => [m.index, m.index + m[0].length] as [number, number]);
  const size = 1000;
  for (let i = 0; i < ws.length; i++) {
    let est = shapeLine(p, lang, ws[i]![0], ws[i]![1], size, weight).width;
    for (let j = i + 1; j < ws.length; j++) {
      est += shapeLine(p, lang, ws[j - 1]![1], ws[j]![0], size, weight).width + shapeLine(p, lang, ws[j]![0], ws[j]![1], size, weight).width;
      const exact = shapeLine(p, lang, ws[i]![0], ws[j]![1], size, weight).width;
      const err = Math.abs(est - exact) / size;
      if (err > worst) { worst = err; console.log("em err", err.toFixed(4), JSON.stringify(text.slice(ws[i]![0], ws[j]![1]))); }
    }
  }
}
console.log("worst em", worst);
