import { describe, expect, it } from "vitest";
import { classifyLines, type ClassifiedLine } from "../../src/ingest/classify.ts";
import { segmentLines } from "../../src/ingest/segment.ts";

const classify = (lines: string[]): ClassifiedLine[] => classifyLines(segmentLines(lines)).lines;
const kinds = (lines: string[]): string[] => classify(lines).map((l) => l.kind);

const PROSE =
  "وقال المتحدث باسم الوزارة إن الاجتماع تناول سبل تعزيز التعاون الأمني بين البلدين، مشيراً إلى أن اللجان الفنية ستواصل عملها الأسبوع المقبل.";

describe("classify: line shape", () => {
  it("tells prose from headings", () => {
    expect(kinds([PROSE, "الحكومة تعلن خطة جديدة لدعم الموانئ", "وصل الوفد إلى العاصمة مساء أمس."])).toEqual(["prose", "heading", "prose"]);
  });

  it("finds captions by their credit, in parentheses, brackets, after a dash or as Outlet/Photographer", () => {
    expect(
      kinds([
        "عناصر من الشرطة أمام مقر البرلمان في طرابلس (أ.ف.ب)",
        "Soldiers patrol a street in Khartoum [Photo: Sudan Army]",
        "رئيس الحكومة يتحدث خلال مؤتمر صحافي - أرشيفية",
        "Displaced families queue for water in Gedaref, Sudan, May 2, 2024. Gulf Wire/Staff",
        "قائد الجيش يتفقد القوات (الأناضول) p-circle",
      ]),
    ).toEqual(["caption", "caption", "caption", "caption", "caption"]);
  });

  it("makes a line doubled back to back a caption", () => {
    const line = "أطفال يلعبون قرب خيام النازحين في مخيم على أطراف المدينة";
    expect(kinds([line, line])).toEqual(["caption", "caption"]);
  });

  it("counts repetitions, including 'Outlet - headline' and doubled headlines", () => {
    const title = "البرلمان يقر موازنة العام المقبل بعد جلسة طويلة";
    const lines = classify([title, "", "الصحيفة - البرلمان يقر موازنة العام المقبل بعد جلسة طويلة", "", `${title} ${title}`]);
    expect(lines[0]!.repeats).toBe(3);
  });
});

describe("classify: cues", () => {
  it("recognises related blocks, attributions, forms, footers and markers", () => {
    const lines = classify([
      "إقرأ أيضاً:",
      "المصدر: الجزيرة",
      "البريد الإلكتروني *",
      "جميع الحقوق محفوظة © 2024",
      "TT",
      "Reporting by Jane Roe; Editing by John Doe",
      "Home  World  Business  Sports",
    ]);
    expect(lines.map((l) => l.kind)).toEqual(["related", "attribution", "end", "junk", "junk", "end", "junk"]);
    expect(lines[1]!.value).toBe("الجزيرة");
  });

  it("takes the first field of an attribution", () => {
    expect(classify(["المصدر: النهار | منذ 3 ساعات"])[0]!.value).toBe("النهار");
  });

  it("drops the name under a masthead role and the bullets of a summary box", () => {
    expect(kinds(["رئيس التحرير", "سامي يوسف"])).toEqual(["junk", "junk"]);
    expect(kinds(["استمع إلى الملخص", "- **نقطة أولى**: قرر المجلس تمديد الولاية لعام إضافي مع مراجعة دورية.", PROSE])).toEqual([
      "summary",
      "junk",
      "prose",
    ]);
  });

  it("reads bylines and outlet labels", () => {
    const lines = classify(["بنغازي ـ سالم العبيدي", "القاهرة: «الصحيفة»", "By Jane Roe", "  الأفق نيوز -", "«الصحيفة» (بيروت)"]);
    expect(lines.map((l) => [l.kind, l.value, l.dateline])).toEqual([
      ["byline", "سالم العبيدي", "بنغازي"],
      ["label", "الصحيفة", "القاهرة"],
      ["byline", "Jane Roe", undefined],
      ["label", "الأفق نيوز", undefined],
      ["label", "الصحيفة", "بيروت"],
    ]);
  });

  it("recognises date lines, including ones with a label and a Hijri equivalent", () => {
    const lines = classify(["نُشر: 10:15-4 مارس 2024 م ـ 23 شعبان 1445 هـ", "Mar. 4, 2024 2:10 PM GMT+3", "2024-03-11@08:15:40 GMT"]);
    expect(lines.map((l) => l.kind)).toEqual(["date", "date", "date"]);
    expect(lines[1]!.dates?.[0]?.iso).toBe("2024-03-04");
  });

  it("turns a short sentence printed again and again into furniture", () => {
    const slogan = "Our values: accuracy, fairness and independence.";
    expect(kinds([slogan, PROSE, slogan, slogan])[0]).toBe("junk");
  });
});

