/**
 * Countries: every ISO 3166-1 alpha-2 code with its Arabic and English name, and the lexicon of forms the press
 * uses for each (names, adjectives and demonyms, capital metonyms), read from `content/countries/forms.yaml`.
 *
 * The code list and the names are not typed by hand: they are probed from `Intl.DisplayNames` (CLDR), minus the
 * codes CLDR knows that are not ISO 3166-1 countries (`NON_COUNTRY_CODES`). The YAML adds what CLDR lacks:
 * adjectives (inflected here), press spellings, metonyms, forms that are ambiguous, Intl names that are common
 * words, and "blocker" phrases that contain a country form but name no country.
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { z } from "zod";
import { ContentError } from "../lib/errors.ts";
import { CountryCode } from "../schemas/common.ts";
import { normaliseArabic } from "./normalise.ts";
import { CLITICS } from "../text/clitics.ts";

/**
 * Region codes `Intl.DisplayNames` names that are not ISO 3166-1 alpha-2 countries: exceptional and transitional
 * reservations (AC, CP, DG, EA, IC, TA, CQ, UK, SU, YU…), deleted codes CLDR still aliases (AN, BU, CS, DD, DY,
 * FX, HV, NH, RH, TP, VD, YD, ZR), groupings (EU, EZ, UN, QO), user-assigned codes (XA, XB, XK, ZZ).
 */
export const NON_COUNTRY_CODES: readonly string[] = [
  "AC", "AN", "BU", "CP", "CQ", "CS", "DD", "DG", "DY", "EA", "EU", "EZ", "FX", "HV", "IC", "NH", "QO", "RH", "SU",
  "TA", "TP", "UK", "UN", "VD", "XA", "XB", "XK", "YD", "YU", "ZR", "ZZ",
];

/** A country's name in each edition. */
export interface CountryNames {
  ar: string;
  en: string;
}

let cachedNames: Map<string, CountryNames> | undefined;

/** Probes `Intl.DisplayNames` over AA…ZZ once; the result is every ISO 3166-1 country with CLDR names. */
function probeCountries(): Map<string, CountryNames> {
  if (cachedNames) return cachedNames;
  const en = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });
  const ar = new Intl.DisplayNames(["ar"], { type: "region", fallback: "none" });
  const excluded = new Set(NON_COUNTRY_CODES);
  const names = new Map<string, CountryNames>();
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (excluded.has(code)) continue;
      const nameEn = en.of(code);
      const nameAr = ar.of(code);
      if (nameEn && nameAr) names.set(code, { ar: nameAr, en: nameEn });
    }
  }
  cachedNames = names;
  return names;
}

/** Every ISO 3166-1 alpha-2 code, sorted (249 with current CLDR data). */
export function countryCodes(): string[] {
  return [...probeCountries().keys()];
}

/** The CLDR name of a country in one edition; undefined for a code that is not a country. */
export function countryName(code: string, lang: "ar" | "en"): string | undefined {
  return probeCountries().get(code.toUpperCase())?.[lang];
}

/** Every country with its CLDR names, sorted by code (for country pages and pickers). */
export function countryEntries(): Array<{ code: string; names: CountryNames }> {
  return [...probeCountries()].map(([code, names]) => ({ code, names: { ...names } }));
}

/** True when `code` is an ISO 3166-1 alpha-2 country code. */
export function isCountryCode(code: string): boolean {
  return probeCountries().has(code);
}

// --- forms.yaml ------------------------------------------------------------------------------------------

const Words = z.array(z.string().min(1));

/** The forms of one country in one language. */
const LangForms = z
  .object({
    /** Extra names and spellings (أميركا، أمريكا، الولايات المتحدة الأمريكية). */
    names: Words.default([]),
    /**
     * Masculine singular adjectives (ليبي، أميركي / Libyan). Arabic ones are inflected here (ـة ـون ـين ـان ـتان
     * ـتين ـات, each also with ال); English ones get a plural in -s.
     */
    adjectives: Words.default([]),
    /** Other verbatim forms: broken plurals and irregular demonyms (الروس، الأتراك / Britons). */
    forms: Words.default([]),
    /** Capitals and seats of power used for the state (واشنطن، الكرملين / Washington, the Kremlin). */
    metonyms: Words.default([]),
  })
  .strict();

