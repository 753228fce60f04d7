import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseActorFile } from "../../src/content/actors-file.ts";
import { loadCountryLexicon } from "../../src/entities/countries.ts";
import { createTagger, type Tagger, type TagResult } from "../../src/entities/tagger.ts";
import { loadPlaceLexicon } from "../../src/entities/places.ts";
import type { Actor } from "../../src/schemas/actor.ts";
import { Mention } from "../../src/schemas/article.ts";

const root = join(import.meta.dirname, "../..");
const fixtureFile = join(root, "tests/fixtures/entities/actors.yaml");
const actors: Actor[] = parseActorFile(readFileSync(fixtureFile, "utf8"), fixtureFile);
const countries = loadCountryLexicon(join(root, "content/countries/forms.yaml"));
const places = loadPlaceLexicon(join(root, "content/countries/places.yaml"));

let tagger: Tagger;
beforeAll(() => {
  tagger = createTagger({ actors, countries, places, candidateActors: false });
});

const tagAr = (...body: string[]): TagResult => tagger.tag({ lang: "ar", title: null, body });
const tagEn = (...body: string[]): TagResult => tagger.tag({ lang: "en", title: null, body });
const ids = (r: TagResult) => r.actors.map((a) => a.id);
const refsOf = (r: TagResult, ref: string) => r.mentions.filter((m) => m.ref === ref);

describe("matching", () => {
  it("matches through Arabic proclitics and keeps them in the surface", () => {
    const r = tagAr("وأشاد المشير خليفة حفتر بالدبيبة، وتوجه بالشكر للأمم المتحدة والجيش الوطني الليبي.");
    expect(ids(r)).toEqual(["khalifa-haftar", "abdul-hamid-dbeibah", "united-nations", "libyan-national-army"]);
    expect(refsOf(r, "abdul-hamid-dbeibah")[0]!.surface).toBe("بالدبيبة");
    expect(refsOf(r, "united-nations")[0]!.surface).toBe("للأمم المتحدة");
    expect(refsOf(r, "libyan-national-army")[0]!.surface).toBe("والجيش الوطني الليبي");
  });

  it("never matches inside another word", () => {
    const r = tagAr("استقبل الجمهور الخبر بحماسة كبيرة، وقال إن الحفترية تيار سياسي.");
    expect(ids(r)).toEqual([]);
  });

  it("prefers the longest alias and still names the actors inside it", () => {
    const r = tagAr("وصل قائد الجيش الوطني الليبي إلى المدينة، فيما ردت حكومة عبد الحميد الدبيبة ببيان.");
    expect(ids(r)).toEqual(["khalifa-haftar", "libyan-national-army", "government-of-national-unity", "abdul-hamid-dbeibah"]);
  });

  it("reads only the body: the title is never tagged", () => {
    const r = tagger.tag({ lang: "ar", title: "حفتر يلتقي الدبيبة", body: ["لا أسماء هنا."] });
    expect(r.actors).toEqual([]);
  });
});

