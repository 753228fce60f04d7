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
  const ar = cand.name_ar ? arabicVariantKey(cand.key) : undefined;
  const latin = latinVariantKey(cand.suggested_en);
  for (const e of entries) {
    if (ar && e.name_ar && arabicVariantKey(e.key) === ar) return e;
    // across scripts only: two Arabic names may share a skeleton («حسن», «حسين»)
    if (latin && (e.name_ar === null) !== (cand.name_ar === null) && latinVariantKey(e.suggested_en) === latin && e.kind === cand.kind) return e;
  }
  return undefined;
}

/** An empty queue. */
export function emptyQueue(): ReviewQueue {
  return { candidates: [], rejected: [] };
}

/**
 * Adds one article's candidates to the queue (pure: returns a new queue). Re-adding an article already counted
 * changes nothing, so re-ingesting is safe; rejected keys are skipped. Sorted by frequency, then key.
 */
export function updateQueue(queue: ReviewQueue, candidates: Candidate[], articleId: string, date?: string): ReviewQueue {
  const rejected = new Set(queue.rejected);
  const byKey = new Map(queue.candidates.map((c) => [c.key, { ...c, articles: [...c.articles], contexts: [...c.contexts], variants: [...(c.variants ?? [])] }]));
  for (const cand of candidates) {
    if (rejected.has(cand.key)) continue;
    const entry = byKey.get(cand.key) ?? variantOf(byKey.values(), cand);
    const contexts = cand.contexts.map((sentence) => ({ sentence, article: articleId }));
    if (entry && entry.key !== cand.key) {
      // a variant: one entry with all its articles; an Arabic name and the English press's spelling fill each other
      const written = cand.name_ar ?? cand.suggested_en;
      if (written !== (entry.name_ar ?? entry.suggested_en) && !entry.variants.includes(written)) entry.variants.push(written);
      if (!entry.name_ar && cand.name_ar) entry.name_ar = cand.name_ar;
      if (!cand.name_ar) entry.suggested_en = cand.suggested_en;
    }
    if (!entry) {
      byKey.set(cand.key, {
        key: cand.key,
        name_ar: cand.name_ar,
        suggested_en: cand.suggested_en,
        kind: cand.kind,
        frequency: cand.frequency,
        articles: [articleId],
        contexts: contexts.slice(0, MAX_CONTEXTS),
        first_seen: date ? { article: articleId, date } : { article: articleId },
        variants: [],
      });
      continue;
    }
    if (entry.articles.includes(articleId)) continue;
    entry.articles.push(articleId);
    entry.frequency += cand.frequency;
    for (const c of contexts) if (entry.contexts.length < MAX_CONTEXTS) entry.contexts.push(c);
  }
  return { candidates: sortQueue([...byKey.values()]), rejected: [...queue.rejected] };
}

export function sortQueue(entries: QueueEntry[]): QueueEntry[] {
  return entries.sort((a, b) => b.articles.length - a.articles.length || b.frequency - a.frequency || a.key.localeCompare(b.key));
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
