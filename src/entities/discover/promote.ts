/**
 * Actors made from queue entries: provisional actors for the site, and the knowledge-base entry of a promoted one.
 */
import { Actor, type ActorType } from "../../schemas/actor.ts";
import type { QueueEntry, ReviewQueue } from "../../schemas/review-queue.ts";
import { discoveryLexicon, type DiscoveryLexicon } from "../lexicon.ts";
import { candidateSlug } from "./queue.ts";


export function fill(template: string, n: number): string {
  return template.replace("{n}", String(n));
}

/**
 * Provisional actors for the site: queue entries seen in at least `minArticles` articles, with ids
 * `provisional-<slug>` and `provisional: true`, so pages can mark them as unreviewed.
 */
export function provisionalActors(queue: ReviewQueue, minArticles: number, lex: DiscoveryLexicon = discoveryLexicon()): Actor[] {
  return queue.candidates
    .filter((c) => c.articles.length >= minArticles && c.name_ar)
    .map((c) =>
      Actor.parse({
        id: `provisional-${candidateSlug(c)}`,
        names: { ar: c.name_ar, en: c.suggested_en },
        type: c.kind,
        description: { ar: fill(lex.descriptions.provisional.ar, c.articles.length), en: fill(lex.descriptions.provisional.en, c.articles.length) },
        provisional: true,
        provenance: { added_by: "discovery", source: c.articles.join(", ") },
      }),
    );
}

/** Options of `promotedActor`. */
export interface PromoteOptions {
  id: string;
  en?: string;
  ar?: string;
  type?: ActorType;
  country?: string;
  /** YYYY-MM-DD, injected (never read from a clock here). */
  added?: string;
}

/** The knowledge-base entry for a promoted candidate (validated; `provisional: false`). */
export function promotedActor(entry: QueueEntry, options: PromoteOptions, lex: DiscoveryLexicon = discoveryLexicon()): Actor {
  const ar = options.ar ?? entry.name_ar;
  if (!ar) throw new Error(`candidate "${entry.suggested_en}" has no Arabic name: pass --ar "…"`);
  return Actor.parse({
    id: options.id,
    names: { ar, en: options.en ?? entry.suggested_en },
    type: options.type ?? entry.kind,
    ...(options.country ? { country: options.country } : {}),
    description: { ar: fill(lex.descriptions.promoted.ar, entry.articles.length), en: fill(lex.descriptions.promoted.en, entry.articles.length) },
    provisional: false,
    provenance: { added_by: "discovery", source: entry.articles.join(", "), ...(options.added ? { added: options.added } : {}) },
  });
}
