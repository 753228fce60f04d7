import { describe, expect, it } from "vitest";
import { cleanLines } from "../../src/ingest/page.ts";

// Invented paragraphs: long enough to be prose, distinct enough to follow through the stages.
const P = [
  "أعلنت وزارة الداخلية، الأحد، إطلاق خطة أمنية جديدة في العاصمة تشمل نشر دوريات إضافية عند مداخل المدينة ونقاط التفتيش الرئيسية.",
  "وقال المتحدث باسم الوزارة إن الخطة تأتي بعد سلسلة من الحوادث المتفرقة، وإنها ستُراجع بعد شهر من تطبيقها لتقييم نتائجها.",
  "ورحب سكان في أحياء عدة بالإجراءات الجديدة، فيما طالب آخرون بتوفير الخدمات الأساسية إلى جانب تعزيز الأمن في مناطقهم.",
  "وفي سياق متصل، عقد مجلس المدينة اجتماعاً طارئاً لمناقشة أوضاع الطرق والإنارة العامة في الضواحي الجنوبية.",
  "وأعلنت شركة الكهرباء الوطنية عن برنامج لصيانة الشبكة يمتد حتى نهاية العام، مع جدول لقطع التيار في بعض المناطق.",
  "وأكدت الشركة أن أعمال الصيانة ضرورية لتفادي انقطاعات أطول خلال فصل الصيف، داعية المواطنين إلى ترشيد الاستهلاك.",
];
const T1 = "الداخلية تطلق خطة أمنية جديدة في العاصمة";
const T2 = "شركة الكهرباء تعلن برنامجاً لصيانة الشبكة";

