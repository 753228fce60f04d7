/**
 * The word lexicons of the entities stage (titles, discovery vocabulary), kept as YAML beside this file and
 * validated on load. An empty group is an error: it would silently disable a rule, not match everything.
 */
import { z } from "zod";
import { ActorType } from "../schemas/actor.ts";
import { Bilingual, lexiconOnce, nonEmptyRecord, Words } from "../schemas/lexicon.ts";

/** Schema of `lexicon/titles.yaml`. */
export const TitleLexicon = z
  .object({
    /** Ranks and honorifics written directly before a name. */
    ranks: Bilingual,
    /** Words extending a rank (retired, staff). */
    qualifiers: Bilingual,
    /** Office words beginning a title phrase. */
    heads: Bilingual,
    /** Words after which a bare family name means a relative. */
    kinship: Bilingual,
    /** Words a title phrase never crosses. */
    breakers: Bilingual,
  })
  .strict();
export type TitleLexicon = z.infer<typeof TitleLexicon>;

const Template = z.object({ ar: z.string().min(1), en: z.string().min(1) }).strict();

/** Schema of `lexicon/discovery.yaml`. */
export const DiscoveryLexicon = z
  .object({
    /** Organisation head words by actor kind. */
    org_heads: z.partialRecord(ActorType, Bilingual),
    /** Titles that name a unit when a number follows («اللواء 53»). */
    numbered_units: Bilingual,
    /** Arabic given name → English spelling. */
    given_names: nonEmptyRecord(z.string().min(1)),
    /** Particles inside names (عبد، بن، أبو). */
    name_joiners: Bilingual,
    /** Words the press fuses with the joiner before them («عبد الله» Abdullah): spelled as the joined given name. */
    fused_parts: Words,
    /** English nouns that, after "Name Surname, …", make the name a person's ("Jane Roe, a senior fellow at …"). */
    apposition_roles_en: Words,
    /** Words never part of a name. */
    name_stopwords: Bilingual,
    /** Nouns written after titles that never start a name of unknown words («رئيس أركان القوات»). */
    not_first_names: Words,
    /** Unquoted Arabic organisation names: head words, construct head words, non-nisba adjectives. */
    headword_orgs: z.object({ heads: Words, construct_heads: Words, adjectives: Words, not_adjectives: Words }).strict(),
    /** Letters for foreign sounds → the Arabic letter they stand for, to merge spellings of one candidate. */
    letter_variants: z.record(z.string().length(1), z.string().length(1)).refine((m) => Object.keys(m).length > 0, "an empty group is an error"),
    /** Arabic letter → Latin letters. */
    romanisation: nonEmptyRecord(z.string(), z.string().length(1)),
    /** Placeholder descriptions for promoted and provisional actors. */
    descriptions: z.object({ provisional: Template, promoted: Template }).strict(),
  })
  .strict();
export type DiscoveryLexicon = z.infer<typeof DiscoveryLexicon>;

const ArHead = z
  .object({
    /** The definite institution word(s): «الحكومة», «مجلس الوزراء». */
    head: z.string().min(1),
    /** Gender of the country adjective after the head. */
    gender: z.enum(["m", "f"]),
    /** The head before a country name; `{name}` marks where the name goes (else it follows). */
    construct: z.string().min(1).optional(),
    /** More patterns with `{adj}` (adjective with the article, in the head's gender) and `{name}`. */
    forms: z.array(z.string().min(1)).default([]),
    /** The Arabic name shown for a mention of this head (default "{head} {adj}"). */
    display: z.string().min(1).optional(),
    /** The head alone names the body of the article's home country. */
    bare: z.boolean().default(false),
    /** Also matched as "{head} في {name}" (not for an embassy: «السفارة في ليبيا» is an embassy located there). */
    in_name: z.boolean().default(true),
    /** A bare head may refer back to a proper name starting with it («الحكومة» after «حكومة إقليم كردستان»). */
    anaphora: z.boolean().default(true),
  })
  .strict();
const EnHead = z
  .object({
    head: z.string().min(1),
    /** The Arabic head a mention of this English head displays as. */
    ar: z.string().min(1),
    bare: z.boolean().default(false),
    /** A bare English head needs "the" before it ("the army"); false for heads written without ("parliament"). */
    the: z.boolean().default(true),
    /** Also matched as "{head} of {Name}". */
    of: z.boolean().default(false),
  })
  .strict();
const IdTemplate = z.string().regex(/^[a-z0-9-]*\{cc\}[a-z0-9-]*$/, "an id template with {cc}");

