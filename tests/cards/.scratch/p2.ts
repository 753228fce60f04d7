import { cardSvg, rasterise } from "../../../src/cards/render.ts";
const spec = { path: "ar/articles/x", lang: "ar", kind: "article", title: "قال Biden إن 3 قتلى في 10:30 بعد هجوم على قاعدة AFRICOM قرب طرابلس وسط تصاعد التوتر في ليبيا", kicker: "الشرق الأوسط · تحليل", meta: ["الجزيرة · ١٤ نوفمبر ٢٠٢٥", "آخر تحديث 2025/10/10 10:30"], chips: ["خليفة حفتر", "عبد الحميد الدبيبة", "الأمم المتحدة"], countries: ["ليبيا", "مصر"], siteName: "مرصد", alt: "x" };
const svg = await cardSvg(spec as any);
console.log((svg.match(/<image/g)||[]).length, svg.length);
for (let r = 0; r < 3; r++) {
let t = performance.now(); for (let i = 0; i < 10; i++) await cardSvg(spec as any); const a = (performance.now()-t)/10;
t = performance.now(); for (let i = 0; i < 10; i++) rasterise(svg); const b = (performance.now()-t)/10;
console.log("svg", a.toFixed(1), "raster", b.toFixed(1));
}
