/**
 * Stacked headlines: two headline lines in a row (no list around them) are kicker + title or title + deck.
 *
 * The upper line is a kicker when it opens like one (lexicon/headline-stack.yaml): an adverbial or prepositional
 * phrase with no clause of its own ("بعد زيارة قصيرة لدولة قطر" over the headline), or a reporting verb without a
 * subject whose speaker opens the line below ("أكد رفض …" over "مصدر حكومي: …"). A headline that is a quote
 * under its speaker ("Speaker: …") below a sentence (5 words or more) that does not open like a kicker is the
 * deck that backs it. In
 * every other case this module has no opinion and the caller's score and length rules decide.
 */
import { z } from "zod";
import { Bilingual } from "../schemas/lexicon.ts";
import { loadLexicon } from "./lexicon/load.ts";
import { SETTINGS } from "./settings.ts";
import { countWords, fold } from "./text.ts";

const StackLexicon = z.object({ kicker_openers: Bilingual, reporting_verbs: Bilingual }).strict();

const LEX = loadLexicon("headline-stack.yaml", StackLexicon);
/** Folded opener phrases, as word arrays (longest first is not needed: any match is a kicker). */
const OPENERS: readonly string[][] = [...LEX.kicker_openers.ar, ...LEX.kicker_openers.en].map((w) => fold(w).split(" "));
const VERBS: ReadonlySet<string> = new Set([...LEX.reporting_verbs.ar, ...LEX.reporting_verbs.en].map(fold));

/** Arabic past-tense feminine ending: «أكدت» is «أكد» said of a woman, a ministry, a government. */
const FEMININE_T = "ت";

/** A clause break inside a line: a comma, colon, semicolon or spaced dash ends the scene-setting phrase. */
const CLAUSE_BREAK = /[,،:：;؛]|\s[-–—ـ]\s/u;

/**
 * "مصدر حكومي : …", "Kanaan: …": a speaker of at most this many words, a colon, then the statement. Speakers
 * observed: 1–3 words ("رئيس الجمهورية", "مصدر حكومي"); a longer text before a colon is a clause.
 */
const SPEAKER_MAX_WORDS = 4;
const SPEAKER = /^([^:：\n]+?)\s*[:：]\s*\S/u;

/** The role of the upper line of a two-line headline stack, or null when no stacking rule applies. */
export type StackRole = "kicker" | "title" | null;

/** Characters of a line's opening that hold the longest opener ("in the run-up to") or a speaker and colon. */
const OPENING_CHARS = 60;

/** Folded words of a line's opening (enough for the longest opener). */
function openingWords(text: string): string[] {
  return fold(text.slice(0, OPENING_CHARS)).split(" ").filter(Boolean);
}

/** True when the line opens with a kicker phrase and carries no clause of its own. */
export function opensLikeKicker(text: string): boolean {
  if (CLAUSE_BREAK.test(text)) return false;
  const words = openingWords(text);
  return OPENERS.some((o) => o.every((w, i) => words[i] === w));
}

/** True when the line opens with a reporting verb (masculine or feminine past). */
export function opensWithReportingVerb(text: string): boolean {
  const first = openingWords(text)[0];
  if (!first) return false;
  return VERBS.has(first) || (first.endsWith(FEMININE_T) && VERBS.has(first.slice(0, -FEMININE_T.length)));
}

/** True for "Speaker: statement", the speaker short. */
export function speakerLed(text: string): boolean {
  const m = SPEAKER.exec(text.slice(0, OPENING_CHARS));
  return m !== null && m[1]!.trim().split(/\s+/u).length <= SPEAKER_MAX_WORDS;
}

/**
 * What the upper of two stacked headlines is: "kicker" (the lower line is the title), "title" (the lower line is
 * its deck), or null when neither rule applies.
 */
export function stackRole(upper: string, lower: string): StackRole {
  if (opensLikeKicker(upper)) return "kicker";
  const speaker = speakerLed(lower) && !speakerLed(upper);
  if (speaker && opensWithReportingVerb(upper)) return "kicker";
  // A sentence over its speaker's quote is the headline and the quote its deck; a topic label is left to the
  // caller's length rule (a short line over a headline is its kicker).
  if (speaker && countWords(upper) >= SETTINGS.header.stackTitleMinWords) return "title";
  return null;
}
