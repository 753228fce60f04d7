/**
 * Duplicate articles: the same story scraped twice, or carried by two outlets with small edits.
 *
 * `articleKey` is an exact fingerprint of the folded body (hamza forms, diacritics, punctuation and spacing do
 * not matter), so formatting-only copies share a key. `findDuplicates` also groups near-copies: two bodies are
 * the same article when the Jaccard similarity of their word 5-shingle sets reaches 0.9. Candidates are found
 * through each body's bottom-k shingle hashes (a MinHash sketch: two sets with Jaccard J share their minimum
 * with probability J, so near-copies almost always share one of their k smallest), then verified exactly;
 * the cost stays near-linear in the number of articles.
 */
import { createHash } from "node:crypto";
import { SETTINGS } from "./settings.ts";
import { fold } from "./text.ts";

/** Smallest shingle hashes kept per article to find candidate pairs. */
const SKETCH_SIZE = 8;
/** A sketch hash shared by more articles than this is boilerplate, not evidence of a copy. */
const MAX_BUCKET = 200;

type Comparable = { title: string | null; body: string[] };

/** Folded words of the body, or of the title when the body is empty. */
function words(a: Comparable): string[] {
  const text = a.body.length > 0 ? a.body.join(" ") : (a.title ?? "");
  const folded = fold(text);
  return folded ? folded.split(" ") : [];
}

/** A normalised content fingerprint: copies of the same text (up to spelling variants and punctuation) share it. */
export function articleKey(a: { title: string | null; body: string[] }): string {
  return createHash("sha256").update(words(a).join(" ")).digest("hex").slice(0, 16);
}

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
  const w = words(a);
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

  const sets = articles.map((a) => shingles(a));
  const sketches = sets.map((set) => bottomK(set, SKETCH_SIZE));
  const byKey = new Map<string, number>();
  const buckets = new Map<number, number[]>();
  articles.forEach((a, i) => {
    if (sets[i]!.size === 0) return;
    const key = articleKey(a);
    const first = byKey.get(key);
    if (first !== undefined) union(first, i);
    else byKey.set(key, i);
    for (const h of sketches[i]!) {
      const list = buckets.get(h);
      if (list) list.push(i);
      else buckets.set(h, [i]);
    }
  });
  // Sketch hashes each candidate pair shares (pair key a·n + b, a < b).
  const n = articles.length;
  const shared = new Map<number, number>();
  for (const list of buckets.values()) {
    if (list.length < 2 || list.length > MAX_BUCKET) continue;
    for (let x = 0; x < list.length; x++)
      for (let y = x + 1; y < list.length; y++) {
        const key = list[x]! * n + list[y]!;
        shared.set(key, (shared.get(key) ?? 0) + 1);
      }
  }
  // Near-copies share most of their sketch (Jaccard 0.9 shares about 7 of 8); pairs sharing under half of the
  // smaller sketch are far below the threshold and are not verified.
  for (const [key, count] of shared) {
    const a = Math.floor(key / n);
    const b = key - a * n;
    if (count * 2 < Math.min(sketches[a]!.length, sketches[b]!.length)) continue;
    if (find(a) === find(b)) continue;
    if (jaccard(sets[a]!, sets[b]!) >= SETTINGS.dedupe.minJaccard) union(a, b);
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
