/**
 * Events on articles: coded from the lead with the tagger's mentions (no second tagging), English leads
 * conservatively, and carried through the article file's frontmatter by both readers.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseActorFile } from "../../src/content/actors-file.ts";
import { parseArticle, serializeArticle } from "../../src/content/article-file.ts";
import { loadCountryLexicon } from "../../src/entities/countries.ts";
import { loadPlaceLexicon } from "../../src/entities/places.ts";
import { createTagger } from "../../src/entities/tagger.ts";
import { articleEvents, createEventCoder, leadSentence } from "../../src/events/index.ts";
import type { Article } from "../../src/schemas/article.ts";
import { readArticleFile } from "../../src/content/fast-frontmatter.ts";

const root = join(import.meta.dirname, "../..");
const actorsFile = join(root, "tests/fixtures/entities/actors.yaml");
const actors = parseActorFile(readFileSync(actorsFile, "utf8"), actorsFile);
const countries = loadCountryLexicon(join(root, "content/countries/forms.yaml"));
const places = loadPlaceLexicon(join(root, "content/countries/places.yaml"));
const tagger = createTagger({ actors, countries, places, candidateActors: false });
const coder = createEventCoder({ countries, places });

const body = ["قتل ثلاثة مدنيين في قصف استهدف مدينة سرت، أمس. وقال شهود إن القصف استمر ساعة.", "فقرة ثانية."];

describe("articleEvents", () => {
  it("codes the first sentence of the body with the article's mentions", () => {
    const tags = tagger.tag({ lang: "ar", title: null, body });
    const lead = leadSentence(body, tags.mentions);
    expect(lead?.sentence).toBe("قتل ثلاثة مدنيين في قصف استهدف مدينة سرت، أمس.");
    const events = articleEvents({ lang: "ar", body, published: "2024-05-15", mentions: tags.mentions, actors: tags.actors }, coder);
    expect(events?.map((e) => e.type)).toEqual(["CASUALTIES", "ATTACK"]);
    expect(events?.[0]).toMatchObject({ figures: [{ what: "killed", n: 3 }], date: "2024-05-14", place: { country: "LY" } });
  });

  it("codes English leads conservatively: a source that is a described group or a tagged actor, no plans or commentary", () => {
    const en = (text: string) => {
      const tags = tagger.tag({ lang: "en", title: null, body: [text] });
      return articleEvents({ lang: "en", body: [text], published: "2024-05-12", mentions: tags.mentions, actors: tags.actors }, coder) ?? [];
    };
    const [attack, toll] = en("RAFAH (Reuters) - Gunmen killed three policemen in an attack on a checkpoint near Rafah on Friday.");
    expect(attack).toMatchObject({ type: "ATTACK", source_actor: { en: "Gunmen" }, place: { country: "PS" }, date: "2024-05-10" });
    expect(toll).toMatchObject({ type: "CASUALTIES", figures: [{ what: "killed", n: 3 }] });
    // the subject is no actor: nothing is claimed
    expect(en("The decision angered many residents, who met on Sunday.")).toEqual([]);
    // commentary, plans and a lifted sanction are not events
    expect(en("Analysts say the truce in Yemen is unlikely to hold.")).toEqual([]);
    expect(en("The American government plans to reverse its position and lift trade sanctions on Sudan.")).toEqual([]);
    // a toll with no agent still stands
    expect(en("At least 9 people were killed in Mogadishu.").map((e) => e.type)).toEqual(["CASUALTIES"]);
  });
});

describe("events in the article file", () => {
  it("round-trip through serializeArticle, parseArticle and the site's fast reader", () => {
    const tags = tagger.tag({ lang: "ar", title: null, body });
    const events = articleEvents({ lang: "ar", body, published: "2024-05-15", mentions: tags.mentions, actors: tags.actors }, coder)!;
    const article: Article = {
      id: "a-1", lang: "ar", title: "عنوان", subtitle: null, source: null, author: null, dateline: null, published: "2024-05-15",
      seen: null, body, captions: [], actors: [], countries: ["LY"], places: [], mentions: [], sources: [], secondary: false,
      events: [...events, { type: "ARREST", source_actor: null, target_actor: null, place: { ar: "", en: "Libya", country: "LY" }, date: null,
        figures: [{ what: "arrested", n: 12, at_least: true }, { what: "other", n: 97.08, unit: "percent" }], trigger_ar: "اعتقلت", gist_en: "Arrest: «x» #1 - y" }],
    };
    const text = serializeArticle(article);
    const slow = parseArticle(text, "a-1.md");
    expect(slow.events).toEqual(article.events);
    expect(readArticleFile(text, "a-1.md")).toEqual(slow);
  });
});
