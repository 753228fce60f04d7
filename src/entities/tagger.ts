/**
 * Entity tagging: actors, countries and places named in an article's body, each mention with its source offsets
 * and sentence, plus candidates for actors the knowledge base lacks.
 *
 * Cascade (per article):
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
import { CLITICS } from "../text/clitics.ts";
import type { Actor } from "../schemas/actor.ts";
import type { Mention, Place, TaggedActor } from "../schemas/article.ts";
import { defaultCountryLexicon, type CountryLexicon } from "./countries.ts";
import { buildDiscoveryTables, buildTitleTrie, candidateSlug, discoverInParagraph, mergeCandidates, type Candidate, type DiscoveryTables, type TitleKind } from "./discover.ts";
import { buildInstitutionIndex, type HeadPattern, type InstitutionIndex } from "./institutions.ts";
import { titleLexicon, discoveryLexicon, institutionLexicon, mentionLexicon, roleLexicon, type InstitutionLexicon, type MentionLexicon, type RoleLexicon, type TitleLexicon } from "./lexicon.ts";
import { activeOn, activeSince, buildRoleIndex, holdersOn, type Tenure } from "./roles.ts";
import { buildMentionTables, isDateline, isDatelineOutlet, isOrdinaryWords, isPlainLocation, isPlatformChannel, type MatchSpan, type MentionTables } from "./mentions.ts";
import { normaliseWithMap, proclitics, sourceEnd, type NormalisedText } from "./normalise.ts";
import type { PlaceEntry, PlaceLexicon } from "./places.ts";
import { ABBREVIATIONS, sentenceAt, sentenceSpans } from "./sentences.ts";
import { createTrie, insert, joinable, longestMatch, mayHaveProclitic, mayStart, mayStartArabic, phraseTokens, startFilter, type TrieNode } from "./trie.ts";
import { tokenize, type Token } from "./tokens.ts";

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

interface InnerCountry {
  offset: number;
  length: number;
  codes: string[];
}
interface ActorReading {
  kind: "actor";
  actor: Actor;
  /** The alias is shared by several actors or listed in `ambiguous_aliases`. */
  ambiguous: boolean;
  /** This actor holds the ambiguous alias as a plain alias while the others list it as ambiguous. */
  isDefault: boolean;
  /** Offset (tokens) of the name after any title written into the alias. */
  core: number;
  /** Country forms inside the alias that count for the article. */
  inner: InnerCountry[];
  /** Other actors named inside the alias («قائد الجيش الوطني الليبي», «حكومة عبد الحميد الدبيبة»). */
  nested: NestedActor[];
  exact?: string;
  /** A name built from the institution lexicon, not written in the knowledge base. */
  generated?: boolean;
  /** Read from an institution head without a country («الحكومة»). */
  bare?: boolean;
  /** Arabic name a mention of this alias displays as (institution bodies: «مجلس الوزراء السعودي»). */
  display?: string;
  /** A person's family name that is also a country adjective («السوداني»): never resolved by default. */
  adjectiveName?: boolean;
  /** Read from a role title written without a name: the mention is the title, not a way of writing the name. */
  role?: boolean;
}
/** A dated role's title written in the text («وزير الخارجية التركي»): resolved by the article's date. */
interface RoleReading {
  kind: "role";
  exact?: undefined;
  tenures: Tenure[];
  /** Country forms inside the title. */
  inner: InnerCountry[];
  /** Actors the knowledge base gives this title as an alias: the reading of an undated article, as before roles. */
  legacy: Actor[];
}
/** An institution head written alone («الحكومة», "the army"): resolved by `resolveBare`. */
interface BareReading {
  kind: "bare";
  exact?: undefined;
  /** The bare head patterns of the span. */
  patterns: HeadPattern[];
  /** The head's tokens joined (key of the anaphora table). */
  key: string;
}
interface NestedActor {
  offset: number;
  length: number;
  reading: ActorReading;
}
interface CountryReading {
  kind: "country";
  codes: string[];
  exact?: string;
  /** A capital or seat of power standing for the state («لندن»): a plain location in some contexts. */
  metonym?: boolean;
}
interface PlaceReading {
  kind: "place";
  place: PlaceEntry;
  order: number;
  exact?: string;
}
interface BlockerReading {
  kind: "blocker";
  exact?: string;
}
type Reading = ActorReading | CountryReading | PlaceReading | BlockerReading | BareReading | RoleReading;

/** Window (tokens) searched before a name for its title. */
export const MAX_ROLE_TOKENS = 10;

/**
 * English forms of at most this many letters written all in capitals (US, UK, UAE, IS) only match when written
 * so: in lower case they are ordinary words ("us", "is").
 */
export const MAX_CASE_SENSITIVE_LETTERS = 4;

function exactLetters(phrase: string): string | undefined {
  const letters = phrase.replace(/[^\p{L}]/gu, "");
  if (!/^[A-Z]+$/.test(letters) || letters.length > MAX_CASE_SENSITIVE_LETTERS) return undefined;
  return letters;
}

function pseudoTokens(words: string[]): Token[] {
  return words.map((w) => ({ text: w, start: 0, end: w.length, script: /^[\u0621-\u06ff]/.test(w) ? 1 : /^\d/.test(w) ? 3 : 2 }) as Token);
}

/** Single normalised words of a list of phrases. */
function wordSet(phrases: string[]): Set<string> {
  const out = new Set<string>();
  for (const p of phrases) for (const t of phraseTokens(p)) out.add(t);
  return out;
}

/** Internal tables built once per tagger. */
interface Tables {
  trie: TrieNode<Reading>;
  titles: TrieNode<TitleKind>;
  titleWords: Set<string>;
  rankWords: Set<string>;
  breakers: Set<string>;
  kinship: Set<string>;
  discovery: DiscoveryTables | null;
  candidateActors: boolean;
  /** Bitmap of the trie's first words (see `startFilter`). */
  startFilter: Uint8Array;
  /** Canonical Arabic name per actor id, as normalised tokens joined by spaces. */
  canonical: Map<string, string>;
  /** Per actor id: its country and those its Arabic names name. */
  related: Map<string, Set<string>>;
  /** Institution bodies (null when not read). */
  institutions: InstitutionTables | null;
  /** Rules for what is no mention (null when off). */
  mentions: MentionTables | null;
  /** Words around a role title that make it no reference to its holder (null when roles are off). */
  roleCues: { notAfter: Set<string>; notBefore: Set<string> } | null;
  /** Words that make an international body's name part of an unknown body's name (institutions.yaml `body_words`). */
  bodyWords: { ar: Set<string>; en: Set<string> };
}

