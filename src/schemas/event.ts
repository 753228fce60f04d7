/**
 * Coded events: who did what to whom, where and when, as asserted by an article's lead sentence (issue 19;
 * codebook `shared/corpus/events/CODEBOOK.md`). The wire format of `briefing events` and the `events` field of
 * articles.
 */
import { z } from "zod";
import { CountryCode, IsoDate } from "./common.ts";

/** Event types (CAMEO/ACLED-style roots). */
export const EventType = z.enum([
  "MEET", "VISIT", "CALL", "STATEMENT", "APPEAL", "ACCUSE", "THREATEN", "AGREE", "CEASEFIRE", "AID", "ATTACK", "CLASH",
  "CASUALTIES", "ARREST", "PROTEST", "ELECTION", "APPOINT", "DISMISS", "SANCTION", "DEPLOY", "OTHER",
]);
export type EventType = z.infer<typeof EventType>;

/**
 * An actor as written in the sentence (`ar`, verbatim) and rendered in English (`en`): from the knowledge base,
 * the group/title lexicon or a person's romanised name; null when the span has none of those (a common noun
 * phrase is never romanised into a fake name), and the gist then leaves it out.
 */
export const EventActor = z.object({ ar: z.string(), en: z.string().nullable() });
export type EventActor = z.infer<typeof EventActor>;

/** Where the event happened: `ar` verbatim (empty when only the country is inferred), country ISO code or null. */
export const EventPlace = z.object({ ar: z.string(), en: z.string(), country: CountryCode.nullable() });
export type EventPlace = z.infer<typeof EventPlace>;

/** A count the sentence gives: n null for vague quantities («عشرات»). */
export const EventFigure = z.object({
  what: z.enum(["killed", "wounded", "arrested", "displaced", "other"]),
  n: z.number().nullable(),
  at_least: z.boolean().optional(),
  unit: z.string().optional(),
});
export type EventFigure = z.infer<typeof EventFigure>;

/** One coded event. */
export const Event = z.object({
  type: EventType,
  /** Who acts (null when the sentence does not say). */
  source_actor: EventActor.nullable(),
  /** To or with whom; the victims of casualties. */
  target_actor: EventActor.nullable(),
  place: EventPlace.nullable(),
  /** Date of the event when the sentence gives it (relative expressions resolved against `published`). */
  date: IsoDate.nullable(),
  figures: z.array(EventFigure),
  /** The trigger words, verbatim. */
  trigger_ar: z.string(),
  /** One English line built only from the fields above. */
  gist_en: z.string(),
});
export type Event = z.infer<typeof Event>;

/** One input item of `briefing events --items FILE`. */
export const EventItem = z.object({
  id: z.string().min(1),
  sentence: z.string(),
  paragraph: z.string().optional(),
  published: IsoDate.nullable().optional(),
});
export type EventItem = z.infer<typeof EventItem>;

/** What `briefing events` prints. */
export const EventRun = z.object({ items: z.array(z.object({ id: z.string(), events: z.array(Event) })) });
export type EventRun = z.infer<typeof EventRun>;
