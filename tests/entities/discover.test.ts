import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseActorFile } from "../../src/content/actors-file.ts";
import { loadCountryLexicon } from "../../src/entities/countries.ts";
import {
  emptyQueue,
  findQueueEntry,
  promotedActor,
  provisionalActors,
  queueCandidates,
  removeFromQueue,
  ReviewQueue,
  romanise,
  updateQueue,
  type Candidate,
} from "../../src/entities/discover.ts";
import { createTagger } from "../../src/entities/tagger.ts";
import { Actor } from "../../src/schemas/actor.ts";

const root = join(import.meta.dirname, "../..");
const fixtureFile = join(root, "tests/fixtures/entities/actors.yaml");
const actors = parseActorFile(readFileSync(fixtureFile, "utf8"), fixtureFile);
const countries = loadCountryLexicon(join(root, "content/countries/forms.yaml"));
const tagger = createTagger({ actors, countries });
const found = (lang: "ar" | "en", ...body: string[]) => tagger.tag({ lang, title: null, body }).candidates;
const names = (cs: Candidate[]) => cs.map((c) => `${c.name_ar ?? c.suggested_en}/${c.kind}`);

describe("discovery patterns", () => {
  it("finds a person after a rank, stopping at punctuation and particles", () => {
    expect(names(found("ar", "وقال اللواء سالم الزوي، آمر الكتيبة، إن الوضع مستقر."))).toEqual(["سالم الزوي/person"]);
    expect(names(found("ar", "وحضر العميد ركن نوري المقدادي في المدينة اللقاء."))).toEqual(["نوري المقدادي/person"]);
  });

  it("finds a person after an office phrase when the name is in apposition or starts with a given name", () => {
    expect(names(found("ar", "وأعلن المتحدث باسم الحركة، يونس العلمي، أن القتال توقف."))).toEqual(["يونس العلمي/person"]);
    expect(names(found("ar", "واعتبر المحلل السياسي الليبي محمد الطرابلسي أن الاتفاق هش."))).toEqual(["محمد الطرابلسي/person"]);
    expect(names(found("ar", "ونفى المتحدث الرسمي باسم القوات في المنطقة، نادر السويحلي، الأنباء."))).toEqual(["نادر السويحلي/person"]);
  });

  it("finds a name of unknown words after a title phrase when it ends at punctuation or a verb of saying", () => {
    expect(names(found("ar", "استقبل الوزير في بغداد السفير التركي لدى العراق أنيل بورا إينان، وبحث معه الملف."))).toEqual(["أنيل بورا إينان/person"]);
    expect(names(found("ar", "وقالت المتحدثة باسم المفوضية جمانة الغلاي إن المشاركة مرتفعة."))).toEqual(["جمانة الغلاي/person"]);
    expect(names(found("ar", "فيما أوضح نظيره النيجري باكاري ياو سانغاري أن العمل مستمر."))).toEqual(["باكاري ياو سانغاري/person"]);
    // a list of office holders after a plural title
    expect(names(found("ar", "استقبل الوزير وزراء خارجية كل من مالي عبد الله ديوب، وبوركينا فاسو كاراموكو جان ماري تراوري، في الرباط."))).toEqual([
      "عبد الله ديوب/person",
      "كاراموكو جان ماري تراوري/person",
    ]);
    expect(names(found("en", "DEM Party co-chair Tuncer Bakirhan said the framework was an important step."))).toContain("Tuncer Bakirhan/person");
  });

  it("does not read the rest of a title, a noun after the name or a clause as a name", () => {
    expect(names(found("ar", "وقال رئيس أركان القوات التابعة للحكومة إن الوضع هادئ."))).toEqual([]);
    expect(names(found("ar", "وأكد رئيس الوزراء خلال لقائه وفداً برلمانياً، أن الحكومة ماضية."))).toEqual([]);
    expect(names(found("ar", "وأشاد وزير الخارجية عبد الله ديوب بما وصفه بالموقف الثابت."))).toEqual(["عبد الله ديوب/person"]);
    expect(names(found("ar", "وتفويض وزير الطاقة الأمير عبدالعزيز بن سلمان بالتوقيع عليها."))).toEqual(["عبدالعزيز بن سلمان/person"]);
    expect(names(found("ar", "وقال حسن فضل الله، النائب عن الكتلة، إن الموقف ثابت."))).not.toContain("حسن فضل/person");
  });

  it("finds quoted organisations and numbered units, with a kind from the head word", () => {
    expect(names(found("ar", "وأعلن تحالف «الفجر الجديد» انسحابه من المفاوضات."))).toEqual(["تحالف الفجر الجديد/organization"]);
    expect(names(found("ar", "وقالت «جبهة الإنقاذ الشعبية» في بيان إنها لن تشارك."))).toEqual(["جبهة الإنقاذ الشعبية/armed_group"]);
    expect(names(found("ar", "وانتشرت عناصر اللواء 77 في المنطقة."))).toEqual(["اللواء 77/armed_group"]);
  });

  it("ignores titles without a name, qualifiers alone, and names the KB already knows", () => {
    expect(found("ar", "قال مصدر من الفريق التفاوضي إن الجولة انتهت في أول زيارة رسمية للوفد.")).toEqual([]);
    expect(found("ar", "واستقبل المشير خليفة حفتر الوفد، وقال إن أمر الاتفاق وارد، إذا طلبت السلطات ذلك.")).toEqual([]);
    expect(found("ar", "وأجرى الرئيس اتصالاً هاتفياً مع نظيره.")).toEqual([]);
  });

  it("finds English persons after a rank or office and capitalised organisation names", () => {
    expect(names(found("en", "Gen. Omar Bashiri told reporters the road was open."))).toEqual(["Omar Bashiri/person"]);
    expect(names(found("en", "The Sudan Doctors Network said two children were killed."))).toEqual(["Sudan Doctors Network/organization"]);
  });

  it("counts repeated names once per article with every context sentence", () => {
    const cs = found("ar", "قال اللواء سالم الزوي إن الطريق مفتوح.", "وأضاف اللواء سالم الزوي أن الدوريات مستمرة.");
    expect(cs).toHaveLength(1);
    expect(cs[0]!.frequency).toBe(2);
    expect(cs[0]!.contexts).toHaveLength(2);
  });

  it("lists candidates as provisional actors of the article unless turned off", () => {
    const withCandidates = tagger.tag({ lang: "ar", title: null, body: ["وقال اللواء سالم الزوي إن الوضع مستقر."] });
    expect(withCandidates.actors).toEqual([{ id: "provisional-salem-al-zuy", ar: "سالم الزوي", en: "Salem al-Zuy", type: "person", provisional: true }]);
    const off = createTagger({ actors, countries, candidateActors: false }).tag({ lang: "ar", title: null, body: ["وقال اللواء سالم الزوي إن الوضع مستقر."] });
    expect(off.actors).toEqual([]);
    expect(off.candidates).toHaveLength(1);
  });
});

