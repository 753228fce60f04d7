/**
 * Date-aware roles: the titles of the knowledge base's dated roles, with the variants the press writes, and who held
 * each on a date.
 *
 *   - variants: an Arabic title written with one head of a synonym group is also matched with the others, its
 *     country adjective put in the other head's gender («رئيس مجلس الوزراء العراقي» → «رئيس الوزراء العراقي»,
 *     «رئيس الحكومة العراقية»); an English title "X of Country" also as "Country's X" and "Adjective X", and
 *     "Adjective X" also as "Country's X" and "X of Country" (lexicon `synonyms_en` for the heads);
 *   - holders on a date (`holdersOn`): roles whose [from, to] contains it, partial dates covering their whole
 *     year or month (`to: "2014"` runs to the end of 2014).
 */
import { heldOn, type Actor } from "../schemas/actor.ts";
import type { CountryLexicon } from "./countries.ts";
import { institutionLexicon, type RoleLexicon } from "./lexicon.ts";
import { normaliseArabic } from "./normalise.ts";
import { CLITICS } from "../text/clitics.ts";
import { phraseTokens } from "./trie.ts";

/** One actor's tenure of a titled role. */
export interface Tenure {
  actor: Actor;
  from?: string;
  to?: string;
}

/** Role title variants (normalised tokens joined by spaces) → tenures. */
export type RoleIndex = Map<string, Tenure[]>;

const AR_TA = "ة";
const AR_ARTICLE = CLITICS.definite;

/** Re-genders a one-word Arabic nisba adjective («العراقي» ↔ «العراقية»); other words are kept. */
function regender(word: string, gender: "m" | "f"): string {
  if (gender === "f") return word.endsWith("ي") ? word + AR_TA : word;
  return word.endsWith("ي" + AR_TA) ? word.slice(0, -1) : word;
}

/** A country as titles write it: its Arabic names and adjectives (every spelling), from the country lexicon. */
interface ArabicCountry {
  names: readonly string[];
  adjectives: readonly string[];
}

/** Arabic country names (folded) → the country's names and adjectives. */
function arabicCountries(countries: CountryLexicon): Map<string, ArabicCountry> {
  const out = new Map<string, ArabicCountry>();
  for (const [, d] of countries.demonyms ?? []) {
    if (!d.adjectives.ar.length) continue;
    const entry = { names: d.names.ar, adjectives: d.adjectives.ar };
    for (const n of d.names.ar) if (!out.has(normaliseArabic(n))) out.set(normaliseArabic(n), entry);
  }
  return out;
}

/**
 * A title written with a country's name also written with its adjective, the head made definite: «رئيس جمهورية
 * العراق» → «رئيس الجمهورية العراقية», «وزير خارجية تركيا» → «وزير الخارجية التركي», «رئيس مالي الانتقالي» → «الرئيس
 * المالي الانتقالي» and «الرئيس المالي»; a state word before the name may go («أمير دولة قطر» → «أمير قطر», «الأمير
 * القطري»), and the name may be any of the country's names («رئيس دولة الإمارات»). The adjective agrees with the
 * first or the last word of the head, so both genders are made.
 */
function arabicCountryForms(title: string, countries: ReadonlyMap<string, ArabicCountry>, stateWords: ReadonlySet<string>, keep: ReadonlySet<string> = new Set()): string[] {
  const words = title.split(/\s+/);
  // where the country's name is: ending the title (every such split), else followed by adjectives («… الانتقالي»)
  const splits: Array<{ n: number; m: number; country: ArabicCountry }> = [];
  for (let n = 1; n < words.length; n++) {
    for (let m = words.length; m > n; m--) {
      const country = countries.get(normaliseArabic(words.slice(n, m).join(" ")));
      if (country && words.slice(m).every((w) => w.startsWith(AR_ARTICLE))) splits.push({ n, m, country });
    }
  }
  const whole = splits.filter((x) => x.m === words.length);
  const chosen = whole.length ? whole : splits.slice(0, 1);
  const out: string[] = [];
  for (const { n, m, country } of chosen) {
    const qualifier = words.slice(m);
    const head = words.slice(0, n);
    const heads = [head];
    if (head.length > 1 && stateWords.has(normaliseArabic(head[head.length - 1]!))) heads.push(head.slice(0, -1));
    for (const h of heads) {
      const last = h[h.length - 1]!;
      for (const name of country.names) out.push([...h, name, ...qualifier].join(" "));
      if (last.startsWith(AR_ARTICLE)) continue;
      const definite = [...h.slice(0, -1), AR_ARTICLE + last].join(" ");
      for (const adjective of country.adjectives) {
        const stem = adjective.startsWith(AR_ARTICLE) ? adjective.slice(AR_ARTICLE.length) : adjective;
        // a qualifier that changes who is meant («السابق») stays; «الانتقالي», «المؤقت» may go
        const mustKeep = qualifier.some((w) => keep.has(normaliseArabic(w)));
        for (const form of [`${definite} ${AR_ARTICLE}${stem}`, `${definite} ${AR_ARTICLE}${stem}${AR_TA}`]) {
          if (!mustKeep) out.push(form);
          if (qualifier.length) out.push(`${form} ${qualifier.join(" ")}`);
        }
      }
    }
  }
  return out.length ? out : shortenedAdjectiveForm(words, countries);
}

