/**
 * The event lexicons (`lexicon/*.yaml`): triggers, described groups, number words and clause cues, validated on
 * load and compiled once into normalised token phrases. An empty group is an error, never a match-all.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { z } from "zod";
import { normaliseArabic } from "../entities/normalise.ts";
import { EventType } from "../schemas/event.ts";

import { loadLexiconFile, LexiconError, nonEmptyRecord, Words } from "../schemas/lexicon.ts";

export { LexiconError };

/** One trigger entry of `triggers.yaml`. */
export const TriggerEntry = z
  .object({
    type: EventType,
    kind: z.enum(["verb", "noun", "people"]),
    ar: Words,
    en: Words.optional(),
    target: z.enum(["object", "prep", "entity", "none"]),
    preps: Words.optional(),
    initial: z.boolean().default(false),
    untargeted: EventType.optional(),
    symmetric: z.boolean().default(false),
    swap: z.boolean().default(false),
    per_target: z.boolean().default(false),
    circumstantial: z.boolean().default(false),
    genitive: z.enum(["source", "target"]).optional(),
    fallback: z.literal("entity").optional(),
    cameo: z.string().min(1),
  })
  .strict()
  .refine((t) => t.target !== "prep" || (t.preps?.length ?? 0) > 0, "target: prep needs `preps`");
export type TriggerEntry = z.infer<typeof TriggerEntry>;
export const TriggerFile = z.array(TriggerEntry).min(1);

/** `groups.yaml`: described actors and pronouns. */
export const GroupFile = z
  .object({
    groups: z.array(z.object({ ar: Words, en: z.string().min(1), number: z.enum(["one", "two"]).optional() }).strict()).min(1),
    pronouns: z.array(z.object({ ar: Words, en: z.literal("country") }).strict()).min(1),
    anaphors: Words,
    titles: nonEmptyRecord(z.string().min(1)),
  })
  .strict();
export type GroupFile = z.infer<typeof GroupFile>;

/** `numbers.yaml`: number words and what a count counts. */
export const NumberFile = z
  .object({
    units: z.record(z.string().min(1), z.number()),
    multipliers: z.record(z.string().min(1), z.number()),
    vague: Words,
    at_least: Words,
    killed: Words,
    wounded: Words,
    arrested: Words,
    displaced: Words,
    combined: Words,
  })
  .strict();
export type NumberFile = z.infer<typeof NumberFile>;

/** `cues.yaml`: clause cues, phrase bounds, time and place words. */
export const CueFile = z
  .object({
    background: Words,
    relative: Words,
    negation_particles: Words,
    denial: Words,
    conditional: Words,
    commentary_openers: Words,
    commentary_anywhere: Words,
    reporting: Words,
    statement_verbs: Words,
    announcers: Words,
    light_verbs: Words,
    post_light_verbs: Words,
    reach_verbs: Words,
    prepositions: Words,
    prefixed_boundaries: Words,
    time: z
      .object({
        today: Words,
        yesterday: Words,
        two_days_ago: Words,
        weekdays: z.record(z.string().min(1), z.number().int().min(0).max(6)),
        day_parts: Words,
        after_midnight: Words,
        months: z.record(z.string().min(1), z.number().int().min(1).max(12)),
      })
      .strict(),
    clause_verbs: Words,
    agent_markers: Words,
    statement_formulas: Words,
    claims: Words,
    resumptive: Words,
    partitive: Words,
    stance_nouns: Words,
    spokesmen: Words,
    shared_subject: Words,
    by_phone: Words,
    scene_verbs: Words,
    venue_heads: Words,
    place_heads: Words,
    locatives: Words,
    conjunction: z.string().min(1),
    locative_in: z.string().min(1),
    during: z.string().min(1),
  })
  .strict();
export type CueFile = z.infer<typeof CueFile>;

/** A phrase as normalised tokens. */
export type Phrase = string[];

