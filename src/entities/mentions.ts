/**
 * What is not a mention although it matches a name: the rules read the words around a match (cue words from
 * `lexicon/mentions.yaml`) and drop the readings the context rules out.
 *
 *   - an outlet filing the story: in parentheses before a dateline dash («دبي (CNN)--», "(Reuters) -");
 *   - a platform used as the channel of a statement («عبر منصة إكس», «على تويتر», «مستعملي تويتر», "posted on X");
 *     elsewhere («حذفت منصة إكس الحسابات», an account «في منصة إكس») it stays an actor;
 *   - a capital as a plain location: a dateline opening the first paragraph ("LONDON —"), or after a location cue
 *     («مقرها لندن», "based in London", "London-based"); a capital used for its government still counts;
 *   - an alias that is an ordinary word: «المسيرة» unless quoted, «الحرية والتغيير» with a fused preposition;
 *   - a government named as a period of time, after a period word: «في عهد إدارة بايدن»;
 *   - a name inside a web address or handle: "pic.twitter.com/…", "@Reuters", "cnn.com".
 * An outlet a statement is made to («قال لـ«الشرق الأوسط»», "told Reuters") stays an actor: the seed gold counts it.
 * Media named as the subject or as a source quoted in the story remain actors.
 * Homographs («مجريات») are not handled here: the tagger inserts them as blockers.
 */
import type { MentionLexicon } from "./lexicon.ts";
import { phraseTokens } from "./trie.ts";
import { proclitics } from "./normalise.ts";
import { CONJUNCTIONS } from "../text/clitics.ts";

import type { Token } from "./tokens.ts";

/** The mention rules' tables, built once per tagger. */
export interface MentionTables {
  dashes: string[];
  platforms: Set<string>;
  channel: Set<string>;
  platformNouns: Set<string>;
  former: Set<string>;
  /** Location cues as normalised token sequences. */
  before: string[][];
  after: Set<string>;
  quotedOnly: Set<string>;
  notAfterPreposition: Set<string>;
  /** First words of `quotedOnly` and `notAfterPreposition` phrases: most matches need no key built. */
  ordinaryFirst: Set<string>;
  /** Words before a government's name that make it a period of time («عهد»). */
  period: Set<string>;
}

/** Builds the tables of the mention rules from the lexicon. */
export function buildMentionTables(lex: MentionLexicon): MentionTables {
  const key = (p: string) => phraseTokens(p).join(" ");
  const words = (ps: string[]) => new Set(ps.flatMap((p) => phraseTokens(p)));
  return {
    dashes: lex.dateline_dashes,
    platforms: new Set(lex.platforms),
    channel: words([...lex.platform_channel.ar, ...lex.platform_channel.en]),
    platformNouns: words([...lex.platform_nouns.ar, ...lex.platform_nouns.en]),
    former: words([...lex.platform_former.ar, ...lex.platform_former.en]),
    before: [...lex.location_before.ar, ...lex.location_before.en].map((p) => phraseTokens(p)).filter((t) => t.length > 0),
    after: words(lex.location_after.en),
    quotedOnly: new Set(lex.quoted_only.map(key)),
    notAfterPreposition: new Set(lex.not_after_preposition.map(key)),
    ordinaryFirst: new Set([...lex.quoted_only, ...lex.not_after_preposition].map((p) => phraseTokens(p)[0] ?? "")),
    period: words([...lex.period_before.ar, ...lex.period_before.en]),
  };
}

/** A match in a paragraph: tokens `[i, i + length)` of normalised `text`, the first token read in proclitic form `form`. */
export interface MatchSpan {
  text: string;
  tokens: readonly Token[];
  i: number;
  length: number;
  form: number;
  /** Index of the paragraph in the body (0 = first). */
  paragraph: number;
  quoted: boolean;
}

function stems(token: Token): string[] {
  return token.script === 1 ? proclitics(token.text) : [token.text];
}

/** The text between the match's end and the next token (or the paragraph's end). */
function after(span: MatchSpan): string {
  const end = span.tokens[span.i + span.length - 1]!.end;
  const next = span.tokens[span.i + span.length];
  return span.text.slice(end, next ? next.start : span.text.length);
}

function before(span: MatchSpan): string {
  const start = span.tokens[span.i]!.start;
  const prev = span.tokens[span.i - 1];
  return span.text.slice(prev ? prev.end : 0, start);
}

function startsWithDash(t: MentionTables, text: string): boolean {
  const s = text.trimStart();
  return t.dashes.some((d) => s.startsWith(d));
}