describe("assemble", () => {
  it("keeps a short unrepeated line between paragraphs as a crosshead", () => {
    const { articles } = cleanLines([T1, "", P[0]!, "", P[1]!, "", "", "مطالب السكان", "", P[2]!]);
    expect(articles).toHaveLength(1);
    expect(articles[0]!.body).toEqual([P[0], P[1], "مطالب السكان", P[2]]);
  });

  it("starts a new article at a repeated headline block", () => {
    const caption = "عامل صيانة يعمل على أحد أعمدة الكهرباء (أ.ف.ب)";
    const { articles } = cleanLines([T1, "", P[0]!, "", P[1]!, "", "", T2, "", caption, "TT", "", T2, "", P[4]!, "", P[5]!]);
    expect(articles.map((a) => [a.title, a.body.length, a.captions])).toEqual([
      [T1, 2, []],
      [T2, 2, [caption]],
    ]);
  });

  it("starts a new article at a headline followed by a byline or a date", () => {
    const { articles } = cleanLines([T1, "", P[0]!, "", P[1]!, "", T2, "بقلم: ليلى حسن", "", P[4]!, "", P[5]!]);
    expect(articles.map((a) => [a.title, a.author])).toEqual([
      [T1, null],
      [T2, "ليلى حسن"],
    ]);
  });

  it("keeps captions between paragraphs out of the body", () => {
    const caption = "دورية للشرطة في أحد شوارع العاصمة (رويترز)";
    const { articles } = cleanLines([T1, "", P[0]!, "", caption, "", P[1]!]);
    expect(articles[0]!.body).toEqual([P[0], P[1]]);
    expect(articles[0]!.captions).toEqual([caption]);
  });

  it("drops teasers in a related block and keeps full read-also articles as secondary", () => {
    const { articles } = cleanLines([
      T1, "", P[0]!, "", P[1]!, "", "مقالات ذات صلة", "",
      "الحكومة تقر مشروع موازنة العام المقبل", "", "أقر مجلس الوزراء مشروع الموازنة وأحاله إلى البرلمان.", "«الصحيفة» (القاهرة)", "",
      T2, "", P[4]!, "", P[5]!,
    ]);
    expect(articles.map((a) => [a.title, a.secondary])).toEqual([
      [T1, false],
      [T2, true],
    ]);
  });

  it("ends an article at its attribution and takes the source from it", () => {
    const { articles } = cleanLines([T1, "", P[0]!, "", P[1]!, "", "المصدر: وكالة الأنباء", "", P[2]!, "", P[3]!]);
    expect(articles).toHaveLength(1);
    expect(articles[0]!.source).toBe("وكالة الأنباء");
    expect(articles[0]!.body).toEqual([P[0], P[1]]);
  });

  it("never promotes a body paragraph to a title", () => {
    const { articles } = cleanLines(["TT", P[0]!, P[1]!]);
    expect(articles[0]!.title).toBeNull();
    expect(articles[0]!.body).toEqual([P[0], P[1]]);
  });

  it("drops a paragraph several articles share when it is a minority of each", () => {
    const note = "يمكن نشر ملخص هذا الخبر مع ذكر المصدر، والنص الكامل متاح للمشتركين في خدمة البث الإخباري.";
    const { articles } = cleanLines([T1, "بقلم: سامي علي", P[0]!, P[1]!, P[2]!, note, "", T2, "بقلم: منى سعيد", P[4]!, P[5]!, P[3]!, note]);
    expect(articles.map((a) => a.body.includes(note))).toEqual([false, false]);
  });

  it("resumes an article after an inline list of links when its text goes on", () => {
    const { articles } = cleanLines([
      T1, "", P[0]!, "", P[1]!, "", "اقرأ أيضاً", "الحكومة تقر مشروع موازنة العام المقبل", "منتخب الشباب يتأهل إلى النهائي", "",
      "وفي سياق متصل، أعلنت الوزارة عن تخصيص خط ساخن لتلقي بلاغات المواطنين على مدار الساعة، مع فرق استجابة سريعة.", "", P[2]!,
    ]);
    expect(articles).toHaveLength(1);
    expect(articles[0]!.body).toHaveLength(4);
    expect(articles[0]!.body.join(" ")).not.toContain("منتخب الشباب");
  });

  it("keeps a read-also article whose text does not continue the interrupted one", () => {
    const { articles } = cleanLines([T1, "", P[0]!, "", P[1]!, "", "إقرأ أيضاً:", "", T2, "", P[4]!, "", P[5]!]);
    expect(articles.map((a) => [a.title, a.secondary])).toEqual([
      [T1, false],
      [T2, true],
    ]);
  });

  it("splits a digest of headline + paragraphs without furniture at headline-length lines", () => {
    const T3 = "البرلمان يصوت على تعديل قانون الانتخابات بعد جلسة طويلة";
    const { articles } = cleanLines([T1, "", P[0]!, "", P[1]!, "", T3, "", P[3]!, "", P[2]!]);
    expect(articles.map((a) => [a.title, a.body.length])).toEqual([
      [T1, 2],
      [T3, 2],
    ]);
  });

  it("reads paragraphs of a page that drops final periods", () => {
    const strip = (p: string) => p.replace(/[.]$/u, "");
    const { articles } = cleanLines([T1, ...P.slice(0, 4).map(strip)]);
    expect(articles).toHaveLength(1);
    expect(articles[0]!.title).toBe(T1);
    expect(articles[0]!.body).toHaveLength(4);
  });

  it("moves a standfirst followed by the byline block out of the body", () => {
    const deck = "The vote ends a standoff that had stalled legislation for months.";
    const body = [
      "BAGHDAD — Iraq's parliament elected a new speaker on Sunday, ending a months-long deadlock in the legislature.",
      "The new speaker won 158 votes in the second round, lawmakers said, after a first round failed to produce a winner.",
    ];
    const { articles } = cleanLines(["Iraq's parliament elects new speaker after deadlock", deck, "By Karim Mahdi", "March 3, 2024", ...body]);
    expect(articles[0]).toMatchObject({ subtitle: deck, body, author: "Karim Mahdi", published: "2024-03-03", dateline: "BAGHDAD" });
  });
});
