/**
 * A token trie: phrases are inserted once as sequences of normalised tokens, and text is matched by walking from
 * each token. Arabic proclitics are handled on the first token only (وحفتر، للأمم المتحدة): the walk starts from
 * each proclitic form of that token, and the longest phrase wins (ties go to the least stripped form, so an
 * exact listed word beats a reading that strips a letter off it).
 */
import { normaliseArabic, proclitics } from "./normalise.ts";
import { tokenize, type Token } from "./tokens.ts";

/** One node: children by token, and the values of phrases ending here. */
export interface TrieNode<T> {
  next: Map<string, TrieNode<T>>;
  values: T[];
}

/** The children of every leaf until it gets one: leaves are most nodes, so they share one empty map. */
const NO_CHILDREN = new Map<string, never>();
/** The values of every node until it gets one. */
const NO_VALUES: never[] = [];

/** An empty trie. */
export function createTrie<T>(): TrieNode<T> {
  return { next: new Map(), values: [] };
}

/** Normalised tokens of a lexicon phrase (English phrases lose a leading "the"). */
export function phraseTokens(phrase: string): string[] {
  let words = phraseMemo.get(phrase);
  if (!words) {
    words = tokenize(normaliseArabic(phrase)).map((t) => t.text);
    if (words.length > 1 && words[0] === "the") words.shift();
    if (phraseMemo.size >= PHRASE_MEMO_SIZE) phraseMemo.clear();
    phraseMemo.set(phrase, words);
  }
  // a copy: callers may change what they get
  return words.slice();
}

/**
 * Phrases tokenised so far: building a tagger's tables tokenises each knowledge-base name several times (aliases,
 * related countries, institution owners and anaphors, roles). Bounded, so a long-lived process does not grow.
 */
const phraseMemo = new Map<string, string[]>();
const PHRASE_MEMO_SIZE = 200_000;

/** Inserts a phrase (as tokens) with a value; returns the phrase's end node. */
export function insert<T>(root: TrieNode<T>, tokens: string[], value: T): TrieNode<T> {
  let node = root;
  for (const t of tokens) {
    let child = node.next.get(t);
    if (!child) {
      child = { next: NO_CHILDREN, values: NO_VALUES };
      if (node.next === NO_CHILDREN) node.next = new Map();
      node.next.set(t, child);
    }
    node = child;
  }
  if (node.values === NO_VALUES) node.values = [];
  node.values.push(value);
  return node;
}

/** The longest match starting at a token. */
export interface TrieMatch<T> {
  /** Number of tokens covered. */
  length: number;
  values: T[];
  /** Index of the proclitic form of the first token that matched (0 = as written). */
  form: number;
}

/** First letters of a proclitic (و ف ب ل ك): only words starting with one need their clitic forms. */
export function mayHaveProclitic(word: string): boolean {
  const c = word.charCodeAt(0);
  return c === 0x0648 || c === 0x0641 || c === 0x0628 || c === 0x0644 || c === 0x0643;
}

/**
 * Longest phrase starting at `tokens[i]`. `accept` filters a node's values (e.g. case checks); a node whose
 * values are all rejected does not count as a match. With `joins`, a phrase never runs across a token `j` whose
 * `joins[j]` is 0 (punctuation between it and the previous token: «خليفة، حفتر» is two names).
 */
export function longestMatch<T>(
  root: TrieNode<T>,
  tokens: readonly Token[],
  i: number,
  accept?: (values: T[], start: number, length: number) => T[],
  joins?: Uint8Array,
): TrieMatch<T> | null {
  const first = tokens[i]!;
  const single = first.script !== 1 || !mayHaveProclitic(first.text);
  const forms = single ? undefined : proclitics(first.text);
  const count = forms ? forms.length : 1;
  let best: TrieMatch<T> | null = null;
  for (let f = 0; f < count; f++) {
    let node = root.next.get(forms ? forms[f]! : first.text);
    let j = i + 1;
    while (node) {
      const length = j - i;
      if (node.values.length > 0 && (!best || length > best.length)) {
        const values = accept ? accept(node.values, i, length) : node.values;
        if (values.length > 0) best = { length, values, form: f };
      }
      if (j >= tokens.length || node.next.size === 0 || (joins && !joins[j])) break;
      node = node.next.get(tokens[j]!.text);
      j++;
    }
  }
  return best;
}

