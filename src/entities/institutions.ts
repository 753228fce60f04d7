/**
 * Government bodies named by an institution word and a country («الحكومة اللبنانية», «وزارة الكهرباء في جمهورية
 * العراق», «حكومة مالي», "Iraq's foreign ministry", "the Jordanian army"): one body per institution of
 * `lexicon/institutions.yaml` and per country of `content/countries/forms.yaml`, with a deterministic id
 * (`government-of-lb`, `ministry-of-foreign-affairs-iq`), its canonical names («الحكومة اللبنانية» / "Lebanese
 * government") and every name it is matched by. Pure data: the tagger decides which body a knowledge-base actor
 * replaces and how a bare head («الحكومة») resolves.
 */
import type { Actor, ActorType } from "../schemas/actor.ts";
import type { CountryDemonyms, CountryLexicon } from "./countries.ts";
import { institutionLexicon, type InstitutionLexicon } from "./lexicon.ts";
import { phraseTokens } from "./trie.ts";

/** One name of a body. */
export interface InstitutionName {
  /** The phrase matched in text, as normalised tokens (see `phraseTokens`). */
  toks: string[];
  /** Where the country is named in `toks` (absent for a bare head). */
  country?: { offset: number; length: number };
  /** The Arabic name a mention of this phrase displays as: its head with the country («مجلس الوزراء السعودي»). */
  display: string;
  /** A head without a country («الحكومة», "the army"): it names the body only through the article's home country. */
  bare: boolean;
  /** A bare English head that counts only after "the". */
  needsThe?: boolean;
}

/** A body: its actor and names. */
export interface InstitutionBody {
  actor: Actor;
  /** The institution's id template (`government-of-{cc}`): bodies of one institution share it. */
  institution: string;
  names: InstitutionName[];
}

const ARTICLE = "\u0627\u0644"; // ال
const TA_MARBUTA = "\u0629"; // ة
const PROVENANCE = { added_by: "institutions", source: "src/entities/lexicon/institutions.yaml" };

function fill(pattern: string, values: { adj?: string; name?: string }): string {
  return pattern.replace("{adj}", values.adj ?? "").replace("{name}", values.name ?? "").replace(/\s+/g, " ").trim();
}

/** Tokens of a phrase, normalised once per build (heads and country forms recur in every body). */
type Tokens = (phrase: string) => string[];
function tokenCache(): Tokens {
  const cache = new Map<string, string[]>();
  return (phrase) => {
    let toks = cache.get(phrase);
    if (!toks) {
      toks = phraseTokens(phrase);
      cache.set(phrase, toks);
    }
    return toks;
  };
}

/**
 * Every expansion of a pattern («الحكومة {adj}», «مصرف {name} المركزي») over the country forms it uses, as tokens
 * with the span of the country form; none when the pattern needs a form the country lacks.
 */
function expand(tok: Tokens, pattern: string, adjectives: string[], names: string[]): Array<Pick<InstitutionName, "toks" | "country">> {
  const slot = /\{(adj|name)\}/.exec(pattern);
  if (!slot) return [{ toks: tok(pattern) }];
  const before = tok(pattern.slice(0, slot.index));
  const after = tok(pattern.slice(slot.index + slot[0].length));
  const forms = slot[1] === "adj" ? adjectives : names;
  return forms.map((f) => {
    const middle = tok(f);
    return { toks: [...before, ...middle, ...after], country: { offset: before.length, length: middle.length } };
  });
}

/** The Arabic adjective with the article, in a gender: لبناني → اللبناني / اللبنانية. */
function arabicAdjective(base: string, gender: "m" | "f"): string {
  const stem = base.startsWith(ARTICLE) ? base.slice(2) : base;
  return ARTICLE + stem + (gender === "f" ? TA_MARBUTA : "");
}

/** The indefinite (construct) form of a definite word: الخارجية → خارجية. */
function indefinite(word: string): string {
  return word.startsWith(ARTICLE) ? word.slice(2) : word;
}

interface Head {
  head: string;
  gender: "m" | "f";
  patterns: string[];
  display: string;
  bare: boolean;
  /** The head before a country name when that name ends the phrase («حكومة»), for `anaphoraPrefixes`. */
  prefix?: string;
  anaphora: boolean;
}

