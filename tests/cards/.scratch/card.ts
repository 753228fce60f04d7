import { writeFileSync } from "node:fs";
import { renderCard, cardSvg } from "../../../src/cards/render.ts";
const specs = [
  { path: "ar/articles/x", lang: "ar", kind: "article", title: "قال Biden إن 3 قتلى في 10:30 بعد هجوم على قاعدة AFRICOM قرب طرابلس وسط تصاعد التوتر في ليبيا", kicker: "الشرق الأوسط · تحليل", meta: ["الجزيرة · ١٤ نوفمبر ٢٠٢٥", "آخر تحديث 2025/10/10 10:30"], chips: ["خليفة حفتر", "عبد الحميد الدبيبة", "الأمم المتحدة"], countries: ["ليبيا", "مصر"], siteName: "مرصد", alt: "x" },
  { path: "en/articles/x", lang: "en", kind: "actor", title: "Khalifa Haftar", kicker: "Actor · Person", meta: ["Commander of the Libyan National Army", "142 mentions since 2024"], chips: ["LNA", "Saddam Haftar"], countries: ["Libya", "Egypt", "UAE"], siteName: "Marsad", alt: "x" },
];
for (const [i, s] of specs.entries()) {
  const t = performance.now();
  const png = await renderCard(s as any);
  console.log(i, (performance.now() - t).toFixed(0), "ms", png.length);
  writeFileSync(`/tmp/cw/card${i}.png`, png);
}
const t = performance.now();
for (let k = 0; k < 5; k++) await renderCard(specs[0] as any);
console.log("avg", ((performance.now() - t) / 5).toFixed(0));
const t2 = performance.now();
for (let k = 0; k < 5; k++) await cardSvg(specs[0] as any);
console.log("svg avg", ((performance.now() - t2) / 5).toFixed(0));
