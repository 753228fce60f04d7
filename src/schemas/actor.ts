/**
 * The actor knowledge base: one entry per person, government body, armed group, organisation,
 * international organisation or media outlet that articles are tagged with.
 * Entries live as YAML lists under `content/actors/*.yaml` (one file per region or theme).
 */
import { z } from "zod";
import { CountryCode, Slug } from "./common.ts";

/**
 * A text in both editions, strict: in a YAML flow map (`{ar: …, en: a, b}`) an unquoted comma ends the value and
 * turns the rest into a key without a value; a non-strict object would drop that key and keep the value cut short.
 */
const Bilingual = z.object({ ar: z.string().min(1), en: z.string().min(1) }).strict();

/** Kinds of actor, as used by the gold annotations and the site. */
export const ActorType = z.enum(["person", "government", "armed_group", "organization", "international_org", "media"]);
export type ActorType = z.infer<typeof ActorType>;

/** A year (`2015`), a month (`2015-03`) or a day (`2015-03-02`). */
export const PartialDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "expected YYYY, YYYY-MM or YYYY-MM-DD");

/** A role held over a period, e.g. commander of the Libyan National Army from 2015. */
export const Role = z.object({
  /** What the role is, in both languages. */
  title: Bilingual,
  /** When the role began; omitted when unknown. */
  from: PartialDate.optional(),
  /** When the role ended; omitted while it is held. */
  to: PartialDate.optional(),
}).strict();
export type Role = z.infer<typeof Role>;

/**
 * True when an ISO day falls within a period of partial dates (`from`/`to` of a role): a partial date covers its
 * whole year or month, and a missing end is open.
 */
export function heldOn(period: { from?: string | undefined; to?: string | undefined }, date: string): boolean {
  if (period.from && date.slice(0, period.from.length) < period.from) return false;
  if (period.to && date.slice(0, period.to.length) > period.to) return false;
  return true;
}

/** Where an entry came from: who added it and on what basis. */
export const Provenance = z.object({
  /** Who added the entry (a person, a session, or `discovery` for promoted candidates). */
  added_by: z.string().min(1),
  /** What the facts rest on (public reference works, an article id for a promoted candidate…). */
  source: z.string().min(1),
  /** When the entry was added (YYYY-MM-DD). */
  added: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
}).strict();

export const Actor = z
  .object({
    /** Permanent ASCII slug; the actor's URL is `/{lang}/actors/{id}/`. */
    id: Slug,
    /** Canonical name in each edition (Reuters/AP spelling for English). */
    names: Bilingual,
    /** Other names seen in the press, with and without titles. Arabic aliases are matched clitic-aware. */
    aliases: z
      .object({ ar: z.array(z.string().min(1)).default([]), en: z.array(z.string().min(1)).default([]) })
      .strict()
      .default({ ar: [], en: [] }),
    type: ActorType,
    /** Home country (ISO alpha-2); omitted for international bodies. */
    country: CountryCode.optional(),
    /** Id of the actor this one belongs to (a commander's army, a minister's government). */
    affiliation: Slug.optional(),
    /** Roles over time. */
    roles: z.array(Role).default([]),
    /** One or two sentences, in our own words, in each edition. */
    description: Bilingual,
    /** Wikidata item id, e.g. Q468014. */
    wikidata: z.string().regex(/^Q\d+$/).optional(),
    /** Ids this actor was known by before a rename or merge; their URLs redirect here. */
    former_ids: z.array(Slug).default([]),
    /**
     * Aliases that are ambiguous alone (a bare family name shared by relatives): they only resolve when
     * exactly one actor carrying them is named in full in the same article, or as the article's dominant one.
     */
    ambiguous_aliases: z.array(z.string().min(1)).default([]),
    /** True for actors promoted from discovery that an editor has not yet confirmed. */
    provisional: z.boolean().default(false),
    provenance: Provenance,
  })
  .strict();
export type Actor = z.infer<typeof Actor>;
export type ActorInput = z.input<typeof Actor>;

/** One YAML file of the knowledge base: a list of actors. */
export const ActorFile = z.array(Actor);
