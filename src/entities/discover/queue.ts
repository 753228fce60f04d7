/**
 * The review queue of candidates (`content/review/candidates.yaml`, schema in src/schemas/review-queue.ts): pure
 * updates (merge one article's candidates, variants across clitics, spellings and scripts), look-up and removal.
 */
import { Slug } from "../../schemas/common.ts";
import type { QueueEntry, ReviewQueue } from "../../schemas/review-queue.ts";
import { CLITICS, startsWithConjunction } from "../../text/clitics.ts";
import type { Candidate } from "../discover.ts";
import { discoveryLexicon, type DiscoveryLexicon } from "../lexicon.ts";
import { proclitics } from "../normalise.ts";
import { phraseTokens } from "../trie.ts";

const ARTICLE = CLITICS.definite;

/** Sentences kept per candidate and queue entry. */
export const MAX_CONTEXTS = 5;


/** A name with its letters for foreign sounds written as the Arabic letters they stand for («البرزنچي» → «البرزنجي»). */
export function plainLetters(name: string, lex: DiscoveryLexicon = discoveryLexicon()): string {
  let out = "";
  for (const ch of name) out += lex.letter_variants[ch] ?? ch;
  return out;
}

/**
 * The Arabic form of a candidate's key that clitics and word joins do not change: the first word without «و»/«ف»
 * and with a fused preposition before the article removed («وللجنة» → «اللجنة»), words joined without spaces
 * («عبد الله» = «عبدالله»).
 */
export function arabicVariantKey(key: string, lex: DiscoveryLexicon = discoveryLexicon()): string | undefined {
  const toks = plainLetters(key, lex).split(" ");
  if (!toks[0] || !/[\u0621-\u064a]/.test(toks[0])) return undefined;
  const forms = proclitics(toks[0]);
  const first = forms.find((f) => f.startsWith(ARTICLE) && f !== toks[0]) ?? (startsWithConjunction(toks[0]) && forms[1] ? forms[1] : toks[0]);
  return [first, ...toks.slice(1)].join("");
}

/**
 * A consonant skeleton of a Latin name, to match an Arabic candidate's romanisation with the English press's
 * spelling of the same person ("Mohammed Zain" = "Mohamed Zein"): lower case, accents, articles ("al-", "el-"),
 * vowels after the first letter and doubled letters removed.
 */