describe("romanise", () => {
  it("spells given names as the press does and guesses vowels for the rest", () => {
    expect(romanise("خليفة حفتر")).toBe("Khalifa Haftar");
    expect(romanise("صلاح الدين النمروش")).toBe("Salah al-Din al-Namrush");
    expect(romanise("عبد الرزاق الناظوري")).toBe("Abdul Razaq al-Nazuri");
  });
});

const cand = (key: string, frequency = 1): Candidate => ({
  key,
  name_ar: key,
  suggested_en: romanise(key),
  kind: "person",
  frequency,
  contexts: [`جملة عن ${key}.`],
});

describe("review queue", () => {
  it("adds, accumulates over articles, ignores a repeated article and sorts by spread", () => {
    const q0 = emptyQueue();
    const q1 = updateQueue(q0, [cand("سالم الزوي", 2), cand("نوري المقدادي")], "a1", "2025-01-02");
    expect(q0.candidates).toEqual([]); // pure
    const q2 = updateQueue(q1, [cand("نوري المقدادي", 3)], "a2");
    const again = updateQueue(q2, [cand("نوري المقدادي", 3)], "a2");
    expect(again).toEqual(q2);
    expect(q2.candidates.map((c) => [c.key, c.frequency, c.articles])).toEqual([
      ["نوري المقدادي", 4, ["a1", "a2"]],
      ["سالم الزوي", 2, ["a1"]],
    ]);
    expect(q2.candidates[1]!.first_seen).toEqual({ article: "a1", date: "2025-01-02" });
    expect(ReviewQueue.parse(q2)).toEqual(q2);
  });

  it("never re-queues a rejected candidate", () => {
    const q = updateQueue(emptyQueue(), [cand("سالم الزوي")], "a1");
    const rejected = removeFromQueue(q, "سالم الزوي", true);
    expect(updateQueue(rejected, [cand("سالم الزوي")], "a2").candidates).toEqual([]);
    expect(findQueueEntry(q, "Salem al-Zuy")?.key).toBe("سالم الزوي");
  });

  it("gives provisional actors for names seen in enough articles, and promoted entries", () => {
    let q = updateQueue(emptyQueue(), [cand("سالم الزوي"), cand("نوري المقدادي")], "a1");
    q = updateQueue(q, [cand("سالم الزوي")], "a2");
    const prov = provisionalActors(q, 2);
    expect(prov.map((a) => [a.id, a.provisional, a.names.ar])).toEqual([["provisional-salem-al-zuy", true, "سالم الزوي"]]);
    for (const a of prov) expect(Actor.parse(a)).toEqual(a);
    const promoted = promotedActor(q.candidates[0]!, { id: "salem-al-zuy", en: "Salem al-Zuy", country: "LY" });
    expect(promoted).toMatchObject({ id: "salem-al-zuy", provisional: false, country: "LY", provenance: { added_by: "discovery", source: "a1, a2" } });
  });
});