interface Institution {
  id: string;
  type: ActorType;
  en: string;
  heads: Head[];
  enHeads: Array<{ head: string; ar: string; bare: boolean; of: boolean; the: boolean }>;
  /** Countries where this institution is contested: no body. */
  contested: Set<string>;
}

/** The lexicon's institutions and ministries in one shape. */
function institutionsOf(lex: InstitutionLexicon): Institution[] {
  const out: Institution[] = [];
  for (const inst of lex.institutions) {
    out.push({
      id: inst.id,
      type: inst.type,
      en: inst.en,
      heads: inst.ar.map((h) => {
        const construct = h.construct ? (h.construct.includes("{name}") ? h.construct : `${h.construct} {name}`) : undefined;
        return {
          head: h.head,
          gender: h.gender,
          patterns: [`${h.head} {adj}`, ...(h.in_name ? [`${h.head} في {name}`] : []), ...(construct ? [construct] : []), ...h.forms],
          display: h.display ?? `${h.head} {adj}`,
          bare: h.bare,
          ...(construct?.endsWith(" {name}") ? { prefix: construct.slice(0, -" {name}".length) } : {}),
          anaphora: h.anaphora,
        };
      }),
      enHeads: inst.en_heads.map((h) => ({ ...h })),
      contested: new Set(lex.contested[inst.id] ?? []),
    });
  }
  for (const m of lex.ministries) {
    const heads: Head[] = m.ar.map((subject, i) => {
      const single = !subject.includes(" ");
      // the canonical subject takes every pattern; its variants («الخارجية والمغتربين») the adjective only
      return {
        head: `وزارة ${subject}`,
        gender: "f",
        patterns: [
          `وزارة ${subject} {adj}`,
          ...(i === 0 ? [`وزارة ${subject} في {name}`] : []),
          ...(single && i === 0 ? [`وزارة ${indefinite(subject)} {name}`] : []),
          ...(m.short && single ? [`${subject} {adj}`] : []),
        ],
        display: `وزارة ${subject} {adj}`,
        bare: true,
        ...(single ? { prefix: `وزارة ${indefinite(subject)}` } : {}),
        anaphora: true,
      };
    });
    out.push({
      id: m.id,
      type: "government",
      en: m.en,
      heads,
      enHeads: m.en_heads.map((h) => ({ head: h, ar: heads[0]!.head, bare: true, of: /^Ministry\b/.test(h), the: true })),
      contested: new Set(lex.contested[m.id] ?? []),
    });
  }
  return out;
}

/**
 * The bare heads of the lexicon with the phrases that begin the proper names they may refer back to: «الحكومة»
 * → «الحكومة …», «حكومة …» (حكومة الوحدة الوطنية), so that «الحكومة» after «حكومة إقليم كردستان» can be that
 * government. Heads marked `anaphora: false` («الحكومة الاتحادية») never do.
 */
export function anaphoraPrefixes(lex: InstitutionLexicon = institutionLexicon()): Array<{ head: string; prefixes: string[] }> {
  const out: Array<{ head: string; prefixes: string[] }> = [];
  for (const inst of institutionsOf(lex)) {
    for (const h of inst.heads) {
      if (!h.bare || !h.anaphora) continue;
      out.push({ head: h.head, prefixes: h.prefix ? [h.head, h.prefix] : [h.head] });
    }
  }
  return out;
}

/** The body of one institution in one country, or null when the country has neither adjective nor name. */
/** Words that begin a country's official name («جمهورية العراق»), which may contain a shorter name of it. */
const STATE_WORDS = /^(\u0627\u0644)?(\u062c\u0645\u0647\u0648\u0631\u064a\u0629|\u0645\u0645\u0644\u0643\u0629|\u062f\u0648\u0644\u0629|\u0633\u0644\u0637\u0646\u0629|\u0625\u0645\u0627\u0631\u0629|\u0627\u0644\u0648\u0644\u0627\u064a\u0627\u062a) /; // جمهورية مملكة دولة سلطنة إمارة الولايات

