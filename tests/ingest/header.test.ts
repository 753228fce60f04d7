import { describe, expect, it } from "vitest";
import { cleanLines } from "../../src/ingest/page.ts";

const P1 =
  "عقد وزراء خارجية دول الجوار اجتماعاً في العاصمة لبحث سبل دعم العملية السياسية، وأكدوا في بيان ختامي رفض أي تدخل خارجي.";
const P2 = "وقال وزير الخارجية المضيف إن الاجتماع المقبل سيعقد خلال ثلاثة أشهر لمتابعة تنفيذ التوصيات التي اتُّفق عليها.";

describe("header zone", () => {
  it("takes the headline the zone repeats, even with an outlet prefix and without quotes", () => {
    const title = 'وزراء خارجية دول الجوار يرفضون "التدخل الخارجي"';
    const { articles } = cleanLines([
      "الأفق نيوز -", "", "اجتماع تشاوري في العاصمة بحضور ستة وزراء", "", title, "", "الأفق نيوز - وزراء خارجية دول الجوار يرفضون التدخل الخارجي", "", P1, "", P2,
    ]);
    expect(articles[0]!.title).toBe(title);
    expect(articles[0]!.subtitle).toBe("اجتماع تشاوري في العاصمة بحضور ستة وزراء");
    expect(articles[0]!.source).toBe("الأفق نيوز");
  });

  it("reads a deck under the first headline as the subtitle", () => {
    const title = "وزراء خارجية دول الجوار يرفضون التدخل الخارجي";
    const deck = "البيان الختامي يدعو إلى حوار شامل... ويحدد موعد الاجتماع المقبل";
    const { articles } = cleanLines([title, "", deck, "", title, "", P1, "", P2]);
    expect([articles[0]!.title, articles[0]!.subtitle]).toEqual([title, deck]);
  });

  it("reads place and author from a byline, and a caption between the repeated headline and the byline", () => {
    const title = "وزراء خارجية دول الجوار يرفضون التدخل الخارجي";
    const caption = "الوزراء لدى وصولهم إلى مقر الاجتماع في العاصمة";
    const { articles } = cleanLines([title, "", title, "", caption, "تونس ـ هالة الشريف", "", P1, "", P2]);
    expect(articles[0]).toMatchObject({ author: "هالة الشريف", dateline: "تونس", captions: [caption], subtitle: null });
  });

  it("reads the line right under a single headline as its deck", () => {
    const deck = "الوزراء يتفقون على آلية متابعة ويحددون موعد الاجتماع المقبل";
    const { articles } = cleanLines(["وزراء خارجية دول الجوار يرفضون التدخل الخارجي", deck, "تونس ـ هالة الشريف", "", P1, "", P2]);
    expect(articles[0]).toMatchObject({ subtitle: deck, author: "هالة الشريف" });
  });

  it("takes the last of a list of headlines right above the body", () => {
    const { articles } = cleanLines([
      "الأكثر قراءة", "أسعار الذهب تتراجع في الأسواق المحلية", "منتخب الشباب يتأهل إلى النهائي", "وزراء خارجية دول الجوار يرفضون التدخل الخارجي", P1, P2,
    ]);
    expect(articles[0]!.title).toBe("وزراء خارجية دول الجوار يرفضون التدخل الخارجي");
  });

  it("does not take section names, mastheads or outlet labels for titles", () => {
    const { articles } = cleanLines(["رئيس التحرير", "سامي يوسف", "عرب وعالم", "", "بوابة الأفق نيوز", "", P1, "", P2]);
    expect(articles[0]!.title).toBeNull();
  });
});

describe("title scoring", () => {
  it("prefers the line sharing the lede's vocabulary over furniture nearer the body", () => {
    const title = "وزراء خارجية دول الجوار يرفضون التدخل الخارجي في العملية السياسية";
    const { articles } = cleanLines(["نافذة الحدث", "عاجل | انقطاع الكهرباء عن أحياء واسعة من العاصمة", "", title, "", "شارك القراءة مع الأصدقاء", "", P1, "", P2]);
    expect(articles[0]!.title).toBe(title);
  });

  it("takes the upper of two adjacent headlines as the title and the lower as the deck", () => {
    const title = "Neighbouring states reject foreign interference in the political process";
    const deck = "Foreign ministers call for an inclusive dialogue and set the date of their next meeting";
    const lede = "Foreign ministers of neighbouring states met in the capital on Monday and rejected any foreign interference in the political process.";
    const more = "The host foreign minister said the next meeting would be held within three months to follow up on the recommendations.";
    const { articles } = cleanLines(["NEWS", title, deck, "Rana Aziz, Correspondent", "Published 3 March 2025", "", lede, "", more]);
    expect(articles[0]).toMatchObject({ title, subtitle: deck, author: "Rana Aziz", published: "2025-03-03" });
  });

  it("gives no title when the zone holds only furniture", () => {
    const { articles } = cleanLines(["رمز الخبر: 48213", "القسم: سياسة", "", P1, "", P2]);
    expect(articles[0]!.title).toBeNull();
  });
});
