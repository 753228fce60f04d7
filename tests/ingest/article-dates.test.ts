import { describe, expect, it } from "vitest";
import { cleanLines } from "../../src/ingest/page.ts";

const T = "مجلس الأمن يمدد ولاية البعثة الأممية لعام إضافي";
const P1 = "صوّت مجلس الأمن الدولي بالإجماع على تمديد ولاية البعثة الأممية لعام إضافي، مع تكليفها بدعم التحضير للانتخابات.";
const P2 = "ورحبت الحكومة بالقرار، معتبرة أنه يعكس التزام المجتمع الدولي بدعم الاستقرار، في حين دعت المعارضة إلى مراجعة أداء البعثة.";
const dates = (lines: string[]) => cleanLines(lines).articles.map((a) => [a.published, a.seen]);

describe("dates", () => {
  it("takes a labelled publication line in the header, and a crawl stamp as seen", () => {
    expect(dates(["القناة:", "2024-05-02@10:00:00 GMT", "", T, "تاريخ النشر: 30th, April 2024 GMT", "", T, "", P1, "", P2])).toEqual([
      ["2024-04-30", "2024-05-02"],
    ]);
  });

  it("reads a page-header date above the masthead as seen, not published", () => {
    expect(dates(["الخميس 2 مايو 2024 الموافق 23 شوال 1445", "رئيس التحرير", "سامي يوسف", "", T, "", P1, "", P2])).toEqual([
      [null, "2024-05-02"],
    ]);
  });

  it("takes an unlabelled date line between title and body", () => {
    expect(dates([T, "الأربعاء، ١ مايو ٢٠٢٤", P1, P2])).toEqual([["2024-05-01", null]]);
  });

  it("ignores dates inside the body and relative times without a reference", () => {
    expect(dates([T, "منذ 3 ساعات", "", "صوّت المجلس في 8 أغسطس (آب) الحالي على القرار بعد مشاورات استمرت أسابيع بين الأعضاء.", "", P2])).toEqual([
      [null, null],
    ]);
  });

  it("never counts a header relative time back from the crawl stamp: published null, the stamp is seen", () => {
    expect(dates(["2024-05-02@09:05:12 GMT", "", T, "المصدر: القناة | منذ 3 ساعات", "", T, "", P1, "", P2])).toEqual([
      [null, "2024-05-02"],
    ]);
    expect(dates(["الخميس 2 مايو 2024", "رئيس التحرير", "سامي يوسف", "", T, "منذ 5 ساعات", "", P1, "", P2])).toEqual([
      [null, "2024-05-02"],
    ]);
  });

  it("reads a full date in the dateline that opens the body", () => {
    const lead = "May 1, 2024 (NEW YORK) – The Security Council voted unanimously on Wednesday to extend the mission's mandate.";
    const more = "The government welcomed the decision, while opposition parties called for a review of the mission's record.";
    expect(dates(["Security Council extends UN mission mandate for a year", lead, more])).toEqual([["2024-05-01", null]]);
  });

  it("ignores sidebar stamps after the article", () => {
    expect(dates([T, "", P1, "", P2, "", "الإسم *", "", "GMT 04:47 2024 الثلاثاء ,09 كانون الأول / ديسمبر", "", "حظك اليوم برج الأسد"])).toEqual([
      [null, null],
    ]);
  });

  it("reads a bare numeric date line day first on an Arabic page, and not at all on an English one", () => {
    expect(dates([T, "11/10/2024", P1, P2])).toEqual([["2024-10-11", null]]);
    const en = ["Council extends the UN mission for a year", "11/10/2024",
      "The Security Council voted unanimously on Wednesday to extend the mission's mandate for another year.",
      "The government welcomed the decision, while opposition parties called for a review of the mission."];
    expect(dates(en)).toEqual([[null, null]]);
  });
});
