/**
 * The entities stage: country and place lexicons, the tagger (tagger.ts and tagger/), discovery (discover.ts and
 * discover/) and the knowledge base's counts (stats.ts). Text is read at the text model's fold level `match`
 * (src/text/), re-exported here under the names other stages import. Framework-free; the CLI and the site import
 * from here.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { loadActors } from "../content/actors-file.ts";
import type { Actor } from "../schemas/actor.ts";
import { loadCountryLexicon, type CountryLexicon } from "./countries.ts";
import { loadPlaceLexicon, type PlaceLexicon } from "./places.ts";

export { normaliseArabic, normaliseWithMap, stripClitics, searchTokens, proclitics, cliticStems, sourceEnd } from "./normalise.ts";
export type { NormalisedText } from "./normalise.ts";
export {
  NON_COUNTRY_CODES,
  countryCodes,
  countryEntries,
  countryName,
  isCountryCode,
  inflectArabicAdjective,
  buildCountryLexicon,
  parseCountryForms,
  loadCountryLexicon,
  defaultCountryLexicon,
  CountryFormsFile,
} from "./countries.ts";
export type { CountryForm, CountryLexicon, CountryNames, FormKind } from "./countries.ts";
export { PlaceEntry, parsePlaces, loadPlaceLexicon } from "./places.ts";
export type { PlaceLexicon } from "./places.ts";
export { createTagger, MAX_ROLE_TOKENS } from "./tagger.ts";
export { buildInstitutionIndex } from "./institutions.ts";
export type { HeadPattern, Institution, InstitutionIndex, Slot } from "./institutions.ts";
export type { Tagger, TaggerInput, TagInput, TagResult } from "./tagger.ts";
export {
  QueueEntry,
  ReviewQueue,
  emptyQueue,
  queueCandidates,
  updateQueue,
  findQueueEntry,
  removeFromQueue,
  provisionalActors,
  promotedActor,
  candidateSlug,
  romanise,
} from "./discover.ts";
export type { Candidate, PromoteOptions } from "./discover.ts";
export { sentenceSpans } from "./sentences.ts";
export { COVERAGE_PERIODS, formatKbStats, kbStats } from "./stats.ts";
export type { KbStats } from "./stats.ts";

/** The lexicons the tagger needs, read from a content directory. */
export interface EntityLexicons {
  actors: Actor[];
  countries: CountryLexicon;
  places: PlaceLexicon;
}

/**
 * Reads `content/actors/*.yaml` (the knowledge base, including `promoted.yaml`), `content/countries/forms.yaml`
 * and `content/countries/places.yaml`. Throws a `ContentError` naming the file and entry on invalid data.
 */
export function loadEntityLexicons(contentDir: string, options: { cacheDir?: string } = {}): EntityLexicons {
  const actorsDir = join(contentDir, "actors");
  return {
    actors: existsSync(actorsDir) ? loadActors(actorsDir, options) : [],
    countries: loadCountryLexicon(join(contentDir, "countries", "forms.yaml")),
    places: loadPlaceLexicon(join(contentDir, "countries", "places.yaml")),
  };
}
