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

/** One name of a body. */
export interface InstitutionName {
  /** The phrase matched in text. */
  phrase: string;
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

/** Every expansion of a pattern over the adjectives and names it uses (none when it needs what is missing). */
function expand(pattern: string, adjectives: string[], names: string[]): string[] {
  const out: string[] = [];
  const adjs = pattern.includes("{adj}") ? adjectives : [undefined];
  const nams = pattern.includes("{name}") ? names : [undefined];
  for (const adj of adjs) for (const name of nams) out.push(fill(pattern, { adj, name }));
  return out;
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
    const heads: Head[] = m.ar.map((subject) => {
      const single = !subject.includes(" ");
      return {
        head: `وزارة ${subject}`,
        gender: "f",
        patterns: [
          `وزارة ${subject} {adj}`,
          `وزارة ${subject} في {name}`,
          ...(single ? [`وزارة ${indefinite(subject)} {name}`] : []),
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
function bodyOf(inst: Institution, code: string, d: CountryDemonyms): InstitutionBody | null {
  if (inst.contested.has(code)) return null;
  const namesAr = d.names.ar;
  const namesEn = d.names.en;
  if (!namesAr.length) return null;
  const adjFor = (g: "m" | "f") => d.adjectives.ar.map((a) => arabicAdjective(a, g));
  // the Arabic name a head displays as: with the country adjective, else «… في <name>»
  const displayOf = (h: Head) =>
    d.adjectives.ar.length ? fill(h.display, { adj: arabicAdjective(d.adjectives.ar[0]!, h.gender) }) : `${h.head} في ${namesAr[0]}`;
  const names = new Map<string, InstitutionName>();
  const add = (phrase: string, display: string, bare: boolean, needsThe = false) => {
    if (!names.has(phrase)) names.set(phrase, needsThe ? { phrase, display, bare, needsThe } : { phrase, display, bare });
  };
  for (const h of inst.heads) {
    const display = displayOf(h);
    const adjectives = adjFor(h.gender);
    for (const p of h.patterns) for (const phrase of expand(p, adjectives, namesAr)) add(phrase, display, false);
    if (h.bare) add(h.head, display, true);
  }
  const adjEn = d.adjectives.en;
  for (const h of inst.enHeads) {
    const arHead = inst.heads.find((x) => x.head === h.ar) ?? inst.heads[0]!;
    const display = displayOf(arHead);
    for (const a of adjEn) add(`${a} ${h.head}`, display, false);
    for (const n of namesEn) {
      add(`${n}'s ${h.head}`, display, false);
      // an abbreviation is written before the head as it is: "US embassy", "UAE foreign ministry"
      if (/^[A-Z.]+$/.test(n)) add(`${n} ${h.head}`, display, false);
      if (h.of) add(`${h.head} of ${n}`, display, false);
    }
    if (h.bare) add(h.head, display, true, h.the);
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
  for (const [code, d] of countries.demonyms) {
    for (const inst of insts) {
      const body = bodyOf(inst, code, d);
      if (body) out.push(body);
    }
  }
  return out;
}
