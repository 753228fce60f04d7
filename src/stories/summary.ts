/**
 * An article's summary: its lead sentence(s), verbatim from the body.
 *
 * 1. Lead paragraph: the first of the first few paragraphs that is prose, after dropping a paragraph that is only
 *    dateline furniture («جدة : واس») and the furniture heading the lead ("(CNN)--", "WASHINGTON (Reuters) -",
 *    «طرابلس - "الشرق الأوسط":», «واس – جدة:»).
 * 2. Sentences: the entities splitter (`sentenceSpans`), with its splits undone where a quote is still open, at
 *    an ellipsis, or after an abbreviation of this stage's lexicon («د.», "approx.").
 * 3. The first sentence, with the second when the first is short and both fit; a sentence longer than the limit
 *    is cut at the last clause comma (else the last word) that fits, marked with "…": never inside a word.
 */
import { sentenceSpans } from "../entities/sentences.ts";
import { storiesLexicon, type StoriesLexicon } from "./lexicon.ts";
import { SUMMARY } from "./settings.ts";

/** A pattern matching `word` as written with any alef/yaa/taa-marbuta form and flexible spacing. */
export function foldedPattern(word: string): string {
  let out = "";
  for (const ch of word.trim()) {
    if (/[أإآا]/.test(ch)) out += "[أإآا]";
    else if (/[ىي]/.test(ch)) out += "[ىي]";
    else if (/[ةه]/.test(ch)) out += "[ةه]";
    else if (/\s/.test(ch)) out += "\\s*";
    else if (ch === ".") out += "\\.?\\s*";
    // a hyphen needs no escape outside a class, and "\\-" is an error under the `u` flag
    else out += ch.replace(/[\\^$*+?()[\]{}|/]/g, "\\$&");
  }
  return out;
}

interface Furniture {
  /** Furniture heading a lead paragraph (removed). */
  head: RegExp[];
  /** A paragraph that is nothing but a dateline (dropped). */
  whole: RegExp;
  /** Abbreviations, normalised, whose stop ends no sentence. */
  abbreviations: Set<string>;
}

const built = new WeakMap<StoriesLexicon, Furniture>();

function furniture(lexicon: StoriesLexicon): Furniture {
  const cached = built.get(lexicon);
  if (cached) return cached;
  // longest first, so «عين اليوم» wins over «اليوم»
  const names = [...lexicon.agencies.ar, ...lexicon.agencies.en].sort((a, b) => b.length - a.length).map(foldedPattern);
  const AG = `(?:${names.join("|")})`;
  const QUOTED = `["«“][^"«»“”\\n]{1,40}["»”]`;
  const QAG = `(?:${QUOTED}|["«“]?${AG}["»”]?)`;
  const SEP = `\\s*[-–—−]+\\s*`;
  const COLON = `\\s*[:：]\\s*`;
  const WORD = `[^\\s:()\\-–—−«»"“”]+`;
  const DL = `${WORD}(?:\\s+${WORD}){0,${SUMMARY.datelineWords - 1}}`;
  const END = `(?![\\p{L}\\p{N}])`;
  const head = [
    // (CNN)--   (CNN) –   (رويترز) -
    new RegExp(`^\\(\\s*${AG}\\s*\\)\\s*(?:[-–—−]+|:)\\s*`, "iu"),
    // WASHINGTON (Reuters) -   القاهرة (أ ف ب) -
    new RegExp(`^${DL}\\s*\\(\\s*${AG}\\s*\\)${END}\\s*[-–—−:]*\\s*`, "iu"),
    // TRIPOLI, Nov 5 (Any Wire) -   PORT SUDAN (Local Agency) –: an upper-case wire dateline names its source,
    // whatever the agency (the lexicon cannot list every outlet)
    new RegExp(`^\\p{Lu}[\\p{Lu}.'’ ]{1,30}(?:,\\s*\\p{L}{3,9}\\.?\\s+\\d{1,2})?\\s*\\([^()\\n]{1,40}\\)\\s*[-–—−]+\\s*`, "u"),
    // KHARTOUM, March 8, 2025 -   ADEN, Mar 4 -: an upper-case place and a date, no agency
    new RegExp(`^\\p{Lu}[\\p{Lu}.'’ ]{1,30},\\s*\\p{L}{3,9}\\.?\\s+\\d{1,2}(?:,\\s*\\d{4})?\\s*[-–—−]+\\s+`, "u"),
    // November 4, 2025 (PORT SUDAN) –: the date first, the place in brackets
    new RegExp(`^\\p{L}{3,9}\\.?\\s+\\d{1,2},\\s*\\d{4}\\s*\\([^()\\n]{1,40}\\)\\s*[-–—−]+\\s*`, "u"),
    // طرابلس - "الشرق الأوسط":   الرياض - واس:
    new RegExp(`^${DL}${SEP}${QAG}${END}${COLON}`, "iu"),
    // واس – جدة:   سبق- وكالات:
    new RegExp(`^${QAG}${END}${SEP}${DL}${COLON}`, "iu"),
    // واس:   (a bare agency before a colon)
    new RegExp(`^${QAG}${END}${COLON}`, "iu"),
  ];
  const whole = new RegExp(`^(?:${DL}\\s*[-–—−:]+\\s*)?${QAG}${END}(?:\\s*[-–—−:]+\\s*${DL})?\\s*[:：]?\\s*$`, "iu");
  const abbreviations = new Set([...lexicon.abbreviations.ar, ...lexicon.abbreviations.en].map(foldAbbreviation));
  const f = { head, whole, abbreviations };
  built.set(lexicon, f);
  return f;
}

