/**
 * Government bodies named by an institution word and a country («الحكومة اللبنانية», «وزارة الكهرباء في جمهورية
 * العراق», «حكومة مالي», "Iraq's foreign ministry", "the Jordanian army"), from `lexicon/institutions.yaml` and
 * the countries of `content/countries/forms.yaml`.
 *
 * Nothing is enumerated up front: the index holds the heads (a small trie of institution words, each with the
 * pattern it takes: a country adjective after it, «في» + a country name, a construct «حكومة <name>», an English
 * country before it, or nothing for a bare head), and a body's actor is made the first time a text names it, with
 * a deterministic id (`government-of-lb`, `ministry-of-foreign-affairs-iq`), its canonical names («الحكومة
 * اللبنانية» / "Lebanese government") and, per head, the Arabic name a mention of it shows («مجلس الوزراء
 * السعودي»). The tagger matches the patterns against its country lexicon, decides which body a knowledge-base actor
 * stands for, and resolves bare heads.
 */
import type { Actor, ActorType } from "../schemas/actor.ts";
import { CLITICS } from "../text/clitics.ts";
import type { CountryDemonyms, CountryLexicon } from "./countries.ts";
import { institutionLexicon, type InstitutionLexicon } from "./lexicon.ts";
import { createTrie, insert, phraseTokens, startFilter, type TrieNode } from "./trie.ts";

/**
 * What a head takes: a country adjective after it («الحكومة اللبنانية»), a country name after it («في العراق»,
 * «حكومة مالي», "of Lebanon"), an English country before it ("Lebanese government", "Iraq's army"), or nothing
 * (a bare head: «الحكومة», "the army").
 */
export type Slot = "adj" | "name" | "pre" | "none";

/** One way of writing a body's name, keyed in the head trie by `before`. */
export interface HeadPattern {
  /** Index of the institution in `InstitutionIndex.institutions`. */
  inst: number;
  /** Index of the Arabic head whose name a mention displays («مجلس الوزراء السعودي» for "cabinet"). */
  head: number;
  /** Tokens before the country (the trie key). */
  before: string[];
  slot: Slot;
  /** Gender an Arabic adjective agrees in after the head. */
  gender: "m" | "f";
  /** Tokens after the country («المركزي» of «مصرف ليبيا المركزي»). */
  after: string[];
  /** A bare English head counts only after "the". */
  needsThe: boolean;
  /** A bare head may refer back to a proper name starting with it («الحكومة» after «حكومة إقليم كردستان»). */
  anaphora: boolean;
}

/** One institution (a kind of body) of the lexicon. */
export interface Institution {
  /** Id template with {cc}. */
  id: string;
  type: ActorType;
  /** Canonical English name template with {Adj}/{Name}. */
  en: string;
  /** Arabic heads: the definite head and its display pattern (with {adj}); the first is canonical. */
  heads: Array<{ head: string; gender: "m" | "f"; display: string }>;
  contested: Set<string>;
  /** The only countries that have such a body (a royal court, an emiri diwan); absent: every country. */
  only?: Set<string>;
}

/** Everything the tagger needs to read institution bodies. */
export interface InstitutionIndex {
  institutions: Institution[];
  /** Head patterns by their `before` tokens. */
  trie: TrieNode<HeadPattern>;
  /** Bitmap of the trie's first words (see `startFilter`). */
  startFilter: Uint8Array;
  /** Normalised qualifiers that may follow a bare head («الحكومة الجديدة»). */
  qualifiers: Set<string>;
  /** Normalised words after which a bare Arabic head is part of a person's title («رئيس الحكومة»). */
  titleWords: Set<string>;
  /** Per bare head (its tokens joined): the token prefixes of the proper names it may refer back to. */
  anaphora: Map<string, string[][]>;
  /** The body of an institution in a country, made once; null where it is contested or the country unknown. */
  body(inst: number, code: string): Actor | null;
  /** The Arabic name a mention of head `head` of institution `inst` in country `code` shows. */
  display(inst: number, head: number, code: string): string;
}

