/**
 * The vocabulary of the stories stage (agency furniture, abbreviations, news stopwords), kept as YAML beside this
 * file and validated on load. An empty group is an error: it would silently switch a rule off.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { Bilingual, displayPath, LexiconError, nonEmptyRecord, parseLexicon, Words } from "../schemas/lexicon.ts";

/** Schema of `lexicon/stories.yaml`. */
export const StoriesLexicon = z
  .object({
    /** Agencies and outlets that head a lead as furniture ("(CNN)--", «الرياض - واس:»). */
    agencies: Bilingual,
    /** Abbreviations whose full stop does not end a sentence (without the final stop). */
    abbreviations: Bilingual,
    /** Words too common in news to tell two events apart. */
    stopwords: Bilingual,
    /** Consonant skeletons that let a name in Arabic letters meet the same name in Latin letters. */
    skeleton: z
      .object({
        /** Normalised Arabic letter → consonant class ("" drops it). */
        ar: nonEmptyRecord(z.string(), z.string().length(1)),
        /** Latin rewrites (regular expression, replacement) applied in order to a lower-case word. */
        en: z.array(z.tuple([z.string().min(1), z.string()])).min(1, "an empty group is an error"),
        /** Consonant classes kept; every other Latin letter is dropped. */
        keep: Words,
      })
      .strict(),
    /** Event concepts: word beginnings (or phrases) in each language that name the same news fact. */
    concepts: nonEmptyRecord(Bilingual),
    /** Arabic suffixes taken off a bare stem as one more term (longest first). */
    suffixes: Words,
    /** Concept ids that mark a new development when one article leads with them and the other never names them. */
    developments: Words,
    /** Development → concepts that name it too (the resolution a vote adopts): an article naming one names the step. */
    namedBy: nonEmptyRecord(Words),
  })
  .strict();
export type StoriesLexicon = z.infer<typeof StoriesLexicon>;

/** Parses a lexicon text; errors name the file, the field and its line. */
export function parseStoriesLexicon(text: string, file: string): StoriesLexicon {
  const lexicon = parseLexicon(StoriesLexicon, text, file);
  const unknown = lexicon.developments.filter((c) => !(c in lexicon.concepts));
  if (unknown.length) throw new LexiconError(`${file}: field \`developments\`: not a concept: ${unknown.join(", ")}`);
  for (const [step, concepts] of Object.entries(lexicon.namedBy)) {
    const bad = [...(lexicon.developments.includes(step) ? [] : [step]), ...concepts.filter((c) => !(c in lexicon.concepts))];
    if (bad.length) throw new LexiconError(`${file}: field \`namedBy\`: not a development or concept: ${bad.join(", ")}`);
  }
  return lexicon;
}

let loaded: StoriesLexicon | undefined;

/** The stage's lexicon, read and validated once per process. */
export function storiesLexicon(): StoriesLexicon {
  if (!loaded) {
    const url = new URL("./lexicon/stories.yaml", import.meta.url);
    loaded = parseStoriesLexicon(readFileSync(url, "utf8"), displayPath(url));
  }
  return loaded;
}