const CountryForms = z.object({ ar: LangForms.optional(), en: LangForms.optional() }).strict();

/** Schema of `content/countries/forms.yaml`. */
export const CountryFormsFile = z
  .object({
    /** Forms per ISO code. */
    countries: z.record(CountryCode, CountryForms),
    /** Forms that name several countries: the first code is the default, another wins when the article names it. */
    ambiguous: z
      .array(z.object({ form: z.string().min(1), codes: z.array(CountryCode).min(2) }).strict())
      .default([]),
    /** CLDR names never matched alone because they are common words (Arabic «مالي» = financial). */
    exclude: z.record(CountryCode, z.object({ ar: Words.default([]), en: Words.default([]) }).strict()).default({}),
    /** Phrases that contain a country or actor form but name neither (المحيط الهندي، منطقة الشرق الأوسط). */
    blockers: z.object({ ar: Words.min(1), en: Words.min(1) }).strict(),
  })
  .strict();
export type CountryFormsFile = z.infer<typeof CountryFormsFile>;

/** How a form refers to its country. */
export type FormKind = "name" | "adjective" | "metonym";

/** One surface form (as written in the lexicon) and the countries it can name, default first. */
export interface CountryForm {
  text: string;
  lang: "ar" | "en";
  kind: FormKind;
  codes: string[];
}

/**
 * A country's adjectives and names, base forms first (what institution names are built from: «الحكومة
 * اللبنانية», "Lebanon's government"). Arabic adjectives are masculine singular nisbas without the article.
 */
export interface CountryDemonyms {
  adjectives: { ar: string[]; en: string[] };
  /** The CLDR name first, then the press names of forms.yaml. */
  names: { ar: string[]; en: string[] };
}

/** Everything the tagger needs to recognise countries. */
export interface CountryLexicon {
  forms: CountryForm[];
  blockers: { ar: string[]; en: string[] };
  /** Adjectives and names per ISO code, for the countries forms.yaml lists (absent in hand-built lexicons). */
  demonyms?: Map<string, CountryDemonyms>;
}

/** Arabic adjective endings added to a masculine singular nisba (ـي): feminine, plurals, duals. */
const AR_ADJ_SUFFIXES = ["", ...CLITICS.adjective_endings];
const AR_ARTICLE = CLITICS.definite;

/** All inflections of an Arabic masculine nisba adjective, with and without the article. */
export function inflectArabicAdjective(adjective: string): string[] {
  const base = adjective.startsWith(AR_ARTICLE) ? adjective.slice(2) : adjective;
  const out: string[] = [];
  for (const suffix of AR_ADJ_SUFFIXES) out.push(base + suffix, AR_ARTICLE + base + suffix);
  return out;
}

/** Splits a CLDR name into matchable names: «Myanmar (Burma)» → Myanmar, Burma; «Congo - Kinshasa» kept whole. */
function cldrVariants(name: string): string[] {
  const out: string[] = [];
  const paren = /\(([^)]*)\)/.exec(name);
  const main = name.replace(/\([^)]*\)/g, "").trim();
  if (main) out.push(main);
  // a parenthesised alternative name, but not a qualifier such as «منطقة إدارية خاصة»
  if (paren?.[1] && !/\s/.test(paren[1].trim())) out.push(paren[1].trim());
  return out;
}

/**
 * Builds the country lexicon: CLDR names for every country (minus `exclude`), plus the YAML forms; a form listed
 * for several countries, or in `ambiguous`, gets all their codes (default first).
 */