function buildTables(input: TaggerInput): Tables {
  const trie = createTrie<Reading>();
  const countries = input.countries ?? defaultCountryLexicon();
  for (const form of countries.forms) {
    const toks = phraseTokens(form.text);
    if (toks.length) insert(trie, toks, { kind: "country", codes: [...form.codes], exact: form.lang === "en" ? exactLetters(form.text) : undefined, ...(form.kind === "metonym" ? { metonym: true } : {}) });
  }
  (input.places?.places ?? []).forEach((place, order) => {
    for (const name of [place.ar, place.en, ...(place.variants?.ar ?? []), ...(place.variants?.en ?? [])]) {
      const toks = phraseTokens(name);
      if (toks.length) insert(trie, toks, { kind: "place", place, order, exact: exactLetters(name) });
    }
  });
  const mentionLex = input.mentions === false ? null : (input.mentions ?? mentionLexicon());
  const locative = wordSet(mentionLex ? [...mentionLex.locative.ar, ...mentionLex.locative.en] : []);
  for (const b of [...countries.blockers.ar, ...countries.blockers.en, ...(mentionLex ? [...mentionLex.homographs.ar, ...mentionLex.homographs.en] : [])]) {
    const toks = phraseTokens(b);
    if (toks.length) insert(trie, toks, { kind: "blocker" });
  }

  const countryForms = new Set(countries.forms.map((f) => phraseTokens(f.text).join(" ")));

  const titleLex = input.titles ?? titleLexicon();
  const titles = buildTitleTrie(titleLex);
  const titleWords = wordSet([...titleLex.ranks.ar, ...titleLex.ranks.en, ...titleLex.qualifiers.ar, ...titleLex.qualifiers.en, ...titleLex.heads.ar, ...titleLex.heads.en]);
  const rankWords = wordSet([...titleLex.ranks.ar, ...titleLex.ranks.en, ...titleLex.qualifiers.ar, ...titleLex.qualifiers.en]);

  // country readings inside a phrase (for organisation names), found with the trie as built so far
  const innerCountries = (toks: string[]): InnerCountry[] => {
    const pt = pseudoTokens(toks);
    const out: InnerCountry[] = [];
    for (let i = 0; i < pt.length; ) {
      const m = longestMatch(trie, pt, i, (vs) => vs.filter((v) => v.kind === "country" || v.kind === "blocker"));
      if (m && m.values.every((v) => v.kind === "country")) {
        out.push({ offset: i, length: m.length, codes: [...new Set(m.values.flatMap((v) => (v as CountryReading).codes))] });
      }
      i += m ? m.length : 1;
    }
    return out;
  };

  interface Holder {
    actor: Actor;
    ambiguous: boolean;
  }
  const aliases = new Map<string, { toks: string[]; holders: Map<string, Holder>; exact?: string }>();
  const plainKeys = new Map<string, Set<string>>(); // actor id → keys of its title-free names
  const adjectiveNames = new Set<string>(); // `${key}|${id}` of family names that are country adjectives
  const addAlias = (actor: Actor, phrase: string, ambiguous: boolean) => {
    const toks = phraseTokens(phrase);
    if (!toks.length) return;
    const key = toks.join(" ");
    let entry = aliases.get(key);
    if (!entry) {
      entry = { toks, holders: new Map(), exact: exactLetters(phrase) };
      aliases.set(key, entry);
    }
    const prev = entry.holders.get(actor.id);
    entry.holders.set(actor.id, { actor, ambiguous: ambiguous && (prev ? prev.ambiguous : true) });
    if (!titleWords.has(toks[0]!)) plainKeys.get(actor.id)?.add(key);
  };
  for (const actor of input.actors) {
    plainKeys.set(actor.id, new Set<string>());
    for (const phrase of [actor.names.ar, actor.names.en, ...actor.aliases.ar, ...actor.aliases.en]) addAlias(actor, phrase, false);
    for (const phrase of actor.ambiguous_aliases) addAlias(actor, phrase, true);
    // a family name that is also a country adjective («محمد شياع السوداني» → «السوداني») is the person when the
    // article names them in full, and the country otherwise: an implicit ambiguous alias does exactly that
    if (actor.type === "person") {
      const last = phraseTokens(actor.names.ar).at(-1);
      if (last && countryForms.has(last) && last !== phraseTokens(actor.names.ar).join(" ")) {
        addAlias(actor, last, true);
        adjectiveNames.add(`${last}|${actor.id}`);
      }
    }
  }
  for (const [, entry] of aliases) {
    const holders = [...entry.holders.values()];
    const ambiguous = holders.length > 1 || holders[0]!.ambiguous;
    const plainHolders = holders.filter((h) => !h.ambiguous);
    // «الدولة الإسلامية في العراق»: a country after a locative word in a name is where the group acts
    const inAlias = innerCountries(entry.toks).filter((c) => c.offset === 0 || !locative.has(entry.toks[c.offset - 1]!));
    for (const h of holders) {
      const core = coreOffset(entry.toks, plainKeys.get(h.actor.id)!, titleWords);
      const inner = inAlias.filter((c) => h.actor.type !== "person" || c.offset + c.length <= core);
      const reading: ActorReading = {
        kind: "actor",
        actor: h.actor,
        ambiguous,
        isDefault: ambiguous && plainHolders.length === 1 && plainHolders[0] === h,
        core,
        inner,
        nested: [],
        exact: entry.exact,
        ...(adjectiveNames.has(`${entry.toks.join(" ")}|${h.actor.id}`) ? { adjectiveName: true } : {}),
      };
      insert(trie, entry.toks, reading);
    }
  }
  // other actors named inside an alias, found once all aliases are in the trie (unambiguous knowledge-base names
  // only). A person is never nested in another person's alias: «صدام خليفة حفتر» is Saddam, son of Khalifa, not
  // both; an international body is never nested in another's name: «بعثة الأمم المتحدة للدعم في ليبيا» is UNSMIL,
  // not also the UN.
  for (const [, entry] of aliases) {
    const hosts = [...entry.holders.values()];
    const hostIsPerson = hosts.every((h) => h.actor.type === "person");
    const hostIsInternational = hosts.every((h) => h.actor.type === "international_org");
    const pt = pseudoTokens(entry.toks);
    const nested: NestedActor[] = [];
    for (let i = 0; i < pt.length; ) {
      const m = longestMatch(trie, pt, i, (vs, start, length) =>
        start === 0 && length === pt.length
          ? []
          : vs.filter(
              (v) =>
                v.kind === "actor" &&
                !v.ambiguous &&
                !(hostIsPerson && v.actor.type === "person") &&
                !(hostIsInternational && v.actor.type === "international_org"),
            ),
      );
      if (m) nested.push({ offset: i, length: m.length, reading: m.values[0] as ActorReading });
      i += m ? m.length : 1;
    }
    if (!nested.length) continue;
    let node = trie;
    for (const t of entry.toks) node = node.next.get(t)!;
    // a person's alias nests only what its title names («قائد الجيش الوطني الليبي»), not its name ("Badr Abdelatty")
    for (const v of node.values) {
      if (v.kind !== "actor") continue;
      const plain = plainKeys.get(v.actor.id);
      let nameStart = entry.toks.length;
      if (v.actor.type === "person" && plain) {
        for (let k = 0; k < entry.toks.length; k++) {
          if (plain.has(entry.toks.slice(k).join(" "))) {
            nameStart = k;
            break;
          }
        }
      }
      v.nested = nested.filter((n) => n.reading.actor.id !== v.actor.id && n.offset + n.length <= nameStart);
    }
  }
  // dated role titles: a title written without a name names its holder on the article's date (roles.ts)
  const roleLex = input.roles === false ? null : (input.roles ?? roleLexicon());
  if (roleLex) {
    for (const [key, tenures] of buildRoleIndex(input.actors, countries, roleLex)) {
      const toks = key.split(" ");
      // a title a holder lists as an alias («رئيس المجلس الرئاسي الليبي») is read by date like any title
      let node: TrieNode<Reading> | undefined = trie;
      for (const t of toks) node = node?.next.get(t);
      const legacy: Actor[] = [];
      if (node) {
        const holders = new Set(tenures.filter((t) => t.from || t.to).map((t) => t.actor));
        node.values = node.values.filter((v) => {
          if (v.kind !== "actor" || !holders.has(v.actor)) return true;
          legacy.push(v.actor);
          return false;
        });
      }
      insert(trie, toks, { kind: "role", tenures, inner: innerCountries(toks), legacy });
    }
  }
  // the countries an actor belongs to: its own and those its Arabic names name (the US embassy in Libya: US, LY)
  const related = new Map<string, Set<string>>();
  for (const actor of input.actors) {
    // a person's own name names no country («السوداني» of Mohammed Shia al-Sudani): only the title part counts
    const innerOf = (n: string) => {
      const toks = phraseTokens(n);
      const core = actor.type === "person" ? coreOffset(toks, plainKeys.get(actor.id)!, titleWords) : toks.length;
      return innerCountries(toks).filter((c) => c.offset + c.length <= core);
    };
    const codes = new Set([actor.names.ar, ...actor.aliases.ar].flatMap((n) => innerOf(n).flatMap((c) => (c.codes.length === 1 ? c.codes : []))));
    if (actor.country) codes.add(actor.country);
    related.set(actor.id, codes);
  }
  const institutions = institutionIndex(input, countries, trie);
  const bodyWords = (input.institutions || institutionLexicon()).body_words;
  return {
    trie,
    titles,
    titleWords,
    rankWords,
    breakers: wordSet([...titleLex.breakers.ar, ...titleLex.breakers.en]),
    kinship: wordSet([...titleLex.kinship.ar, ...titleLex.kinship.en]),
    discovery: input.discover === false ? null : buildDiscoveryTables(titleLex, discoveryLexicon()),
    candidateActors: input.candidateActors !== false,
    canonical: new Map(input.actors.map((a) => [a.id, phraseTokens(a.names.ar).join(" ")])),
    startFilter: startFilter(trie),
    related,
    institutions,
    mentions: mentionLex ? buildMentionTables(mentionLex) : null,
    roleCues: roleLex ? { notAfter: wordSet([...roleLex.not_after.ar, ...roleLex.not_after.en]), notBefore: wordSet([...roleLex.not_before.ar, ...roleLex.not_before.en]) } : null,
    bodyWords: { ar: wordSet(bodyWords.ar), en: wordSet(bodyWords.en) },
  };
}

