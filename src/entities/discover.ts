/**
 * Discovery of actors the knowledge base lacks, and the review queue they wait in.
 *
 * Patterns, run over tokens no known entity covers:
 *   - person after a rank: «اللواء محمد زين», «الأدميرال رونالد فوي», "Gen. John Smith";
 *   - person after an office phrase, when the name follows a comma, starts with a known given name, or follows
 *     the rest of the title («السفير التركي لدى العراق أنيل بورا إينان،») and then ends at a punctuation mark or a
 *     verb of saying («المتحدثة باسم المفوضية جمانة الغلاي إن»); names in a list continue it («وزراء خارجية كل من
 *     مالي عبد الله ديوب، وبوركينا فاسو كاراموكو جان ماري تراوري»); "spokesman Ali Ahmed", "co-chair X Y";
 *   - a numbered unit after «اللواء»: «اللواء 53» (armed group);
 *   - quoted organisation names: «…» starting with an organisation head word («غرفة عمليات …»), or a head word
 *     just before the quotes (تحالف «تأسيس»); English capitalised names containing one ("Sudan Doctors Network");
 *   - unquoted Arabic organisation names: a head word with adjectives and a country or a «ل» complement
 *     («الهيئة العامة للإحصاء», «اللجنة الأمنية الأردنية السورية المشتركة», «خلية الإعلام الأمني»).
 * Name boundaries: 2–4 words (joiners such as «عبد»، «بن» aside), never a stop word, a title word, a definite noun
 * behind a proclitic («بالتوقيع»), a present or future verb («يعتبر», «سيعقدان») or a word with tanween.
 * Each candidate gets a kind guessed from its head word and a rule-based romanisation for its English name.
 *
 * The queue (`content/review/candidates.yaml`, schema src/schemas/review-queue.ts) is updated by the pure
 * `updateQueue` (discover/queue.ts); romanisation is discover/romanise.ts, promotion discover/promote.ts; file I/O
 * is in the CLI.
 */
import type { ActorType } from "../schemas/actor.ts";
import { CLITICS, startsWithConjunction } from "../text/clitics.ts";
import type { DiscoveryLexicon, TitleLexicon } from "./lexicon.ts";
import { discoveryLexicon } from "./lexicon.ts";
import { normaliseArabic, proclitics, sourceEnd, type NormalisedText } from "./normalise.ts";
import { createTrie, insert, longestMatch, mayHaveProclitic, phraseTokens, type TrieNode } from "./trie.ts";
import type { Token } from "./tokens.ts";
import { arabicVariantKey, MAX_CONTEXTS } from "./discover/queue.ts";
import { romanise } from "./discover/romanise.ts";

// The review queue, romanisation and promotion live in discover/ (schema: src/schemas/review-queue.ts).
export { QueueEntry, ReviewQueue } from "../schemas/review-queue.ts";
export { MAX_CONTEXTS, arabicVariantKey, candidateSlug, emptyQueue, findQueueEntry, latinVariantKey, queueCandidates, removeFromQueue, updateQueue, type ArticleCandidates } from "./discover/queue.ts";
export { romanise } from "./discover/romanise.ts";
export { promotedActor, provisionalActors, type PromoteOptions } from "./discover/promote.ts";

/** Most tokens a discovered person name may have (with joiners such as «عبد»). */
export const MAX_NAME_TOKENS = 7;

/** Most words of a discovered person name, joiners aside (a fourth only when the name ends at a boundary). */
export const MAX_NAME_WORDS = 4;

/** Most words of a name accepted without a boundary after it (a known given name first). */
export const MAX_OPEN_NAME_WORDS = 3;

/** Most tokens between an office word and the name it introduces. */
export const MAX_TITLE_GAP = 8;

/** Most tokens of a quoted organisation name. */
export const MAX_ORG_TOKENS = 8;


/** A possible actor found in one article. */
export interface Candidate {
  /** Normalised name: the identity of a candidate across articles. */
  key: string;
  /** Name as written (Arabic articles); null for a name found in an English article. */
  name_ar: string | null;
  /** English name: romanised from Arabic by rule, or as written in an English article. */
  suggested_en: string;
  /** Kind guessed from the title or head word. */
  kind: ActorType;
  /** Occurrences in the article. */
  frequency: number;
  /** Sentences it occurs in, verbatim (at most `MAX_CONTEXTS`). */
  contexts: string[];
}

/** What a title-lexicon phrase is: a rank (اللواء), a qualifier extending one (المتقاعد), an office word (رئيس). */
export type TitleKind = "rank" | "qualifier" | "head";

/** The trie of title phrases (ranks, qualifiers, office words). */
export function buildTitleTrie(titles: TitleLexicon): TrieNode<TitleKind> {
  const trie = createTrie<TitleKind>();
  for (const p of [...titles.ranks.ar, ...titles.ranks.en]) insert(trie, phraseTokens(p), "rank");
  for (const p of [...titles.qualifiers.ar, ...titles.qualifiers.en]) insert(trie, phraseTokens(p), "qualifier");
  for (const p of [...titles.heads.ar, ...titles.heads.en]) insert(trie, phraseTokens(p), "head");
  return trie;
}

