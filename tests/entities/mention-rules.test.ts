import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseActorFile } from "../../src/content/actors-file.ts";
import { loadCountryLexicon } from "../../src/entities/countries.ts";
import { createTagger } from "../../src/entities/tagger.ts";
import { tokenizeForMatch } from "../../src/entities/tokens.ts";

const root = join(import.meta.dirname, "../..");
const fixtureFile = join(root, "tests/fixtures/entities/actors.yaml");
const actors = parseActorFile(readFileSync(fixtureFile, "utf8"), fixtureFile);
const countries = loadCountryLexicon(join(root, "content/countries/forms.yaml"));
const tagger = createTagger({ actors, countries, candidateActors: false, discover: false });
const ids = (text: string) => tagger.tag({ lang: "en", title: null, body: [text], date: "2024-04-01" }).actors.map((a) => a.id);

describe("a name inside a web address or a handle", () => {
  it("is no mention", () => {
    expect(ids("Photos: pic.hamas.ps/x7 and hamas.ps, or follow @Hamas.")).toEqual([]);
  });
  it("still is one in running text, abbreviations included", () => {
    expect(ids("Hamas said the U.S. proposal was backed by Joe Biden.")).toEqual(["hamas", "joe-biden"]);
  });
});

describe("a conjunction written outside a quotation mark", () => {
  it("is joined to the quoted word it belongs to («و\"حدات» reads «وحدات»); a whole word before a mark is not", () => {
    const conj = new Set(["و", "ف"]);
    const texts = (norm: string) => tokenizeForMatch(norm, conj).map((t) => t.text);
    expect(texts('بين و"حدات حمايه الشعب"')).toEqual(["بين", "وحدات", "حمايه", "الشعب"]);
    const joined = tokenizeForMatch('بين و"حدات', conj)[1]!;
    expect([joined.start, joined.end]).toEqual([4, 10]);
    expect(texts('قالت"حماس" انها')).toEqual(["قالت", "حماس", "انها"]);
    expect(texts('ب"حزب الله"')).toEqual(["ب", "حزب", "الله"]);
  });
});