/**
 * The institution index (see institutions.ts) with what the knowledge base says about it: which actor stands for
 * a body (a knowledge-base name that is exactly a body's name: «الجيش السوداني» is the Sudanese Armed Forces, so
 * «القوات المسلحة السودانية» and "Sudan's army" are too), and which actors a bare head may refer back to (government
 * bodies whose names start with it: «حكومة الوحدة الوطنية» for «الحكومة»).
 */
interface InstitutionTables {
  index: InstitutionIndex;
  /** Knowledge-base actor per `${inst}:${code}`. */
  owners: Map<string, Actor>;
  /** Institutions each actor is a body of (knowledge-base owners and built bodies). */
  instOf: Map<string, Set<number>>;
  /** Per bare head (tokens joined): knowledge-base actors it may refer back to. */
  anaphors: Map<string, Actor[]>;
}

function institutionIndex(input: TaggerInput, countries: CountryLexicon, trie: TrieNode<Reading>): InstitutionTables | null {
  if (input.institutions === false || !countries.demonyms) return null;
  const index = buildInstitutionIndex(countries, input.institutions ?? institutionLexicon());
  const tables: InstitutionTables = { index, owners: new Map(), instOf: new Map(), anaphors: new Map() };
  // owners: knowledge-base names that are exactly a body's name; the actor whose canonical name it is wins
  const claims = new Map<string, { actor: Actor; canonical: boolean; count: number }[]>();
  for (const actor of input.actors) {
    if (actor.type === "person") continue;
    for (const name of [actor.names.ar, actor.names.en, ...actor.aliases.ar, ...actor.aliases.en]) {
      const toks = phraseTokens(name);
      const pt = pseudoTokens(toks);
      const t0 = pt[0];
      if (!t0 || (t0.script !== 2 && !mayStartArabic(index.startFilter, t0.text))) continue;
      const c = composeAt(index, trie, pt, 0, undefined) ?? composeAfterCountry(index, trie, pt, 0, undefined);
      if (!c || c.length !== toks.length) continue;
      const key = `${c.inst}:${c.code}`;
      const list = claims.get(key) ?? [];
      let claim = list.find((x) => x.actor === actor);
      if (!claim) list.push((claim = { actor, canonical: false, count: 0 }));
      claim.count++;
      if (name === actor.names.ar || name === actor.names.en) claim.canonical = true;
      claims.set(key, list);
    }
  }
  for (const [key, list] of claims) {
    const owner = list.sort((a, b) => Number(b.canonical) - Number(a.canonical) || b.count - a.count)[0]!.actor;
    tables.owners.set(key, owner);
    const inst = Number(key.split(":")[0]);
    tables.instOf.set(owner.id, new Set([...(tables.instOf.get(owner.id) ?? []), inst]));
  }
  // anaphors: government bodies and armed groups whose names start with a bare head or its construct form
  for (const [head, prefixes] of index.anaphora) {
    const list: Actor[] = [];
    for (const actor of input.actors) {
      if ((actor.type !== "government" && actor.type !== "armed_group") || !actor.country) continue;
      const starts = [actor.names.ar, ...actor.aliases.ar].some((n) => {
        const toks = phraseTokens(n);
        return prefixes.some((p) => p.length < toks.length && p.every((t, k) => toks[k] === t));
      });
      if (starts) list.push(actor);
    }
    if (list.length) tables.anaphors.set(head, list);
  }
  return tables;
}

/** The actor standing for the body of an institution in a country (knowledge base first), or null. */
function bodyActor(inst: InstitutionTables, i: number, code: string): Actor | null {
  const owner = inst.owners.get(`${i}:${code}`);
  if (owner) return owner;
  const actor = inst.index.body(i, code);
  if (actor && !inst.instOf.has(actor.id)) inst.instOf.set(actor.id, new Set([i]));
  return actor;
}

/** A body's name found in text: tokens `[start, start + length)`, the country at `country`. */
interface Composition {
  length: number;
  /** Proclitic form of the first token (0 = as written). */
  form: number;
  inst: number;
  head: number;
  code: string;
  country: { offset: number; length: number };
}

/** The country named at token `k` (no proclitic), with its length and default code. */
type Accept = (values: Reading[], start: number, length: number) => Reading[];

function countryAt(
  trie: TrieNode<Reading>,
  tokens: readonly Token[],
  k: number,
  joins: Uint8Array | undefined,
  accept: Accept | undefined,
  continued: boolean,
): { length: number; code: string } | null {
  if (k >= tokens.length || (continued && joins && !joins[k])) return null;
  const m = longestMatch(trie, tokens, k, (vs, start, length) => (accept ? accept(vs, start, length) : vs).filter((v) => v.kind === "country" || v.kind === "blocker"), joins);
  if (!m || m.form !== 0 || !m.values.every((v) => v.kind === "country")) return null;
  return { length: m.length, code: (m.values[0] as CountryReading).codes[0]! };
}

/** True for an Arabic nisba adjective with the article in a gender: «اللبنانية» (f), «اللبناني» (m). */
function isAdjective(token: Token, gender: "m" | "f"): boolean {
  const t = token.text;
  if (token.script !== 1 || !t.startsWith("ال")) return false;
  return gender === "f" ? t.endsWith("يه") : t.endsWith("ي");
}

/** Every head pattern starting at token `i`, longest first, with the proclitic form of the first token. */
function headsAt(index: InstitutionIndex, tokens: readonly Token[], i: number, joins: Uint8Array | undefined): Array<{ length: number; values: HeadPattern[]; form: number }> {
  const first = tokens[i]!;
  const forms = first.script === 1 && mayHaveProclitic(first.text) ? proclitics(first.text) : [first.text];
  const out: Array<{ length: number; values: HeadPattern[]; form: number }> = [];
  forms.forEach((f, form) => {
    let node = index.trie.next.get(f);
    let j = i + 1;
    while (node) {
      if (node.values.length) out.push({ length: j - i, values: node.values, form });
      if (j >= tokens.length || node.next.size === 0 || (joins && !joins[j])) break;
      node = node.next.get(tokens[j]!.text);
      j++;
    }
  });
  return out.sort((a, b) => b.length - a.length || a.form - b.form);
}

/** True when `after` follows at token `k`. */
function followedBy(tokens: readonly Token[], k: number, after: string[], joins: Uint8Array | undefined): boolean {
  return after.every((t, n) => tokens[k + n]?.text === t && (!joins || joins[k + n]));
}

/**
 * The longest body name starting with a head at token `i` («الحكومة اللبنانية», «وزارة الكهرباء في جمهورية
 * العراق», «حكومة مالي», "government of Lebanon"), or null.
 */
function composeAt(index: InstitutionIndex, trie: TrieNode<Reading>, tokens: readonly Token[], i: number, joins: Uint8Array | undefined, accept?: Accept): Composition | null {
  let best: Composition | null = null;
  for (const h of headsAt(index, tokens, i, joins)) {
    const j = i + h.length;
    for (const p of h.values) {
      if (p.slot !== "adj" && p.slot !== "name") continue;
      const c = countryAt(trie, tokens, j, joins, accept, true);
      if (!c) continue;
      const last = tokens[j + c.length - 1]!;
      if (p.slot === "adj" ? !isAdjective(last, p.gender) : last.script === 1 && (isAdjective(last, "m") || isAdjective(last, "f"))) continue;
      if (!followedBy(tokens, j + c.length, p.after, joins)) continue;
      const length = h.length + c.length + p.after.length;
      if (!best || length > best.length) best = { length, form: h.form, inst: p.inst, head: p.head, code: c.code, country: { offset: h.length, length: c.length } };
    }
  }
  return best;
}

