/**
 * Stacked headlines (src/ingest/stack.ts): kicker + title or title + deck, decided by how the upper line opens.
 * Sentences are invented for the test.
 */
import { describe, expect, it } from "vitest";
import { cleanLines } from "../../src/ingest/page.ts";
import { opensLikeKicker, opensWithReportingVerb, speakerLed, stackRole } from "../../src/ingest/stack.ts";

const P1 =
  "عاد وزير الخارجية إلى العاصمة مساء أمس بعد جولة قصيرة شملت ثلاث دول مجاورة بحث خلالها ملفات التعاون الأمني والتبادل التجاري مع نظرائه.";
const P2 = "وقال الوزير في تصريح للصحفيين لدى وصوله إن الجولة حققت أهدافها، وإن لجاناً فنية ستتابع تنفيذ ما اتفق عليه خلال الأسابيع المقبلة.";
const DATE = "الثلاثاء, 14-مايو-2019";

describe("stack rules", () => {
  it("reads an adverbial opener without a clause of its own as a kicker", () => {
    expect(opensLikeKicker("بعد جولة قصيرة في دول الجوار")).toBe(true);
    expect(opensLikeKicker("في ظل تصاعد التوتر على الحدود")).toBe(true);
    expect(opensLikeKicker("Amid rising tension on the border")).toBe(true);
    // A full headline that happens to open with "after": its comma starts the main clause.
    expect(opensLikeKicker("After the vote, parliament adjourns until spring")).toBe(false);
    expect(opensLikeKicker("الوزير يعود من جولة قصيرة")).toBe(false);
  });

  it("knows reporting verbs in both genders and speaker-led lines", () => {
    expect(opensWithReportingVerb("أكد رفض أي وساطة خارجية")).toBe(true);
    expect(opensWithReportingVerb("أكدت رفض أي وساطة خارجية")).toBe(true);
    expect(opensWithReportingVerb("الوزارة ترفض أي وساطة")).toBe(false);
    expect(speakerLed("مسؤول رفيع : الوساطة مرفوضة")).toBe(true);
    expect(speakerLed("وزير الخارجية: الجولة حققت أهدافها")).toBe(true);
    expect(speakerLed("الحكومة تقول في بيان طويل صدر أمس عن مكتبها الإعلامي: لا وساطة")).toBe(false);
  });

  it("decides the upper line's role", () => {
    expect(stackRole("بعد جولة قصيرة في دول الجوار", "وزير الخارجية: الجولة حققت أهدافها")).toBe("kicker");
    expect(stackRole("جدد رفض أي وساطة خارجية", "مسؤول رفيع : الوساطة مرفوضة في هذه المرحلة")).toBe("kicker");
    expect(stackRole("نقابيون يطالبون بزيادة الأجور اليوم", "النقيب: لا تراجع عن الإضراب")).toBe("title");
    // A topic label over a quote is a kicker: the caller's length rule decides.
    expect(stackRole("أزمة الأجور في القطاع", "النقيب: لا تراجع عن الإضراب")).toBeNull();
    expect(stackRole("نقابيون يطالبون بزيادة الأجور", "الحكومة تدرس المطالب الأسبوع المقبل")).toBeNull();
  });
});

describe("stacked headlines on a page", () => {
  it("takes the line under an adverbial kicker as the title, the kicker as the subtitle", () => {
    const kicker = "بعد جولة قصيرة في دول الجوار";
    const title = "وزير الخارجية: الجولة حققت أهدافها وستتابعها لجان فنية";
    const { articles } = cleanLines(["الرئيسية", "سياسة", kicker, title, DATE, P1, P2]);
    expect([articles[0]!.title, articles[0]!.subtitle]).toEqual([title, kicker]);
  });

  it("takes the speaker's line as the title under a verb phrase whose subject it is", () => {
    const kicker = "جدد رفض أي وساطة خارجية في ملف الحدود";
    const title = "مسؤول رفيع : الوساطة مرفوضة ولجان فنية ستتابع الاتفاق";
    const { articles } = cleanLines(["أخبار", kicker, title, DATE, P1, P2]);
    expect([articles[0]!.title, articles[0]!.subtitle]).toEqual([title, kicker]);
  });

  it("keeps a short full headline as the title over its speaker's quote (the deck)", () => {
    const title = "الوزير يعود من جولة إقليمية";
    const deck = "العمري: لجان فنية ستتابع تنفيذ الاتفاق خلال أسابيع";
    const { articles } = cleanLines(["الرئيسية", "سياسة", title, deck, DATE, P1, P2]);
    expect([articles[0]!.title, articles[0]!.subtitle]).toEqual([title, deck]);
  });
});