describe("ambiguous family names", () => {
  it("resolves a bare name to the relative named nearest before it in the paragraph", () => {
    const r = tagAr("التقى الوفد صدام حفتر في بنغازي، وقال حفتر إن التعاون مستمر.");
    expect(refsOf(r, "saddam-haftar").map((m) => m.surface)).toEqual(["صدام حفتر", "حفتر"]);
    expect(ids(r)).not.toContain("khalifa-haftar");
  });

  it("falls back to the article's dominant relative (most full-name mentions)", () => {
    const r = tagAr(
      "أعلن الفريق خالد حفتر خطة جديدة بعد لقاء المشير خليفة حفتر.",
      "وكرر خليفة حفتر موقفه من الانتخابات.",
      "ولم يعلق حفتر على الاتهامات.",
    );
    expect(refsOf(r, "khalifa-haftar").map((m) => m.paragraph)).toEqual([0, 1, 2]);
  });

  it("after a kinship word, reads the name as the relative of the person just named", () => {
    const r = tagAr("أشاد المشير خليفة حفتر بالاتفاق.", "واستقبل صدام حفتر، نجل حفتر، الوفد الأميركي.");
    const inSecond = r.mentions.filter((m) => m.paragraph === 1 && m.surface === "حفتر");
    expect(inSecond.map((m) => m.ref)).toEqual(["khalifa-haftar"]);
  });

  it("does not swallow the son's name into the father's", () => {
    const r = tagAr("التقى الوفد صدام حفتر نجل قائد القوات خليفة حفتر في بنغازي.");
    expect(ids(r)).toEqual(["saddam-haftar", "khalifa-haftar"]);
  });

  it("leaves a bare shared name untagged when nothing resolves it, unless the KB marks a default holder", () => {
    expect(ids(tagAr("وقال حفتر إن قواته مستعدة."))).toEqual([]);
    const withDefault = actors.map((a) => (a.id === "khalifa-haftar" ? { ...a, aliases: { ...a.aliases, ar: [...a.aliases.ar, "حفتر"] } } : a));
    const t = createTagger({ actors: withDefault, countries, places, candidateActors: false });
    expect(ids(t.tag({ lang: "ar", title: null, body: ["وقال حفتر إن قواته مستعدة."] }))).toEqual(["khalifa-haftar"]);
  });

  it("reads a generic alias by the article's country, and a quoted one as a proper name", () => {
    expect(ids(tagAr("عقدت وزارة الدفاع اجتماعا في طرابلس لبحث الأوضاع الليبية وأمن ليبيا."))).toEqual(["libyan-ministry-of-defence"]);
    expect(ids(tagAr("قال مصدر لـ«الشرق الأوسط» إن الحوار مستمر."))).toEqual(["asharq-al-awsat"]);
    expect(ids(tagAr("تتصاعد التوترات في منطقة الشرق الأوسط."))).toEqual([]);
  });
});

describe("roles and provenance", () => {
  it("records the title written before a person's name as the mention's role", () => {
    const r = tagAr(
      "وقال المشير خليفة حفتر إن الجيش جاهز.",
      "والتقى رئيس حكومة الوحدة الوطنية، عبد الحميد الدبيبة، وفدا أميركيا.",
      "ورحب الرئيس الأميركي جو بايدن بالاتفاق.",
    );
    expect(refsOf(r, "khalifa-haftar")[0]!.role).toBe("المشير");
    expect(refsOf(r, "abdul-hamid-dbeibah")[0]!.role).toBe("رئيس حكومة الوحدة الوطنية");
    expect(refsOf(r, "joe-biden")[0]!.role).toBe("الرئيس الأميركي");
    expect(tagEn("President Joe Biden said talks would go on.").mentions.find((m) => m.ref === "joe-biden")!.role).toBe("President");
  });

  it("keeps source offsets, the verbatim surface (with harakat) and the verbatim sentence", () => {
    const body = ["جملة أولى لا تذكر أحدا. ثم قال الدبيبةُ إنّ حكومة الوحدة مستمرة! وجملة ثالثة."];
    const r = tagAr(...body);
    for (const m of r.mentions) {
      expect(Mention.parse(m)).toEqual(m);
      expect(body[m.paragraph]!.slice(m.start, m.end)).toBe(m.surface);
      expect(body[m.paragraph]!).toContain(m.sentence);
      expect(m.sentence).toContain(m.surface);
    }
    const dbeibah = refsOf(r, "abdul-hamid-dbeibah")[0]!;
    expect(dbeibah.surface).toBe("الدبيبةُ");
    expect(dbeibah.sentence).toBe("ثم قال الدبيبةُ إنّ حكومة الوحدة مستمرة!");
  });

  it("names an actor as the article writes it when the canonical spelling is absent", () => {
    const r = tagAr("وأكد عبد الحميد الدبيبة التزامه.", "وصرّح الدبيبة لاحقا.");
    expect(r.actors.find((a) => a.id === "abdul-hamid-dbeibah")!.ar).toBe("عبد الحميد الدبيبة");
    const short = tagAr("وصرّح بالدبيبة لاحقا.");
    expect(short.actors[0]!.ar).toBe("الدبيبة");
    expect(short.actors[0]!.en).toBe("Abdul Hamid Dbeibah");
  });
});

