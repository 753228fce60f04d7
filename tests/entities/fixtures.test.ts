/**
 * Fixture-driven tagging: every `tests/fixtures/entities/articles/<case>.input.json` ({lang, title, body, date?},
 * our own sentences) is tagged with the real country and place lexicons but a fixture knowledge base
 * (`tests/fixtures/entities/kb/`: adding actors to content/actors must not change these expectations), and
 * compared with `<case>.expected.json`. Run with `UPDATE=1` to rewrite the expectations, then review the diff.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadActors } from "../../src/content/actors-file.ts";
import { createTagger, loadEntityLexicons, type TagInput, type TagResult } from "../../src/entities/index.ts";
import { expectedJson } from "../expectation.ts";

const root = join(import.meta.dirname, "../..");
const dir = join(root, "tests/fixtures/entities/articles");
const tagger = createTagger({ ...loadEntityLexicons(join(root, "content")), actors: loadActors(join(root, "tests/fixtures/entities/kb")) });

/** What a reviewer reads: tags, and each mention as "ref «surface» (role)" per paragraph. */
function summary(r: TagResult) {
  return {
    actors: r.actors.map((a) => `${a.id}${a.provisional ? " (provisional)" : ""}`),
    countries: r.countries,
    places: r.places.map((p) => `${p.en}/${p.country}`),
    mentions: r.mentions.map((m) => `${m.paragraph}:${m.start} ${m.ref} «${m.surface}»${m.role ? ` (${m.role})` : ""}`),
    candidates: r.candidates.map((c) => `${c.name_ar ?? c.suggested_en} → ${c.suggested_en} [${c.kind}]`),
  };
}

describe("tagging fixtures", () => {
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".input.json")).sort()) {
    const name = file.replace(/\.input\.json$/, "");
    it(name, () => {
      const input = JSON.parse(readFileSync(join(dir, file), "utf8")) as TagInput;
      const actual = summary(tagger.tag(input));
      const expectedFile = join(dir, `${name}.expected.json`);
      expect(actual).toEqual(expectedJson(expectedFile, actual));
    });
  }
});