/** A country form of several words that starts with a head taking a name: «حكومة مالي». */
function composeWithin(index: InstitutionIndex, tokens: readonly Token[], i: number, joins: Uint8Array | undefined, m: { length: number; values: Reading[]; form: number }): Composition | null {
  const codes = [...new Set(m.values.flatMap((v) => (v.kind === "country" ? v.codes : [])))];
  if (codes.length !== 1) return null;
  for (const h of headsAt(index, tokens, i, joins)) {
    if (h.length >= m.length || h.form !== m.form) continue;
    const p = h.values.find((v) => v.slot === "name" && v.after.length === 0);
    if (p) return { length: m.length, form: h.form, inst: p.inst, head: p.head, code: codes[0]!, country: { offset: h.length, length: m.length - h.length } };
  }
  return null;
}

/** The longest body name with an English country first ("Lebanese government", "Iraq's foreign ministry"). */
function composeAfterCountry(index: InstitutionIndex, trie: TrieNode<Reading>, tokens: readonly Token[], i: number, joins: Uint8Array | undefined, accept?: Accept): Composition | null {
  if (tokens[i]?.script !== 2) return null;
  const c = countryAt(trie, tokens, i, joins, accept, false);
  if (!c) return null;
  let j = i + c.length;
  if (tokens[j]?.text === "s" && (!joins || joins[j])) j++; // Iraq's
  if (j >= tokens.length || (joins && !joins[j])) return null;
  const heads = headsAt(index, tokens, j, joins).filter((h) => h.form === 0);
  for (const h of heads) {
    const p = h.values.find((v) => v.slot === "pre");
    if (p) return { length: j - i + h.length, form: 0, inst: p.inst, head: p.head, code: c.code, country: { offset: 0, length: c.length } };
  }
  return null;
}

/** Where the name starts inside an alias written with a title («المشير خليفة حفتر» → 1). */
function coreOffset(toks: string[], plain: Set<string>, titleWords: Set<string>): number {
  // only an alias that starts with a title has one («عبد الحميد الدبيبة» ends with «الدبيبة» but is all name)
  if (!titleWords.has(toks[0]!)) return 0;
  for (let k = 1; k < toks.length; k++) if (plain.has(toks.slice(k).join(" "))) return k;
  let k = 0;
  while (k < toks.length - 1 && titleWords.has(toks[k]!)) k++;
  return k;
}

// --- per article --------------------------------------------------------------------------------------------

interface Para {
  index: number;
  text: string;
  norm: NormalisedText;
  tokens: Token[];
  /** Per token: 0 free, 1 country/place/blocker, 2 actor, 3 person. */
  covered: Uint8Array;
  /** Per token covered by a match: that match's readings. */
  readingsAt: Array<Reading[] | undefined>;
  spans?: Array<[number, number]>;
}

interface Hit {
  para: Para;
  i: number;
  length: number;
  /** Proclitic form of the first token that matched (0 = as written). */
  form: number;
  /** The span is exactly a quoted name: «الشرق الأوسط». */
  quoted: boolean;
  /** A place opening the first paragraph as a dateline ("CAIRO —"): where the story was filed, not its country. */
  dateline?: boolean;
  readings: Reading[];
}

const OPENING_QUOTES = new Set(["«", "\u201c", "\"", "'", "\u2018"]);
const CLOSING_QUOTES = new Set(["»", "\u201d", "\"", "'", "\u2019"]);

/** True when tokens `[from, to)` are exactly the text between a pair of quotation marks. */
function isQuoted(para: Para, from: number, to: number): boolean {
  const t = para.norm.text;
  const before = t[para.tokens[from]!.start - 1];
  const after = t[para.tokens[to - 1]!.end];
  return before !== undefined && after !== undefined && OPENING_QUOTES.has(before) && CLOSING_QUOTES.has(after);
}

/**
 * Records how an actor's name is written in the article: whether its canonical Arabic name occurs, else its
 * longest written form (title and proclitics removed).
 */
interface Written {
  text: string;
  tokens: number;
  canonical: boolean;
  /** The display name of the reading written here (institution bodies), and whether it was a bare head. */
  display?: string;
  bare?: boolean;
  /** Written with a proclitic («لوزارة الصحة»). */
  clitic?: boolean;
}

function noteWritten(written: Map<string, Written>, para: Para, actor: Actor, canonicalKey: string, from: number, to: number, form: number, reading: ActorReading): void {
  const first = para.tokens[from]!;
  const forms = first.script === 1 ? proclitics(first.text) : [first.text];
  const skip = Math.max(0, first.text.length - forms[form]!.length);
  const normStart = first.start + skip;
  const normEnd = para.tokens[to - 1]!.end;
  let key = forms[form]!;
  for (let k = from + 1; k < to; k++) key += ` ${para.tokens[k]!.text}`;
  const canonical = key === canonicalKey;
  const prev = written.get(actor.id);
  if (prev && (prev.canonical || (!canonical && to - from <= prev.tokens))) return;
  if (prev && canonical) {
    prev.canonical = true;
    return;
  }
  const text = para.text.slice(para.norm.toSource[normStart]!, sourceEnd(para.text, para.norm, normEnd));
  written.set(actor.id, { text, tokens: to - from, canonical, display: reading.display, bare: reading.bare, clitic: form > 0 });
}

function sentenceOf(para: Para, at: number): string {
  para.spans ??= sentenceSpans(para.text);
  return sentenceAt(para.text, para.spans, at);
}

function sourceSpan(para: Para, from: number, to: number): [number, number] {
  const start = para.norm.toSource[para.tokens[from]!.start]!;
  const end = sourceEnd(para.text, para.norm, para.tokens[to - 1]!.end);
  return [start, end];
}

function lettersOf(text: string): string {
  return text.replace(/[^\p{L}]/gu, "");
}

/** Builds a tagger over the knowledge base and lexicons (one trie, built once). */
export function createTagger(input: TaggerInput): Tagger {
  const tables = buildTables(input);
  return { tag: (article) => tagArticle(tables, article) };
}