function foldAbbreviation(word: string): string {
  return word.replace(/[أإآ]/g, "ا").replace(/\.$/, "").toLowerCase();
}

/** A bracket, colon or dash: what every dateline form contains. */
const EARLY_MARK = /[(:：\-–—−]/;

/** What the article says about where it was written: a bare «الخرطوم - » dateline is furniture only for a known place. */
export interface LeadHints {
  /** The dateline the cleaner found («طرابلس»), if any. */
  dateline?: string | null;
  /** Names of the places the article names (both languages). */
  places?: readonly string[];
}

/** A letter as `foldedPattern` compares it: alef, ya and ta marbuta variants as one, case ignored. */
function initialKey(text: string): string {
  return (text[0] ?? "").replace(/[أإآ]/, "ا").replace("ى", "ي").replace("ة", "ه").toLowerCase();
}

/**
 * `^<place>[ day month year][, words] - `: a dateline without an agency, for the article's own dateline or one of its
 * places.
 * Only names that begin as `text` does can match the anchored pattern: the others are left out before compiling
 * (most leads then need no pattern at all; compiling one per article was most of the summary's time).
 */
function placeDateline(hints: LeadHints, text: string): RegExp | undefined {
  const first = initialKey(text);
  const names = [hints.dateline ?? "", ...(hints.places ?? [])]
    .map((n) => n.trim())
    .filter((n) => n.length >= 2 && initialKey(n) === first);
  if (!names.length) return undefined;
  const alternation = [...new Set(names)].sort((a, b) => b.length - a.length).map(foldedPattern).join("|");
  // «الخرطوم ١٤ نوفمبر ٢٠٢٥ – »: the place may carry the day, in either digit set, before the dash
  const DATE = `(?:\\s+\\p{Nd}{1,2}\\s+\\p{L}{3,9}(?:\\s+\\p{L}{3,9})?\\s+\\p{Nd}{4})?`;
  return new RegExp(`^(?:${alternation})${DATE}(?:\\s*[,،]\\s*[^\\s,،:()\\-–—−]+){0,2}\\s*[-–—−]+\\s+(?=\\S)`, "iu");
}

/** `paragraph` without the dateline/agency furniture heading it (at most two layers: «واس – جدة: (CNN)--»). */
export function stripFurniture(paragraph: string, lexicon: StoriesLexicon = storiesLexicon(), hints: LeadHints = {}): string {
  let text = paragraph.trim();
  // every furniture form has a bracket, colon or dash near the start: most leads are done without a regex
  if (!EARLY_MARK.test(text.slice(0, SUMMARY.datelineChars))) return text;
  const place = placeDateline(hints, text);
  const { head } = furniture(lexicon);
  if (place) {
    const m = place.exec(text);
    if (m && m[0].length < text.length) text = text.slice(m[0].length).trimStart();
  }
  for (let round = 0; round < 2; round++) {
    const before = text;
    for (const re of head) {
      const m = re.exec(text);
      // never strip the whole paragraph: the rest must still be prose
      if (m && m[0].length < text.length) {
        text = text.slice(m[0].length).trimStart();
        break;
      }
    }
    if (text === before) break;
  }
  return text;
}

/** True for a paragraph that is only a dateline or agency line. */
export function isFurniture(paragraph: string, lexicon: StoriesLexicon = storiesLexicon()): boolean {
  const text = paragraph.trim();
  return text.length <= SUMMARY.datelineChars && furniture(lexicon).whole.test(text);
}

/**
 * Sentences of `text`, verbatim: the entities splitter, with splits undone inside an open quote, after an
 * ellipsis and after an abbreviation of the lexicon.
 */
export function splitSentences(text: string, lexicon: StoriesLexicon = storiesLexicon()): string[] {
  const { abbreviations } = furniture(lexicon);
  const spans = sentenceSpans(text);
  const out: string[] = [];
  let start = -1;
  for (let k = 0; k < spans.length; k++) {
    const [s, e] = spans[k]!;
    if (start < 0) start = s;
    const piece = text.slice(start, e);
    const last = k === spans.length - 1;
    if (!last && (quoteOpen(piece) || endsWithEllipsis(piece) || endsWithAbbreviation(piece, abbreviations))) continue;
    out.push(piece);
    start = -1;
  }
  return out;
}

function count(text: string, ch: string): number {
  let n = 0;
  for (const c of text) if (c === ch) n++;
  return n;
}

/** An opening « or “ not closed yet, or an odd number of straight double quotes. */
function quoteOpen(text: string): boolean {
  return count(text, "«") > count(text, "»") || count(text, "“") > count(text, "”") || count(text, '"') % 2 === 1;
}

function endsWithEllipsis(text: string): boolean {
  return /(?:\.\.|…)["»”')\]]*$/.test(text);
}

function endsWithAbbreviation(text: string, abbreviations: Set<string>): boolean {
  const m = /(?:^|[\s(])([\p{L}.]+)\.$/u.exec(text);
  return !!m && abbreviations.has(foldAbbreviation(m[1]!));
}

/** A sentence end: . ! ? ؟ … possibly followed by closing quotes or brackets. */
const TERMINAL = /[.!?؟…]["»”')\]]*$/;

/** The lead: first sentence, plus the second when the first is short; cut at a clause or word when too long. */
export function summarise(body: readonly string[], lexicon: StoriesLexicon = storiesLexicon(), hints: LeadHints = {}): string | null {
  for (const raw of body.slice(0, SUMMARY.leadParagraphs)) {
    if (!raw.trim() || isFurniture(raw, lexicon)) continue;
    const paragraph = stripFurniture(raw, lexicon, hints);
    if (paragraph.length < SUMMARY.minLeadChars && !TERMINAL.test(paragraph)) continue;
    const sentences = splitSentences(paragraph, lexicon);
    const first = sentences[0];
    if (!first || first.length < SUMMARY.minLeadChars / 2) continue;
    if (first.length > SUMMARY.maxChars) return cut(first);
    const second = sentences[1];
    if (second && TERMINAL.test(second) && first.length < SUMMARY.shortSentence && first.length + 1 + second.length <= SUMMARY.maxChars) {
      // both verbatim, joined as they were written (the source text between them is white space)
      const from = paragraph.indexOf(first);
      const to = paragraph.indexOf(second, from + first.length);
      return from >= 0 && to >= 0 ? paragraph.slice(from, to + second.length) : `${first} ${second}`;
    }
    return first;
  }
  return null;
}

/** A long sentence cut at the last clause comma (past half the limit), else at the last word that fits. */
function cut(sentence: string): string {
  const limit = SUMMARY.maxChars - 1;
  const head = sentence.slice(0, limit + 1);
  let at = Math.max(head.lastIndexOf("،"), head.lastIndexOf(", "), head.lastIndexOf("؛"), head.lastIndexOf(";"));
  if (at < SUMMARY.maxChars / 2) at = head.search(/\s\S*$/);
  if (at <= 0) at = limit;
  return `${sentence.slice(0, at).trimEnd()}…`;
}
