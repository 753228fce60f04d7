import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseActorFile } from "../../src/content/actors-file.ts";
import { loadCountryLexicon } from "../../src/entities/countries.ts";
import { createTagger } from "../../src/entities/tagger.ts";

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
