/**
 * The event coder on sentences written for these tests (never copied from the evaluation corpus), one rule of
 * the codebook per case, with a small knowledge base (tests/fixtures/entities/actors.yaml).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseActorFile } from "../../src/content/actors-file.ts";
import { loadCountryLexicon } from "../../src/entities/countries.ts";
import { loadPlaceLexicon } from "../../src/entities/places.ts";
import { createTagger } from "../../src/entities/tagger.ts";
import { createEventCoder, type EventCoder } from "../../src/events/index.ts";
import { Event } from "../../src/schemas/event.ts";

const root = join(import.meta.dirname, "../..");
const actorsFile = join(root, "tests/fixtures/entities/actors.yaml");

let coder: EventCoder;
beforeAll(() => {
  const actors = parseActorFile(readFileSync(actorsFile, "utf8"), actorsFile);
  const countries = loadCountryLexicon(join(root, "content/countries/forms.yaml"));
  const places = loadPlaceLexicon(join(root, "content/countries/places.yaml"));
  coder = createEventCoder({ tagger: createTagger({ actors, countries, places, candidateActors: false }), actors, countries, places });
});

const PUBLISHED = "2024-05-15"; // a Wednesday
const code = (sentence: string, published: string | null = PUBLISHED) => {
  const events = coder.code({ sentence, published });
  for (const e of events) Event.parse(e);
  return events;
};
const types = (sentence: string) => code(sentence).map((e) => e.type);

describe("who did what to whom", () => {
  it("reads «تحدث» as a call only with its «مع» party: sources speaking about something are no event", () => {
    expect(types("أعلن المشير خليفة حفتر صد هجوم على مواقع قواته، فيما تحدثت مصادر محلية عن نزوح عشرات الأسر.")).not.toContain("CALL");
    expect(types("تحدث المشير خليفة حفتر هاتفيا مع وفد من الأمم المتحدة.")).toEqual(["CALL"]);
  });

  it("skips a venue written with «ب» before the object: the ministry's seat is where, not whom", () => {
    const [e] = code("التقى المشير خليفة حفتر، أمس الثلاثاء بمقر القيادة، وفدا من الأمم المتحدة.");
    expect(e!.type).toBe("MEET");
    expect(e!.target_actor?.ar).toBe("وفدا");
  });

  it("reads a meeting: subject, time, venue, object (VSO)", () => {
    const [e, ...rest] = code("استقبل المشير خليفة حفتر، أمس الثلاثاء، في بنغازي وفدا من الأمم المتحدة.");
    expect(rest).toEqual([]);
    expect(e!.type).toBe("MEET");
    expect(e!.source_actor).toEqual({ ar: "المشير خليفة حفتر", en: "Khalifa Haftar" });
    expect(e!.target_actor?.ar).toBe("وفدا");
    expect(e!.place).toMatchObject({ ar: "بنغازي", country: "LY" });
    expect(e!.date).toBe("2024-05-14");
    expect(e!.trigger_ar).toBe("استقبل");
    expect(e!.gist_en).toBe("Meeting · Benghazi (Libya) · Khalifa Haftar and delegation · 2024-05-14");
  });

  it("completes a bare title with the name after the comma", () => {
    const [e] = code("اتهم رئيس حكومة الوحدة الوطنية، عبد الحميد الدبيبة، خليفة حفتر بعرقلة الانتخابات.");
    expect(e!.type).toBe("ACCUSE");
    expect(e!.source_actor?.en).toBe("Abdul Hamid Dbeibah");
    expect(e!.target_actor).toEqual({ ar: "خليفة حفتر", en: "Khalifa Haftar" });
  });

  it("codes one call per counterpart, the subject written before the verb (SVO)", () => {
    const events = code("جو بايدن أجرى اتصالا هاتفيا مع عبد الحميد الدبيبة واتصالا مماثلا مع خليفة حفتر.");
    expect(events.map((e) => [e.type, e.source_actor?.en, e.target_actor?.en])).toEqual([
      ["CALL", "Joe Biden", "Abdul Hamid Dbeibah"],
      ["CALL", "Joe Biden", "Khalifa Haftar"],
    ]);
  });

  it("splits «بين X وY» for symmetric events", () => {
    const [e] = code("اندلعت اشتباكات عنيفة بين الجيش الوطني الليبي ومسلحين في مدينة سبها.");
    expect(e!.type).toBe("CLASH");
    expect(e!.source_actor?.en).toBe("Libyan National Army");
    expect(e!.target_actor).toEqual({ ar: "مسلحين", en: "gunmen" });
    expect(e!.place).toMatchObject({ country: "LY", en: "Sabha" });
  });
});

describe("attacks and their toll", () => {
  it("gives an attack and its casualties, counts in digits (Eastern too) and in words", () => {
    const events = code("قتل ٥ مدنيين وأصيب ثلاثة آخرون في قصف استهدف حيا سكنيا في مدينة سرت.");
    expect(events.map((e) => e.type)).toEqual(["CASUALTIES", "ATTACK"]);
    const [toll, attack] = events;
    expect(toll!.figures).toEqual([{ what: "killed", n: 5 }, { what: "wounded", n: 3 }]);
    expect(toll!.target_actor).toEqual({ ar: "مدنيين", en: "civilians" });
    expect(attack!.place).toMatchObject({ en: "Sirte", country: "LY" });
    expect(toll!.place?.country).toBe("LY");
  });

  it("makes «more than» a minimum and takes the attacker from an adjective", () => {
    const [attack, toll] = code("أسفر قصف إسرائيلي على مدينة رفح عن مقتل أكثر من 20 شخصا.");
    expect(attack!.type).toBe("ATTACK");
    expect(attack!.source_actor?.en).toBe("Israeli forces");
    expect(toll!.figures).toEqual([{ what: "killed", n: 20, at_least: true }]);
    expect(toll!.source_actor?.en).toBe("Israeli forces");
  });

  it("counts a named single victim as one", () => {
    const [e] = code("أعلنت مصادر طبية مقتل المواطن \"سالم علي\" في سبها.");
    expect(e!.type).toBe("CASUALTIES");
    expect(e!.source_actor).toBeNull();
    expect(e!.figures).toEqual([{ what: "killed", n: 1 }]);
  });
});

describe("what is not an event", () => {
  it("codes a denial as a statement, not the denied killing (R6)", () => {
    const events = code("نفى الجيش الوطني الليبي مقتل أي من عناصره في اشتباكات قرب مدينة درنة.");
    expect(events.map((e) => [e.type, e.source_actor?.en])).toEqual([["STATEMENT", "Libyan National Army"]]);
  });

  it("leaves relative clauses and prior causes in the background", () => {
    expect(types("التقى عبد الحميد الدبيبة ممثلي الأمم المتحدة بعد الهجوم الذي استهدف مقر الحكومة.")).toEqual(["MEET"]);
  });

  it("does not code what a condition threatens", () => {
    expect(types("هددت حماس بوقف المفاوضات إذا استمر القصف على مدينة رفح.")).toEqual(["THREATEN"]);
  });

  it("does not code what an appeal asks for", () => {
    expect(types("طالب جو بايدن خليفة حفتر بوقف الهجوم على طرابلس.")).toEqual(["APPEAL"]);
  });

  it("codes nothing in commentary", () => {
    expect(code("يبدو أن المفاوضات بين الطرفين لن تحقق أي تقدم قريبا.")).toEqual([]);
    expect(code("خسرت الجماعة كثيرا من مقاتليها خلال الأشهر الماضية، وفق ما يقول خبراء.")).toEqual([]);
  });

  it("codes a statement only when it reports no other event", () => {
    expect(types("قال خليفة حفتر إن قواته لن تنسحب من مواقعها.")).toEqual(["STATEMENT"]);
    expect(types("قال مصدر أمني إن مسلحين اختطفوا ثلاثة موظفين في طرابلس.")).not.toContain("STATEMENT");
  });
});

describe("sentence furniture", () => {
  it("skips a dateline and keeps verbatim spans", () => {
    const sentence = "طرابلس (رويترز) -- التقى عبد الحميد الدبيبة خليفة حفتر في القاهرة.";
    const [e] = code(sentence);
    expect(e!.type).toBe("MEET");
    for (const s of [e!.source_actor!.ar, e!.target_actor!.ar, e!.place!.ar, e!.trigger_ar]) expect(sentence).toContain(s);
    expect(e!.place?.country).toBe("EG");
  });

  it("leaves relative dates unresolved without a publication date", () => {
    expect(code("التقى خليفة حفتر عبد الحميد الدبيبة اليوم.", null)[0]!.date).toBeNull();
    expect(code("التقى خليفة حفتر عبد الحميد الدبيبة أول أمس.")[0]!.date).toBe("2024-05-13");
    // a bare «اليوم» is today, not the day part «يوم» with the article: it bounds the subject and dates the event
    expect(code("التقى خليفة حفتر اليوم عبد الحميد الدبيبة.")[0]).toMatchObject({ date: PUBLISHED, source_actor: { ar: "خليفة حفتر" }, target_actor: { ar: "عبد الحميد الدبيبة" } });
  });

  it("never reads past the last word: a venue or a place head may end the sentence", () => {
    expect(() => code("قال الملك إنه فخور جدا، وفقا لمتحدث باسم قصر باكنغهام.")).not.toThrow();
    expect(() => code("استقبل الرئيس الوفد في قصر")).not.toThrow();
    expect(() => code("استقبل الرئيس التونسي الوفد بحفاوة")).not.toThrow();
    expect(() => code("شنت الطائرات غارات على مدينة")).not.toThrow();
  });

  it("reads talks by phone as a call, a lone victim's count beside another, and a relative clause's victim as no accused", () => {
    expect(types("بحث خليفة حفتر هاتفيا مع عبد الحميد الدبيبة الأوضاع في البلاد.")).toEqual(["CALL"]);
    const toll = code("قتل جندي وأصيب اثنان آخران في هجوم على حاجز للجيش.").find((e) => e.type === "CASUALTIES");
    expect(toll?.figures).toEqual([{ what: "killed", n: 1 }, { what: "wounded", n: 2 }]);
    expect(types("ندد عبد الحميد الدبيبة بالهجوم الذي استهدف كنيسة في طرابلس.")).toEqual(["STATEMENT"]);
  });

  it("reads Maghreb arrest forms, and a vague quantity adds nothing to a stated count", () => {
    const [arrest] = code("أعلنت وزارة الداخلية عن إيقاف 12 عنصرا تكفيريا خلال حملة أمنية بعدد من الولايات.");
    expect(arrest).toMatchObject({ type: "ARREST", figures: [{ what: "arrested", n: 12 }] });
    expect(code("أذن وكيل الجمهورية بالاحتفاظ بـ3 أشخاص من أجل تكوين وفاق إرهابي.")[0]).toMatchObject({ type: "ARREST", target_actor: { ar: "أشخاص" } });
  });

  it("takes the place of an event from the subject of a scene verb («شهدت مدينة X …»)", () => {
    expect(code("شهدت مدينة الموصل مظاهرات حاشدة ضد الحكومة.")[0]).toMatchObject({ type: "PROTEST", place: { country: "IQ" } });
  });

  it("shares one scene: a meeting during a visit is where the visit goes", () => {
    const [visit, meet] = code("وصل خليفة حفتر إلى القاهرة حيث التقى عبد الحميد الدبيبة.");
    expect(visit).toMatchObject({ type: "VISIT", place: { country: "EG" } });
    expect(meet).toMatchObject({ type: "MEET", place: { country: "EG" } });
    expect(meet!.gist_en).toContain("Egypt");
  });

  it("codes at most three events", () => {
    const s = "جو بايدن أجرى اتصالا هاتفيا مع خليفة حفتر واتصالا مماثلا مع عبد الحميد الدبيبة واتصالا ثالثا مع حماس وندد بالهجوم على طرابلس.";
    expect(code(s).length).toBe(3);
  });
});
