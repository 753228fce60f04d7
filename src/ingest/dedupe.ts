/**
 * Duplicate articles: the same story scraped twice, or carried by two outlets with small edits.
 *
 * `articleKey` (src/lib/identity.ts) is an exact fingerprint of the folded body (hamza forms, diacritics, punctuation and spacing do
 * not matter), so formatting-only copies share a key. `findDuplicates` also groups near-copies: two bodies are
 * the same article when the Jaccard similarity of their word 5-shingle sets reaches 0.9. Candidates are found
 * through each body's bottom-k shingle hashes (a MinHash sketch: two sets with Jaccard J share their minimum
 * with probability J, so near-copies almost always share one of their k smallest), then verified exactly;
 * the cost stays near-linear in the number of articles.
 */
import { keyOfWords, keyWords as words } from "../lib/identity.ts";
import { SETTINGS } from "./settings.ts";

/** Smallest shingle hashes kept per article to find candidate pairs. */
const SKETCH_SIZE = 8;
/** A sketch hash shared by more articles than this is boilerplate, not evidence of a copy. */
const MAX_BUCKET = 200;

type Comparable = { title: string | null; body: string[] };

/** 32-bit FNV-1a hash of a string. */
function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Hashes of the word n-shingles of an article (one shingle for a body shorter than n words). */
export function shingles(a: Comparable, n: number = SETTINGS.dedupe.shingleWords): Set<number> {
  return shinglesOfWords(words(a), n);
}

function shinglesOfWords(w: string[], n: number): Set<number> {
  const out = new Set<number>();
  if (w.length === 0) return out;
  if (w.length <= n) {
    out.add(hash32(w.join(" ")));
    return out;
  }
  // Each shingle's hash combines its words' hashes (no joined string per position: this runs over every body).
  const wordHashes = w.map(hash32);
  for (let i = 0; i + n <= w.length; i++) {
    let h = 0x811c9dc5;
    for (let j = i; j < i + n; j++) h = Math.imul(h ^ wordHashes[j]!, 0x01000193) ^ (h >>> 15);
    out.add(h >>> 0);
  }
  return out;
}

/** Jaccard similarity of two sets. */
export function jaccard(a: Set<number>, b: Set<number>): number {
  if (a.size === 0 && b.size === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let inter = 0;
  for (const x of small) if (large.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

function bottomK(set: Set<number>, k: number): number[] {
  return Uint32Array.from(set).sort().subarray(0, k).reduce<number[]>((out, h) => (out.push(h), out), []);
}

/**
 * Groups of indices (each sorted, groups ordered by their first index) of articles that are the same article:
 * equal fingerprints, or shingle Jaccard ≥ the configured threshold. Singletons are not listed.
 */
export function findDuplicates<T extends { title: string | null; body: string[] }>(articles: T[]): number[][] {
  const parent = articles.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const union = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };

  const n = articles.length;
  const keys: string[] = [];
  const sets = articles.map((a) => {
    const w = words(a);
    keys.push(w.length ? keyOfWords(w) : "");
    return shinglesOfWords(w, SETTINGS.dedupe.shingleWords);
  });
  const sketches = sets.map((set) => bottomK(set, SKETCH_SIZE));
  const byKey = new Map<string, number>();
  const buckets = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    if (sets[i]!.size === 0) continue;
    const first = byKey.get(keys[i]!);
    if (first !== undefined) union(first, i);
    else byKey.set(keys[i]!, i);
    for (const h of sketches[i]!) {
      const list = buckets.get(h);
      if (list) list.push(i);
      else buckets.set(h, [i]);
    }
  }
  // For each article, the later articles sharing its sketch hashes and how many (a counter array reused across
  // articles: cheaper than a map of pairs). Near-copies share most of their sketch (Jaccard 0.9 shares about 7
  // of 8); pairs sharing under half of the smaller sketch are far below the threshold and are not verified.
  const shared = new Int32Array(n);
  const touched: number[] = [];
  for (let a = 0; a < n; a++) {
    for (const h of sketches[a]!) {
      const list = buckets.get(h)!;
      if (list.length < 2 || list.length > MAX_BUCKET) continue;
      for (const b of list) {
        if (b <= a) continue;
        if (shared[b] === 0) touched.push(b);
        shared[b]!++;
      }
    }
    for (const b of touched) {
      const count = shared[b]!;
      shared[b] = 0;
      if (count * 2 < Math.min(sketches[a]!.length, sketches[b]!.length)) continue;
      if (find(a) === find(b)) continue;
      if (jaccard(sets[a]!, sets[b]!) >= SETTINGS.dedupe.minJaccard) union(a, b);
    }
    touched.length = 0;
  }
  const groups = new Map<number, number[]>();
  articles.forEach((_, i) => {
    const r = find(i);
    const g = groups.get(r) ?? [];
    g.push(i);
    groups.set(r, g);
  });
  return [...groups.values()].filter((g) => g.length > 1).sort((a, b) => a[0]! - b[0]!);
}