describe("English articles", () => {
  it("matches case-insensitively with word boundaries and possessives; short capitals only as written", () => {
    const r = tagEn("Libyan commander Khalifa Haftar's forces met UN envoys, US officials told us.", "Dbeibah's government in Tripoli objected.");
    expect(ids(r)).toEqual(["khalifa-haftar", "united-nations", "abdul-hamid-dbeibah"]);
    expect(r.countries).toEqual(["LY", "US"]);
    expect(r.places).toEqual([{ ar: "طرابلس", en: "Tripoli", country: "LY" }]);
  });
});

describe("countries and places", () => {
  it("counts names, adjectives and capital metonyms, not places", () => {
    const r = tagAr("حذرت واشنطن من التصعيد، ورحبت الحكومة الليبية بالوساطة الروسية.", "ووقعت اشتباكات في مدينة بنغازي ومحيط هضبة الجولان.");
    expect(r.countries).toEqual(["US", "LY", "RU"]);
    expect(r.places.map((p) => `${p.en}/${p.country}`)).toEqual(["Benghazi/LY", "Golan Heights/SY"]);
    expect(tagAr("ووقعت اشتباكات في مدينة بنغازي.").countries).toEqual([]);
    expect(tagAr("قدمت مساعدات لليبيا وللبنان.").countries).toEqual(["LY", "LB"]);
  });

  it("counts an adjective inside an organisation's name, not inside a person's", () => {
    expect(tagAr("حسب ما ذكرته وكالة الأنباء الألمانية.").countries).toEqual(["DE"]);
    const r = tagAr("استقبل محمد شياع السوداني الوفد.", "وقال السوداني إن الحكومة ماضية في الإصلاح.");
    // «الحكومة» alone is the government of the article's home country (Iraq, through al-Sudani): no country mention
    expect(ids(r)).toEqual(["mohammed-shia-al-sudani", "government-of-iq"]);
    expect(refsOf(r, "mohammed-shia-al-sudani").map((m) => m.surface)).toEqual(["محمد شياع السوداني", "السوداني"]);
    expect(r.countries).toEqual([]);
    expect(tagAr("رحب الجيش السوداني بالهدنة.").countries).toEqual(["SD"]);
  });

  it("skips blocker phrases and reads ambiguous forms by context", () => {
    expect(tagAr("عبرت السفن المحيط الهندي ودول المغرب العربي.").countries).toEqual([]);
    expect(tagAr("وصل الوزير إلى عمان في زيارة رسمية.").countries).toEqual(["OM"]);
    const jordan = tagAr("أعلن الأردن أن الاجتماع سيعقد في عمان.");
    expect(jordan.countries).toEqual(["JO"]);
    expect(jordan.places.map((p) => p.en)).toEqual(["Amman"]);
    expect(tagAr("اندلعت اشتباكات في طرابلس.").places[0]!.country).toBe("LY");
    expect(tagAr("اندلعت اشتباكات في طرابلس شمال لبنان.").places[0]!.country).toBe("LB");
    expect(tagAr("داهمت القوات بلدات في غور الأردن.").countries).toEqual([]);
    expect(tagAr("تنتشر الواحات في الصحراء الغربية جنوب مصر.").countries).toEqual(["EG"]);
    expect(tagAr("أيد المغرب خطة الحكم الذاتي في الصحراء الغربية.").countries).toEqual(["MA", "EH"]);
  });

  it("lists Gaza as PS and Jerusalem as a place in IL without the country", () => {
    const r = tagAr("استمرت الغارات على غزة، بينما شهدت القدس احتجاجات.");
    expect(r.countries).toEqual(["PS"]);
    expect(r.places.map((p) => `${p.en}/${p.country}`)).toEqual(["Gaza/PS", "Jerusalem/IL"]);
  });

  it("country mentions carry offsets like actor mentions", () => {
    const body = "رحبت القاهرة بالاتفاق.";
    const m = tagAr(body).mentions.find((x) => x.ref === "country:EG")!;
    expect(body.slice(m.start, m.end)).toBe("القاهرة");
  });
});

