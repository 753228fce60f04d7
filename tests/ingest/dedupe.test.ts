import { describe, expect, it } from "vitest";
import { findDuplicates, jaccard, shingles } from "../../src/ingest/dedupe.ts";
import { articleKey } from "../../src/lib/identity.ts";

const body = [
  "أعلنت وزارة الصحة في غزة، الثلاثاء، وصول قافلة جديدة من المساعدات الطبية عبر معبر رفح، تضم أدوية ومستلزمات جراحية.",
  "وقال مدير المستشفيات إن الشحنة تغطي احتياجات أسبوعين فقط، داعياً إلى فتح المعابر بشكل دائم أمام الإمدادات.",
  "وأكدت منظمة الصحة العالمية أن نحو نصف مستشفيات القطاع لا تزال خارج الخدمة بسبب نقص الوقود والأطقم الطبية.",
  "وأشار مسؤولون محليون إلى أن فرق الإسعاف تعمل بطاقة محدودة، وأن عشرات الجرحى ينتظرون نقلهم لتلقي العلاج في الخارج.",
  "ودعت منظمات إغاثية دولية إلى ضمان وصول المساعدات دون عوائق، محذرة من تفشي الأمراض في مراكز الإيواء المكتظة.",
  "ومن المتوقع أن تصل قافلة ثانية خلال الأيام المقبلة، بحسب ما أفادت به مصادر في الهلال الأحمر.",
];

describe("dedupe", () => {
  it("gives formatting-only copies the same key", () => {
    const copy = body.map((p) => p.replace(/،/g, " ,").replace(/إ/g, "ا"));
    expect(articleKey({ title: "a", body })).toBe(articleKey({ title: "b", body: copy }));
    expect(articleKey({ title: null, body })).not.toBe(articleKey({ title: null, body: body.slice(1) }));
  });

  it("groups near-copies and leaves different articles alone", () => {
    // The second outlet trims a hedge word and adds a credit line.
    const edited = [...body.slice(0, 2), body[2]!.replace("نحو نصف", "نصف"), ...body.slice(3), "(وكالات)"];
    const other = { title: "x", body: ["ناقش البرلمان الأردني مشروع قانون الموازنة العامة للعام المقبل في جلسة مطولة."] };
    const groups = findDuplicates([{ title: "t", body }, other, { title: "t2", body: edited }, { title: "t3", body }]);
    expect(groups).toEqual([[0, 2, 3]]);
  });

  it("measures Jaccard over word 5-shingles", () => {
    const a = shingles({ title: null, body });
    expect(jaccard(a, a)).toBe(1);
    expect(jaccard(a, shingles({ title: null, body: body.slice(0, 1) }))).toBeLessThan(0.5);
  });

  it("finds no false duplicates among many similar articles", () => {
    const many = Array.from({ length: 3000 }, (_, i) => ({ title: null, body: [`${body[0]} رقم ${i} ${i * 7} ${i * 13}`] }));
    expect(findDuplicates(many)).toEqual([]);
  });
});