/** Schema of `lexicon/institutions.yaml`. */
export const InstitutionLexicon = z
  .object({
    /** Qualifiers that may follow a bare head without making it another body's name. */
    generic_qualifiers: Bilingual,
    /** Words after which a bare Arabic head is part of a person's title («رئيس الحكومة»). */
    title_words: Words,
    /** The preposition of "{head} في {name}". */
    in_word: z.string().min(1),
    /** Words beginning a country's official name («جمهورية»), matched with or without the article. */
    state_words: Words,
    /** Words that make an international body's name part of an unknown body's name (ar before it, en after it). */
    body_words: Bilingual,
    /** The word before a ministry's subject («وزارة»). */
    ministry_head: z.string().min(1),
    /** Description of a body built by rule: `{name}` and `{country}` are filled in. */
    body_description: z.object({ ar: z.string().min(1), en: z.string().min(1) }).strict(),
    /**
     * Per institution id template, countries whose bodies of that kind are contested (two governments, rival
     * armies): no generic body is built; the knowledge base names each rival.
     */
    contested: z.record(IdTemplate, z.array(z.string().regex(/^[A-Z]{2}$/)).min(1)).default({}),
    institutions: z
      .array(
        z
          .object({
            id: IdTemplate,
            type: ActorType.default("government"),
            en: z.string().min(1),
            ar: z.array(ArHead).min(1),
            en_heads: z.array(EnHead).default([]),
            /** The only countries that have such a body (monarchies for a royal court); absent: every country. */
            countries: z.array(z.string().regex(/^[A-Z]{2}$/)).min(1).optional(),
          })
          .strict(),
      )
      .min(1),
    ministries: z
      .array(
        z
          .object({
            id: IdTemplate,
            en: z.string().min(1),
            /** Subjects: «وزارة {subject}», the first canonical. */
            ar: Words,
            /** The subject alone with a feminine adjective names the ministry («الخارجية العراقية»). */
            short: z.boolean().default(false),
            /** English heads ("foreign ministry", "Ministry of Foreign Affairs"). */
            en_heads: Words,
          })
          .strict(),
      )
      .min(1),
  })
  .strict();
export type InstitutionLexicon = z.infer<typeof InstitutionLexicon>;

/** Schema of `lexicon/mentions.yaml`: cue words that make a name match no actor or country mention. */
export const MentionLexicon = z
  .object({
    /** Dashes that end a dateline («(CNN)--», "LONDON —"). */
    dateline_dashes: Words,
    /** Knowledge-base ids of social platforms. */
    platforms: Words,
    /** Words before a platform that make it the channel of a statement («عبر», «على», "on", «مستعملي»). */
    platform_channel: Bilingual,
    /** The platform's own nouns, skipped when looking back for a channel word («عبر حسابه على منصة …»). */
    platform_nouns: Bilingual,
    /** Words marking an earlier name in an aside («تويتر سابقا», "formerly Twitter"). */
    platform_former: Bilingual,
    /** Words before a capital that make it a plain location («مقرها لندن», "based in London"). */
    location_before: Bilingual,
    /** Words after a capital that make it a plain location ("London-based"). */
    location_after: z.object({ en: Words }).strict(),
    /** Aliases that are ordinary words unless written in quotation marks («المسيرة»). */
    quoted_only: Words,
    /** Aliases that are ordinary words when a preposition is fused to them («بالحرية والتغيير»). */
    not_after_preposition: Words,
    /** Words containing a country form that are other words («مجريات»). */
    homographs: Bilingual,
    /** Words before a country inside an organisation's name that make it a place of action, not a mention. */
    locative: Bilingual,
    /** Words before a government's name that make it a period of time («في عهد إدارة بايدن»), not a mention. */
    period_before: Bilingual,
  })
  .strict();
export type MentionLexicon = z.infer<typeof MentionLexicon>;

const SynonymAr = z.object({ head: z.string().min(1), gender: z.enum(["m", "f"]) }).strict();

/** Schema of `lexicon/roles.yaml`: office title variants and the words that make a title no reference to a holder. */
export const RoleLexicon = z
  .object({
    /** Arabic heads naming one office, with the gender of the adjective after each. */
    synonyms_ar: z.array(z.array(SynonymAr).min(2)).min(1),
    /** English heads naming one office. */
    synonyms_en: z.array(z.array(z.string().min(1)).min(2)).min(1),
    /** Words before a title that make it another office or someone else. */
    not_after: Bilingual,
    /** Words after a title that make it a former or future holder. */
    not_before: Bilingual,
    /**
     * Words next to a title that name its previous holder: after it in Arabic («وزير الخارجية التركي السابق»),
     * before it in English ("the former Turkish foreign minister").
     */
    previous: z.object({ after: Words, before: Words }).strict(),
  })
  .strict();
export type RoleLexicon = z.infer<typeof RoleLexicon>;

/** The bundled role lexicon (read once). */
export const roleLexicon = lexiconOnce(RoleLexicon, new URL("./lexicon/roles.yaml", import.meta.url));

/** The bundled mention lexicon (read once). */
export const mentionLexicon = lexiconOnce(MentionLexicon, new URL("./lexicon/mentions.yaml", import.meta.url));

/** The bundled institution lexicon (read once). */
export const institutionLexicon = lexiconOnce(InstitutionLexicon, new URL("./lexicon/institutions.yaml", import.meta.url));

/** The bundled title lexicon (read once). */
export const titleLexicon = lexiconOnce(TitleLexicon, new URL("./lexicon/titles.yaml", import.meta.url));

/** The bundled discovery lexicon (read once). */
export const discoveryLexicon = lexiconOnce(DiscoveryLexicon, new URL("./lexicon/discovery.yaml", import.meta.url));