/**
 * A title ending in a country adjective after other words of the state's name, shortened to the head, the state
 * noun and the adjective: «رئيس الجمهورية الإسلامية الموريتانية» → «رئيس الجمهورية الموريتانية» (then «الرئيس
 * الموريتاني» by the synonym groups).
 */
function shortenedAdjectiveForm(words: readonly string[], countries: ReadonlyMap<string, ArabicCountry>): string[] {
  if (words.length < 4) return [];
  const lastWord = bareWord(words[words.length - 1]!);
  const isAdjective = bareAdjectives(countries).has(lastWord);
  const first = words.findIndex((w) => w.startsWith(AR_ARTICLE));
  if (!isAdjective || first < 1 || first >= words.length - 2) return [];
  return [[...words.slice(0, first + 1), words[words.length - 1]!].join(" ")];
}

/** A word folded, without its article. */
function bareWord(w: string): string {
  const f = normaliseArabic(w);
  return f.startsWith(AR_ARTICLE) ? f.slice(AR_ARTICLE.length) : f;
}

/** Bare (folded, article-less) country adjectives in either gender, worked out once per country map. */
const bareAdjectiveSets = new WeakMap<ReadonlyMap<string, ArabicCountry>, Set<string>>();
function bareAdjectives(countries: ReadonlyMap<string, ArabicCountry>): Set<string> {
  let set = bareAdjectiveSets.get(countries);
  if (set) return set;
  set = new Set();
  // the adjective in either gender: the feminine adds the (folded) ta marbuta
  for (const c of countries.values()) for (const a of c.adjectives) set.add(bareWord(a)).add(bareWord(a) + normaliseArabic(AR_TA));
  bareAdjectiveSets.set(countries, set);
  return set;
}

function arabicVariants(
  title: string,
  lex: RoleLexicon,
  countries: ReadonlyMap<string, ArabicCountry> = new Map(),
  spellings: ReadonlyMap<string, readonly string[]> = new Map(),
  stateWords: ReadonlySet<string> = new Set(),
  keep: ReadonlySet<string> = new Set(lex.not_before.ar.map(normaliseArabic)),
): string[] {
  const out = new Set<string>();
  for (const t of [title, ...arabicCountryForms(title, countries, stateWords, keep)]) {
    for (const v of synonymVariants(t, lex)) {
      out.add(v);
      // the country adjective in each of its spellings: «وزير الخارجية الأميركي» is also «… الأمريكي»
      const words = v.split(/\s+/);
      for (const other of spellings.get(normaliseArabic(words[words.length - 1]!)) ?? []) out.add([...words.slice(0, -1), other].join(" "));
    }
  }
  return [...out];
}

/** A country adjective with the article, in either gender (folded) → its spellings in that gender («الأمريكي», «الأميركي»). */
function adjectiveSpellings(countries: CountryLexicon): Map<string, readonly string[]> {
  const out = new Map<string, readonly string[]>();
  for (const [, d] of countries.demonyms ?? []) {
    if (d.adjectives.ar.length < 2) continue;
    const stems = d.adjectives.ar.map((a) => (a.startsWith(AR_ARTICLE) ? a.slice(AR_ARTICLE.length) : a));
    for (const ending of ["", AR_TA]) {
      const forms = stems.map((stem) => AR_ARTICLE + stem + ending);
      for (const f of forms) if (!out.has(normaliseArabic(f))) out.set(normaliseArabic(f), forms);
    }
  }
  return out;
}

function synonymVariants(title: string, lex: RoleLexicon): string[] {
  const out = new Set([title]);
  const norm = normaliseArabic(title);
  for (const group of lex.synonyms_ar) {
    for (const member of group) {
      const head = normaliseArabic(member.head);
      if (!norm.startsWith(`${head} `)) continue;
      const rest = title.split(/\s+/).slice(head.split(" ").length);
      for (const other of group) {
        if (other === member) continue;
        const adjusted = rest.length === 1 && rest[0]!.startsWith("ال") ? [regender(rest[0]!, other.gender)] : rest;
        out.add([other.head, ...adjusted].join(" "));
      }
    }
  }
  return [...out];
}

/** English names and adjectives per country code, lower-cased, from the country lexicon. */
function englishCountryWords(countries: CountryLexicon): { byName: Map<string, string>; byAdjective: Map<string, string> } {
  const byName = new Map<string, string>();
  const byAdjective = new Map<string, string>();
  for (const [code, d] of countries.demonyms ?? []) {
    for (const n of d.names.en) if (!byName.has(n.toLowerCase())) byName.set(n.toLowerCase(), code);
    for (const a of d.adjectives.en) if (!byAdjective.has(a.toLowerCase())) byAdjective.set(a.toLowerCase(), code);
  }
  return { byName, byAdjective };
}