describe("discovery spans an editor can trust", () => {
  it("stops a name at pronouns, adverbs, pronoun-suffixed nouns, plural nouns and organisation words", () => {
    expect(names(found("ar", "ودعا حاكم الولاية سالم عمران حمدي المواطنين إلى العودة."))).toEqual(["سالم عمران حمدي/person"]);
    expect(names(found("ar", "وقدم الوزير سليم تعازيه لعائلة الضحية."))).toEqual([]);
    expect(names(found("ar", "وقال المسؤول إن هذا أمر معروف عالميا."))).toEqual([]);
    expect(names(found("ar", "ودعا النائب السابق صلاح الحركة الحكومة إلى التصرف."))).toEqual(["صلاح الحركة/person"]);
    expect(names(found("ar", "بفضل جهود مفوضية العون الانساني التي تعمل في الولاية."))).not.toContain("مفوضية العون الانساني التي/government");
  });

  it("reads abbreviated ranks, professions, and a list of people joined by a conjunction and a title", () => {
    expect(names(found("ar", "وقال د. سامر الحلبي: إن الأزمة طويلة."))).toEqual(["سامر الحلبي/person"]);
    expect(names(found("ar", "وكانت المحامية الكندية ليندا كارتر والمترجمة المولودة في عمان اعتقلتا أمس."))).toEqual(["ليندا كارتر/person"]);
    expect(names(found("ar", "وقال البروف دفع الله بانهم وصلوا."))).toEqual(["دفع الله/person"]);
    expect(names(found("ar", "وفي هذا السياق، تقول \"سلمى الورفلي\"، وهي ناشطة: إن الوضع صعب."))).toEqual(["سلمى الورفلي/person"]);
  });

  it("finds an Arabic name starting with a given name in apposition before an office word", () => {
    expect(names(found("ar", "وأسفرت الغارة عن مقتل علي سالم برهان، القيادي في الحركة، بحسب مصادر."))).toEqual(["علي سالم برهان/person"]);
  });

  it("finds English names in apposition before a role noun, not ordinary capitalised phrases", () => {
    expect(names(found("en", "Jana Kowal, a senior fellow at a research centre, said the talks failed."))).toEqual(["Jana Kowal/person"]);
    expect(names(found("en", "\u201cIt is over,\u201d said Omar Nadif, the country director for a rights group."))).toEqual(["Omar Nadif/person"]);
    expect(names(found("en", "Last Monday, the talks resumed in the capital."))).toEqual([]);
    expect(names(found("en", "He works at the Jean-Paul Marchand Center for Health and Human Rights in Paris."))).toEqual(["Jean-Paul Marchand Center for Health and Human Rights/organization"]);
  });

  it("romanises common name parts as the press spells them", () => {
    expect(romanise("عبدالوهاب بن حمد آل ثاني")).toBe("Abdulwahab bin Hamad Al Thani");
    expect(romanise("محمد عبد الله")).toBe("Mohammed Abdullah");
  });
});

