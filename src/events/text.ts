/**
 * The sentence model of the events stage: normalised tokens with their source offsets, clitic stems and the
 * punctuation before each, built on the entities stage's one normaliser and tokenizer.
 */
import { cliticStems, normaliseWithMap, sourceEnd } from "../entities/normalise.ts";
import { tokenize } from "../entities/tokens.ts";
import type { Phrase } from "./lexicon.ts";

/** One word of a sentence. */
export interface Tok {
  /** Normalised word. */
  norm: string;
  /** The word without proclitics (و ف ب ل ك ال). */
  stems: string[];
  /** The stems, also without a pronoun suffix («زيارتها» → زياره): how nouns are matched. */
  bases: string[];
  /** Source offsets. */
  start: number;
  end: number;
  /** Punctuation written between the previous word and this one (normalised, spaces dropped). */
  before: string;
  /** A run of digits. */
  digits: boolean;
}

/** A sentence ready for coding. */
export interface Sentence {
  text: string;
  toks: Tok[];
  /** Index of the first token of each clause, per token (clauses end at , ، ؛ : . ! ?). */
  clause: number[];
  /** Answers of `longestAt` per lexicon group (-1 not yet asked). */
  wordMemo: Map<Phrase[], Int16Array>;
  nounMemo: Map<Phrase[], Int16Array>;
}

/** Pronoun suffixes of nouns, longest first. */
const SUFFIXES = ["\u0647\u0645\u0627", "\u0647\u0645", "\u0647\u0646", "\u0647\u0627", "\u0647"]; // هما هم هن ها ه
/** Shortest base a suffix may leave. */
const MIN_BASE = 3;
const TA = "\u062a"; // ت
const TA_MARBUTA_FOLDED = "\u0647"; // ة after normalisation

function basesOf(stems: string[]): string[] {
  const out: string[] = [];
  const add = (w: string) => {
    if (!out.includes(w)) out.push(w);
  };
  for (const s of stems) {
    add(s);
    for (const suf of SUFFIXES) {
      if (!s.endsWith(suf) || s.length - suf.length < MIN_BASE) continue;
      const base = s.slice(0, -suf.length);
      add(base);
      if (base.endsWith(TA)) add(base.slice(0, -1) + TA_MARBUTA_FOLDED);
      break;
    }
  }
  return out;
}

const CLAUSE_PUNCT = /[,،؛;:.!?؟]/;

/** Tokenises a sentence. */
export function readSentence(text: string): Sentence {
  const map = normaliseWithMap(text);
  const raw = tokenize(map.text);
  const toks: Tok[] = [];
  let prevEnd = 0;
  for (const t of raw) {
    // cliticStems is cached by the normaliser and starts with the word itself
    const stems = t.script === 1 ? cliticStems(t.text) : [t.text];
    toks.push({
      norm: t.text,
      stems,
      bases: t.script === 1 ? basesOf(stems) : stems,
      start: map.toSource[t.start]!,
      end: sourceEnd(text, map, t.end),
      before: t.start - prevEnd === 1 && map.text.charCodeAt(prevEnd) === 32 ? "" : map.text.slice(prevEnd, t.start).replace(/\s+/g, ""),
      digits: t.script === 3,
    });
    prevEnd = t.end;
  }
  const clause: number[] = [];
  let start = 0;
  toks.forEach((t, i) => {
    if (i > 0 && CLAUSE_PUNCT.test(t.before)) start = i;
    clause.push(start);
  });
  return { text, toks, clause, wordMemo: new Map(), nounMemo: new Map() };
}

/**
 * Length of `phrase` matched at token `i` (0 when it does not match). Later words may carry proclitics too;
 * with `nouns`, the last word may carry a pronoun suffix.
 */
export function matchAt(s: Sentence, i: number, phrase: Phrase, nouns = false): number {
  if (i + phrase.length > s.toks.length) return 0;
  for (let k = 0; k < phrase.length; k++) {
    const t = s.toks[i + k]!;
    const forms = nouns && k === phrase.length - 1 ? t.bases : t.stems;
    if (t.norm !== phrase[k] && !forms.includes(phrase[k]!)) return 0;
  }
  return phrase.length;
}

/** Phrases of a lexicon group by first word, built once per group (lexicon arrays live as long as the coder). */
const firstWords = new WeakMap<Phrase[], Map<string, Phrase[]>>();

function byFirstWord(phrases: Phrase[]): Map<string, Phrase[]> {
  let index = firstWords.get(phrases);
  if (!index) {
    index = new Map();
    for (const p of phrases) {
      const list = index.get(p[0]!) ?? [];
      list.push(p);
      index.set(p[0]!, list);
    }
    firstWords.set(phrases, index);
  }
  return index;
}

/**
 * Longest of `phrases` matched at `i`. The coder asks the same question of the same word many times (phrase
 * bounds, cues): answers are kept per sentence and group, and only phrases starting with one of the word's forms
 * are tried.
 */
export function longestAt(s: Sentence, i: number, phrases: Phrase[], nouns = false): number {
  if (i < 0 || i >= s.toks.length) return 0;
  const memos = nouns ? s.nounMemo : s.wordMemo;
  let memo = memos.get(phrases);
  if (!memo) memos.set(phrases, (memo = new Int16Array(s.toks.length).fill(-1)));
  const known = memo[i]!;
  if (known >= 0) return known;
  const index = byFirstWord(phrases);
  const t = s.toks[i]!;
  // the stems include the word itself
  let best = 0;
  for (const form of nouns ? t.bases : t.stems) {
    const list = index.get(form);
    if (!list) continue;
    for (const p of list) {
      if (p.length <= best) continue;
      const n = matchAt(s, i, p, nouns);
      if (n > best) best = n;
    }
  }
  memo[i] = best;
  return best;
}

/** Longest of `phrases` matched at `i`, the last word allowed a pronoun suffix («قصره»). */
export function longestNounAt(s: Sentence, i: number, phrases: Phrase[]): number {
  return longestAt(s, i, phrases, true);
}

/** Verbatim text of tokens [from, to). */
export function spanText(s: Sentence, from: number, to: number): string {
  if (to <= from) return "";
  return s.text.slice(s.toks[from]!.start, s.toks[to - 1]!.end);
}

/** True when a clause boundary lies between tokens a and b (a < b). */
export function crossesClause(s: Sentence, a: number, b: number): boolean {
  return s.clause[b] !== s.clause[a];
}
