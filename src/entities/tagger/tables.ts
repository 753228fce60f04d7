/**
 * The tables a tagger builds once over the knowledge base and lexicons: one token trie of actor aliases, country
 * forms, places, blockers and role titles, the title and discovery tables, and the institution index.
 */
import { activeOn } from "../roles.ts";
import type { Actor } from "../../schemas/actor.ts";
import { type CountryLexicon, defaultCountryLexicon } from "../countries.ts";
import { buildDiscoveryTables, buildTitleTrie } from "../discover.ts";
import { buildInstitutionIndex } from "../institutions.ts";
import { discoveryLexicon, institutionLexicon, mentionLexicon, roleLexicon, titleLexicon } from "../lexicon.ts";
import { buildMentionTables } from "../mentions.ts";
import { buildRoleIndex } from "../roles.ts";
import type { TaggerInput } from "../tagger.ts";
import type { Token } from "../tokens.ts";
import { type TrieNode, createTrie, insert, longestMatch, mayStartArabic, phraseTokens, startFilter } from "../trie.ts";
import { composeAfterCountry, composeAt } from "./find.ts";
import type { ActorReading, CountryReading, InnerCountry, InstitutionTables, NestedActor, Reading, Tables } from "./readings.ts";

/**
 * English forms of at most this many letters written all in capitals (US, UK, UAE, IS) only match when written
 * so: in lower case they are ordinary words ("us", "is").
 */
export const MAX_CASE_SENSITIVE_LETTERS = 4;

export function exactLetters(phrase: string): string | undefined {
  const letters = phrase.replace(/[^\p{L}]/gu, "");
  if (!/^[A-Z]+$/.test(letters) || letters.length > MAX_CASE_SENSITIVE_LETTERS) return undefined;
  return letters;
}

export function pseudoTokens(words: string[]): Token[] {
  return words.map((w) => ({ text: w, start: 0, end: w.length, script: /^[\u0621-\u06ff]/.test(w) ? 1 : /^\d/.test(w) ? 3 : 2 }) as Token);
}

/** Single normalised words of a list of phrases. */
export function wordSet(phrases: string[]): Set<string> {
  const out = new Set<string>();
  for (const p of phrases) for (const t of phraseTokens(p)) out.add(t);
  return out;
}

/**
 * Builds the tables in phases, each adding to one trie: 1. country forms, places and blockers; 2. actor aliases
 * (collected, then inserted with the countries inside them); 3. actors nested inside aliases; 4. dated role
 * titles; then the countries each actor belongs to, the institution index and the word sets.
 */
export function buildTables(input: TaggerInput): Tables {
  const trie = createTrie<Reading>();
  const countries = input.countries ?? defaultCountryLexicon();
  insertCountryForms(trie, countries);
  insertPlaces(trie, input.places?.places ?? []);
  const mentionLex = input.mentions === false ? null : (input.mentions ?? mentionLexicon());
  const locative = wordSet(mentionLex ? [...mentionLex.locative.ar, ...mentionLex.locative.en] : []);
  insertBlockers(trie, [...countries.blockers.ar, ...countries.blockers.en, ...(mentionLex ? [...mentionLex.homographs.ar, ...mentionLex.homographs.en] : [])]);

  const countryForms = new Set(countries.forms.map((f) => phraseTokens(f.text).join(" ")));

  const titleLex = input.titles ?? titleLexicon();
  const titles = buildTitleTrie(titleLex);
  const titleWords = wordSet([...titleLex.ranks.ar, ...titleLex.ranks.en, ...titleLex.qualifiers.ar, ...titleLex.qualifiers.en, ...titleLex.heads.ar, ...titleLex.heads.en]);
  const rankWords = wordSet([...titleLex.ranks.ar, ...titleLex.ranks.en, ...titleLex.qualifiers.ar, ...titleLex.qualifiers.en]);

  const aliases = collectAliases(input.actors, titleWords, countryForms);
  insertAliases(trie, aliases, titleWords, locative);
  nestActors(trie, aliases);
  // dated role titles: a title written without a name names its holder on the article's date (roles.ts)
  const roleLex = input.roles === false ? null : (input.roles ?? roleLexicon());
  if (roleLex) insertRoles(trie, input.actors, countries, roleLex);
  const related = relatedCountries(trie, input.actors, aliases.plainKeys, titleWords);
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
    roleCues: roleLex
      ? {
          notAfter: wordSet([...roleLex.not_after.ar, ...roleLex.not_after.en]),
          notBefore: wordSet([...roleLex.not_before.ar, ...roleLex.not_before.en]),
          previousAfter: wordSet(roleLex.previous.after),
          previousBefore: wordSet(roleLex.previous.before),
        }
      : null,
    bodyWords: { ar: wordSet(bodyWords.ar), en: wordSet(bodyWords.en) },
  };
}

