/**
 * What the tagger reads a match as (readings), the per-tagger tables and the per-article paragraph and hit records
 * every phase of `tagArticle` passes along (see ../tagger.ts for the cascade).
 */
import type { Actor } from "../../schemas/actor.ts";
import type { DiscoveryTables, TitleKind } from "../discover.ts";
import type { HeadPattern, InstitutionIndex } from "../institutions.ts";
import type { MentionTables } from "../mentions.ts";
import { type NormalisedText, sourceEnd } from "../normalise.ts";
import type { PlaceEntry } from "../places.ts";
import type { Tenure } from "../roles.ts";
import { sentenceAt, sentenceSpans } from "../sentences.ts";
import type { Token } from "../tokens.ts";
import type { TrieNode } from "../trie.ts";

export interface InnerCountry {
  offset: number;
  length: number;
  codes: string[];
}

export interface ActorReading {
  kind: "actor";
  actor: Actor;
  /** The alias is shared by several actors or listed in `ambiguous_aliases`. */
  ambiguous: boolean;
  /** This actor holds the ambiguous alias as a plain alias while the others list it as ambiguous. */
  isDefault: boolean;
  /** Offset (tokens) of the name after any title written into the alias. */
  core: number;
  /** Country forms inside the alias that count for the article. */
  inner: InnerCountry[];
  /** Other actors named inside the alias («قائد الجيش الوطني الليبي», «حكومة عبد الحميد الدبيبة»). */
  nested: NestedActor[];
  exact?: string;
  /** A name built from the institution lexicon, not written in the knowledge base. */
  generated?: boolean;
  /** Read from an institution head without a country («الحكومة»). */
  bare?: boolean;
  /** Arabic name a mention of this alias displays as (institution bodies: «مجلس الوزراء السعودي»). */
  display?: string;
  /** A person's family name that is also a country adjective («السوداني»): never resolved by default. */
  adjectiveName?: boolean;
  /** Read from a role title written without a name: the mention is the title, not a way of writing the name. */
  role?: boolean;
}

/** A dated role's title written in the text («وزير الخارجية التركي»): resolved by the article's date. */
export interface RoleReading {
  kind: "role";
  exact?: undefined;
  tenures: Tenure[];
  /** Country forms inside the title. */
  inner: InnerCountry[];
  /** Actors the knowledge base gives this title as an alias: the reading of an undated article, as before roles. */
  legacy: Actor[];
}

/** An institution head written alone («الحكومة», "the army"): resolved by `resolveBare`. */
export interface BareReading {
  kind: "bare";
  exact?: undefined;
  /** The bare head patterns of the span. */
  patterns: HeadPattern[];
  /** The head's tokens joined (key of the anaphora table). */
  key: string;
}

export interface NestedActor {
  offset: number;
  length: number;
  reading: ActorReading;
}

export interface CountryReading {
  kind: "country";
  codes: string[];
  exact?: string;
  /** A capital or seat of power standing for the state («لندن»): a plain location in some contexts. */
  metonym?: boolean;
}

export interface PlaceReading {
  kind: "place";
  place: PlaceEntry;
  order: number;
  exact?: string;
}

export interface BlockerReading {
  kind: "blocker";
  exact?: string;
}

export type Reading = ActorReading | CountryReading | PlaceReading | BlockerReading | BareReading | RoleReading;

/** Internal tables built once per tagger. */
export interface Tables {
  trie: TrieNode<Reading>;
  titles: TrieNode<TitleKind>;
  titleWords: Set<string>;
  rankWords: Set<string>;
  breakers: Set<string>;
  kinship: Set<string>;
  discovery: DiscoveryTables | null;
  candidateActors: boolean;
  /** Bitmap of the trie's first words (see `startFilter`). */
  startFilter: Uint8Array;
  /** Canonical Arabic name per actor id, as normalised tokens joined by spaces. */
  canonical: Map<string, string>;
  /** Per actor id: its country and those its Arabic names name. */
  related: Map<string, Set<string>>;
  /** Institution bodies (null when not read). */
  institutions: InstitutionTables | null;
  /** Rules for what is no mention (null when off). */
  mentions: MentionTables | null;
  /** Words around a role title that make it no reference to its holder (null when roles are off). */
  roleCues: { notAfter: Set<string>; notBefore: Set<string>; previousAfter: Set<string>; previousBefore: Set<string> } | null;
  /** Words that make an international body's name part of an unknown body's name (institutions.yaml `body_words`). */
  bodyWords: { ar: Set<string>; en: Set<string> };
}

/**
 * The institution index (see institutions.ts) with what the knowledge base says about it: which actor stands for
 * a body (a knowledge-base name that is exactly a body's name: «الجيش السوداني» is the Sudanese Armed Forces, so
 * «القوات المسلحة السودانية» and "Sudan's army" are too), and which actors a bare head may refer back to (government
 * bodies whose names start with it: «حكومة الوحدة الوطنية» for «الحكومة»).
 */
export interface InstitutionTables {
  index: InstitutionIndex;
  /** Knowledge-base actor per `${inst}:${code}`. */
  owners: Map<string, Actor>;
  /** Institutions each actor is a body of (knowledge-base owners and built bodies). */
  instOf: Map<string, Set<number>>;
  /** Per bare head (tokens joined): knowledge-base actors it may refer back to. */
  anaphors: Map<string, Actor[]>;
}

export interface Para {
  index: number;
  text: string;
  norm: NormalisedText;
  tokens: Token[];
  /** Per token: 0 free, 1 country/place/blocker, 2 actor, 3 person. */
  covered: Uint8Array;
  /** Per token covered by a match: that match's readings. */
  readingsAt: Array<Reading[] | undefined>;
  spans?: Array<[number, number]>;
}

export interface Hit {
  para: Para;
  i: number;
  length: number;
  /** Proclitic form of the first token that matched (0 = as written). */
  form: number;
  /** The span is exactly a quoted name: «الشرق الأوسط». */
  quoted: boolean;
  /** A place opening the first paragraph as a dateline ("CAIRO —"): where the story was filed, not its country. */
  dateline?: boolean;
  readings: Reading[];
}

// Guillemets also reversed («»المركزية«» scraped from right-to-left pages keeps them in visual order).
export const OPENING_QUOTES = new Set(["«", "»", "\u201c", "\"", "'", "\u2018"]);

export const CLOSING_QUOTES = new Set(["»", "«", "\u201d", "\"", "'", "\u2019"]);

/** True when tokens `[from, to)` are exactly the text between a pair of quotation marks. */
export function isQuoted(para: Para, from: number, to: number): boolean {
  const t = para.norm.text;
  const before = t[para.tokens[from]!.start - 1];
  const after = t[para.tokens[to - 1]!.end];
  return before !== undefined && after !== undefined && OPENING_QUOTES.has(before) && CLOSING_QUOTES.has(after);
}

export function sentenceOf(para: Para, at: number): string {
  para.spans ??= sentenceSpans(para.text);
  return sentenceAt(para.text, para.spans, at);
}

export function sourceSpan(para: Para, from: number, to: number): [number, number] {
  const start = para.norm.toSource[para.tokens[from]!.start]!;
  const end = sourceEnd(para.text, para.norm, para.tokens[to - 1]!.end);
  return [start, end];
}

export function lettersOf(text: string): string {
  return text.replace(/[^\p{L}]/gu, "");
}
