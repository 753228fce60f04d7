/**
 * Schema of the review queue, `content/review/candidates.yaml`: actors discovery found that the knowledge base
 * lacks, waiting for an editor (`briefing actors queue|promote|reject`).
 */
import { z } from "zod";
import { ActorType } from "./actor.ts";
import { IsoDate } from "./common.ts";

/** One candidate waiting for review. */
export const QueueEntry = z
  .object({
    /** Normalised name: identity across articles. */
    key: z.string().min(1),
    /** Name as written; null for candidates from English articles. */
    name_ar: z.string().min(1).nullable(),
    /** Suggested English name. */
    suggested_en: z.string().min(1),
    /** Guessed kind. */
    kind: ActorType,
    /** Occurrences over all articles. */
    frequency: z.number().int().positive(),
    /** Ids of the articles it occurs in. */
    articles: z.array(z.string().min(1)).min(1),
    /** Sentences with their article (at most `MAX_CONTEXTS` of src/entities/discover.ts). */
    contexts: z.array(z.object({ sentence: z.string(), article: z.string() }).strict()),
    /** Where and when it was first seen. */
    first_seen: z.object({ article: z.string().min(1), date: IsoDate.optional() }).strict(),
    /** Other ways the same candidate was written (clitics, spellings, the other script), merged into this entry. */
    variants: z.array(z.string().min(1)).default([]),
  })
  .strict();
export type QueueEntry = z.infer<typeof QueueEntry>;

/** Schema of `content/review/candidates.yaml`. */
export const ReviewQueue = z
  .object({
    /** Candidates, most frequent first. */
    candidates: z.array(QueueEntry).default([]),
    /** Keys an editor rejected: never queued again. */
    rejected: z.array(z.string().min(1)).default([]),
  })
  .strict();
export type ReviewQueue = z.infer<typeof ReviewQueue>;