const ARTICLE = CLITICS.definite;
/** The feminine ending an adjective takes after a feminine head (a letter of the grammar, not a word). */
const TA_MARBUTA = "ة";
const PROVENANCE = { added_by: "institutions", source: "src/entities/lexicon/institutions.yaml" };

/** The Arabic adjective with the article, in a gender: لبناني → اللبناني / اللبنانية. */
function arabicAdjective(base: string, gender: "m" | "f"): string {
  const stem = base.startsWith(ARTICLE) ? base.slice(2) : base;
  return ARTICLE + stem + (gender === "f" ? TA_MARBUTA : "");
}

/** The indefinite (construct) form of a definite word: الخارجية → خارجية. */
function indefinite(word: string): string {
  return word.startsWith(ARTICLE) ? word.slice(2) : word;
}

/** Splits a pattern around its slot: «مصرف {name} المركزي» → [مصرف], name, [المركزي]. */
function split(pattern: string): { before: string[]; slot: "adj" | "name"; after: string[] } | null {
  const m = /\{(adj|name)\}/.exec(pattern);
  if (!m) return null;
  return { before: phraseTokens(pattern.slice(0, m.index)), slot: m[1] as "adj" | "name", after: phraseTokens(pattern.slice(m.index + m[0].length)) };
}

/** The Arabic name a body is described with: the CLDR name, or an official form («جمهورية العراق»). */
function arabicName(names: string[], stateWords: RegExp): string {
  return names[0] ?? names.find((n) => stateWords.test(n)) ?? "";
}

/** Fills a `{key}` template. */
function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m);
}