export function buildCountryLexicon(file: CountryFormsFile): CountryLexicon {
  const byKey = new Map<string, CountryForm>();
  const add = (text: string, lang: "ar" | "en", kind: FormKind, code: string) => {
    const key = `${lang}\u0000${normaliseArabic(text)}`;
    const existing = byKey.get(key);
    if (existing) {
      if (!existing.codes.includes(code)) existing.codes.push(code);
      return;
    }
    byKey.set(key, { text, lang, kind, codes: [code] });
  };
  const names = probeCountries();
  for (const [code, name] of names) {
    const skip = file.exclude[code];
    for (const lang of ["ar", "en"] as const) {
      for (const v of cldrVariants(name[lang])) if (!skip?.[lang].includes(v)) add(v, lang, "name", code);
    }
  }
  for (const [code, forms] of Object.entries(file.countries)) {
    if (!names.has(code)) throw new Error(`forms.yaml: ${code} is not an ISO 3166-1 country code`);
    for (const lang of ["ar", "en"] as const) {
      const f = forms[lang];
      if (!f) continue;
      for (const n of f.names) add(n, lang, "name", code);
      for (const a of f.adjectives) {
        const inflected = lang === "ar" ? inflectArabicAdjective(a) : [a, `${a}s`];
        for (const v of inflected) add(v, lang, "adjective", code);
      }
      for (const n of f.forms) add(n, lang, "adjective", code);
      for (const m of f.metonyms) add(m, lang, "metonym", code);
    }
  }
  for (const { form, codes } of file.ambiguous) {
    for (const lang of ["ar", "en"] as const) {
      const entry = byKey.get(`${lang}\u0000${normaliseArabic(form)}`);
      if (entry) entry.codes = [...codes, ...entry.codes.filter((c) => !codes.includes(c))];
    }
    if (!byKey.has(`ar\u0000${normaliseArabic(form)}`) && !byKey.has(`en\u0000${normaliseArabic(form)}`)) {
      const lang = /[\u0600-\u06ff]/.test(form) ? "ar" : "en";
      byKey.set(`${lang}\u0000${normaliseArabic(form)}`, { text: form, lang, kind: "name", codes: [...codes] });
    }
  }
  const demonyms = new Map<string, CountryDemonyms>();
  for (const [code, forms] of Object.entries(file.countries)) {
    const name = names.get(code)!;
    // an English demonym listed under `forms` ("French", "Swiss") is the adjective when none is listed
    const enAdjectives = forms.en?.adjectives.length ? forms.en.adjectives : (forms.en?.forms.slice(0, 1) ?? []);
    demonyms.set(code, {
      adjectives: { ar: [...(forms.ar?.adjectives ?? [])], en: [...enAdjectives] },
      names: {
        ar: [...new Set([...cldrVariants(name.ar), ...(forms.ar?.names ?? [])])],
        en: [...new Set([...cldrVariants(name.en), ...(forms.en?.names ?? [])])],
      },
    });
  }
  return { forms: [...byKey.values()], blockers: file.blockers, demonyms };
}

/** Parses and validates the text of `forms.yaml`; errors name the file and the entry. */
export function parseCountryForms(text: string, file: string): CountryLexicon {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new ContentError(file, `not valid YAML: ${(error as Error).message.split("\n")[0]}`);
  }
  const result = CountryFormsFile.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ContentError(file, `entry \`${issue?.path.join(".") || "(file)"}\`: ${issue?.message ?? "invalid"}`);
  }
  for (const [code, forms] of Object.entries(result.data.countries)) {
    const total = (["ar", "en"] as const).reduce(
      (n, l) => n + (forms[l] ? forms[l].names.length + forms[l].adjectives.length + forms[l].forms.length + forms[l].metonyms.length : 0),
      0,
    );
    // an empty group is a mistake in the data, not "match nothing"
    if (total === 0) throw new ContentError(file, `entry \`countries.${code}\`: no forms listed`);
  }
  try {
    return buildCountryLexicon(result.data);
  } catch (error) {
    throw new ContentError(file, (error as Error).message.replace(/^forms\.yaml: /, ""));
  }
}

/** Reads `content/countries/forms.yaml`. */
export function loadCountryLexicon(file: string): CountryLexicon {
  const text = readFileSync(file, "utf8");
  const hit = loadedForms.get(file);
  if (hit?.text === text) return hit.lexicon;
  const lexicon = parseCountryForms(text, file);
  loadedForms.set(file, { text, lexicon });
  return lexicon;
}

/**
 * The last lexicon parsed from each forms file, with the text it came from: the tagger and the event coder both
 * load it, and parsing the YAML again cost every process about 50 ms. A changed file is parsed again.
 */
const loadedForms = new Map<string, { text: string; lexicon: CountryLexicon }>();

/** A lexicon with CLDR names only (no adjectives or metonyms): what the tagger uses when none is given. */
export function defaultCountryLexicon(): CountryLexicon {
  return buildCountryLexicon({ countries: {}, ambiguous: [], exclude: {}, blockers: { ar: [], en: [] } });
}
