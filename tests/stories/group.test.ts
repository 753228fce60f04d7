import { describe, expect, it } from "vitest";
import { assignStories, groupStories, storiesLexicon, type StoryInput } from "../../src/stories/index.ts";

let n = 0;
function art(p: Partial<StoryInput> & { body: string[] }): StoryInput {
  return {
    id: p.id ?? `a${String(++n).padStart(3, "0")}`,
    lang: p.lang ?? "ar",
    title: p.title ?? null,
    summary: p.summary ?? null,
    published: p.published ?? "2025-03-10",
    seen: null,
    actors: p.actors ?? [],
    countries: p.countries ?? [],
    places: p.places ?? [],
    ...p,
  };
}

const haftar = { id: "khalifa-haftar", type: "person" };
const dbeibah = { id: "abdul-hamid-dbeibah", type: "person" };
const agency = { id: "some-agency", type: "media" };
const misrata = { en: "Misrata", country: "LY" };
const tripoli = { en: "Tripoli", country: "LY" };

// one event: a fuel depot fire in Misrata, reported by three outlets (two days), an English wire and a later hearing
const fireA = art({ id: "fire-a", title: "حريق ضخم في مستودع وقود بمصراتة", body: ["اندلع حريق ضخم في مستودع للوقود في مدينة مصراتة فجر الاثنين وأسفر عن مقتل 7 عمال وإصابة 19 آخرين، بحسب الهلال الأحمر."], places: [misrata], countries: ["LY"], actors: [agency] });
const fireB = art({ id: "fire-b", title: "مقتل سبعة عمال في حريق مستودع الوقود بمصراتة", body: ["قال الهلال الأحمر إن حريق مستودع الوقود في مصراتة أودى بحياة 7 عمال وأصاب 19 آخرين، فيما تواصل فرق الإطفاء عملها."], places: [misrata], countries: ["LY"] });
const fireC = art({ id: "fire-c", published: "2025-03-11", title: "ارتفاع حصيلة حريق مستودع الوقود في مصراتة", body: ["ارتفعت حصيلة حريق مستودع الوقود في مصراتة إلى 9 قتلى و19 مصابا، وفق الهلال الأحمر في المدينة."], places: [misrata], countries: ["LY"] });
const fireEn = art({ id: "fire-en", lang: "en", title: "Fire at Misrata fuel depot kills seven", body: ["A fire at a fuel depot in Misrata killed 7 workers and injured 19, the Red Crescent said."], places: [misrata], countries: ["LY"] });
// same actors, other events
const meetingA = art({ id: "meet-a", title: "الدبيبة يستقبل وفدا أوروبيا في طرابلس", body: ["استقبل رئيس حكومة الوحدة الوطنية عبد الحميد الدبيبة في طرابلس وفدا من الاتحاد الأوروبي لبحث ملف الهجرة."], actors: [dbeibah], places: [tripoli], countries: ["LY"] });
const meetingB = art({ id: "meet-b", title: "حفتر يلتقي قائد أركان الجيش المصري", body: ["التقى المشير خليفة حفتر في بنغازي قائد أركان الجيش المصري وبحثا التعاون العسكري وتأمين الحدود المشتركة."], actors: [haftar], countries: ["LY", "EG"] });

describe("groupStories", () => {
  it("puts reports of one event by several outlets, languages and days in one story named after its first article", () => {
    const s = groupStories([fireC, fireEn, fireB, fireA, meetingA, meetingB]);
    expect(s.get("fire-a")).toBe("fire-a");
    expect(s.get("fire-b")).toBe("fire-a");
    expect(s.get("fire-c")).toBe("fire-a");
    expect(s.get("fire-en")).toBe("fire-a");
    expect(s.get("meet-a")).toBe("meet-a");
    expect(s.get("meet-b")).toBe("meet-b");
  });

  it("is deterministic: the input order does not matter", () => {
    const all = [fireA, fireB, fireC, fireEn, meetingA, meetingB];
    const once = groupStories(all);
    expect([...groupStories([...all].reverse())].sort()).toEqual([...once].sort());
  });

  it("does not join a report past the window, nor a new development (a court hearing) days later", () => {
    const late = { ...fireB, id: "fire-late", published: "2025-03-17" };
    const hearing = art({ id: "fire-hearing", published: "2025-03-12", title: "محكمة مصراتة توجه اتهامات لمسؤولي مستودع الوقود", body: ["وجهت محكمة في مصراتة اتهامات بالإهمال إلى ثلاثة مسؤولين في مستودع الوقود الذي شهد الحريق."], places: [misrata], countries: ["LY"] });
    const s = groupStories([fireA, fireB, late, hearing]);
    expect(s.get("fire-late")).toBe("fire-late");
    expect(s.get("fire-hearing")).toBe("fire-hearing");
  });

  it("counts a development as named by the concept that names it too: a same-day reaction to a resolution follows the vote", () => {
    const vote = art({ id: "un-vote", lang: "en", title: "Security Council votes for Gaza ceasefire as US abstains", body: ["The UN Security Council voted on Monday for an immediate ceasefire in Gaza during Ramadan, with the United States abstaining."] });
    const reactions = art({ id: "world-reacts", lang: "en", title: "World reacts to Security Council resolution on Gaza ceasefire", body: ["Governments welcomed the resolution demanding a ceasefire in Gaza, and aid groups urged that it be enforced at once."] });
    expect(groupStories([vote, reactions]).get("world-reacts")).toBe("un-vote");
    // Without `namedBy: {vote: [resolution]}` the reaction never names the vote: a new step, a story of its own.
    const lexicon = { ...storiesLexicon(), namedBy: { court: ["charged"] } };
    expect(groupStories([vote, reactions], lexicon).get("world-reacts")).toBe("world-reacts");
  });

  it("never merges undated articles with dated ones by date, and copies (same id) get one story", () => {
    const undated = { ...fireB, id: "undated", published: null };
    const s = groupStories([fireA, undated, { ...fireA }]);
    expect(s.get("undated")).toBe("undated");
    expect(s.size).toBe(2);
  });
});

