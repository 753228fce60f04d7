/**
 * Entity tagging: actors, countries and places named in an article's body, each mention with its source offsets
 * and sentence, plus candidates for actors the knowledge base lacks.
 *
 * Cascade (per article). Files: tagger/tables.ts builds the tables once; tagger/find.ts (1–2, with the
 * non-mention filter), tagger/context.ts (3), tagger/resolve.ts (4–5), tagger/assemble.ts (emit, names, 6);
 * tagger/readings.ts holds the records they pass along.
 *   1. normalise each paragraph with an offset map, split into tokens
 *   2. match: one token trie (built once per tagger) of actor aliases, country forms, places and blockers;
 *      leftmost-longest, clitic-aware on the first token; a span with a blocker yields nothing. At the same pass,
 *      institution bodies (institutions.ts): an institution head with a country («الحكومة اللبنانية», «وزارة
 *      الكهرباء في جمهورية العراق», «حكومة مالي», "Iraq's foreign ministry") is the body of that institution in
 *      that country (`government-of-lb`), or the knowledge-base actor standing for it (a KB name that is exactly
 *      such a name: «الجيش السوداني» makes "Sudan's army" the Sudanese Armed Forces), when longer than what the
 *      trie matches; a head alone («الحكومة», "the army") is a bare head, resolved in step 4
 *   3. context: countries named unambiguously (forms with one code, and country words inside non-person actor
 *      names such as «وكالة الأنباء الألمانية») — used to read ambiguous forms and places; and the article's home
 *      country (countries, places and actors' countries, first paragraph double: `homeCountry`)
 *   4. resolve ambiguous actor aliases (see `resolveHolder`), bare institution heads (`resolveBare`), country forms
 *      with several codes, places; an alias that resolves to no one is freed for discovery
 *   5. roles: the title phrase written before each person's name
 *   6. discovery: title + name, head-word and quoted organisation patterns over tokens no entity covered; the
 *      article's candidates are also listed in `actors` as provisional actors (`provisional-<slug>`, option
 *      `candidateActors`)
 *
 * A tagged actor's `ar` is its canonical name when the article writes it so, else the fullest form the article
 * writes (عبدالفتاح السيسي for عبد الفتاح السيسي), since readers and the scorer compare names as written; `en` is
 * always the canonical English name. An institution body shows its head with the country instead («وزارة الكهرباء
 * العراقية» for «وزارة الكهرباء في جمهورية العراق», «الحكومة السورية الانتقالية» for "Syria's transitional
 * government"), except a bare head an Arabic article writes alone («وزارة الداخلية»), shown as written. An alias shared by several actors, or listed as ambiguous, is resolved by
 * `resolveHolder`; written in quotation marks, an ambiguous alias with one holder is a proper name («الشرق
 * الأوسط» the newspaper). A person's family name that is also a country adjective («السوداني») is an implicit
 * ambiguous alias: the person where the article names them in full, the country otherwise.
 *
 * Gold conventions followed: only the body is read (titles and captions are not); a country reachable only
 * through a (non-capital) place is not counted; countries acting as actors are countries; an adjective inside an
 * organisation's name counts («وكالة الأنباء الألمانية» → DE) but not inside a person's name.
 */

import type { Actor } from "../schemas/actor.ts";
import type { Mention, Place, TaggedActor } from "../schemas/article.ts";
import type { CountryLexicon } from "./countries.ts";
import type { Candidate } from "./discover.ts";
import type { InstitutionLexicon, MentionLexicon, RoleLexicon, TitleLexicon } from "./lexicon.ts";
import type { PlaceLexicon } from "./places.ts";
import { assemble } from "./tagger/assemble.ts";
import { readContext } from "./tagger/context.ts";
import { findMentions } from "./tagger/find.ts";
import type { Tables } from "./tagger/readings.ts";
import { buildTables } from "./tagger/tables.ts";

export { MAX_ROLE_TOKENS } from "./tagger/resolve.ts";
export { MAX_CASE_SENSITIVE_LETTERS } from "./tagger/tables.ts";

/** What the tagger reads: an article's language and body (the title is accepted but not used, by convention). */
export interface TagInput {
  lang: "ar" | "en";
  title: string | null;
  body: string[];
  /**
   * The article's date (ISO, `published`, else `seen`): a title written without a name («وزير الخارجية التركي»)
   * names whoever held it then, and a bare family name prefers the relative active then. Absent: neither.
   */
  date?: string | null;
}

/** Everything tagged on one article. */
export interface TagResult {
  actors: TaggedActor[];
  /** ISO codes in order of first mention. */
  countries: string[];
  places: Place[];
  /** Actor and country mentions, in text order. */
  mentions: Mention[];
  /** Possible actors the knowledge base lacks. */
  candidates: Candidate[];
}

/** A tagger built once over lexicons; `tag` is pure and fast. */
export interface Tagger {
  tag(article: TagInput): TagResult;
}

/** Inputs of `createTagger`. */
export interface TaggerInput {
  actors: Actor[];
  /** Country forms (default: CLDR names only). */
  countries?: CountryLexicon;
  /** Places (default: none). */
  places?: PlaceLexicon;
  /** Title lexicon (default: the bundled `lexicon/titles.yaml`). */
  titles?: TitleLexicon;
  /**
   * Institution lexicon for government bodies named by an institution word and a country («الحكومة اللبنانية»),
   * default the bundled `lexicon/institutions.yaml`; false for none. Needs a country lexicon from forms.yaml.
   */
  institutions?: InstitutionLexicon | false;
  /** Title variants for date-aware roles (default the bundled `lexicon/roles.yaml`); false for no role titles. */
  roles?: RoleLexicon | false;
  /** Cue words that make a match no mention (default the bundled `lexicon/mentions.yaml`); false for none. */
  mentions?: MentionLexicon | false;
  /** Run discovery (default true). */
  discover?: boolean;
  /**
   * Also list the article's own discovery candidates in `actors`, as provisional actors with the ids
   * `provisionalActors` gives them (`provisional-<slug>`) — default true: a name written with a rank or an office
   * («اللواء محمد زين») is an actor of the article even before an editor adds it to the knowledge base.
   */
  candidateActors?: boolean;
}

// --- readings ---------------------------------------------------------------------------------------------

/** Builds a tagger over the knowledge base and lexicons (one trie, built once). */
export function createTagger(input: TaggerInput): Tagger {
  const tables = buildTables(input);
  return { tag: (article) => tagArticle(tables, article) };
}

/** The cascade: find mentions (1–2, non-mentions filtered), read the context (3), resolve and assemble (4–6). */
function tagArticle(tables: Tables, article: TagInput): TagResult {
  const found = findMentions(tables, article.body, article.date ?? undefined);
  const context = readContext(tables, found.hits);
  return assemble(tables, article, found, context);
}