describe("institution bodies (institution word + country)", () => {
  const actorOf = (r: TagResult, id: string) => r.actors.find((a) => a.id === id);

  it("builds a government body from a head and a country adjective, «في» + name, or a construct", () => {
    const r = tagAr("رحبت الحكومة اللبنانية بالقرار، فيما وقّعت الهيئة مذكرة مع وزارة الكهرباء في جمهورية العراق.");
    expect(ids(r)).toEqual(["government-of-lb", "ministry-of-electricity-iq"]);
    expect(actorOf(r, "government-of-lb")).toMatchObject({ ar: "الحكومة اللبنانية", en: "Lebanese government", type: "government" });
    // written without the adjective, a body shows its head with the country adjective
    expect(actorOf(r, "ministry-of-electricity-iq")?.ar).toBe("وزارة الكهرباء العراقية");
    expect(r.countries).toEqual(["LB", "IQ"]);
    expect(ids(tagAr("أعلنت حكومة مالي حظر التجول."))).toEqual(["government-of-ml"]);
    expect(ids(tagAr("وقالت الخارجية العراقية إن السفير استُدعي."))).toEqual(["ministry-of-foreign-affairs-iq"]);
  });

  it("reads English adjectives and possessives", () => {
    const r = tagEn("Jordan's army said it foiled an attempt, and Iraq's foreign ministry summoned the envoy of the Lebanese government.");
    expect(ids(r)).toEqual(["armed-forces-jo", "ministry-of-foreign-affairs-iq", "government-of-lb"]);
    expect(actorOf(r, "armed-forces-jo")).toMatchObject({ ar: "الجيش الأردني", en: "Jordanian Armed Forces" });
  });

  it("lets a knowledge-base actor holding one of the body's names stand for it", () => {
    // the fixture KB has «وزارة الدفاع الليبية»: the Libyan defence ministry body is that actor, under every name
    const r = tagAr("وأكدت وزارة الدفاع في ليبيا أن القوات انسحبت.");
    expect(ids(r)).toEqual(["libyan-ministry-of-defence"]);
  });

  it("resolves a bare head to the body named nearest before it, else to the home country's", () => {
    const near = tagAr("انتقد وزير عراقي الحكومة اللبنانية، وقال إن الحكومة لم ترد.");
    expect(refsOf(near, "government-of-lb").map((m) => m.surface)).toEqual(["الحكومة اللبنانية", "الحكومة"]);
    const home = tagAr("طهران - قال المتحدث الإيراني إن الحكومة الإيرانية ماضية.", "وأعلنت وزارة الخارجية رفضها للقرار.");
    expect(ids(home)).toEqual(["government-of-ir", "ministry-of-foreign-affairs-ir"]);
    // a bare head is shown as written
    expect(actorOf(home, "ministry-of-foreign-affairs-ir")?.ar).toBe("وزارة الخارجية");
  });

  it("leaves a bare head alone inside a title, before a non-country adjective, or with no home country", () => {
    expect(ids(tagAr("استقبل رئيس الحكومة العراقي الوفد في بغداد."))).toEqual([]);
    expect(ids(tagAr("رفع البنك المركزي الأوروبي الفائدة في بغداد والعراق."))).toEqual([]);
    expect(ids(tagAr("قالت الحكومة إن الاجتماع مؤجل."))).toEqual([]);
    // English bare heads need "the", except "parliament"
    expect(ids(tagEn("BAGHDAD - Iraq's parliament met; army units deployed."))).toEqual(["parliament-iq"]);
  });

  it("builds no generic body where the institution is contested (Libya's rival governments)", () => {
    expect(ids(tagAr("قالت الحكومة الليبية إن الاتفاق قائم."))).toEqual([]);
    const r = tagAr("قال مصدر في حكومة الوحدة الوطنية في طرابلس إن الحكومة لا تعترض على الاتفاق.");
    expect(refsOf(r, "government-of-national-unity").map((m) => m.surface)).toEqual(["حكومة الوحدة الوطنية", "الحكومة"]);
  });
});