/** Builds the index from the lexicon and the countries forms.yaml describes. */
export function buildInstitutionIndex(countries: CountryLexicon, lex: InstitutionLexicon = institutionLexicon()): InstitutionIndex {
  const institutions: Institution[] = [];
  const trie = createTrie<HeadPattern>();
  const FI = lex.in_word;
  const MINISTRY = lex.ministry_head;
  const stateWords = new RegExp(`^(?:${ARTICLE})?(?:${lex.state_words.join("|")}) `, "u");
  const anaphora = new Map<string, string[][]>();
  const add = (p: HeadPattern) => {
    if (p.before.length) insert(trie, p.before, p);
  };
  const bare = (inst: number, head: number, phrase: string, gender: "m" | "f", needsThe: boolean, anaphoraOk: boolean, prefixes: string[][]) => {
    const before = phraseTokens(phrase);
    add({ inst, head, before, slot: "none", gender, after: [], needsThe, anaphora: anaphoraOk });
    if (anaphoraOk) {
      const key = before.join(" ");
      anaphora.set(key, [...(anaphora.get(key) ?? []), before, ...prefixes]);
    }
  };

  for (const def of lex.institutions) {
    const inst = institutions.length;
    institutions.push({
      id: def.id,
      type: def.type,
      en: def.en,
      heads: def.ar.map((h) => ({ head: h.head, gender: h.gender, display: h.display ?? `${h.head} {adj}` })),
      contested: new Set(lex.contested[def.id] ?? []),
      ...(def.countries ? { only: new Set(def.countries) } : {}),
    });
    def.ar.forEach((h, head) => {
      const patterns = [`${h.head} {adj}`, ...(h.in_name ? [`${h.head} ${FI} {name}`] : []), ...h.forms];
      const construct = h.construct ? (h.construct.includes("{name}") ? h.construct : `${h.construct} {name}`) : undefined;
      if (construct) patterns.push(construct);
      for (const p of patterns) {
        const s = split(p);
        if (s) add({ inst, head, ...s, gender: h.gender, needsThe: false, anaphora: false });
      }
      if (h.bare) {
        const prefix = construct?.endsWith(" {name}") ? [phraseTokens(construct.slice(0, -" {name}".length))] : [];
        bare(inst, head, h.head, h.gender, false, h.anaphora, prefix);
      }
    });
    for (const h of def.en_heads) {
      const head = Math.max(0, def.ar.findIndex((a) => a.head === h.ar));
      const toks = phraseTokens(h.head);
      add({ inst, head, before: toks, slot: "pre", gender: "m", after: [], needsThe: false, anaphora: false });
      if (h.of) add({ inst, head, before: [...toks, "of"], slot: "name", gender: "m", after: [], needsThe: false, anaphora: false });
      if (h.bare) bare(inst, head, h.head, "m", h.the, false, []);
    }
  }
  for (const m of lex.ministries) {
    const inst = institutions.length;
    institutions.push({
      id: m.id,
      type: "government",
      en: m.en,
      heads: m.ar.map((subject) => ({ head: `${MINISTRY} ${subject}`, gender: "f" as const, display: `${MINISTRY} ${subject} {adj}` })),
      contested: new Set(lex.contested[m.id] ?? []),
    });
    m.ar.forEach((subject, head) => {
      const full = `${MINISTRY} ${subject}`;
      const single = !subject.includes(" ");
      const construct = single ? [`${MINISTRY} ${indefinite(subject)}`] : [];
      for (const p of [`${full} {adj}`, `${full} ${FI} {name}`, ...construct.map((c) => `${c} {name}`), ...(m.short && single ? [`${subject} {adj}`] : [])]) {
        const s = split(p);
        if (s) add({ inst, head, ...s, gender: "f", needsThe: false, anaphora: false });
      }
      bare(inst, head, full, "f", false, true, construct.map((c) => phraseTokens(c)));
    });
    for (const h of m.en_heads) {
      const toks = phraseTokens(h);
      add({ inst, head: 0, before: toks, slot: "pre", gender: "f", after: [], needsThe: false, anaphora: false });
      if (/^Ministry\b/.test(h)) add({ inst, head: 0, before: [...toks, "of"], slot: "name", gender: "f", after: [], needsThe: false, anaphora: false });
      bare(inst, 0, h, "f", true, false, []);
    }
  }

  const demonyms = countries.demonyms ?? new Map<string, CountryDemonyms>();
  const displayOf = (inst: number, head: number, code: string): string => {
    const d = demonyms.get(code);
    const h = institutions[inst]!.heads[head] ?? institutions[inst]!.heads[0]!;
    if (d?.adjectives.ar.length) return h.display.replace("{adj}", arabicAdjective(d.adjectives.ar[0]!, h.gender));
    return `${h.head} ${FI} ${arabicName(d?.names.ar ?? [], stateWords)}`.trim();
  };
  const bodies = new Map<string, Actor | null>();
  const body = (inst: number, code: string): Actor | null => {
    const key = `${inst}:${code}`;
    let actor = bodies.get(key);
    if (actor !== undefined) return actor;
    const def = institutions[inst]!;
    const d = demonyms.get(code);
    if (!d || def.contested.has(code) || (def.only && !def.only.has(code)) || !d.names.ar.length) {
      actor = null;
    } else {
      const nameEn = d.names.en[0] ?? code;
      const en = def.en.replace("{Adj}", d.adjectives.en[0] ?? nameEn).replace("{Name}", nameEn);
      const ar = displayOf(inst, 0, code);
      actor = {
        id: def.id.replace("{cc}", code.toLowerCase()),
        names: { ar, en },
        aliases: { ar: [], en: [] },
        type: def.type,
        country: code,
        roles: [],
        description: {
          ar: fill(lex.body_description.ar, { name: ar, country: arabicName(d.names.ar, stateWords) }),
          en: fill(lex.body_description.en, { name: en, country: nameEn }),
        },
        former_ids: [],
        ambiguous_aliases: [],
        provisional: false,
        provenance: PROVENANCE,
      };
    }
    bodies.set(key, actor);
    return actor;
  };
  const words = (list: string[]) => new Set(list.flatMap((p) => phraseTokens(p)));
  return {
    institutions,
    trie,
    startFilter: startFilter(trie),
    qualifiers: words([...lex.generic_qualifiers.ar, ...lex.generic_qualifiers.en]),
    titleWords: words(lex.title_words),
    anaphora,
    body,
    display: displayOf,
  };
}