/** An outlet in parentheses just before a dateline dash: «(CNN)--», «(CNN-- أعلن», "(Reuters) -". */
export function isDatelineOutlet(t: MentionTables, span: MatchSpan): boolean {
  if (!before(span).trimEnd().endsWith("(")) return false;
  const rest = after(span).trimStart();
  return startsWithDash(t, rest.startsWith(")") ? rest.slice(1) : rest);
}

/**
 * A platform named as the channel of a statement: after a channel word, looking back over the platform's own nouns
 * («عبر حسابه على منصة إكس», "posted on X"), or an earlier name in an aside («(تويتر سابقا)», "(formerly Twitter)").
 */
export function isPlatformChannel(t: MentionTables, span: MatchSpan, actorId: string): boolean {
  if (!t.platforms.has(actorId)) return false;
  const next = span.tokens[span.i + span.length];
  if (next && stems(next).some((s) => t.former.has(s))) return true;
  let k = span.i - 1;
  if (k >= 0 && t.former.has(span.tokens[k]!.text)) return true;
  while (k >= 0 && stems(span.tokens[k]!).some((s) => t.platformNouns.has(s))) k--;
  return k >= 0 && stems(span.tokens[k]!).some((s) => t.channel.has(s));
}

/**
 * A capital as a plain location: opening the first paragraph before a dash, a comma or a parenthesis (a dateline),
 * or after a location cue, or before an English "-based".
 */
export function isPlainLocation(t: MentionTables, span: MatchSpan): boolean {
  if (isDateline(t, span)) return true;
  const next = span.tokens[span.i + span.length];
  if (next && t.after.has(next.text) && /^[-\u2010\u2011]$/.test(after(span))) return true;
  for (const cue of t.before) {
    const from = span.i - cue.length;
    if (from < 0) continue;
    if (cue.every((w, k) => stems(span.tokens[from + k]!).includes(w))) return true;
  }
  return false;
}

/** A place opening the first paragraph before a dash, a parenthesis or a comma: where the story was filed. */
export function isDateline(t: MentionTables, span: MatchSpan): boolean {
  if (span.paragraph !== 0 || span.i !== 0) return false;
  const rest = after(span).trimStart();
  return startsWithDash(t, rest) || rest.startsWith("(") || rest.startsWith(",") || rest.startsWith("\u060c");
}

/** An alias that is an ordinary word here: not quoted when it must be, or with a fused preposition. */
export function isOrdinaryWords(t: MentionTables, span: MatchSpan): boolean {
  const first = span.tokens[span.i]!;
  const forms = stems(first);
  if (!t.ordinaryFirst.has(forms[span.form] ?? first.text)) return false;
  let key = forms[span.form] ?? first.text;
  for (let k = span.i + 1; k < span.i + span.length; k++) key += ` ${span.tokens[k]!.text}`;
  if (t.quotedOnly.has(key) && !span.quoted) return true;
  if (t.notAfterPreposition.has(key) && span.form > 0) {
    // «والحرية» only carries a conjunction; «بالحرية», «للحرية» a preposition
    const conj = withoutConjunction(first.text);
    if (conj !== forms[span.form]) return true;
  }
  return false;
}

/** A name written right after a period word («في عهد إدارة بايدن», "in the era of"): a time, not an actor. */
export function isPeriod(t: MentionTables, span: MatchSpan): boolean {
  const prev = span.tokens[span.i - 1];
  if (!prev || before(span).trim() !== "") return false;
  return stems(prev).some((s) => t.period.has(s));
}

/** The word as written without a leading conjunction («ولـ» → «لـ»). */
function withoutConjunction(word: string): string {
  return word.length > 1 && CONJUNCTIONS.has(word[0]!) ? word.slice(1) : word;
}

/** Characters joining the parts of a web address or handle. */
const ADDRESS_JOINER = /^[./@_]$/;

/**
 * A Latin name inside a web address or a handle: joined by a dot, slash, at sign or underscore to a Latin word
 * before or after it, with no space ("pic.twitter.com", "twitter.com/…", "@AJEnglish").
 */
export function isInAddress(span: MatchSpan): boolean {
  const first = span.tokens[span.i]!;
  if (first.script !== 2) return false;
  const gapBefore = before(span);
  if (gapBefore.endsWith("@") || (ADDRESS_JOINER.test(gapBefore) && span.tokens[span.i - 1]?.script === 2)) return true;
  const next = span.tokens[span.i + span.length];
  return ADDRESS_JOINER.test(after(span)) && next !== undefined && next.script === 2;
}
