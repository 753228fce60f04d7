/**
 * An alias several organisations share («الحركة الشعبية»: South Sudan's SPLM, with an open-ended role, and Morocco's
 * Popular Movement, with none) is read by the article's country before the date: an open-ended role is no reason to
 * name one country's party in another's news. Fixture knowledge base only (tests/fixtures/entities/kb/).
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadActors } from "../../src/content/actors-file.ts";
import { createTagger, loadEntityLexicons, type TagResult } from "../../src/entities/index.ts";

const root = join(import.meta.dirname, "../..");
const tagger = createTagger({
  ...loadEntityLexicons(join(root, "content")),
  actors: loadActors(join(root, "tests/fixtures/entities/kb")),
  candidateActors: false,
  discover: false,
});
const tag = (date: string, ...body: string[]): TagResult => tagger.tag({ lang: "ar", title: null, body, date });
const ids = (r: TagResult) => r.actors.map((a) => a.id);

describe("an alias shared by organisations of several countries", () => {
  it("names the holder of the article's country, whatever the other's role dates", () => {
    expect(ids(tag("2021-09-10", "قال قيادي في الحركة الشعبية إن الحزب سيدخل الانتخابات التشريعية في المغرب."))).toEqual(["popular-movement-morocco"]);
    expect(ids(tag("2021-09-10", "قال قيادي في الحركة الشعبية إن الحزب سيدخل الانتخابات في جنوب السودان."))).toEqual(["splm"]);
  });

  it("names no one in an article about a country neither holder belongs to", () => {
    expect(ids(tag("2021-09-10", "أعلنت الحركة الشعبية مقاطعة الانتخابات التشريعية في تونس."))).toEqual([]);
  });

  it("still names the holder active on the date when the article names no country", () => {
    expect(ids(tag("2021-09-10", "أعلنت الحركة الشعبية مقاطعة الانتخابات."))).toEqual(["splm"]);
  });
});