function englishVariants(title: string, lex: RoleLexicon, countries: CountryLexicon, words: ReturnType<typeof englishCountryWords>): string[] {
  const out = new Set([title.toLowerCase()]);
  const lower = title.toLowerCase().replace(/\s+/g, " ").trim();
  const heads = (head: string) => {
    const group = lex.synonyms_en.find((g) => g.some((h) => h.toLowerCase() === head));
    return group ? group.map((h) => h.toLowerCase()) : [head];
  };
  const forms = (code: string) => {
    const d = countries.demonyms?.get(code);
    return { names: (d?.names.en ?? []).map((n) => n.toLowerCase()), adjectives: (d?.adjectives.en ?? []).map((a) => a.toLowerCase()) };
  };
  let head: string | undefined;
  let code: string | undefined;
  const of = /^(.+?) of (?:the )?(.+)$/.exec(lower);
  if (of && words.byName.has(of[2]!)) {
    head = of[1]!;
    code = words.byName.get(of[2]!)!;
  } else {
    for (const [adj, c] of words.byAdjective) {
      if (lower.startsWith(`${adj} `)) {
        head = lower.slice(adj.length + 1);
        code = c;
        break;
      }
    }
  }
  if (head && code) {
    const f = forms(code);
    for (const h of heads(head)) {
      for (const n of f.names.slice(0, 3)) out.add(`${n}'s ${h}`).add(`${h} of ${n}`);
      for (const a of f.adjectives.slice(0, 1)) out.add(`${a} ${h}`);
    }
  }
  return [...out];
}

/** Builds the index of role titles (with variants) → tenures, over every dated or undated role. */
export function buildRoleIndex(actors: readonly Actor[], countries: CountryLexicon, lex: RoleLexicon): RoleIndex {
  const index: RoleIndex = new Map();
  const words = englishCountryWords(countries);
  const byName = arabicCountries(countries);
  const stateWords = new Set(institutionLexicon().state_words.map(normaliseArabic));
  const spellings = adjectiveSpellings(countries);
  const keep = new Set(lex.not_before.ar.map(normaliseArabic));
  // many holders share a title («وزير الخارجية», "prime minister"): its variants are worked out once
  const arabic = new Map<string, string[]>();
  const english = new Map<string, string[]>();
  const variantsOf = (cache: Map<string, string[]>, title: string, make: () => string[]): string[] => {
    let v = cache.get(title);
    if (!v) cache.set(title, (v = make()));
    return v;
  };
  const add = (phrase: string, tenure: Tenure) => {
    const key = phraseTokens(phrase).join(" ");
    if (!key) return;
    const list = index.get(key) ?? [];
    if (!list.some((t) => t.actor === tenure.actor && t.from === tenure.from && t.to === tenure.to)) list.push(tenure);
    index.set(key, list);
  };
  for (const actor of actors) {
    if (actor.type !== "person") continue;
    for (const role of actor.roles) {
      const tenure: Tenure = { actor, ...(role.from ? { from: role.from } : {}), ...(role.to ? { to: role.to } : {}) };
      for (const v of variantsOf(arabic, role.title.ar, () => arabicVariants(role.title.ar, lex, byName, spellings, stateWords, keep))) add(v, tenure);
      for (const v of variantsOf(english, role.title.en, () => englishVariants(role.title.en, lex, countries, words))) add(v, tenure);
    }
  }
  return index;
}

/** True when an ISO date falls within a tenure (partial dates cover their whole year or month). */
export { heldOn };

/**
 * The distinct actors holding one of `tenures` on `date`. A tenure with neither start nor end could be any time:
 * it counts only when no dated tenure covers the date (Burhan's undated command of the army does not make him
 * «قائد الجيش السوداني» in 2012 when the knowledge base dates that year's commander).
 */
export function holdersOn(tenures: readonly Tenure[], date: string): Actor[] {
  const dated: Actor[] = [];
  const undated: Actor[] = [];
  for (const t of tenures) {
    if (!heldOn(t, date)) continue;
    const list = t.from || t.to ? dated : undated;
    if (!list.includes(t.actor)) list.push(t.actor);
  }
  return dated.length ? dated : undated;
}

/** True when an actor holds any dated role on `date` (a bare family name's likeliest bearer at that time). */
export function activeOn(actor: Actor, date: string): boolean {
  return actor.roles.some((r) => (r.from || r.to) && heldOn(r, date));
}

/** When the earliest of an actor's roles held on `date` began (undefined when none is dated from). */
export function activeSince(actor: Actor, date: string): string | undefined {
  let best: string | undefined;
  for (const r of actor.roles) if (r.from && heldOn(r, date) && (best === undefined || r.from < best)) best = r.from;
  return best;
}