/**
 * The Arabic names an institution is built with: the CLDR name and the press names, minus the phrases forms.yaml
 * lists only to recognise the country («شمال مالي», «بمالي»): a name containing a shorter one, unless official.
 */
function institutionNames(names: string[]): string[] {
  return names.filter((n, i) => i === 0 || STATE_WORDS.test(n) || !names.some((m) => m !== n && n.includes(m)));
}

function bodyOf(inst: Institution, code: string, d: CountryDemonyms, tok: Tokens): InstitutionBody | null {
  if (inst.contested.has(code)) return null;
  const namesAr = institutionNames(d.names.ar);
  const namesEn = d.names.en;
  if (!namesAr.length) return null;
  const adjFor = (g: "m" | "f") => d.adjectives.ar.map((a) => arabicAdjective(a, g));
  // the Arabic name a head displays as: with the country adjective, else «… في <name>»
  const displayOf = (h: Head) =>
    d.adjectives.ar.length ? fill(h.display, { adj: arabicAdjective(d.adjectives.ar[0]!, h.gender) }) : `${h.head} في ${namesAr[0]}`;
  const names = new Map<string, InstitutionName>();
  const add = (name: Pick<InstitutionName, "toks" | "country">, display: string, bare: boolean, needsThe = false) => {
    const key = name.toks.join(" ");
    if (!name.toks.length || names.has(key)) return;
    names.set(key, { ...name, display, bare, ...(needsThe ? { needsThe } : {}) });
  };
  for (const h of inst.heads) {
    const display = displayOf(h);
    const adjectives = adjFor(h.gender);
    for (const p of h.patterns) for (const name of expand(tok, p, adjectives, namesAr)) add(name, display, false);
    if (h.bare) add({ toks: tok(h.head) }, display, true);
  }
  const adjEn = d.adjectives.en;
  for (const h of inst.enHeads) {
    const arHead = inst.heads.find((x) => x.head === h.ar) ?? inst.heads[0]!;
    const display = displayOf(arHead);
    const head = tok(h.head);
    for (const a of adjEn) add({ toks: [...tok(a), ...head], country: { offset: 0, length: tok(a).length } }, display, false);
    for (const n of namesEn) {
      const name = tok(n);
      add({ toks: [...name, "s", ...head], country: { offset: 0, length: name.length } }, display, false);
      // an abbreviation is written before the head as it is: "US embassy", "UAE foreign ministry"
      if (/^[A-Z.]+$/.test(n)) add({ toks: [...name, ...head], country: { offset: 0, length: name.length } }, display, false);
      if (h.of) add({ toks: [...head, "of", ...name], country: { offset: head.length + 1, length: name.length } }, display, false);
    }
    if (h.bare) add({ toks: head }, display, true, h.the);
  }
  const nameEn = namesEn[0] ?? code;
  const en = inst.en.replace("{Adj}", adjEn[0] ?? nameEn).replace("{Name}", nameEn);
  const ar = displayOf(inst.heads[0]!);
  const actor: Actor = {
    id: inst.id.replace("{cc}", code.toLowerCase()),
    names: { ar, en },
    aliases: { ar: [], en: [] },
    type: inst.type,
    country: code,
    roles: [],
    description: {
      ar: `${ar}: جهة رسمية في ${namesAr[0]} يتعرّف عليها الوسم آلياً من اسم المؤسسة واسم البلد.`,
      en: `${en}: a state body of ${nameEn}, recognised by rule from the institution's name and the country.`,
    },
    former_ids: [],
    ambiguous_aliases: [],
    provisional: false,
    provenance: PROVENANCE,
  };
  return { actor, institution: inst.id, names: [...names.values()] };
}

/** Every body of every institution in every country the country lexicon describes. */
export function institutionBodies(countries: CountryLexicon, lex: InstitutionLexicon = institutionLexicon()): InstitutionBody[] {
  const out: InstitutionBody[] = [];
  if (!countries.demonyms) return out;
  const insts = institutionsOf(lex);
  const tok = tokenCache();
  for (const [code, d] of countries.demonyms) {
    for (const inst of insts) {
      const body = bodyOf(inst, code, d, tok);
      if (body) out.push(body);
    }
  }
  return out;
}