/** Tables built once per tagger. */
export interface DiscoveryTables {
  titles: TrieNode<TitleKind>;
  orgHeads: TrieNode<ActorType>;
  given: Map<string, string>;
  joiners: Set<string>;
  units: Set<string>;
  /** Words an office phrase never crosses (verbs of saying, particles). */
  breakers: Set<string>;
  stop: Set<string>;
  /** Words that never start a name of unknown words (nouns written after titles: «أركان», «إقليم»). */
  notNames: Set<string>;
  /** Unquoted organisation names: heads (with the article), construct heads, adjectives. */
  orgWords: { heads: Set<string>; construct: Set<string>; adjectives: Set<string>; notAdjectives: Set<string> };
  lex: DiscoveryLexicon;
}

/** What discovery sees of a paragraph (from the tagger). */
export interface ParagraphView {
  text: string;
  norm: NormalisedText;
  tokens: Token[];
  /** Per token: 0 free, 1 country/place/blocker, 2 actor, 3 person. */
  covered: Uint8Array;
  sentence(at: number): string;
}

function words(list: string[]): Set<string> {
  const out = new Set<string>();
  for (const p of list) for (const t of phraseTokens(p)) out.add(t);
  return out;
}

/**
 * The words of a title list that are never part of a name: single-word titles and the first word of longer ones
 * («آية» of «آية الله», not «الله», which ends «عبد الله» and «فضل الله»).
 */
function leadWords(list: string[]): Set<string> {
  const out = new Set<string>();
  for (const p of list) {
    const toks = phraseTokens(p);
    if (toks.length) out.add(toks[0]!);
  }
  return out;
}

/** Builds the discovery tables from the lexicons. */
export function buildDiscoveryTables(titles: TitleLexicon, lex: DiscoveryLexicon = discoveryLexicon()): DiscoveryTables {
  const titleTrie = buildTitleTrie(titles);
  const orgHeads = createTrie<ActorType>();
  for (const [kind, heads] of Object.entries(lex.org_heads)) {
    for (const p of [...(heads?.ar ?? []), ...(heads?.en ?? [])]) insert(orgHeads, phraseTokens(p), kind as ActorType);
  }
  const given = new Map<string, string>();
  for (const [ar, en] of Object.entries(lex.given_names)) given.set(normaliseArabic(ar), en);
  const stop = new Set([
    ...words([...lex.name_stopwords.ar, ...lex.name_stopwords.en, ...titles.breakers.ar, ...titles.breakers.en, ...titles.kinship.ar, ...titles.kinship.en]),
    ...leadWords([...titles.heads.ar, ...titles.heads.en, ...titles.ranks.ar, ...titles.ranks.en, ...titles.qualifiers.ar]),
  ]);
  return {
    titles: titleTrie,
    orgHeads,
    given,
    joiners: words([...lex.name_joiners.ar, ...lex.name_joiners.en]),
    units: words([...lex.numbered_units.ar, ...lex.numbered_units.en]),
    breakers: words([...titles.breakers.ar, ...titles.breakers.en]),
    stop,
    notNames: words(lex.not_first_names),
    orgWords: {
      heads: words(lex.headword_orgs.heads),
      construct: words(lex.headword_orgs.construct_heads),
      adjectives: words(lex.headword_orgs.adjectives),
      notAdjectives: words(lex.headword_orgs.not_adjectives),
    },
    lex,
  };
}

export interface Found {
  name: string;
  lang: "ar" | "en";
  kind: ActorType;
  sentence: string;
}

const CLAUSE = /[.!?\u061f\u061b;:]/;

const TANWEEN = /[\u064b-\u064d]/;

const COMMA = /[,\u060c]/;

const OPEN = new Map([["«", "»"], ["\u201c", "\u201d"], ["\"", "\""], ["(", ")"]]);

function isUpperAt(view: ParagraphView, k: number): boolean {
  const ch = view.text[view.norm.toSource[view.tokens[k]!.start]!] ?? "";
  return ch !== ch.toLowerCase();
}

function gapBefore(view: ParagraphView, k: number): string {
  return view.norm.text.slice(view.tokens[k - 1]!.end, view.tokens[k]!.start);
}

function slice(view: ParagraphView, from: number, to: number): string {
  const start = view.norm.toSource[view.tokens[from]!.start]!;
  return view.text.slice(start, sourceEnd(view.text, view.norm, view.tokens[to - 1]!.end));
}

/**
 * The person name starting at token `n`, as a token count (0 for none): up to `MAX_NAME_TOKENS` free words in one
 * run (no punctuation between them), not stop words; at least two words besides joiners; the first word, if it
 * carries the article, must be a known given name («الفاتح»), so «الفريق التفاوضي» is no name. A later word with a
 * proclitic before the article («بالتوقيع», «والاقتصاد») is a noun after the name, never part of it.
 */