describe("story span", () => {
  it("cuts a chain of daily reports of a long affair into stories of a few days", () => {
    const days = Array.from({ length: 9 }, (_, d) =>
      art({ id: `day-${d}`, published: `2025-03-${String(10 + d).padStart(2, "0")}`, title: "حريق مستودع الوقود في مصراتة مستمر", body: [`قال الهلال الأحمر الليبي إن حريق مستودع الوقود في مدينة مصراتة ما زال مستمرا لليوم ${d + 1} وإن فرق الإطفاء تحاصر النيران.`], places: [misrata], countries: ["LY"] }),
    );
    const s = groupStories(days);
    const stories = new Set(s.values());
    expect(stories.size).toBeGreaterThan(1);
    for (const story of stories) {
      const members = days.filter((a) => s.get(a.id) === story).map((a) => Number(a.published!.slice(8)));
      expect(Math.max(...members) - Math.min(...members)).toBeLessThanOrEqual(4);
    }
  });
});

describe("stories linked by a later article", () => {
  // two reports that share little, and a third that clearly repeats each: one story, named after the earliest
  const early = art({ id: "z-early", published: "2025-03-10", title: "حريق في مستودع وقود بمصراتة", body: ["اندلع حريق في مستودع للوقود بمدينة مصراتة فجر الاثنين."], places: [misrata] });
  const other = art({ id: "b-other", published: "2025-03-11", title: "الهلال الأحمر: سبعة قتلى و19 مصابا", body: ["أعلن الهلال الأحمر الليبي مقتل سبعة عمال وإصابة 19 آخرين، وطالب بتحقيق عاجل."], countries: ["LY"] });
  const bridge = art({ id: "m-bridge", published: "2025-03-11", title: "حريق مستودع الوقود في مصراتة: سبعة قتلى و19 مصابا", body: ["قال الهلال الأحمر الليبي إن حريق مستودع الوقود في مدينة مصراتة فجر الاثنين أسفر عن مقتل سبعة عمال وإصابة 19 آخرين."], places: [misrata], countries: ["LY"] });

  it("merges stories started in the same run under the earliest article", () => {
    const s = groupStories([early, other, bridge]);
    expect(new Set(s.values())).toEqual(new Set(["z-early"]));
  });

  it("never merges two stored stories, and never renames a stored one", () => {
    const s = groupStories([{ ...early, story: "z-early" }, { ...other, story: "b-other" }, bridge]);
    expect(s.get("z-early")).toBe("z-early");
    expect(s.get("b-other")).toBe("b-other");
    expect(["z-early", "b-other"]).toContain(s.get("m-bridge"));
  });
});

describe("assignStories (incremental)", () => {
  it("keeps stored stories and lets a new article join one under its id", () => {
    const stored = [{ ...fireA, story: "fire-a" }, { ...meetingA, story: "meet-a" }];
    const fresh = [{ ...fireB }, { ...meetingB }];
    assignStories(fresh, stored);
    expect(fresh.map((a) => a.story)).toEqual(["fire-a", "meet-b"]);
  });

  it("keeps the stored story of an article extracted again, even when an older article arrives later", () => {
    const stored = [{ ...fireB, story: "fire-b" }];
    const fresh = [{ ...fireA }, { ...fireB }];
    assignStories(fresh, stored);
    expect(fresh.map((a) => a.story)).toEqual(["fire-b", "fire-b"]);
  });
});
