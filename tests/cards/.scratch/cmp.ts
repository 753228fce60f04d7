import { writeFileSync } from "node:fs";
import { chromium } from "playwright-core";
import { ensureChromium, CHROMIUM_ARGS } from "../../browser/setup-chromium.ts";
import { compareInk, diffPng } from "../pixels.ts";
import { frameOf, renderChromium, renderOurs, renderPlainSatori, type TextCase } from "../text-compare.ts";
const hint = process.argv[2] === "hint";
const cases: TextCase[] = [
  ["lam-alef", "لا الإسلام سلام"], ["diacritics", "مُحَمَّدٌ حَرَكَاتٌ كَثِيرَةٌ"], ["arabic-digits", "١٤ نوفمبر ٢٠٢٥"],
  ["date", "في 2025/10/10"], ["time", "الساعة 10:30"], ["mixed", "قال Biden إن 3 قتلى في 10:30"], ["africom", "قيادة AFRICOM"],
  ["long", "قال مسؤولون في الأمم المتحدة إن الاشتباكات العنيفة في طرابلس أسفرت عن مقتل 3 أشخاص على الأقل وإصابة العشرات مساء الأحد"],
].map(([name, text]) => ({ name: name!, text: text!, lang: "ar" as const, size: 48, weight: 700 as const, lineHeight: 72, width: 900 }));
cases.push({ name: "en-long", text: "Haftar's forces and the Tripoli government trade accusations after 3 killed at 10:30 near AFRICOM-linked base", lang: "en", size: 48, weight: 700, lineHeight: 58, width: 900 });
const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS.filter(a => hint || a !== "--font-render-hinting=none") });
const page = await browser.newPage({ deviceScaleFactor: 1 });
for (const c of cases) {
  const frame = frameOf(c);
  const ours = renderOurs(frame); const sat = await renderPlainSatori(c, frame); const chr = await renderChromium(page, c, frame);
  const a = compareInk(ours, chr), b = compareInk(sat, chr);
  console.log(c.name.padEnd(14), frame.box.lines.length, "ours", a.differing.toFixed(3), a.iou.toFixed(3), " satori", b.differing.toFixed(3), b.iou.toFixed(3));
  writeFileSync(`/tmp/cw/d-${c.name}-ours.png`, diffPng(ours, chr)); writeFileSync(`/tmp/cw/d-${c.name}-sat.png`, diffPng(sat, chr));
}
await browser.close();