/** Normalised tokens of a lexicon phrase. */
export function phrase(text: string): Phrase {
  return normaliseArabic(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** A compiled trigger: the entry with its normalised Arabic phrases. */
export interface Trigger extends TriggerEntry {
  phrases: Phrase[];
  prepWords: string[];
}

/** Every event lexicon, compiled. */
export interface EventLexicon {
  triggers: Trigger[];
  groups: Array<{ phrases: Phrase[]; en: string; number?: "one" | "two" }>;
  pronouns: Phrase[];
  anaphors: Phrase[];
  /** Title phrases with their English. */
  titles: Array<{ words: Phrase; en: string }>;
  numbers: NumberFile & { unitMap: Map<string, number>; multiplierMap: Map<string, number>; phrases: Record<"vague" | "at_least" | "killed" | "wounded" | "arrested" | "displaced" | "combined", Phrase[]> };
  cues: CueFile;
  /** Each cue group as phrases. */
  cue: Record<
    | "background" | "relative" | "negation_particles" | "denial" | "conditional" | "commentary_openers" | "commentary_anywhere"
    | "reporting" | "statement_verbs" | "announcers" | "light_verbs" | "post_light_verbs" | "reach_verbs" | "prepositions"
    | "prefixed_boundaries" | "today" | "yesterday" | "two_days_ago" | "day_parts" | "after_midnight" | "place_heads" | "locatives"
    | "clause_verbs" | "venue_heads" | "agent_markers" | "statement_formulas" | "claims" | "resumptive" | "partitive" | "stance_nouns" | "spokesmen" | "shared_subject" | "by_phone" | "scene_verbs",
    Phrase[]
  >;
  weekdays: Map<string, number>;
  /** Single function words the coder tests a token against, normalised: "in", "during", "and". */
  word: { in: string; during: string; and: string };
  /** Month names as words, with their number. */
  months: Array<{ words: Phrase; month: number }>;
}

/** An invalid lexicon file: the message names the file and the field. */
function load<T>(name: string, schema: z.ZodType<T>, dir: URL): T {
  return loadLexiconFile(schema, new URL(name, dir));
}

const phrases = (words: string[]): Phrase[] => words.map(phrase).filter((p) => p.length > 0);

/** Compiles validated lexicon data (exported for tests that pass their own). */
export function compileLexicon(data: { triggers: TriggerEntry[]; groups: GroupFile; numbers: NumberFile; cues: CueFile }): EventLexicon {
  const { cues, numbers } = data;
  const cueGroups = ["background", "relative", "negation_particles", "denial", "conditional", "commentary_openers", "commentary_anywhere",
    "reporting", "statement_verbs", "announcers", "light_verbs", "post_light_verbs", "reach_verbs", "prepositions", "prefixed_boundaries",
    "place_heads", "locatives", "clause_verbs", "venue_heads", "agent_markers", "statement_formulas", "claims",
    "resumptive", "partitive", "stance_nouns", "spokesmen", "shared_subject", "by_phone", "scene_verbs"] as const;
  const cue = Object.fromEntries(cueGroups.map((g) => [g, phrases(cues[g])])) as EventLexicon["cue"];
  for (const g of ["today", "yesterday", "two_days_ago", "day_parts", "after_midnight"] as const) cue[g] = phrases(cues.time[g]);
  const numberGroups = ["vague", "at_least", "killed", "wounded", "arrested", "displaced", "combined"] as const;
  return {
    triggers: data.triggers.map((t) => ({ ...t, phrases: phrases(t.ar), prepWords: (t.preps ?? []).map((p) => normaliseArabic(p)) })),
    groups: data.groups.groups.map((g) => ({ phrases: phrases(g.ar), en: g.en, number: g.number })),
    pronouns: data.groups.pronouns.flatMap((p) => phrases(p.ar)),
    anaphors: phrases(data.groups.anaphors),
    titles: Object.entries(data.groups.titles).map(([ar, en]) => ({ words: phrase(ar), en })),
    numbers: {
      ...numbers,
      unitMap: new Map(Object.entries(numbers.units).map(([w, n]) => [normaliseArabic(w), n])),
      multiplierMap: new Map(Object.entries(numbers.multipliers).map(([w, n]) => [normaliseArabic(w), n])),
      phrases: Object.fromEntries(numberGroups.map((g) => [g, phrases(numbers[g])])) as EventLexicon["numbers"]["phrases"],
    },
    cues,
    cue,
    weekdays: new Map(Object.entries(cues.time.weekdays).map(([w, d]) => [normaliseArabic(w), d])),
    word: { in: normaliseArabic(cues.locative_in), during: normaliseArabic(cues.during), and: normaliseArabic(cues.conjunction) },
    months: Object.entries(cues.time.months).map(([w, month]) => ({ words: phrase(w), month })),
  };
}

let cached: EventLexicon | undefined;

/** The bundled lexicons (read and compiled once per process). */
export function eventLexicon(dir: URL = new URL("./lexicon/", import.meta.url)): EventLexicon {
  if (cached && dir.href === new URL("./lexicon/", import.meta.url).href) return cached;
  const lex = compileLexicon({
    triggers: load("triggers.yaml", TriggerFile, dir),
    groups: load("groups.yaml", GroupFile, dir),
    numbers: load("numbers.yaml", NumberFile, dir),
    cues: load("cues.yaml", CueFile, dir),
  });
  if (dir.href === new URL("./lexicon/", import.meta.url).href) cached = lex;
  return lex;
}