function tagArticle(tables: Tables, article: TagInput): TagResult {
  // 1–2. match (body only: captions and titles are not read, by the gold convention)
  const paras: Para[] = [];
  const hits: Hit[] = [];
  article.body.forEach((text, index) => {
    const norm = normaliseWithMap(text);
    const tokens = tokenize(norm.text);
    const para: Para = { index, text, norm, tokens, covered: new Uint8Array(tokens.length), readingsAt: [] };
    paras.push(para);
    // case-sensitive forms (US, UK) are checked against the letters as written
    const accept = (values: Reading[], start: number, length: number): Reading[] => {
      if (!values.some((v) => v.exact)) return values;
      const [s, e] = sourceSpan(para, start, start + length);
      const letters = lettersOf(text.slice(s, e));
      return values.filter((v) => !v.exact || v.exact === letters);
    };
    const joins = joinable(norm.text, tokens, ABBREVIATIONS);
    const filter = tables.startFilter;
    // end of the last role title seen («رئيس الحكومة العراقية»): a generated body inside one is part of a person's
    // title, not a mention of the body
    let roleEnd = 0;
    const inst = tables.institutions;
    for (let i = 0; i < tokens.length; ) {
      // most words start no phrase: reject them from their letters, without building or hashing strings
      const tok = tokens[i]!;
      const mainMay = tok.script === 1 ? mayStartArabic(filter, tok.text) : mayStart(filter, tok.text, 0);
      const headMay = inst !== null && (tok.script === 1 ? mayStartArabic(inst.index.startFilter, tok.text) : mayStart(inst.index.startFilter, tok.text, 0));
      if (!mainMay && !headMay) {
        i++;
        continue;
      }
      let m = mainMay ? longestMatch(tables.trie, tokens, i, accept, joins) : null;
      // a role title («وزير الخارجية التركي») is recorded without consuming its words: what its words name (the
      // country, an organisation: «مدير الموساد») is matched as if it were not there
      if (m && m.values.every((v) => v.kind === "role")) {
        hits.push({ para, i, length: m.length, form: m.form, quoted: false, readings: m.values });
        roleEnd = Math.max(roleEnd, i + m.length);
        m = longestMatch(tables.trie, tokens, i, (vs, start, length) => accept(vs, start, length).filter((v) => v.kind !== "role"), joins);
      }
      // an institution body («الحكومة اللبنانية», "Iraq's army") when longer than what the lexicon matches here
      if (inst) {
        let comp = headMay ? composeAt(inst.index, tables.trie, tokens, i, joins, accept) : null;
        // a country form that starts with a head names the body («حكومة مالي», «جيش مالي»: «مالي» alone is no form)
        const within = !comp && headMay && m && m.length > 1 && m.values.every((v) => v.kind === "country") ? composeWithin(inst.index, tokens, i, joins, m) : null;
        comp ??= within;
        if (m && m.values.every((v) => v.kind === "country")) {
          const pre = composeAfterCountry(inst.index, tables.trie, tokens, i, joins, accept);
          if (pre && (!comp || pre.length > comp.length)) comp = pre;
        }
        const actor = comp && (!m || comp.length > m.length || comp === within) ? bodyActor(inst, comp.inst, comp.code) : null;
        const inTitle = i < roleEnd;
        if (comp && actor && inTitle && i + comp.length <= roleEnd && !inst.owners.has(`${comp.inst}:${comp.code}`)) {
          // its country still counts; its words are no one's name for discovery
          const country: CountryReading = { kind: "country", codes: [comp.code] };
          const c0 = i + comp.country.offset;
          para.covered.fill(1, i, i + comp.length);
          for (let k = c0; k < c0 + comp.country.length; k++) para.readingsAt[k] = [country];
          hits.push({ para, i: c0, length: comp.country.length, form: 0, quoted: false, readings: [country] });
          i += comp.length;
          continue;
        }
        if (comp && actor) {
          const reading: ActorReading = {
            kind: "actor",
            actor,
            ambiguous: false,
            isDefault: false,
            core: 0,
            inner: [{ offset: comp.country.offset, length: comp.country.length, codes: [comp.code] }],
            nested: [],
            generated: true,
          };
          if (!inst.owners.has(`${comp.inst}:${comp.code}`)) reading.display = inst.index.display(comp.inst, comp.head, comp.code);
          para.covered.fill(2, i, i + comp.length);
          for (let k = i; k < i + comp.length; k++) para.readingsAt[k] = [reading];
          hits.push({ para, i, length: comp.length, form: comp.form, quoted: false, readings: [reading] });
          i += comp.length;
          continue;
        }
        const bare = !m && headMay && !inTitle ? bareAt(inst.index, tokens, i, joins) : null;
        if (bare) {
          para.covered.fill(2, i, i + bare.length);
          for (let k = i; k < i + bare.length; k++) para.readingsAt[k] = [bare.reading];
          hits.push({ para, i, length: bare.length, form: bare.form, quoted: false, readings: [bare.reading] });
          i += bare.length;
          continue;
        }
      }
      if (!m) {
        i++;
        continue;
      }
      // readings the context rules out: an outlet filing the story, a platform as channel, a capital as location
      if (tables.mentions) {
        const values = keepMentions(tables.mentions, { text: norm.text, tokens, i, length: m.length, form: m.form, paragraph: index, quoted: isQuoted(para, i, i + m.length) }, m.values);
        if (values.length === 0) {
          para.covered.fill(1, i, i + m.length);
          i += m.length;
          continue;
        }
        if (values.length !== m.values.length) m.values = values;
      }
      // a role title is read only where nothing else is: an alias or a country form of the same words wins
      if (m.values.some((v) => v.kind === "role")) m.values = m.values.filter((v) => v.kind !== "role");
      const cover = m.values.some((v) => v.kind === "actor" && v.actor.type === "person") ? 3 : m.values.some((v) => v.kind === "actor") ? 2 : 1;
      para.covered.fill(cover, i, i + m.length);
      for (let k = i; k < i + m.length; k++) para.readingsAt[k] = m.values;
      if (!m.values.some((v) => v.kind === "blocker")) {
        const hit: Hit = { para, i, length: m.length, form: m.form, quoted: isQuoted(para, i, i + m.length), readings: m.values };
        if (index === 0 && i === 0 && tables.mentions && m.values.some((v) => v.kind === "place") && isDateline(tables.mentions, { text: norm.text, tokens, i, length: m.length, form: m.form, paragraph: 0, quoted: false })) hit.dateline = true;
        hits.push(hit);
      }
      i += m.length;
    }
  });

  // 3. context: unambiguous countries, and full (unambiguous) actor mentions, nested ones included
  const contextCount = new Map<string, number>();
  const bump = (code: string) => contextCount.set(code, (contextCount.get(code) ?? 0) + 1);
  const fullCount = new Map<string, number>();
  const firstFull = new Map<string, number>();
  const countFull = (x: ActorReading, h: number) => {
    fullCount.set(x.actor.id, (fullCount.get(x.actor.id) ?? 0) + 1);
    if (!firstFull.has(x.actor.id)) firstFull.set(x.actor.id, h);
    for (const c of x.inner) if (c.codes.length === 1) bump(c.codes[0]!);
  };
  for (let h = 0; h < hits.length; h++) {
    const hit = hits[h]!;
    let code: string | undefined;
    let several = false;
    for (const r of hit.readings) {
      if (r.kind === "country") {
        for (const c of r.codes) {
          if (code === undefined) code = c;
          else if (c !== code) several = true;
        }
      }
      if (r.kind !== "actor" || (r.ambiguous && !quotedName(hit))) continue;
      countFull(r, h);
      for (const n of r.nested) countFull(n.reading, h);
    }
    if (code !== undefined && !several) bump(code);
  }
  const topCountry = [...contextCount.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const home = homeCountry(hits);
  const { bareNear, nearHolder } = nearestMentions(tables.institutions, hits);
  const pick = (codes: string[]) => (codes.length > 1 ? codes.find((c) => contextCount.has(c)) : undefined) ?? codes[0]!;

  // 4–5. resolve and emit
  const actors = new Map<string, TaggedActor>();
  const written = new Map<string, Written>();
  const countries = new Set<string>();
  const places = new Map<string, Place>();
  const mentions: Mention[] = [];
  const emitCountry = (para: Para, from: number, to: number, code: string) => {
    countries.add(code);
    const [start, end] = sourceSpan(para, from, to);
    mentions.push({ ref: `country:${code}`, paragraph: para.index, start, end, surface: para.text.slice(start, end), sentence: sentenceOf(para, start) });
  };
  const emitActor = (para: Para, from: number, length: number, reading: ActorReading, form: number) => {
    const actor = reading.actor;
    if (!actors.has(actor.id)) {
      actors.set(actor.id, { id: actor.id, ar: actor.names.ar, en: actor.names.en, type: actor.type, ...(actor.provisional ? { provisional: true } : {}) });
    }
    if (!reading.role) noteWritten(written, para, actor, tables.canonical.get(actor.id) ?? "", from + Math.min(reading.core, length - 1), from + length, reading.core > 0 ? 0 : form, reading);
    const [start, end] = sourceSpan(para, from, from + length);
    const mention: Mention = { ref: actor.id, paragraph: para.index, start, end, surface: para.text.slice(start, end), sentence: sentenceOf(para, start) };
    if (reading.role) mention.role = mention.surface;
    else if (actor.type === "person") {
      const role = roleBefore(tables, para, from + Math.min(reading.core, length - 1), actor.id);
      if (role) mention.role = role;
    }
    mentions.push(mention);
    for (const c of reading.inner) emitCountry(para, from + c.offset, from + c.offset + c.length, pick(c.codes));
  };
  hits.forEach((hit, h) => {
    const { para, i, length } = hit;
    const actorReadings = hit.readings.filter((r): r is ActorReading => r.kind === "actor");
    const countryCodes = [...new Set(hit.readings.flatMap((r) => (r.kind === "country" ? r.codes : [])))];
    const placeReadings = hit.readings.filter((r): r is PlaceReading => r.kind === "place").sort((a, b) => a.order - b.order);

    // places, then countries: a place read through context (the Libyan checkpoint «السلفادور») hides a country
    // reading of another country at the same span
    let place: PlaceEntry | undefined = placeReadings.find((r) => contextCount.has(r.place.country))?.place;
    const placeByContext = place !== undefined;
    place ??= placeReadings.find((r) => r.place.when !== "context")?.place;
    if (place) {
      const key = `${place.ar}|${place.country}`;
      if (!places.has(key)) places.set(key, { ar: place.ar, en: place.en, country: place.country });
    }
    const roleReading = hit.readings.find((r): r is RoleReading => r.kind === "role");
    if (roleReading) {
      const holder = resolveRole(tables, hits, h, roleReading, article.date ?? undefined, fullCount, home);
      if (holder) emitActor(para, i, length, { kind: "actor", actor: holder, ambiguous: false, isDefault: false, core: 0, inner: [], nested: [], role: true }, hit.form);
      return;
    }
    const bareReading = hit.readings.find((r): r is BareReading => r.kind === "bare");
    const reading = bareReading
      ? resolveBare(tables, hits, h, bareReading, bareNear.get(h), fullCount, firstFull, home)
      : actorReadings.length === 0
        ? undefined
        : actorReadings.length === 1 && (!actorReadings[0]!.ambiguous || hit.quoted)
          ? actorReadings[0]!
          : resolveHolder(tables, hits, h, actorReadings, nearHolder.get(h), fullCount, firstFull, topCountry, contextCount, article.date ?? undefined);
    // a word that is a person's name here («السوداني» for Mohammed Shia al-Sudani) names no country
    const countryHidden = (placeByContext && place && !countryCodes.includes(place.country)) || reading?.actor.type === "person";
    if (countryCodes.length > 0 && !countryHidden) emitCountry(para, i, i + length, pick(countryCodes));
    if (!reading || partOfUnknownBody(tables.bodyWords, hit, reading)) {
      // an alias that names no one here («بن سلمان» in «عبدالعزيز بن سلمان») is free text for discovery
      if (actorReadings.length || bareReading) para.covered.fill(countryCodes.length || placeReadings.length ? 1 : 0, i, i + length);
      return;
    }
    // a bare head with a generic qualifier is written with it: «الحكومة الاتحادية», «وزارة المالية الاتحادية»
    const next = reading.bare ? para.tokens[i + length] : undefined;
    // (an Arabic qualifier agrees with the head: «انتخابات مجلس النواب المقبلة» qualifies the elections)
    const agrees = next === undefined || next.script !== 1 || !bareReading || bareReading.patterns.some((p) => (p.gender === "f") === next.text.endsWith("ه"));
    const qualified =
      next !== undefined && agrees && !para.readingsAt[i + length] && !!tables.institutions?.index.qualifiers.has(next.text) && para.norm.text.slice(para.tokens[i + length - 1]!.end, next.start).trim() === "";
    emitActor(para, i, qualified ? length + 1 : length, reading, hit.form);
    for (const n of reading.nested) emitActor(para, i + n.offset, n.length, n.reading, 0);
  });
  // the Arabic name as this article writes it when the canonical spelling is absent (عبدالفتاح / عبد الفتاح):
  // the scorer and readers compare names as written
  // An institution body («الحكومة اللبنانية») shows, when its canonical name is not written, its head with the
  // country («وزارة الكهرباء العراقية» for «وزارة الكهرباء في جمهورية العراق», «مجلس الوزراء السعودي» for
  // "the cabinet" in a Saudi story); a bare head an Arabic article writes alone («وزارة الداخلية») is shown as
  // written, unless only with a proclitic («لوزارة الصحة العامة»): then with its country.
  for (const [id, w] of written) {
    const tagged = actors.get(id)!;
    if (w.canonical) continue;
    // a body written head + adjective («الحكومة الأمريكية») keeps the article's spelling of the adjective
    if (w.display && article.lang === "ar" && !w.bare && !w.clitic && ADJECTIVE_LAST.test(w.text)) tagged.ar = w.text;
    else if (w.display && (article.lang === "en" || !w.bare || w.clitic)) tagged.ar = w.display;
    else if (article.lang === "ar") tagged.ar = w.text;
  }
  mentions.sort((a, b) => a.paragraph - b.paragraph || a.start - b.start || a.end - b.end);

  // 6. discovery over what no entity covered
  let candidates: Candidate[] = [];
  if (tables.discovery) {
    const found = paras.flatMap((p) => discoverInParagraph(tables.discovery!, { text: p.text, norm: p.norm, tokens: p.tokens, covered: p.covered, sentence: (at) => sentenceOf(p, at) }, article.lang));
    candidates = mergeCandidates(found);
  }
  const tagged = [...actors.values()];
  if (tables.candidateActors) {
    for (const c of candidates) {
      if (!c.name_ar && article.lang === "ar") continue;
      tagged.push({ id: `provisional-${candidateSlug(c)}`, ar: c.name_ar ?? "", en: c.suggested_en, type: c.kind, provisional: true });
    }
  }

  return { actors: tagged, countries: [...countries], places: [...places.values()], mentions, candidates };
}

/**
 * The holder a role title written without a name refers to («وزير الخارجية التركي», "Iraq's prime minister"):
 *   0. none when a word before makes it another office or someone else («نائب», "deputy", "former"), a word after
 *      makes it a former or future holder («السابق»), or a name follows (the name is the mention);
 *   1. the holders on the article's date (none without a date, unless the article names one holder in full);
 *   2. several: those of the article's home country, then those it names in full; exactly one remains, or none.
 */
function resolveRole(tables: Tables, hits: Hit[], h: number, role: RoleReading, date: string | undefined, fullCount: Map<string, number>, home: string | undefined): Actor | undefined {
  const { para, i, length } = hits[h]!;
  const cues = tables.roleCues;
  if (!cues) return undefined;
  const stemsOf = (t: Token | undefined) => (!t ? [] : t.script === 1 ? proclitics(t.text) : [t.text]);
  const gap = (a: number, b: number) => para.norm.text.slice(para.tokens[a]!.end, para.tokens[b]!.start);
  if (i > 0 && !/[.!?\u061f\u061b;:,\u060c]/.test(gap(i - 1, i)) && stemsOf(para.tokens[i - 1]).some((f) => cues.notAfter.has(f))) return undefined;
  const next = para.tokens[i + length];
  if (next && stemsOf(next).some((f) => cues.notBefore.has(f))) return undefined;
  // a name written after the title: a known person, or a word discovery reads as a given name
  let k = h + 1;
  while (hits[k] && hits[k]!.para === para && hits[k]!.i < i + length) k++;
  const after = hits[k];
  if (after && after.para === para && after.i === i + length && after.readings.some((r) => r.kind === "actor" && r.actor.type === "person")) return undefined;
  if (next && !/[.!?\u061f\u061b;:]/.test(gap(i + length - 1, i + length)) && tables.discovery?.given.has(next.text)) return undefined;
  let holders = date ? holdersOn(role.tenures, date) : [...new Set(role.tenures.map((t) => t.actor))].filter((a) => fullCount.has(a.id));
  if (!date && holders.length === 0 && role.legacy.length === 1) holders = role.legacy;
  if (holders.length > 1 && home) {
    const local = holders.filter((a) => a.country === home);
    if (local.length) holders = local;
  }
  if (holders.length > 1) holders = holders.filter((a) => fullCount.has(a.id));
  return holders.length === 1 ? holders[0] : undefined;
}

/** The readings of a match that remain mentions in their context (see mentions.ts). */
function keepMentions(t: MentionTables, span: MatchSpan, values: Reading[]): Reading[] {
  let ordinary: boolean | undefined;
  let location: boolean | undefined;
  return values.filter((v) => {
    if (v.kind === "actor") {
      if (v.actor.type === "media" && isDatelineOutlet(t, span)) return false;
      if (isPlatformChannel(t, span, v.actor.id)) return false;
      return !(ordinary ??= isOrdinaryWords(t, span));
    }
    if (v.kind === "country" && v.metonym) return !(location ??= isPlainLocation(t, span));
    return true;
  });
}

/**
 * An ambiguous alias held by one actor and written in quotation marks names that actor: quotes mark a proper name
 * («الشرق الأوسط» the newspaper, not the region).
 */
function quotedName(hit: Hit): boolean {
  return hit.quoted && hit.readings.filter((r) => r.kind === "actor").length === 1;
}

/**
 * Resolves an ambiguous alias (a bare family name shared by relatives, a generic «وزارة الدفاع») to one holder:
 *   0. (before this function) an alias with one holder written in quotes is that holder, and counts as a full name;
 *   1. the holder named in full nearest before it in the same paragraph — unless a kinship word precedes the
 *      alias («نجل حفتر»), which points away from that person: then the rules below pick among the others;
 *   2. else the article's dominant holder: most full-name mentions, ties to the one named first;
 *   3. else, relatives sharing a family name (every holder a person): the one holding a dated role on the date;
 *   4. else the only holder from the article's main country;
 *   5. else, other shared aliases: the one holding a dated role on the date among the holders of the article's main
 *      country (none there: of a country it names, or of no country) — the country filters before the date;
 *   6. else the default holder (the only one listing the alias as a plain alias in the knowledge base);
 *   7. else nothing: an unresolvable alias is not tagged.
 */
function resolveHolder(
  tables: Tables,
  hits: Hit[],
  h: number,
  readings: ActorReading[],
  near: string | undefined,
  fullCount: Map<string, number>,
  firstFull: Map<string, number>,
  topCountry: string | undefined,
  namedCountries: ReadonlyMap<string, number>,
  date: string | undefined,
): ActorReading | undefined {
  const hit = hits[h]!;
  const byId = new Map(readings.map((r) => [r.actor.id, r]));
  const prev = hit.i > 0 ? hit.para.tokens[hit.i - 1] : undefined;
  const afterKinship = prev ? proclitics(prev.text).some((f) => tables.kinship.has(f)) : false;

  let excluded: string | undefined;
  if (near) {
    if (!afterKinship) return byId.get(near);
    excluded = near;
  }
  let pool = readings.filter((r) => r.actor.id !== excluded);
  const named = pool.filter((r) => (fullCount.get(r.actor.id) ?? 0) > 0);
  if (named.length > 0) {
    named.sort((a, b) => fullCount.get(b.actor.id)! - fullCount.get(a.actor.id)! || firstFull.get(a.actor.id)! - firstFull.get(b.actor.id)!);
    return named[0];
  }
  // a family name that is also a country adjective («السوداني») names a person only with the full name written
  pool = pool.filter((r) => !r.adjectiveName);
  if (pool.length === 0) return undefined;
  // relatives sharing a family name (every holder a person): the one holding a dated role on the article's date
  // («القذافي» in 2011) — the date, not the country, tells relatives apart, so it is tried first
  const family = pool.every((r) => r.actor.type === "person");
  if (family && date) {
    const current = holderOn(pool, date);
    if (current) return current;
  }
  // an alias only one actor holds, and only as ambiguous («لجنة مراقبة وقف إطلاق النار»), names it in an article
  // about its country
  const isLocal = (r: ActorReading, code: string) => tables.related.get(r.actor.id)?.has(code) ?? r.actor.country === code;
  const local = topCountry ? pool.filter((r) => isLocal(r, topCountry)) : [];
  if (local.length === 1 && (pool.length > 1 || !local[0]!.isDefault)) return local[0];
  // organisations sharing an alias («الحركة الشعبية»): the date rule runs only among the holders of the article's
  // country, else among those of a country it names (or of none: international bodies) — an open-ended role is no
  // reason to name another country's party
  if (!family && date) {
    const inArticle = (r: ActorReading) => {
      const codes = tables.related.get(r.actor.id) ?? new Set(r.actor.country ? [r.actor.country] : []);
      return codes.size === 0 || [...codes].some((c) => namedCountries.has(c));
    };
    const current = holderOn(local.length > 0 ? local : topCountry ? pool.filter(inArticle) : pool, date);
    if (current) return current;
  }
  return pool.find((r) => r.isDefault);
}

/**
 * The one holder with a dated role on `date`; several active: the longest in office (the family's senior figure:
 * Muammar over his sons' commands in 2011), or none when two began together.
 */
function holderOn(pool: readonly ActorReading[], date: string): ActorReading | undefined {
  if (pool.length < 2) return undefined;
  const active = pool.filter((r) => activeOn(r.actor, date));
  if (active.length === 1) return active[0];
  if (active.length > 1) {
    const since = (r: ActorReading) => activeSince(r.actor, date) ?? "9999";
    active.sort((a, b) => since(a).localeCompare(since(b)));
    if (since(active[0]!) !== since(active[1]!)) return active[0];
  }
  return undefined;
}

/**
 * The article's home country: the country its body is most about, counting country names and the countries of
 * the (non-international, non-media) actors it names in full; the first paragraph counts double. Ties go to the
 * country named first.
 */
function homeCountry(hits: Hit[]): string | undefined {
  const score = new Map<string, number>();
  for (const hit of hits) {
    const weight = hit.para.index === 0 ? 2 : 1;
    const codes = new Set<string>();
    const countryCodes = new Set(hit.readings.flatMap((r) => (r.kind === "country" ? r.codes : [])));
    if (countryCodes.size === 1) codes.add([...countryCodes][0]!);
    const actors = hit.readings.filter((r): r is ActorReading => r.kind === "actor");
    if (actors.length === 1 && !actors[0]!.ambiguous) {
      const r = actors[0]!;
      if (r.actor.country && r.actor.type !== "international_org" && r.actor.type !== "media") codes.add(r.actor.country);
      for (const c of r.inner) if (c.codes.length === 1) codes.add(c.codes[0]!);
    }
    // a place says where the story is: its country, when the place has one reading
    if (!codes.size && actors.length === 0 && !hit.dateline) {
      const places = hit.readings.filter((r): r is PlaceReading => r.kind === "place" && r.place.when !== "context");
      if (places.length === 1) codes.add(places[0]!.place.country);
    }
    for (const c of codes) score.set(c, (score.get(c) ?? 0) + weight);
  }
  let best: string | undefined;
  for (const [code, n] of score) if (best === undefined || n > score.get(best)!) best = code;
  return best;
}

/**
 * Resolves a bare institution head («الحكومة», «وزارة الخارجية», "the army") to one body:
 *   1. the body (or a proper name starting with the head: «حكومة الوحدة الوطنية») named in full nearest before it
 *      in the same paragraph;
 *   2. else the body of the article's home country, or a proper name of it the article names (most named first);
 *   3. else nothing.
 * A head followed by an adjective that names no country («البنك المركزي الأوروبي», «البرلمان العربي»), written in a
 * person's title («رئيس الحكومة»), or, in English, preceded by a capitalised word ("European Central Bank") or
 * without "the" ("army units") is no mention: nothing either.
 */
function resolveBare(
  tables: Tables,
  hits: Hit[],
  h: number,
  bare: BareReading,
  near: Actor | undefined,
  fullCount: Map<string, number>,
  firstFull: Map<string, number>,
  home: string | undefined,
): ActorReading | undefined {
  const inst = tables.institutions!;
  const hit = hits[h]!;
  if (!standsAlone(inst.index, hit, bare.patterns.some((p) => p.needsThe))) return undefined;
  const insts = new Set(bare.patterns.map((p) => p.inst));
  const anaphors = bare.patterns.some((p) => p.anaphora) ? (inst.anaphors.get(bare.key) ?? []) : [];
  const bodyOf = (a: Actor) => [...(inst.instOf.get(a.id) ?? [])].find((i) => insts.has(i));
  const make = (actor: Actor): ActorReading => {
    const i = bodyOf(actor);
    const pattern = bare.patterns.find((p) => p.inst === i) ?? bare.patterns[0]!;
    const reading: ActorReading = { kind: "actor", actor, ambiguous: true, isDefault: false, core: 0, inner: [], nested: [], generated: true, bare: true };
    if (i !== undefined && actor.country && inst.index.body(i, actor.country) === actor) reading.display = inst.index.display(i, pattern.head, actor.country);
    return reading;
  };
  if (near) return make(near);
  if (!home) return undefined;
  const local: Actor[] = [];
  for (const i of insts) {
    const a = bodyActor(inst, i, home);
    if (a && !local.includes(a)) local.push(a);
  }
  // a proper name starting with the head counts only when the article names it
  for (const a of anaphors) if (a.country === home && fullCount.has(a.id) && !local.includes(a)) local.push(a);
  if (!local.length) return undefined;
  local.sort(
    (a, b) =>
      (fullCount.get(b.id) ?? 0) - (fullCount.get(a.id) ?? 0) ||
      Number(anaphors.includes(a)) - Number(anaphors.includes(b)) ||
      (firstFull.get(a.id) ?? Infinity) - (firstFull.get(b.id) ?? Infinity),
  );
  return make(local[0]!);
}

/**
 * What the resolvers look back for, in one pass over the hits (so a paragraph of many ambiguous names stays
 * linear): for each bare head, the body (or proper name starting with the head) named in full nearest before it in
 * the same paragraph (rule 1 of `resolveBare`); for each ambiguous alias, its holder named in full nearest before it
 * in the same paragraph (rule 1 of `resolveHolder`).
 */
function nearestMentions(inst: InstitutionTables | null, hits: Hit[]): { bareNear: Map<number, Actor>; nearHolder: Map<number, string> } {
  const bareNear = new Map<number, Actor>();
  const nearHolder = new Map<number, string>();
  let para: Para | undefined;
  const lastBody = new Map<number, { actor: Actor; h: number }>();
  const lastActor = new Map<string, { actor: Actor; h: number }>();
  hits.forEach((hit, h) => {
    if (hit.para !== para) {
      para = hit.para;
      lastBody.clear();
      lastActor.clear();
    }
    const bare = hit.readings.find((r): r is BareReading => r.kind === "bare");
    if (bare && inst) {
      let best: { actor: Actor; h: number } | undefined;
      for (const p of bare.patterns) {
        const b = lastBody.get(p.inst);
        if (b && (!best || b.h > best.h)) best = b;
      }
      if (bare.patterns.some((p) => p.anaphora)) {
        for (const a of inst.anaphors.get(bare.key) ?? []) {
          const m = lastActor.get(a.id);
          if (m && (!best || m.h > best.h)) best = m;
        }
      }
      if (best) bareNear.set(h, best.actor);
      return;
    }
    let nearest = -1;
    for (const r of hit.readings) {
      if (r.kind !== "actor" || !r.ambiguous) continue;
      const m = lastActor.get(r.actor.id);
      if (m && m.h > nearest) {
        nearest = m.h;
        nearHolder.set(h, r.actor.id);
      }
    }
    for (const r of hit.readings) {
      if (r.kind !== "actor" || r.ambiguous) continue;
      for (const x of [r, ...r.nested.map((n) => n.reading)]) {
        lastActor.set(x.actor.id, { actor: x.actor, h });
        for (const i of inst?.instOf.get(x.actor.id) ?? []) lastBody.set(i, { actor: x.actor, h });
      }
    }
  });
  return { bareNear, nearHolder };
}

/** The bare head at token `i` (the longest), or null. */
function bareAt(index: InstitutionIndex, tokens: readonly Token[], i: number, joins: Uint8Array | undefined): { length: number; form: number; reading: BareReading } | null {
  for (const h of headsAt(index, tokens, i, joins)) {
    const patterns = h.values.filter((p) => p.slot === "none");
    if (patterns.length) return { length: h.length, form: h.form, reading: { kind: "bare", patterns, key: patterns[0]!.before.join(" ") } };
  }
  return null;
}

const ARABIC_ARTICLE = CLITICS.definite;
/** A name ending in a nisba adjective with the article («… الأمريكية», «… العراقي»). */
const ADJECTIVE_LAST = /(^|\s)ال\S*(ي|ية|يه)$/u;

/** False when a bare head is part of a longer name or of a person's title (see `resolveBare`). */
function standsAlone(index: InstitutionIndex, hit: Hit, needsThe: boolean): boolean {
  const { para, i, length } = hit;
  const before = i > 0 ? para.tokens[i - 1] : undefined;
  const joined = before !== undefined && para.norm.text.slice(before.end, para.tokens[i]!.start).trim() === "";
  if (needsThe && !(joined && before.text === "the")) return false;
  if (joined && before.script === 1 && hit.form === 0 && proclitics(before.text).some((f) => index.titleWords.has(f))) return false;
  const next = para.tokens[i + length];
  if (next && next.script === 1 && para.norm.text.slice(para.tokens[i + length - 1]!.end, next.start).trim() === "") {
    // a nisba adjective (ال…ي / ال…ية) that is no country and no generic qualifier names another body
    const t = next.text;
    if (t.startsWith(ARABIC_ARTICLE) && /(ي|يه)$/.test(t) && !index.qualifiers.has(t) && !para.readingsAt[i + length]?.some((r) => r.kind === "country")) return false;
  }
  const prev = i > 0 ? para.tokens[i - 1] : undefined;
  if (prev && prev.script === 2 && para.norm.text.slice(prev.end, para.tokens[i]!.start).trim() === "") {
    const first = para.text[para.norm.toSource[prev.start]!] ?? "";
    if (first !== first.toLowerCase() && prev.text !== "the" && !para.readingsAt[i - 1]) return false;
  }
  return true;
}

/**
 * True when an international organisation's name is only part of an unknown body's name: «بعثة الأمم المتحدة
 * لمساعدة العراق» names UNAMI, "the United Nations mission in Iraq" too, not the UN itself.
 */
function partOfUnknownBody(bodyWords: Tables["bodyWords"], hit: Hit, reading: ActorReading): boolean {
  if (reading.actor.type !== "international_org") return false;
  const { para, i, length } = hit;
  const prev = i > 0 ? para.tokens[i - 1] : undefined;
  if (prev && prev.script === 1 && !para.readingsAt[i - 1] && para.norm.text.slice(prev.end, para.tokens[i]!.start).trim() === "") {
    if (proclitics(prev.text).some((f) => bodyWords.ar.has(f))) return true;
  }
  const next = para.tokens[i + length];
  return !!next && next.script === 2 && !para.readingsAt[i + length] && bodyWords.en.has(next.text) && para.norm.text.slice(para.tokens[i + length - 1]!.end, next.start).trim() === "";
}

const ROLE_STOP = /[.!?\u061f\u061b;:\n]/;
const ROLE_COMMA = /[,\u060c]/;

/**
 * The title phrase written before a name: going back from the name over at most `MAX_ROLE_TOKENS` words, within
 * the sentence and clause (a comma is crossed only directly before the name), stopping at a breaker word
 * (verbs of saying, particles); the role is the text from the leftmost title word found to the name.
 */
function roleBefore(tables: Tables, para: Para, nameStart: number, actorId: string): string | undefined {
  const { tokens, norm, text } = para;
  let from = nameStart;
  for (let k = nameStart - 1; k >= 0 && nameStart - k <= MAX_ROLE_TOKENS; k--) {
    const gap = norm.text.slice(tokens[k]!.end, tokens[k + 1]!.start);
    if (ROLE_STOP.test(gap.replace(/\./g, ""))) break;
    if (gap.includes(".") && !(tables.rankWords.has(tokens[k]!.text) || tokens[k]!.text.length === 1)) break;
    if (ROLE_COMMA.test(gap) && k + 1 !== nameStart) break;
    // another person's name ends the title; a title written as this person's alias («رئيس حكومة الوحدة الوطنية،
    // عبد الحميد الدبيبة») belongs to it
    if (para.covered[k] === 3 && !para.readingsAt[k]!.some((r) => r.kind === "actor" && r.actor.id === actorId)) break;
    if (proclitics(tokens[k]!.text).some((f) => tables.breakers.has(f))) break;
    from = k;
  }
  for (let q = from; q < nameStart; q++) {
    const m = longestMatch(tables.titles, tokens, q);
    // a role starts with a rank or an office word, never with a qualifier such as «أول»
    if (!m || q + m.length > nameStart || m.values.every((v) => v === "qualifier")) continue;
    const forms = tokens[q]!.script === 1 ? proclitics(tokens[q]!.text) : [tokens[q]!.text];
    const skip = Math.max(0, tokens[q]!.text.length - forms[m.form]!.length);
    const start = norm.toSource[tokens[q]!.start + skip]!;
    let end = sourceEnd(text, norm, tokens[nameStart - 1]!.end);
    if (text[end] === "." && tokens[nameStart - 1]!.script === 2) end++; // keep the stop of "Gen."
    const role = text.slice(start, end).replace(/[\s,\u060c]+$/u, "");
    return role || undefined;
  }
  return undefined;
}