/** Phase 1: every written form of a country (names, adjectives, metonyms). */
export function insertCountryForms(trie: TrieNode<Reading>, countries: CountryLexicon): void {
  for (const form of countries.forms) {
    const toks = phraseTokens(form.text);
    if (toks.length) insert(trie, toks, { kind: "country", codes: [...form.codes], exact: form.lang === "en" ? exactLetters(form.text) : undefined, ...(form.kind === "metonym" ? { metonym: true } : {}) });
  }
}

/** Phase 1: every name and variant of a place, with its order in the gazetteer. */
export function insertPlaces(trie: TrieNode<Reading>, places: NonNullable<TaggerInput["places"]>["places"]): void {
  places.forEach((place, order) => {
    for (const name of [place.ar, place.en, ...(place.variants?.ar ?? []), ...(place.variants?.en ?? [])]) {
      const toks = phraseTokens(name);
      if (toks.length) insert(trie, toks, { kind: "place", place, order, exact: exactLetters(name) });
    }
  });
}

/** Phase 1: phrases that look like a country or an actor and are neither (blockers, homographs). */
export function insertBlockers(trie: TrieNode<Reading>, phrases: string[]): void {
  for (const b of phrases) {
    const toks = phraseTokens(b);
    if (toks.length) insert(trie, toks, { kind: "blocker" });
  }
}

/** Country readings inside a phrase (for organisation names), found with the trie as built so far. */
export function innerCountries(trie: TrieNode<Reading>, toks: string[]): InnerCountry[] {
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
}

interface Holder {
  actor: Actor;
  ambiguous: boolean;
}

/** Every alias of the knowledge base, by its normalised key, with the actors holding it. */
export interface AliasTable {
  aliases: Map<string, { toks: string[]; holders: Map<string, Holder>; exact?: string }>;
  /** actor id → keys of its title-free names */
  plainKeys: Map<string, Set<string>>;
  /** `${key}|${id}` of family names that are country adjectives */
  adjectiveNames: Set<string>;
}