export function latinVariantKey(name: string): string | undefined {
  const words = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[\s-]+/)
    .filter((w) => w && w !== "al" && w !== "el");
  const skeleton = words
    .map((w) => w.replace(/[^a-z]/g, ""))
    .map((w) => (w[0] ?? "") + w.slice(1).replace(/[aeiouy']/g, ""))
    .join("")
    .replace(/(.)\1+/g, "$1");
  return skeleton.length >= 4 ? skeleton : undefined;
}

/** The entry an incoming candidate is a variant of: same Arabic form, or the same name across scripts. */
export function variantOf(entries: Iterable<QueueEntry>, cand: Candidate): QueueEntry | undefined {
  const index = variantIndex();
  for (const e of entries) index.add(e);
  return index.find(cand);
}

/**
 * The queue's entries by their variant keys, kept up to date as entries change (an English entry takes an Arabic name,
 * a spelling from the English press), so that finding a candidate's entry costs two look-ups, not a pass over the
 * queue. Where several entries match, the strongest wins (the queue's own order, `sortQueue`).
 */
function variantIndex(lex: DiscoveryLexicon = discoveryLexicon()) {
  const arabic = new Map<string, Set<QueueEntry>>();
  const latin = new Map<string, Set<QueueEntry>>();
  const latinOf = new Map<QueueEntry, string | undefined>();
  const put = (map: Map<string, Set<QueueEntry>>, key: string | undefined, e: QueueEntry) => {
    if (key === undefined) return;
    let set = map.get(key);
    if (!set) map.set(key, (set = new Set()));
    set.add(e);
  };
  return {
    add(e: QueueEntry): void {
      put(arabic, arabicVariantKey(e.key, lex), e);
      const l = latinVariantKey(e.suggested_en);
      latinOf.set(e, l);
      put(latin, l, e);
    },
    /** Call after changing `e.suggested_en`. */
    respell(e: QueueEntry): void {
      const before = latinOf.get(e);
      const after = latinVariantKey(e.suggested_en);
      if (before === after) return;
      if (before !== undefined) latin.get(before)?.delete(e);
      latinOf.set(e, after);
      put(latin, after, e);
    },
    find(cand: Candidate): QueueEntry | undefined {
      const ar = cand.name_ar ? arabicVariantKey(cand.key, lex) : undefined;
      const l = latinVariantKey(cand.suggested_en);
      const matches: QueueEntry[] = [];
      for (const e of (ar && arabic.get(ar)) || []) if (e.name_ar) matches.push(e);
      // across scripts only: two Arabic names may share a skeleton («حسن», «حسين»)
      for (const e of (l && latin.get(l)) || []) if ((e.name_ar === null) !== (cand.name_ar === null) && e.kind === cand.kind) matches.push(e);
      return matches.length ? matches.reduce((best, e) => (queueOrder(e, best) < 0 ? e : best)) : undefined;
    },
  };
}

/** An empty queue. */
export function emptyQueue(): ReviewQueue {
  return { candidates: [], rejected: [] };
}

/** One article's candidates, for `queueCandidates`. */
export interface ArticleCandidates {
  article: string;
  candidates: readonly Candidate[];
  /** The article's date, recorded as where a new entry was first seen. */
  date?: string;
}

/**
 * Adds one article's candidates to the queue (pure: returns a new queue). Re-adding an article already counted
 * changes nothing, so re-ingesting is safe; rejected keys are skipped. Sorted by frequency, then key.
 */
export function updateQueue(queue: ReviewQueue, candidates: Candidate[], articleId: string, date?: string): ReviewQueue {
  return queueCandidates(queue, [{ article: articleId, candidates, ...(date ? { date } : {}) }]);
}

/**
 * Adds many articles' candidates to the queue in one pass (pure: returns a new queue), as `updateQueue` would one
 * article after another: the queue is copied and sorted once, and variants are found through an index.
 */
export function queueCandidates(queue: ReviewQueue, articles: Iterable<ArticleCandidates>, lex: DiscoveryLexicon = discoveryLexicon()): ReviewQueue {
  const rejected = new Set(queue.rejected);
  const byKey = new Map(queue.candidates.map((c) => [c.key, { ...c, articles: [...c.articles], contexts: [...c.contexts], variants: [...(c.variants ?? [])] }]));
  const index = variantIndex(lex);
  for (const e of byKey.values()) index.add(e);
  // an entry's articles as a set, for the re-ingest check
  const counted = new Map<QueueEntry, Set<string>>();
  const articlesOf = (e: QueueEntry) => {
    let set = counted.get(e);
    if (!set) counted.set(e, (set = new Set(e.articles)));
    return set;
  };
  for (const { article: articleId, candidates, date } of articles) {
    for (const cand of candidates) {
      if (rejected.has(cand.key)) continue;
      const entry = byKey.get(cand.key) ?? index.find(cand);
      const contexts = cand.contexts.map((sentence) => ({ sentence, article: articleId }));
      if (entry && entry.key !== cand.key) {
        // a variant: one entry with all its articles; an Arabic name and the English press's spelling fill each other
        const written = cand.name_ar ?? cand.suggested_en;
        if (written !== (entry.name_ar ?? entry.suggested_en) && !entry.variants.includes(written)) entry.variants.push(written);
        if (!entry.name_ar && cand.name_ar) entry.name_ar = cand.name_ar;
        if (!cand.name_ar) {
          entry.suggested_en = cand.suggested_en;
          index.respell(entry);
        }
      }
      if (!entry) {
        const created: QueueEntry = {
          key: cand.key,
          name_ar: cand.name_ar,
          suggested_en: cand.suggested_en,
          kind: cand.kind,
          frequency: cand.frequency,
          articles: [articleId],
          contexts: contexts.slice(0, MAX_CONTEXTS),
          first_seen: date ? { article: articleId, date } : { article: articleId },
          variants: [],
        };
        byKey.set(cand.key, created);
        index.add(created);
        continue;
      }
      const seen = articlesOf(entry);
      if (seen.has(articleId)) continue;
      seen.add(articleId);
      entry.articles.push(articleId);
      entry.frequency += cand.frequency;
      for (const c of contexts) if (entry.contexts.length < MAX_CONTEXTS) entry.contexts.push(c);
    }
  }
  return { candidates: sortQueue([...byKey.values()]), rejected: [...queue.rejected] };
}

/** The queue's order: most articles, then most occurrences, then key. */
function queueOrder(a: QueueEntry, b: QueueEntry): number {
  return b.articles.length - a.articles.length || b.frequency - a.frequency || a.key.localeCompare(b.key);
}

export function sortQueue(entries: QueueEntry[]): QueueEntry[] {
  return entries.sort(queueOrder);
}

/** Finds a queue entry by key, name as written, suggested English name or slug. */
export function findQueueEntry(queue: ReviewQueue, query: string): QueueEntry | undefined {
  const key = phraseTokens(query).join(" ");
  return queue.candidates.find((c) => c.key === key || c.name_ar === query || c.suggested_en.toLowerCase() === query.toLowerCase() || candidateSlug(c) === query);
}

/** Removes an entry; `reject` also remembers its key so discovery never queues it again. */
export function removeFromQueue(queue: ReviewQueue, key: string, reject: boolean): ReviewQueue {
  return {
    candidates: queue.candidates.filter((c) => c.key !== key),
    rejected: reject && !queue.rejected.includes(key) ? [...queue.rejected, key] : [...queue.rejected],
  };
}

/** ASCII slug of a candidate, from its suggested English name. */
export function candidateSlug(entry: Pick<QueueEntry, "suggested_en" | "key">): string {
  const slug = entry.suggested_en
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return Slug.safeParse(slug).success ? slug : `candidate-${hash(entry.key)}`;
}

export function hash(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}