describe("variants in the queue", () => {
  const c = (key: string, name_ar: string | null, en: string): Candidate => ({ key, name_ar, suggested_en: en, kind: "person", frequency: 1, contexts: [] });

  it("merges clitic and spacing variants into one entry with all its articles", () => {
    let q = updateQueue(emptyQueue(), [c("اللجنه الفنيه", "اللجنة الفنية", "Al-Lajna al-Fania")], "a1");
    q = updateQueue(q, [c("واللجنه الفنيه", "واللجنة الفنية", "Wal-Lajna al-Fania")], "a2");
    q = updateQueue(q, [c("عبد الله الزوي", "عبد الله الزوي", "Abdullah al-Zuy")], "a3");
    q = updateQueue(q, [c("عبدالله الزوي", "عبدالله الزوي", "Abdullah al-Zuy")], "a4");
    expect(q.candidates.map((e) => [e.key, e.articles])).toEqual([
      ["اللجنه الفنيه", ["a1", "a2"]],
      ["عبد الله الزوي", ["a3", "a4"]],
    ]);
    expect(q.candidates[0]!.variants).toEqual(["واللجنة الفنية"]);
  });

  it("merges an English article's name with the Arabic candidate it romanises to, keeping the press spelling", () => {
    let q = updateQueue(emptyQueue(), [c("محمد زين", "محمد زين", "Mohammed Zin")], "a1");
    q = updateQueue(q, [c("mohamed zein", null, "Mohamed Zein")], "a2");
    q = updateQueue(q, [c("حسين زين", "حسين زين", "Hussein Zin")], "a3");
    const merged = q.candidates.find((e) => e.key === "محمد زين")!;
    expect(merged).toMatchObject({ name_ar: "محمد زين", suggested_en: "Mohamed Zein", articles: ["a1", "a2"], variants: ["Mohamed Zein"] });
    expect(q.candidates).toHaveLength(2);
  });

  it("adds many articles in one pass exactly as article after article, variants and re-ingests included", () => {
    const articles = [
      { article: "a1", candidates: [c("محمد زين", "محمد زين", "Mohammed Zin"), c("اللجنه الفنيه", "اللجنة الفنية", "Al-Lajna al-Fania")] },
      { article: "a2", candidates: [c("mohamed zein", null, "Mohamed Zein")] },
      { article: "a3", candidates: [c("واللجنه الفنيه", "واللجنة الفنية", "Wal-Lajna al-Fania"), c("حسين زين", "حسين زين", "Hussein Zin")] },
      // an English spelling that only matches after the entry took the press spelling above
      { article: "a4", candidates: [c("mohamed zein", null, "Mohamed Zein"), c("mohammed zeine", null, "Mohammed Zeine")] },
      { article: "a3", candidates: [c("اللجنه الفنيه", "اللجنة الفنية", "Al-Lajna al-Fania")] },
    ];
    let oneByOne = emptyQueue();
    for (const a of articles) oneByOne = updateQueue(oneByOne, [...a.candidates], a.article);
    const together = queueCandidates(emptyQueue(), articles);
    expect(together).toEqual(oneByOne);
    expect(together.candidates.map((e) => [e.key, e.articles])).toEqual([
      ["محمد زين", ["a1", "a2", "a4"]],
      ["اللجنه الفنيه", ["a1", "a3"]],
      ["حسين زين", ["a3"]],
    ]);
  });
});