function nameRun(t: DiscoveryTables, view: ParagraphView, n: number, lang: "ar" | "en"): number {
  const { tokens, covered } = view;
  let k = n;
  let substantive = 0;
  while (k < tokens.length && k - n < MAX_NAME_TOKENS && substantive < MAX_NAME_WORDS) {
    const tok = tokens[k]!;
    if (covered[k] || tok.script === 3) break;
    if (k > n && gapBefore(view, k).trim() !== "" && !/^[-\u2010]$/.test(gapBefore(view, k).trim())) break;
    if (lang === "en") {
      if (tok.script !== 2 || (!isUpperAt(view, k) && !t.joiners.has(tok.text))) break;
    } else if (tok.script !== 1) break;
    // tanween marks an adverb or indefinite noun («اتصالاً»), never a name
    if (lang === "ar" && TANWEEN.test(sourceOf(view, k))) break;
    // a one-letter word («لـ» cut by a tatweel) and, after the first word, an adverb, a noun with a pronoun or a
    // plural noun: «معروف عالميا», «سليم تعازيه», «محمد عثمان حمزة المواطنين», «صلاح الحركة الحكومة»
    if (tok.text.length === 1) break;
    if (k > n && lang === "ar" && !t.given.has(tok.text) && notNamePart(t, view, k, k - n)) break;
    const forms = tok.script === 1 ? proclitics(tok.text) : [tok.text];
    // «على» (on) and «علي» (Ali) are one word once ى is folded: the name is written with ي
    if (t.stop.has(tok.text) && !(t.given.has(tok.text) && sourceOf(view, k).endsWith("ي"))) break;
    if (k > n && forms.length > 1 && forms.slice(1).some((f) => t.stop.has(f))) break;
    if (k > n && !tok.text.startsWith(ARTICLE) && forms.slice(1).some((f) => f.startsWith(ARTICLE))) break;
    // «وقائد»، «ورئيس»: a conjunction after a complete name starts the next phrase
    if (k > n && substantive >= 2 && forms.length > 1 && startsWithConjunction(tok.text) && !t.given.has(tok.text)) break;
    // a present or future verb after the name: «ترامب يعتبر», «نتنياهو سيعقدان» (not «ياسر», «يوسف», «يحيى»)
    if (k > n && lang === "ar" && !t.given.has(tok.text) && (/^ي[^اوح]/.test(tok.text) || (/^س[يتن]/.test(tok.text) && /(ان|ون|ين)$/.test(tok.text)))) break;
    if (k === n && lang === "ar" && tok.text.startsWith(ARTICLE) && !t.given.has(tok.text)) return 0;
    // a first word in «ي» that is no known name is a present-tense verb: «السلطان يستعرض …»
    if (k === n && lang === "ar" && tok.text.charCodeAt(0) === 0x064a && !t.given.has(tok.text)) return 0;
    if (!t.joiners.has(tok.text)) substantive++;
    k++;
  }
  // never end on a joiner («عبد»)
  while (k > n && t.joiners.has(tokens[k - 1]!.text)) {
    k--;
    if (!t.joiners.has(tokens[k]!.text)) substantive--;
  }
  return substantive >= 2 ? k - n : 0;
}

const ARTICLE = CLITICS.definite;
/** The preposition ل fused with the article («للجنة»). */
const ELIDED = CLITICS.elided;

/** A nisba adverb written without tanween: «عالميا», «رسميا», «دوليا». */
const ADVERB = /..يا$/;

/** A noun with a third-person pronoun: «تعازيه», «لديه» (short family names such as «عطيه» aside). */
const PRONOUN_HIS = /...يه$/;

/** A sound plural with the article: «المواطنين», «الحوثيين» (names such as «الحسين», «الأمين» are shorter). */
const PLURAL = /^ال.{4,}(ين|ون)$/;

/**
 * True when a word after a name's first word is no name part: an adverb, a noun carrying a pronoun, a plural noun
 * with the article, an organisation or institution head word.
 */
function notNamePart(t: DiscoveryTables, view: ParagraphView, k: number, position: number): boolean {
  const text = view.tokens[k]!.text;
  if (ADVERB.test(text) || PLURAL.test(text) || (PRONOUN_HIS.test(text) && !text.startsWith(ARTICLE))) return true;
  // «بانهم», «عليها»: a word with a plural or feminine pronoun is never a name part
  if (text.length >= 4 && PRONOUN_SUFFIX.test(text)) return true;
  // an organisation word as a name's second word may be a family name («صلاح الحركة»); from the third it is not
  if (position < 2) return false;
  const forms = proclitics(text);
  const bare = (f: string) => (f.startsWith(ARTICLE) ? f.slice(2) : f);
  if (forms.some((f) => t.notNames.has(f) || t.orgWords.heads.has(bare(f)) || !!longestMatch(t.orgHeads, pseudo(bare(f)), 0))) return true;
  return !!longestMatch(t.orgHeads, view.tokens, k);
}

/** Words of a name span, joiners aside. */
function wordCount(t: DiscoveryTables, view: ParagraphView, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) if (!t.joiners.has(view.tokens[k]!.text)) n++;
  return n;
}

