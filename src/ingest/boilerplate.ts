/**
 * Boilerplate cue lexicon: loads `lexicon/boilerplate.yaml` once, validates it and compiles it into lookups on
 * folded text. The vocabulary is data; this file only says how each group matches (by its name's suffix).
 */
import { z } from "zod";
import { lexiconData, loadLexiconFile } from "../schemas/lexicon.ts";
import { alternation } from "./lexicon/load.ts";
import { fold } from "./text.ts";

/** One group: an Arabic and an English list, neither empty (an empty group would silently match nothing). */
const Group = z.object({
  ar: z.array(z.coerce.string().min(1)).min(1, "an empty lexicon group is an error"),
  en: z.array(z.coerce.string().min(1)).min(1, "an empty lexicon group is an error"),
});

const BoilerplateFile = z
  .object({
    marker_lines: Group,
    related_lines: Group,
    end_lines: Group,
    form_lines: Group,
    masthead_lines: Group,
    summary_lines: Group,
    attribution_labels: Group,
    furniture_labels: Group,
    furniture_prefixes: Group,
    furniture_phrases: Group,
    footer_phrases: Group,
    end_prefixes: Group,
    edition_notes: Group,
    counter_units: Group,
    credits: Group,
    byline_prefixes: Group,
    section_names: Group,
    outlet_words: Group,
    continuation_prefixes: Group,
    caption_prefixes: Group,
    credit_prefixes: Group,
    author_labels: Group,
    byline_roles: Group,
    byline_role_extras: Group,
    function_words: Group,
    live_markers: Group,
    url_labels: Group,
    policy_phrases: Group,
  })
  .strict();
type BoilerplateFile = z.infer<typeof BoilerplateFile>;

/** What a whole-line cue says about its line. */
export type LineCue = "marker" | "related" | "end" | "form" | "masthead" | "summary";

/** Lookups built from the lexicon; every key is folded. */
export interface Boilerplate {
  /** Whole-line cues, by folded line. */
  lines: Map<string, LineCue>;
  /** "X: value" attributions (value = source). */
  attribution: PrefixSet;
  /** "X: …" furniture labels. */
  furnitureLabels: PrefixSet;
  /** Short lines starting with a furniture phrase. */
  furniturePrefixes: PrefixSet;
  /** Phrases found anywhere in short furniture lines. */
  furniturePhrases: string[];
  /** Phrases that make any short line furniture (copyright, comment-form notes). */
  footerPhrases: string[];
  /** Line openers that close a body (wire credits). */
  endPrefixes: PrefixSet;
  /** Line openers of an edition note ("A version of this article appears in print …"): furniture at any length. */
  editionNotes: PrefixSet;
  /** Units of a popularity counter after its number ("48801 Read", «٢٣٤ مشاهدة»). */
  counterUnits: Set<string>;
  /** Caption credits (start of the parenthesised text). */
  credits: PrefixSet;
  /** Byline openers. */
  bylinePrefixes: PrefixSet;
  /** Words marking outlet names. */
  outletWords: Set<string>;
  /** Site sections, folded: a line that is one of them is no outlet's name. */
  sectionNames: Set<string>;
  /** How paragraphs that continue an article open. */
  continuationPrefixes: PrefixSet;
  /** Field labels opening a photo caption ("التعليق على الصورة،…"). */
  captionPrefixes: PrefixSet;
  /** Field labels opening a photo credit ("صدر الصورة،Reuters"). */
  creditPrefixes: PrefixSet;
  /** Field labels whose value, on the next line, is the author ("Author,"). */
  authorLabels: Set<string>;
  /** Reporter roles on a byline ("Correspondent", "مراسل"). */
  bylineRoles: PrefixSet;
  /** A byline opener at the start of raw text, with a colon after it ("By ", «كتب: »): strip it to get the name. */
  bylinePrefixPattern: RegExp;
  /** What may follow a role on a byline, at the start of a folded key: a place or a beat ("in beirut", «في بيروت»). */
  bylineRoleExtra: RegExp;
  /** Words left out of vocabulary comparisons (folded). */
  functionWords: Set<string>;
  /** Markers of a live blog ("بث مباشر", "Live updates"). */
  liveMarkers: PrefixSet;
  /** Labels of a line giving the page's address ("URL", «رابط المصدر»), folded. */
  urlLabels: Set<string>;
  /** Words of comment rules and privacy notices (two in one line make it the notice), folded. */
  policyPhrases: string[];
  /**
   * One pattern per phrase list, matching where any of its phrases occurs in a folded key: one pass over a line
   * instead of one `includes` per phrase (these run on every line of every page).
   */
  footerPattern: RegExp;
  furniturePattern: RegExp;
  policyPattern: RegExp;
}

/** Folded phrases indexed by their first word, so a line is checked against a handful of entries only. */
export interface PrefixSet {
  byFirstWord: Map<string, string[]>;
}