/** Phase 2a: collects the aliases of every actor (names, aliases, ambiguous aliases, country-adjective family names). */
export function collectAliases(actors: readonly Actor[], titleWords: Set<string>, countryForms: Set<string>): AliasTable {
  const aliases: AliasTable["aliases"] = new Map();
  const plainKeys = new Map<string, Set<string>>();
  const adjectiveNames = new Set<string>();
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
  for (const actor of actors) {
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
  return { aliases, plainKeys, adjectiveNames };
}

/** Phase 2b: one actor reading per alias and holder, with where its name starts and the countries inside it. */
export function insertAliases(trie: TrieNode<Reading>, table: AliasTable, titleWords: Set<string>, locative: Set<string>): void {
  const { aliases, plainKeys, adjectiveNames } = table;
  for (const [, entry] of aliases) {
    const holders = [...entry.holders.values()];
    const ambiguous = holders.length > 1 || holders[0]!.ambiguous;
    const plainHolders = holders.filter((h) => !h.ambiguous);
    // «الدولة الإسلامية في العراق»: a country after a locative word in a name is where the group acts
    const inAlias = innerCountries(trie, entry.toks).filter((c) => c.offset === 0 || !locative.has(entry.toks[c.offset - 1]!));
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
}

/**
 * Phase 3: other actors named inside an alias, found once all aliases are in the trie (unambiguous knowledge-base
 * names only). A person is never nested in another person's alias: «صدام خليفة حفتر» is Saddam, son of Khalifa, not
 * both; an international body is never nested in another's name: «بعثة الأمم المتحدة للدعم في ليبيا» is UNSMIL,
 * not also the UN.
 */
export function nestActors(trie: TrieNode<Reading>, table: Pick<AliasTable, "aliases" | "plainKeys">): void {
  const { aliases, plainKeys } = table;
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
}

/** Phase 4: dated role titles; a title a holder also lists as an alias is read by date instead of as the alias. */
export function insertRoles(trie: TrieNode<Reading>, actors: readonly Actor[], countries: CountryLexicon, roleLex: NonNullable<ReturnType<typeof roleLexicon>>): void {
  for (const [key, tenures] of buildRoleIndex(actors, countries, roleLex)) {
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
    insert(trie, toks, { kind: "role", tenures, inner: innerCountries(trie, toks), legacy });
  }
}

/** The countries an actor belongs to: its own and those its Arabic names name (the US embassy in Libya: US, LY). */
export function relatedCountries(trie: TrieNode<Reading>, actors: readonly Actor[], plainKeys: ReadonlyMap<string, Set<string>>, titleWords: Set<string>): Map<string, Set<string>> {
  const related = new Map<string, Set<string>>();
  for (const actor of actors) {
    // a person's own name names no country («السوداني» of Mohammed Shia al-Sudani): only the title part counts
    const innerOf = (n: string) => {
      const toks = phraseTokens(n);
      const core = actor.type === "person" ? coreOffset(toks, plainKeys.get(actor.id)!, titleWords) : toks.length;
      return innerCountries(trie, toks).filter((c) => c.offset + c.length <= core);
    };
    const codes = new Set([actor.names.ar, ...actor.aliases.ar].flatMap((n) => innerOf(n).flatMap((c) => (c.codes.length === 1 ? c.codes : []))));
    if (actor.country) codes.add(actor.country);
    related.set(actor.id, codes);
  }
  return related;
}

export function institutionIndex(input: TaggerInput, countries: CountryLexicon, trie: TrieNode<Reading>): InstitutionTables | null {
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
    list.sort((a, b) => Number(b.canonical) - Number(a.canonical) || b.count - a.count);
    const [best, second] = list as [(typeof list)[0], (typeof list)[0] | undefined];
    // actors claiming a body equally (the administrations of successive presidents) own none of it: where the
    // trie matches the shared name, the date decides (resolveHolder); other forms name the generic body
    if (second && second.canonical === best.canonical && second.count === best.count) continue;
    const owner = best.actor;
    tables.owners.set(key, owner);
    const inst = Number(key.split(":")[0]);
    tables.instOf.set(owner.id, new Set([...(tables.instOf.get(owner.id) ?? []), inst]));
  }
  // anaphors: government bodies and armed groups whose names start with a bare head or its construct form
  // each candidate actor's Arabic names tokenised once, not once per head
  const named = input.actors
    .filter((actor) => (actor.type === "government" || actor.type === "armed_group") && actor.country)
    .map((actor) => ({ actor, names: [actor.names.ar, ...actor.aliases.ar].map((n) => phraseTokens(n)) }));
  for (const [head, prefixes] of index.anaphora) {
    const list: Actor[] = [];
    for (const { actor, names } of named) {
      const starts = names.some((toks) => prefixes.some((p) => p.length < toks.length && p.every((t, k) => toks[k] === t)));
      if (starts) list.push(actor);
    }
    if (list.length) tables.anaphors.set(head, list);
  }
  return tables;
}

/** The actor standing for the body of an institution in a country (knowledge base first), or null. */
export function bodyActor(inst: InstitutionTables, i: number, code: string, date?: string): Actor | null {
  const owner = ownerOn(inst, i, code, date);
  if (owner) return owner;
  const actor = inst.index.body(i, code);
  if (actor && !inst.instOf.has(actor.id)) inst.instOf.set(actor.id, new Set([i]));
  return actor;
}

/**
 * The knowledge-base actor standing for a body on a date: an owner with dated roles only while one of them is held
 * (Niger's junta is «حكومة النيجر» from July 2023, not before); any owner when the article has no date.
 */
export function ownerOn(inst: InstitutionTables, i: number, code: string, date: string | undefined): Actor | undefined {
  const owner = inst.owners.get(`${i}:${code}`);
  if (!owner || !date || !owner.roles.some((r) => r.from || r.to)) return owner;
  return activeOn(owner, date) ? owner : undefined;
}

/** Where the name starts inside an alias written with a title («المشير خليفة حفتر» → 1). */
export function coreOffset(toks: string[], plain: Set<string>, titleWords: Set<string>): number {
  // only an alias that starts with a title has one («عبد الحميد الدبيبة» ends with «الدبيبة» but is all name)
  if (!titleWords.has(toks[0]!)) return 0;
  for (let k = 1; k < toks.length; k++) if (plain.has(toks.slice(k).join(" "))) return k;
  let k = 0;
  while (k < toks.length - 1 && titleWords.has(toks[k]!)) k++;
  return k;
}