/**
 * True when a name ending before token `e` ends at a boundary: the end of the paragraph, punctuation, or a word
 * that never continues a name (a verb of saying, «إن»); unless `strict`, also a preposition, a day, a word with
 * tanween or a known entity.
 */
function closedAt(t: DiscoveryTables, view: ParagraphView, e: number, strict: boolean): boolean {
  const { tokens } = view;
  if (e >= tokens.length) return true;
  if (/[,\u060c.:;\u061b(«»"\u201c\u201d!?\u061f\u2013\u2014]/.test(gapBefore(view, e))) return true;
  const tok = tokens[e]!;
  const forms = tok.script === 1 ? proclitics(tok.text) : [tok.text];
  if (forms.some((f) => t.breakers.has(f))) return true;
  // «… مليندا تيلور والمترجمة …»: a conjunction and a title start the next person of a list
  if (tok.script === 1 && startsWithConjunction(tok.text) && !view.covered[e] && longestMatch(t.titles, view.tokens, e)?.values.includes("head")) return true;
  if (strict) return false;
  if (view.covered[e] || tok.script === 3) return true;
  if (tok.script === 1 && TANWEEN.test(sourceOf(view, e))) return true;
  return forms.some((f) => t.stop.has(f));
}

const PRONOUN_SUFFIX = /(ها|هم|هما|كم)$/; // ـها ـهم ـهما ـكم

/**
 * True when an unknown word may start a name: not a title or organisation word («أركان القوات», «مجلس الوزراء»),
 * not a definite noun behind a proclitic («للأمين العام», «والتعاون»), and no word carries a pronoun suffix
 * («مكتبها», «بلاده» aside, which names never do).
 */
function nameShaped(t: DiscoveryTables, view: ParagraphView, n: number, len: number): boolean {
  const first = view.tokens[n]!;
  if (first.script !== 1) return true;
  const forms = proclitics(first.text);
  if (forms.some((f) => t.notNames.has(f) || f.startsWith(ARTICLE))) return false;
  if (longestMatch(t.titles, view.tokens, n)) return false;
  for (let k = n; k < n + len; k++) {
    if (PRONOUN_SUFFIX.test(view.tokens[k]!.text) || longestMatch(t.orgHeads, view.tokens, k)) return false;
  }
  return true;
}

/**
 * The length of the name at `n` to keep: the longest run (from `nameRun`) cut back to end at a boundary
 * (`closedAt`); without one, the run itself when it starts with a known given name (or follows a rank) and has at
 * most `MAX_OPEN_NAME_WORDS` words. A name of unknown words (`strict`) must be name-shaped and end at a punctuation
 * mark or a verb of saying: «السفير التركي لدى العراق أنيل بورا إينان،», «المتحدثة باسم المفوضية جمانة الغلاي إن».
 */
function closedName(t: DiscoveryTables, view: ParagraphView, n: number, lang: "ar" | "en", strict: boolean): number {
  const len = nameRun(t, view, n, lang);
  if (!len) return 0;
  for (let l = len; l >= 2; l--) {
    if (t.joiners.has(view.tokens[n + l - 1]!.text) || wordCount(t, view, n, n + l) < 2) continue;
    if (closedAt(t, view, n + l, strict)) return strict && lang === "ar" && !nameShaped(t, view, n, l) ? 0 : l;
  }
  if (strict) return 0;
  let l = len;
  while (l > 0 && wordCount(t, view, n, n + l) > MAX_OPEN_NAME_WORDS) l--;
  // a third word with the article that runs on into the sentence is a noun: «خليفة حفتر التعاون والتنسيق»
  if (lang === "ar" && wordCount(t, view, n, n + l) >= 3 && view.tokens[n + l - 1]!.text.startsWith(ARTICLE)) l--;
  while (l > 0 && t.joiners.has(view.tokens[n + l - 1]!.text)) l--;
  return wordCount(t, view, n, n + l) >= 2 ? l : 0;
}

/** True when a word of tokens `[from, to)` is an organisation head word ("Army", "Command"). */
function hasOrgHead(t: DiscoveryTables, view: ParagraphView, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (longestMatch(t.orgHeads, view.tokens, k)) return true;
  return false;
}

/** True when token `k` can end the phrase of a title before a name: a known entity, a definite word, a title word. */
function endsTitlePhrase(t: DiscoveryTables, view: ParagraphView, k: number): boolean {
  if (view.covered[k]) return true;
  const tok = view.tokens[k]!;
  if (tok.script !== 1) return false;
  const forms = proclitics(tok.text);
  return forms.some((f) => f.startsWith(ARTICLE)) || !!longestMatch(t.titles, view.tokens, k);
}

function sourceOf(view: ParagraphView, k: number): string {
  const tok = view.tokens[k]!;
  return view.text.slice(view.norm.toSource[tok.start]!, sourceEnd(view.text, view.norm, tok.end));
}

/** Candidates in one paragraph. */
export function discoverInParagraph(t: DiscoveryTables, view: ParagraphView, lang: "ar" | "en"): Found[] {
  const out: Found[] = [];
  const { tokens, covered } = view;
  const at = (k: number) => view.norm.toSource[tokens[k]!.start]!;
  const titleRoot = t.titles.next;
  for (let q = 0; q < tokens.length; q++) {
    if (covered[q]) continue;
    const word = tokens[q]!.text;
    if (!titleRoot.has(word) && (tokens[q]!.script !== 1 || !mayHaveProclitic(word))) continue;
    const m = longestMatch(t.titles, tokens, q);
    if (!m || m.values.every((v) => v === "qualifier")) continue;
    if (lang === "en" && m.values.includes("rank") && !isUpperAt(view, q)) continue;
    let r = q + m.length;
    let rank = m.values.includes("rank");
    // a chain of ranks and qualifiers: «اللواء المتقاعد», «الفريق أول ركن»
    while (r < tokens.length && !covered[r]) {
      const next = longestMatch(t.titles, tokens, r);
      if (!next || next.values.includes("head")) break;
      rank = true;
      r += next.length;
    }
    if (r >= tokens.length) break;
    if (rank) {
      // «اللواء 53»: a numbered brigade, not a person
      const unit = proclitics(tokens[q]!.text).find((f) => t.units.has(f));
      if (tokens[r]!.script === 3 && unit && r === q + 1) {
        const written = slice(view, q, r + 1);
        const skip = tokens[q]!.text.length - unit.length;
        out.push({ name: written.slice(Math.max(0, skip)), lang, kind: "armed_group", sentence: view.sentence(at(q)) });
        q = r;
        continue;
      }
      const gap = gapBefore(view, r);
      if (CLAUSE.test(gap.replace(/\./g, "")) || COMMA.test(gap)) continue;
      const len = closedName(t, view, r, lang, false);
      if (len && !(lang === "en" && hasOrgHead(t, view, r, r + len))) {
        out.push({ name: slice(view, r, r + len), lang, kind: "person", sentence: view.sentence(at(r)) });
        q = r + len - 1;
      }
      continue;
    }
    // an office phrase: look ahead for the name it introduces, over the rest of the title («السفير التركي لدى
    // العراق أنيل بورا إينان»); a name listed after it continues the list («… مالي عبد الله ديوب، وبوركينا فاسو …»)
    for (let n = r; n < tokens.length && n - r <= MAX_TITLE_GAP; n++) {
      const gap = gapBefore(view, n);
      if (CLAUSE.test(gap.replace(/\./g, ""))) break;
      if (covered[n] === 3) break; // a known person follows the title
      const tok = tokens[n]!;
      if (!covered[n] && n > r) {
        if (proclitics(tok.text).some((f) => t.breakers.has(f))) break; // «قال», «أن»: the phrase is over
        if (longestMatch(t.titles, tokens, n)?.values.includes("rank")) break; // the rank rule takes it from here
      }
      if (covered[n]) continue;
      const afterComma = COMMA.test(gap);
      const givenFirst = t.given.has(tok.text) || (lang === "en" && isUpperAt(view, n));
      // an unknown first word starts a name only in apposition («…، جيرمي بيرنت،») or right after the title
      // phrase («لدى العراق أنيل بورا إينان»), and only when the name then ends at a boundary
      const afterTitle = lang === "ar" && (n === r || endsTitlePhrase(t, view, n - 1));
      if (!afterComma && !givenFirst && !afterTitle) continue;
      const len = closedName(t, view, n, lang, !givenFirst);
      if (!len) continue;
      // "National Army", "Africa Command": an organisation's name, not a person's
      if (lang === "en" && hasOrgHead(t, view, n, n + len)) break;
      out.push({ name: slice(view, n, n + len), lang, kind: "person", sentence: view.sentence(at(n)) });
      q = n + len - 1;
      // a list: «، وبوركينا فاسو كاراموكو جان ماري تراوري»
      const next = n + len;
      if (next < tokens.length && COMMA.test(gapBefore(view, next)) && covered[next] === 1) {
        n = next - 1;
        r = next;
        continue;
      }
      break;
    }
  }
  out.push(...quotedOrganisations(t, view, lang));
  if (lang === "ar") out.push(...headwordOrganisations(t, view), ...arabicAppositions(t, view, out));
  if (lang === "en") out.push(...capitalisedOrganisations(t, view), ...englishAppositions(t, view, out));
  return out;
}

/**
 * Arabic names in apposition: a run starting with a known given name, then a comma and an office or profession
 * word («مقتل علي أحمد حسين، القيادي في …»).
 */
function arabicAppositions(t: DiscoveryTables, view: ParagraphView, already: Found[]): Found[] {
  const out: Found[] = [];
  const { tokens, covered } = view;
  for (let n = 0; n < tokens.length; n++) {
    if (covered[n] || tokens[n]!.script !== 1) continue;
    const forms = proclitics(tokens[n]!.text);
    const f = forms.findIndex((x) => t.given.has(x));
    if (f < 0) continue;
    const len = nameRun(t, view, n, "ar");
    if (len < 2) continue;
    const e = n + len;
    if (e >= tokens.length || !COMMA.test(gapBefore(view, e)) || covered[e]) continue;
    if (!longestMatch(t.titles, tokens, e)?.values.includes("head")) continue;
    const written = slice(view, n, e);
    const name = written.slice(Math.max(0, tokens[n]!.text.length - forms[f]!.length));
    if (!already.some((x) => x.name === name)) out.push({ name, lang: "ar", kind: "person", sentence: view.sentence(view.norm.toSource[tokens[n]!.start]!) });
    n = e - 1;
  }
  return out;
}

/** Most words after the comma searched for an apposition role noun ("Jane Roe, a senior fellow …"). */
export const MAX_APPOSITION_GAP = 5;

/**
 * English names in apposition: a capitalised run of two or three words at a sentence's start or after a verb of
 * saying, then a comma and, within `MAX_APPOSITION_GAP` words, a role noun ("Ajmi Lourimi, a member of …",
 * "said Lotfi Azzouz, Tunisia country director …").
 */
function englishAppositions(t: DiscoveryTables, view: ParagraphView, already: Found[]): Found[] {
  const out: Found[] = [];
  const { tokens } = view;
  for (let n = 0; n < tokens.length; n++) {
    const startsClause = n === 0 || CLAUSE.test(gapBefore(view, n)) || t.breakers.has(tokens[n - 1]!.text);
    if (!startsClause || !isUpperAt(view, n)) continue;
    const len = nameRun(t, view, n, "en");
    if (len < 2 || len > 3 || hasOrgHead(t, view, n, n + len)) continue;
    const e = n + len;
    if (e >= tokens.length || !COMMA.test(gapBefore(view, e))) continue;
    let role = false;
    for (let k = e; k < Math.min(tokens.length, e + MAX_APPOSITION_GAP) && !role; k++) role = t.lex.apposition_roles_en.includes(tokens[k]!.text);
    const name = slice(view, n, e);
    if (role && !already.some((f) => f.name === name)) out.push({ name, lang: "en", kind: "person", sentence: view.sentence(view.norm.toSource[tokens[n]!.start]!) });
    n = e - 1;
  }
  return out;
}

/** «…» and (…) spans whose text starts with, or follows, an organisation head word. */
function quotedOrganisations(t: DiscoveryTables, view: ParagraphView, lang: "ar" | "en"): Found[] {
  const out: Found[] = [];
  const { tokens, covered, norm } = view;
  const text = norm.text;
  let k = 0; // first token at or after the opener
  for (let c = 0; c < text.length; c++) {
    const code = text.charCodeAt(c);
    // « “ " ( — checked by code unit, this loop visits every character
    if (code !== 0xab && code !== 0x201c && code !== 0x22 && code !== 0x28) continue;
    const closer = OPEN.get(text[c]!);
    if (!closer) continue;
    const close = text.indexOf(closer, c + 1);
    if (close < 0) break;
    while (k < tokens.length && tokens[k]!.start <= c) k++;
    let e = k;
    while (e < tokens.length && tokens[e]!.end <= close) e++;
    const end = e; // tokens [k, end) are inside the quotes
    if (end === k || end - k > MAX_ORG_TOKENS) {
      if (closer !== "\"") c = close;
      continue;
    }
    c = close;
    if (covered.subarray(k, end).some((x) => x >= 2)) continue; // a known actor is inside
    const inner = longestMatch(t.orgHeads, tokens, k);
    let name: string | undefined;
    let kind: ActorType | undefined;
    if (inner && inner.length < end - k) {
      // a head with an indefinite nisba after it describes, it does not name: «"حزب إسلامي معتدل"» (a moderate
      // Islamist party); a name has a definite or proper word («"حزب الأمة"», «"جبهة تحرير مورو"»)
      const after = tokens[k + inner.length]!;
      if (lang === "ar" && after.script === 1 && !after.text.startsWith(ARTICLE) && INDEFINITE_NISBA.test(after.text)) continue;
      name = slice(view, k, end);
      kind = inner.values[0];
    } else if (k > 0 && closer !== ")") {
      // a head word written just before the quotes: تحالف «تأسيس» (not before brackets: "Party (PKK)")
      for (let h = Math.max(0, k - 2); h < k; h++) {
        const head = longestMatch(t.orgHeads, tokens, h);
        if (head && h + head.length === k && !covered[h]) {
          const forms = tokens[h]!.script === 1 ? proclitics(tokens[h]!.text) : [tokens[h]!.text];
          const skip = Math.max(0, tokens[h]!.text.length - forms[head.form]!.length);
          name = `${slice(view, h, k).slice(skip)} ${slice(view, k, end)}`;
          kind = head.values[0];
          break;
        }
      }
    }
    // a quoted name after a verb of saying, then a comma: يقول "شادي حميد"، مدير البحث …
    if (!name && lang === "ar" && closer !== ")" && k > 0 && quotedPerson(t, view, k, end, close)) {
      name = slice(view, k, end);
      kind = "person";
    }
    if (name && kind && (lang === "ar" ? /[\u0621-\u064a]/.test(name) : true)) {
      out.push({ name: name.replace(/[«»"“”()]/g, "").replace(/\s+/g, " ").trim(), lang, kind, sentence: view.sentence(norm.toSource[tokens[k]!.start]!) });
    }
  }
  return out;
}

/**
 * True when quoted tokens `[k, end)` are a person's name: a verb of saying just before the quotes, a comma just
 * after them, and inside two to four name words (`nameRun` over all of them).
 */
function quotedPerson(t: DiscoveryTables, view: ParagraphView, k: number, end: number, close: number): boolean {
  const prev = view.tokens[k - 1]!;
  if (prev.script !== 1 || !proclitics(prev.text).some((f) => t.breakers.has(f))) return false;
  if (!/^\s*[,\u060c]/.test(view.norm.text.slice(close + 1))) return false;
  return end - k >= 2 && nameRun(t, view, k, "ar") === end - k && nameShaped(t, view, k, end - k);
}

const NISBA = /^ال.+(ي|يه)$/; // ال…ي / ال…ية (normalised)
/** An indefinite nisba adjective (…ي / …يه, folded) of at least three letters before the ending: «إسلامي», «وطنيه». */
const INDEFINITE_NISBA = /^[^\s]{3,}(ي|يه)$/;

const ARTICLE_SOURCE = CLITICS.definite; // ال as written

const LAM = "ل"; // ل

/**
 * Unquoted Arabic organisation names (see `headword_orgs` in the lexicon): «الهيئة العامة للإحصاء», «المجلس الأعلى
 * للأمن القومي», «البرنامج السعودي لتنمية وإعمار اليمن», «اللجنة الأمنية الأردنية السورية المشتركة», «خلية الإعلام
 * الأمني». Known entities are never crossed, except countries.
 */
function headwordOrganisations(t: DiscoveryTables, view: ParagraphView): Found[] {
  const out: Found[] = [];
  const { tokens, covered } = view;
  const joined = (k: number) => gapBefore(view, k).trim() === "";
  const isAdjective = (k: number) => {
    const text = tokens[k]!.text;
    if (t.orgWords.notAdjectives.has(text) || t.stop.has(text)) return false;
    return covered[k] === 1 ? NISBA.test(text) : !covered[k] && (NISBA.test(text) || t.orgWords.adjectives.has(text));
  };
  for (let k = 0; k < tokens.length; k++) {
    if (covered[k] || tokens[k]!.script !== 1) continue;
    const text = tokens[k]!.text;
    // «للجنة» is ل + اللجنة: a head whose own first letter is lam keeps it after «لل»
    const forms = text.startsWith(ELIDED) ? [...proclitics(text), ARTICLE + text.slice(1)] : proclitics(text);
    // a head with the article («الهيئة», «للجنة» read as «اللجنة») or in construct («خلية»)
    let f = forms.findIndex((x) => x.startsWith(ARTICLE) && t.orgWords.heads.has(x.slice(2)));
    const definite = f >= 0;
    if (!definite) f = forms.findIndex((x) => t.orgWords.construct.has(x));
    if (f < 0) continue;
    const head = definite ? forms[f]!.slice(2) : forms[f]!;
    let e = k + 1;
    let specific = false;
    let modifiers = 0;
    if (!definite) {
      // construct: a definite noun, then at least one adjective
      if (e >= tokens.length || covered[e] || !joined(e) || !tokens[e]!.text.startsWith(ARTICLE)) continue;
      e++;
      if (e >= tokens.length || !joined(e) || !isAdjective(e)) continue;
      specific = true;
    }
    let lam = false;
    while (e < tokens.length && joined(e) && covered[e]! < 2) {
      const tok = tokens[e]!;
      if (tok.script !== 1 || TANWEEN.test(sourceOf(view, e))) break;
      if (isAdjective(e)) {
        if (covered[e] === 1) specific = true;
        modifiers++;
        e++;
        continue;
      }
      // one «ل» complement, after an adjective
      if (lam || modifiers === 0 || !tok.text.startsWith(LAM) || covered[e]) break;
      // one «ل» complement: «للإحصاء», «للأمن القومي», «لتنمية وإعمار اليمن»
      const inner = proclitics(tok.text).find((x) => !x.startsWith(LAM) || x.startsWith(ARTICLE));
      if (!inner || t.stop.has(inner) || t.breakers.has(inner)) break;
      lam = true;
      specific = true;
      e++;
      if (inner.startsWith(ARTICLE)) continue;
      // an indefinite complement runs in construct to a definite word or a country: «لتنمية وإعمار اليمن»
      let closedChain = false;
      while (e < tokens.length && joined(e) && e - k < MAX_ORG_TOKENS) {
        const next = tokens[e]!;
        if (covered[e]! >= 2 || next.script !== 1) break;
        if (covered[e] === 1 || next.text.startsWith(ARTICLE)) {
          e++;
          closedChain = true;
          break;
        }
        if (!/^و/.test(next.text) || t.stop.has(next.text)) break; // «وإعمار»
        e++;
      }
      if (!closedChain) {
        e = -1;
        break;
      }
    }
    if (e < 0 || !specific || e - k > MAX_ORG_TOKENS || e - k < 2) continue;
    // «للجنة …» / «للأمم …» are written «اللجنة …» / «الأمم …» without their preposition
    const written = slice(view, k, e);
    const form = forms[f]!;
    const name =
      form === ARTICLE + text.slice(1)
        ? ARTICLE_SOURCE + written.slice(1)
        : form === ARTICLE + text.slice(ELIDED.length) && text.startsWith(ELIDED)
          ? ARTICLE_SOURCE + written.slice(2)
          : written.slice(Math.max(0, text.length - form.length));
    const kind = longestMatch(t.orgHeads, pseudo(head), 0)?.values[0] ?? "organization";
    out.push({ name, lang: "ar", kind, sentence: view.sentence(view.norm.toSource[tokens[k]!.start]!) });
    k = e - 1;
  }
  return out;
}

function pseudo(word: string): Token[] {
  return [{ text: word, start: 0, end: word.length, script: 1 } as Token];
}

/** English capitalised runs that contain an organisation head word ("Sudan Doctors Network"). */
function capitalisedOrganisations(t: DiscoveryTables, view: ParagraphView): Found[] {
  const out: Found[] = [];
  const { tokens, covered } = view;
  // "and" sits inside a name ("Reconstruction and Development Coalition") unless "the" follows it ("the United
  // Nations and the African Union")
  const inner = new Set(["of", "for", "the", "and"]);
  for (let k = 0; k < tokens.length; k++) {
    if (covered[k]! >= 2 || tokens[k]!.script !== 2 || !isUpperAt(view, k)) continue;
    let e = k;
    let kind: ActorType | undefined;
    let hyphens = 0;
    while (e < tokens.length && e - k - hyphens < MAX_ORG_TOKENS && covered[e]! < 2 && tokens[e]!.script === 2 && (isUpperAt(view, e) || inner.has(tokens[e]!.text))) {
      // a hyphen joins the parts of a name ("François-Xavier Bagnoud Center"): one word
      const gap = e > k ? gapBefore(view, e).trim() : "";
      if (gap !== "" && !/^[-\u2010]$/.test(gap)) break;
      if (gap !== "") hyphens++;
      if (tokens[e]!.text === "and" && tokens[e + 1]?.text === "the") break;
      const head = longestMatch(t.orgHeads, tokens, e);
      if (head && isUpperAt(view, e)) kind = head.values[0];
      e++;
    }
    while (e > k && inner.has(tokens[e - 1]!.text)) e--;
    let b = k;
    while (b < e && inner.has(tokens[b]!.text)) b++; // "The Sudan Doctors Network" → "Sudan Doctors Network"
    const joinedBefore = k > 0 && /^[-\u2010]?$/.test(gapBefore(view, k).trim()) && isUpperAt(view, k - 1);
    if (kind && e - b >= 2 && !joinedBefore) {
      out.push({ name: slice(view, b, e), lang: "en", kind, sentence: view.sentence(view.norm.toSource[tokens[b]!.start]!) });
    }
    k = Math.max(k, e - 1);
  }
  return out;
}

/** Tatweel and letters for foreign sounds in a written name: the fewer, the plainer the spelling. */
function oddLetters(name: string, lex: DiscoveryLexicon): number {
  let n = 0;
  for (const ch of name) if (ch === "\u0640" || lex.letter_variants[ch] !== undefined) n++;
  return n;
}

/** Groups one article's findings into candidates (by normalised name). */
export function mergeCandidates(found: Found[], lex: DiscoveryLexicon = discoveryLexicon()): Candidate[] {
  const byKey = new Map<string, Candidate>();
  const byVariant = new Map<string, Candidate>();
  for (const f of found) {
    const key = phraseTokens(f.name).join(" ");
    if (!key) continue;
    const variant = f.lang === "ar" ? arabicVariantKey(key, lex) : undefined;
    let c = byKey.get(key) ?? (variant ? byVariant.get(variant) : undefined);
    if (!c) {
      c = { key, name_ar: f.lang === "ar" ? f.name : null, suggested_en: f.lang === "ar" ? romanise(f.name, lex) : f.name, kind: f.kind, frequency: 0, contexts: [] };
      byKey.set(key, c);
      if (variant) byVariant.set(variant, c);
    } else if (f.lang === "ar" && c.name_ar !== null && oddLetters(f.name, lex) < oddLetters(c.name_ar, lex)) {
      // the plainer spelling is the one shown («حيدر البرزنجي», not «حــــيدر البرزنچــي»)
      c.name_ar = f.name;
      c.suggested_en = romanise(f.name, lex);
    }
    c.frequency++;
    if (!c.contexts.includes(f.sentence) && c.contexts.length < MAX_CONTEXTS) c.contexts.push(f.sentence);
  }
  return [...byKey.values()];
}
