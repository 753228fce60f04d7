import { Resvg } from "@resvg/resvg-js";
import { cardSvg } from "../../../src/cards/render.ts";
const spec = { path: "ar/articles/x", lang: "ar", kind: "article", title: "قال Biden إن 3 قتلى في 10:30 بعد هجوم على قاعدة AFRICOM قرب طرابلس وسط تصاعد التوتر في ليبيا", kicker: "الشرق الأوسط · تحليل", meta: ["الجزيرة · ١٤ نوفمبر ٢٠٢٥", "آخر تحديث 2025/10/10 10:30"], chips: ["خليفة حفتر", "عبد الحميد الدبيبة", "الأمم المتحدة"], countries: ["ليبيا", "مصر"], siteName: "مرصد", alt: "x" };
const svg = await cardSvg(spec as any);
console.log(svg.length, (svg.match(/<mask/g)||[]).length, (svg.match(/<image/g)||[]).length);
const time = (label: string, s: string, opts: any = {}) => { const t = performance.now(); let n = 0; for (let i = 0; i < 5; i++) { const r = new Resvg(s, { font: { loadSystemFonts: false }, ...opts }); const img = r.render(); const t2 = performance.now(); img.asPng(); n += performance.now() - t2; } console.log(label, ((performance.now() - t) / 5).toFixed(1), "png", (n/5).toFixed(1)); };
time("as is", svg);
const noMask = svg.replace(/<mask id="satori_om-id-\d+">.*?<\/mask>/g, "").replace(/ mask="url\(#satori_om-id-\d+\)"/g, "");
time("no mask", noMask);
const noClip = noMask.replace(/<clipPath id="satori_cp-id-\d+">.*?<\/clipPath>/g, "").replace(/ clip-path="url\(#satori_cp-id-\d+\)"/g, "");
time("no clip", noClip);
time("optimizeSpeed", noClip, { shapeRendering: 0 });
const noGrad = noClip.replace(/<linearGradient[\s\S]*?<\/linearGradient>/g, "").replace(/fill="url\(#[^"]+\)"/g, 'fill="#123"');
console.log(noClip.match(/<rect[^>]*url[^>]*>/g)?.slice(0,3), noClip.match(/<pattern[\s\S]{0,400}/)?.[0]);
time("no grad", noGrad);
// inline nested svgs
const inl = noClip.replace(/<image x="([\d.-]+)" y="([\d.-]+)" width="[\d.]+" height="[\d.]+" href="data:image\/svg\+xml;base64,([^"]+)"[^>]*\/>/g, (_m, x, y, b64) => {
  const inner = Buffer.from(b64, "base64").toString().replace(/^<svg[^>]*>/, "").replace(/<\/svg>$/, "");
  return `<g transform="translate(${x} ${y})">${inner}</g>`;
});
console.log(inl.length, (inl.match(/<image/g)||[]).length);
time("inline", inl);
const t = performance.now(); for (let i = 0; i < 5; i++) new Resvg(inl, { font: { loadSystemFonts: false } }); console.log("parse only", ((performance.now()-t)/5).toFixed(1));
