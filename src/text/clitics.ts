/**
 * The clitic table of the text model (clitics.yaml), loaded and checked once, and the proclitic stems every stage
 * reads names and words under. Lists stay in their written order (longest first): a light stemmer tries them in
 * that order.
 */
import { z } from "zod";
import { loadLexiconFile } from "../schemas/lexicon.ts";
import { foldMatch } from "./match.ts";

const Affix = z.string().min(1);
const Affixes = z.array(Affix).min(1, "an empty list is an error");
export const CliticTable = z
  .object({
    article: Affixes,
    definite: Affix,
    elided: Affix,
    conjunctions: Affixes,
    prepositions: Affixes,
    adjective_endings: Affixes,
    suffixes: Affixes,
  })
  .strict()
  .refine((t) => t.article.includes(t.definite) && t.article.includes(t.elided), "definite and elided must be article forms");
export type CliticTable = z.infer<typeof CliticTable>;

export const CLITICS: CliticTable = loadLexiconFile(CliticTable, new URL("./clitics.yaml", import.meta.url));

/** One-letter proclitics: conjunctions, then prepositions. */
export const PARTICLES: readonly string[] = [...CLITICS.conjunctions, ...CLITICS.prepositions];
/** Proclitics a folded word may carry: the article forms, then the one-letter particles. */
export const PROCLITICS: readonly string[] = [...CLITICS.article, ...PARTICLES];

// --- proclitic stems of a folded word (fold level `match`, match.ts) --------------------------------------

/** Shortest stem a clitic may leave: stripping never produces a one-letter word. */
export const MIN_STEM = 2;

/** The one-letter conjunctions («و», «ف»), for tokenisers and tests of a word's first letter. */
export const CONJUNCTIONS: ReadonlySet<string> = new Set(CLITICS.conjunctions);
/** True when a folded Arabic word starts with a conjunction letter («وحفتر», «فالحكومة»). */
export function startsWithConjunction(word: string): boolean {
  return word.length > 0 && CONJUNCTIONS.has(word[0]!);
}
const PREPOSITIONS = new Set(CLITICS.prepositions);
const DEFINITE = CLITICS.definite;
const ELIDED = CLITICS.elided;

/**
 * Forms of one folded Arabic word without its proclitics, for matching: the word itself, the word without a
 * conjunction, and the word without conjunction and preposition — the article is kept, and the elided form
 * («لل») is read both as ل + ال (للأمم → الأمم) and as ل + a word in ل (لليبيا → ليبيا). At most one of each, never
 * below `MIN_STEM` letters, so «وحفتر» → حفتر, «بالدبيبه» → الدبيبه, «للامم» → الامم, but «الفرج» never becomes «فرج».
 */
export function proclitics(word: string): string[] {
  const cached = procliticCache.get(word);
  if (cached) return cached;
  const out = procliticForms(word);
  // news vocabulary is small: a bounded cache saves re-splitting the same words in every article
  if (procliticCache.size >= 50_000) procliticCache.clear();
  procliticCache.set(word, out);
  return out;
}

const procliticCache = new Map<string, string[]>();

function procliticForms(word: string): string[] {
  const out = [word];
  let rest = word;
  if (CONJUNCTIONS.has(rest[0]!) && rest.length > MIN_STEM) {
    rest = rest.slice(1);
    out.push(rest);
  }
  if (rest.startsWith(ELIDED) && rest.length > MIN_STEM + 1) {
    out.push(DEFINITE + rest.slice(ELIDED.length), rest.slice(1));
  } else if (PREPOSITIONS.has(rest[0]!) && rest.length > MIN_STEM) {
    out.push(rest.slice(1));
  }
  return out;
}

/** All clitic stems of one folded Arabic word: `proclitics` plus each form without the definite article. */
export function cliticStems(word: string): string[] {
  const out: string[] = [];
  for (const form of proclitics(word)) {
    if (!out.includes(form)) out.push(form);
    if (form.startsWith(DEFINITE) && form.length - DEFINITE.length >= MIN_STEM) {
      const bare = form.slice(DEFINITE.length);
      if (!out.includes(bare)) out.push(bare);
    }
  }
  return out;
}

/**
 * Candidate stems of an Arabic word for search and lookup: the word folded at level `match` and its clitic stems,
 * never below `MIN_STEM` letters.
 */
export function stripClitics(word: string): string[] {
  const w = foldMatch(word);
  if (!w) return [];
  return cliticStems(w);
}

const WORD = /[\p{L}\p{N}]+/gu;
const ARABIC_LETTER = /[\u0621-\u064a]/;

/**
 * Search tokens of a text: every word folded at level `match`, plus (Arabic) its clitic stems and (English) its
 * form without a possessive «'s». De-duplicated in order of first appearance, so the same function serves the
 * index and the query: «حفتر» finds «لحفتر», «مفاوضات» finds «المفاوضات».
 */
export function searchTokens(text: string, lang: "ar" | "en"): string[] {
  const seen = new Set<string>();
  const norm = foldMatch(text.replace(/['’]s\b/giu, lang === "en" ? "" : "$&"));
  for (const m of norm.matchAll(WORD)) {
    const word = m[0];
    const forms = ARABIC_LETTER.test(word) ? cliticStems(word) : [word];
    for (const f of forms) seen.add(f);
  }
  return [...seen];
}
