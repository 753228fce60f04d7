const t0 = performance.now();
const { renderCard } = await import("../../../src/cards/render.ts");
const t1 = performance.now();
const spec = { path: "a", lang: "ar", kind: "actor", title: "خليفة حفتر", siteName: "مرصد", alt: "x" } as const;
await renderCard(spec);
const t2 = performance.now();
await renderCard(spec);
const t3 = performance.now();
console.log("import", (t1 - t0).toFixed(0), "first", (t2 - t1).toFixed(0), "second", (t3 - t2).toFixed(0));