const HARD_SEPARATOR = /[,\u060c;\u061b:?\u061f!]/;

/**
 * For each token, 1 when a phrase may run on into it from the previous token: the gap between them holds only
 * spaces, quotes, brackets, hyphens or slashes, or the full stop of an abbreviation ("U.S.", "Gen.").
 */
export function joinable(norm: string, tokens: readonly Token[], abbreviations: ReadonlySet<string>): Uint8Array {
  const joins = new Uint8Array(tokens.length);
  for (let j = 1; j < tokens.length; j++) {
    const prev = tokens[j - 1]!;
    const start = prev.end;
    const end = tokens[j]!.start;
    if (end - start === 1 && norm.charCodeAt(start) === 32) {
      joins[j] = 1;
      continue;
    }
    const gap = norm.slice(start, end);
    if (HARD_SEPARATOR.test(gap)) continue;
    if (gap.includes(".") && !(prev.script === 2 && (prev.text.length === 1 || abbreviations.has(prev.text)))) continue;
    joins[j] = 1;
  }
  return joins;
}

/** Bits of the start filter (a power of two). */
const FILTER_BITS = 1 << 18;

function filterBit(first: number, second: number, last: number, length: number): number {
  // letters of one script have close codes: mix them (murmur-style) so keys spread over the whole bitmap
  let h = Math.imul(first ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13) ^ second, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16) ^ last, 0x27d4eb2f);
  h = Math.imul(h ^ (h >>> 15) ^ length, 0x165667b1);
  return (h ^ (h >>> 16)) & (FILTER_BITS - 1);
}

/**
 * A bitmap over the first words of a trie's phrases (first two letters, last letter, length), so a word that can
 * start no phrase — most words — is rejected from its character codes without building or hashing any string.
 * False positives only cost a Map lookup.
 */
export function startFilter(root: TrieNode<unknown>): Uint8Array {
  const bits = new Uint8Array(FILTER_BITS >> 3);
  for (const key of root.next.keys()) {
    const b = filterBit(key.charCodeAt(0), key.charCodeAt(1) | 0, key.charCodeAt(key.length - 1), key.length);
    bits[b >> 3]! |= 1 << (b & 7);
  }
  return bits;
}

/** True when `word` (or its text after `offset` proclitic letters) may start a phrase of the filtered trie. */
export function mayStart(bits: Uint8Array, word: string, offset: number): boolean {
  const n = word.length;
  if (n - offset < 1) return false;
  const b = filterBit(word.charCodeAt(offset), word.charCodeAt(offset + 1) | 0, word.charCodeAt(n - 1), n - offset);
  return (bits[b >> 3]! & (1 << (b & 7))) !== 0;
}

/**
 * True when some proclitic form of an Arabic word may start a phrase (see `proclitics`): the word itself, without
 * one or two leading proclitic letters, or «لل…» read as «ال…».
 */
export function mayStartArabic(bits: Uint8Array, word: string): boolean {
  if (mayStart(bits, word, 0)) return true;
  if (!mayHaveProclitic(word)) return false;
  if (mayStart(bits, word, 1) || mayStart(bits, word, 2)) return true;
  // «للامم» / «وللامم» → «الامم»: same last letter, length unchanged by the elided alef («لليبيا» → «ليبيا» is
  // covered by the one- and two-letter offsets above)
  const o = word.charCodeAt(0) === 0x0644 ? 0 : 1;
  if (word.charCodeAt(o) === 0x0644 && word.charCodeAt(o + 1) === 0x0644) {
    const b = filterBit(0x0627, 0x0644, word.charCodeAt(word.length - 1), word.length - o);
    return (bits[b >> 3]! & (1 << (b & 7))) !== 0;
  }
  return false;
}