describe("classify: furniture that looks like a headline", () => {
  it("makes counters and reference numbers junk, but keeps labelled dates and counted cues", () => {
    expect(kinds(["عدد المشاهدات: ١٢٬٤٠٧", "رقم القرار: 2025/77", "Shares (12)", "٤", "تاريخ البيان: 21-10-2025", "التعليقات (3)"])).toEqual([
      "junk", "junk", "junk", "junk", "date", "end",
    ]);
  });

  it("reads share rows, widget rows, opens-new-tab links and relative update lines as furniture", () => {
    expect(kinds(["Share on LinkedIn", "شارك عبر تيليغرام", "Print Email Share", "Licensing rights, opens new tab", "Last update: 7 minutes ago"])).toEqual([
      "junk", "junk", "junk", "junk", "junk",
    ]);
  });

  it("reads 'Name, Role' and a bare role as bylines", () => {
    const lines = classify(["Layla Mansour, Chief Correspondent", "Staff Writer", "سامر الحلبي، مراسل في دمشق"]);
    expect(lines.map((l) => [l.kind, l.value ?? null])).toEqual([
      ["byline", "Layla Mansour"],
      ["byline", null],
      ["byline", "سامر الحلبي"],
    ]);
  });

  it("keeps headlines that merely contain a comma and a role word as headings", () => {
    expect(kinds(["Hamas, Israel trade blame as talks stall in Cairo"])).toEqual(["heading"]);
  });

  it("reads field-labelled photo furniture: the credit is junk, the caption keeps its own text", () => {
    const lines = classify(["صدر الصورة،AFP", "التعليق على الصورة،متظاهرون أمام مقر الحكومة في بغداد", "Image caption, Voters queue outside a polling station"]);
    expect(lines.map((l) => [l.kind, l.caption ?? null])).toEqual([
      ["junk", null],
      ["caption", "متظاهرون أمام مقر الحكومة في بغداد"],
      ["caption", "Voters queue outside a polling station"],
    ]);
  });

  it("reads '… © Credit' and '… Photo: Credit' as captions, and copyright notices as junk", () => {
    expect(kinds(["وزير الخارجية يصافح نظيره في الرباط © وكالة الأنباء", "Rescue teams search the rubble in Aleppo. Photo: Supplied", "© 2025 الصحيفة. جميع الحقوق محفوظة"])).toEqual([
      "caption", "caption", "junk",
    ]);
  });

  it("takes the line after an 'Author,' field label as the byline", () => {
    const lines = classify(["Author,", "Huda Salim", "الكاتب", "نور الهدى"]);
    expect(lines.map((l) => [l.kind, l.value ?? null])).toEqual([
      ["junk", null], ["byline", "Huda Salim"], ["junk", null], ["byline", "نور الهدى"],
    ]);
  });

  it("marks clock and relative stamps, not calendar dates", () => {
    expect(classify(["١٤:٣٠", "منذ ساعة", "الأحد 9 مارس 2025"]).map((l) => l.stamp ?? null)).toEqual(["clock", "relative", null]);
  });

  it("finds the masthead name the copyright line repeats, and reads 'City/ Outlet' and 'Outlet - City' as labels", () => {
    const lines = classify(["صدى الجنوب", "الرئيسية", "صيدا/ صدى الجنوب", "صدى الجنوب - صور", PROSE, "جميع الحقوق محفوظة لموقع صدى الجنوب 2025"]);
    expect(lines[0]!.brand).toBe(true);
    expect(lines.slice(2, 4).map((l) => [l.kind, l.value, l.dateline])).toEqual([
      ["label", "صدى الجنوب", "صيدا"],
      ["label", "صدى الجنوب", "صور"],
    ]);
  });

  it("makes a line under an image marker a caption", () => {
    expect(kinds(["صورة", "رئيس الوزراء يصل إلى مقر القمة في الدوحة"])).toEqual(["junk", "caption"]);
  });
});

describe("classify: outlet labels", () => {
  it("drops a slash left before a label's separator ('Outlet/ -')", () => {
    const [line] = classify(["الأفق نت/ -"]);
    expect(line).toMatchObject({ kind: "label", value: "الأفق نت" });
  });
});

describe("classify: sections and search forms are no outlets", () => {
  it("does not read a section name holding an outlet word as an outlet", () => {
    const [section] = classify(["عربي ودولي"]);
    expect(section!.outlet).toBe(false);
  });

  it("reads a search form's label as furniture, not a source label", () => {
    expect(kinds(["Search for:"])).toEqual(["junk"]);
  });
});

describe("classify: quote lead-ins", () => {
  it("does not read a colon-ended lead-in opening like the article's text as a source label", () => {
    const [line] = classify(["وفيما يلي نص البيان:"]);
    expect(line!.kind).not.toBe("label");
  });
});