function prefixSet(entries: string[]): PrefixSet {
  const byFirstWord = new Map<string, string[]>();
  for (const entry of entries) {
    const key = fold(entry);
    if (!key) continue;
    const first = key.split(" ")[0]!;
    const list = byFirstWord.get(first) ?? [];
    if (!list.includes(key)) list.push(key);
    // Longest first, so "اقرأ المزيد" wins over "اقرأ".
    list.sort((a, b) => b.length - a.length);
    byFirstWord.set(first, list);
  }
  return { byFirstWord };
}

/** The longest entry of `set` that `folded` starts with, on a word boundary; null when none. */
export function matchPrefix(set: PrefixSet, folded: string): string | null {
  const space = folded.indexOf(" ");
  const first = space < 0 ? folded : folded.slice(0, space);
  for (const entry of set.byFirstWord.get(first) ?? []) {
    if (folded === entry || folded.startsWith(entry + " ")) return entry;
  }
  return null;
}

const both = (g: { ar: string[]; en: string[] }): string[] => [...g.ar, ...g.en];

/** Compiles a parsed lexicon; throws with the offending group when it is malformed. */
export function compileBoilerplate(data: unknown): Boilerplate {
  return compile(lexiconData(BoilerplateFile, data, "src/ingest/lexicon/boilerplate.yaml"));
}

function compile(lex: BoilerplateFile): Boilerplate {
  const lines = new Map<string, LineCue>();
  // Later groups win on a clash: a related-block opener is more specific than a bare marker.
  const order: [keyof BoilerplateFile, LineCue][] = [
    ["marker_lines", "marker"],
    ["form_lines", "form"],
    ["end_lines", "end"],
    ["masthead_lines", "masthead"],
    ["summary_lines", "summary"],
    ["related_lines", "related"],
  ];
  for (const [group, cue] of order) for (const entry of both(lex[group])) if (fold(entry)) lines.set(fold(entry), cue);
  return {
    lines,
    attribution: prefixSet(both(lex.attribution_labels)),
    furnitureLabels: prefixSet(both(lex.furniture_labels)),
    furniturePrefixes: prefixSet(both(lex.furniture_prefixes)),
    furniturePhrases: [...new Set(both(lex.furniture_phrases).map(fold).filter(Boolean))],
    footerPhrases: [...new Set(both(lex.footer_phrases).map(fold).filter(Boolean))],
    endPrefixes: prefixSet(both(lex.end_prefixes)),
    editionNotes: prefixSet(both(lex.edition_notes)),
    counterUnits: new Set(both(lex.counter_units).map(fold).filter(Boolean)),
    credits: prefixSet(both(lex.credits)),
    bylinePrefixes: prefixSet(both(lex.byline_prefixes)),
    outletWords: new Set(both(lex.outlet_words).map(fold).filter(Boolean)),
    sectionNames: new Set(both(lex.section_names).map(fold).filter(Boolean)),
    continuationPrefixes: prefixSet(both(lex.continuation_prefixes)),
    captionPrefixes: prefixSet(both(lex.caption_prefixes)),
    creditPrefixes: prefixSet(both(lex.credit_prefixes)),
    authorLabels: new Set(both(lex.author_labels).map(fold).filter(Boolean)),
    bylineRoles: prefixSet(both(lex.byline_roles)),
    bylinePrefixPattern: new RegExp(`^(?:${alternation(both(lex.byline_prefixes))})(?![\\p{L}\\p{N}])\\s*[:：]?\\s*`, "iu"),
    // A word with the preposition ب attached («بالقاهرة», «بغزة») is a place too.
    bylineRoleExtra: new RegExp(`^(?:${alternation(both(lex.byline_role_extras).map(fold))}|ب\\p{L}+)(?:\\s|$)`, "u"),
    functionWords: new Set(both(lex.function_words).map(fold).filter(Boolean)),
    liveMarkers: prefixSet(both(lex.live_markers)),
    urlLabels: new Set(both(lex.url_labels).map(fold)),
    policyPhrases: [...new Set(both(lex.policy_phrases).map(fold))],
    footerPattern: anyOf(both(lex.footer_phrases)),
    furniturePattern: anyOf(both(lex.furniture_phrases)),
    policyPattern: anyOf(both(lex.policy_phrases)),
  };
}

/** A pattern found in a folded key wherever one of the folded `phrases` is (`key.includes` of any of them). */
function anyOf(phrases: string[]): RegExp {
  return new RegExp(alternation(phrases.map(fold).filter(Boolean)), "u");
}

let cached: Boilerplate | undefined;

/** The project's boilerplate lexicon, loaded and compiled on first use. */
export function boilerplate(): Boilerplate {
  // Read with the shared loader: an invalid file names the field and its line.
  cached ??= compile(loadLexiconFile(BoilerplateFile, new URL("./lexicon/boilerplate.yaml", import.meta.url)));
  return cached;
}
