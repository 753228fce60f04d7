/**
 * What grouping compares, computed once per article: normalised clitic-aware words, consonant skeletons of
 * names (to meet across Arabic and English), figures, actor and place ids, and the day.
 */
import { cliticStems, normaliseArabic } from "../entities/normalise.ts";
import { tokenize } from "../entities/tokens.ts";
import { storiesLexicon, type StoriesLexicon } from "./lexicon.ts";
import { GROUP } from "./settings.ts";
import { isFurniture, stripFurniture } from "./summary.ts";

/** The fields of an article grouping reads. */
export interface StoryInput {
  id: string;
  lang: "ar" | "en";
  title: string | null;
  summary?: string | null;
  body: readonly string[];
  published: string | null;
  seen: string | null;
  actors: ReadonlyArray<{ id: string; type: string }>;
  countries: readonly string[];
  places: ReadonlyArray<{ en: string; country: string }>;
  /** The story the article already belongs to (kept as is). */
  story?: string;
  /**
   * Set on a stored article read only in part (id, story and date; `readStoredStories` in src/content/article-cache.ts): its whole reading,
   * read when grouping compares it (within the window of a new article), so the rest of a large corpus is not read.
   */
  load?: () => StoryInput;
}

export interface Features {
  id: string;
  lang: "ar" | "en";
  /** Days since 1970-01-01, or null when the article is not dated. */
  day: number | null;
  /** Word term → count, over title, summary and the first paragraphs. */
  words: Map<number, number>;
  /**
   * Terms two languages share: consonant skeletons of the words (Arabic) or capitalised words (English), and the
   * event concepts named.
   */
  cross: Set<number>;
  /** Terms of the actor ids (media excluded: an agency credit is not an event fact) and place names. */
  entities: Set<number>;
  /** Event concepts named (language-independent: `attack`, `charged`). */
  concepts: Set<string>;
  /** Development concepts named in the title or summary (a court hearing, a vote): see `developments` in the lexicon. */
  leads: Set<string>;
  /** Development concepts named anywhere, directly or by a concept that names them (`namedBy` in the lexicon). */
  steps: Set<string>;
  /** Figures of 3 and more that are not years. */
  figures: Set<string>;
  countries: Set<string>;
}

interface Prepared {
  stop: Set<string>;
  /** Single-word concept forms: word beginning → concept ids. */
  conceptWords: Map<string, string[]>;
  /** Multi-word concept forms: normalised phrase → concept id. */
  conceptPhrases: Array<[string, string]>;
  arSkeleton: Map<number, string>;
  enRules: Array<[RegExp, string]>;
  keep: RegExp;
  /** Arabic suffixes, normalised, longest first. */
  suffixes: string[];
  /** Normalised word → what it contributes (see `analyseWord`). */
  words: Map<string, WordInfo>;
  /** Capitalised English word → skeleton term or -1 (see `nameSkeleton`). */
  names: Map<string, number>;
}

const preparedCache = new WeakMap<StoriesLexicon, Prepared>();

function prepare(lexicon: StoriesLexicon): Prepared {
  let p = preparedCache.get(lexicon);
  if (p) return p;
  const stop = new Set<string>();
  for (const w of lexicon.stopwords.ar) for (const s of cliticStems(normaliseArabic(w))) stop.add(s);
  for (const w of lexicon.stopwords.en) stop.add(w.toLowerCase());
  const arSkeleton = new Map<number, string>();
  for (const [letter, value] of Object.entries(lexicon.skeleton.ar)) arSkeleton.set(letter.charCodeAt(0), value);
  const enRules = lexicon.skeleton.en.map(([re, to]) => [new RegExp(re, "g"), to] as [RegExp, string]);
  const keep = new RegExp(`[^${lexicon.skeleton.keep.join("")}]`, "g");
  const conceptWords = new Map<string, string[]>();
  const conceptPhrases: Array<[string, string]> = [];
  for (const [concept, forms] of Object.entries(lexicon.concepts))
    for (const form of [...forms.ar, ...forms.en]) {
      const norm = normaliseArabic(form);
      if (norm.includes(" ")) conceptPhrases.push([norm, concept]);
      else conceptWords.set(norm, [...(conceptWords.get(norm) ?? []), concept]);
    }
  const suffixes = [...new Set(lexicon.suffixes.map((x) => normaliseArabic(x)))].sort((a, b) => b.length - a.length);
  p = { stop, arSkeleton, enRules, keep, conceptWords, conceptPhrases, suffixes, words: new Map(), names: new Map() };
  preparedCache.set(lexicon, p);
  return p;
}

const ARABIC = /[\u0621-\u064a]/;
const DIGITS = /^\d+$/;

/** Days since the epoch of an ISO date's day, or null. */
export function dayNumber(date: string | null): number | null {
  if (!date) return null;
  const t = Date.parse(`${date.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(t) ? null : Math.round(t / 86_400_000);
}

/** An English word reduced to a common stem: plural and verb endings off (killed/kills → kill). */
function englishStem(word: string): string {
  if (word.length <= 4) return word;
  if (word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.endsWith("ing") && word.length > 6) return word.slice(0, -3);
  if (word.endsWith("ed") && word.length > 5) return word.slice(0, -2);
  if (word.endsWith("s") && !word.endsWith("ss")) return word.slice(0, -1);
  return word;
}

/** The consonant skeleton of a normalised Arabic word (article and proclitics off). */
function arabicSkeleton(stem: string, p: Prepared): string {
  let out = "";
  for (let i = 0; i < stem.length; i++) {
    const c = p.arSkeleton.get(stem.charCodeAt(i));
    if (c === undefined) return "";
    if (c && !out.endsWith(c)) out += c;
  }
  return out;
}

/** Skeleton term of a capitalised English word, or -1 (a stopword, or too short); memoised per word. */
function nameSkeleton(word: string, p: Prepared): number {
  const nameCache = p.names;
  let id = nameCache.get(word);
  if (id === undefined) {
    const s = latinSkeleton(word.replace(/['’]s$/, ""), p);
    id = s.length >= MIN_SKELETON && !p.stop.has(word.toLowerCase()) ? termId("s", s) : -1;
    if (nameCache.size >= WORD_CACHE_SIZE) nameCache.clear();
    nameCache.set(word, id);
  }
  return id;
}

function latinSkeleton(word: string, p: Prepared): string {
  let w = word.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  for (const [re, to] of p.enRules) w = w.replace(re, to);
  w = w.replace(p.keep, "");
  return w.replace(/(.)\1+/g, "$1");
}

/** Letters a word may have past a concept's word beginning (plural, tense: «اتهام» → «اتهامات», charge → charged). */
const CONCEPT_SUFFIX = 3;

/** Concepts of one word (each clitic stem for Arabic). */
function wordConcepts(forms: readonly string[], p: Prepared, out: Set<string>): void {
  for (const form of forms)
    for (let len = Math.max(2, form.length - CONCEPT_SUFFIX); len <= form.length; len++) {
      const hit = p.conceptWords.get(form.slice(0, len));
      if (hit) for (const c of hit) out.add(c);
    }
}

/** Shortest stem a suffix may leave: shorter ones are too often another word. */
const MIN_SUFFIX_STEM = 3;

/** Shortest skeleton kept: two consonants match too many words by chance. */
const MIN_SKELETON = 3;

/** The text grouping compares: title, summary and the first paragraphs, furniture removed. */
function comparedText(a: StoryInput, lexicon: StoriesLexicon): string {
  const parts = [a.title ?? "", a.summary ?? ""];
  let kept = 0;
  for (const p of a.body) {
    if (kept >= GROUP.textParagraphs) break;
    if (isFurniture(p, lexicon)) continue;
    parts.push(stripFurniture(p, lexicon));
    kept++;
  }
  return parts.join("\n");
}

/** "1,200" → "1200", so a figure written with a thousands separator is one figure. */
const THOUSANDS = /(\d),(\d{3})(?!\d)/g;
/** A whole number that is not part of a date or time ("26/7/2015", "11:59") nor of a decimal ("3.5"). */
const FIGURE = /(?<![/:]\s*|\d[.,]?)\d+(?![.,]?\d|\s*[/:])/g;

/**
 * Terms are numbered once per process and kind (word, skeleton, concept, entity), so that grouping compares
 * sorted number arrays rather than strings.
 */
const termTables = { w: new Map<string, number>(), s: new Map<string, number>(), c: new Map<string, number>(), e: new Map<string, number>() };
let termCount = 0;

/** The number of a term of one kind. */
export function termId(kind: keyof typeof termTables, term: string): number {
  const table = termTables[kind];
  let id = table.get(term);
  if (id === undefined) table.set(term, (id = termCount++));
  return id;
}

/** What one normalised word contributes, computed once per distinct word (news vocabulary repeats). */
interface WordInfo {
  /** Word terms counted for text similarity (clitic stems, or the English stem); empty for a stopword. */
  terms: number[];
  /** Skeleton term (Arabic words), or -1. */
  skeleton: number;
  concepts: string[];
}

/** Distinct words remembered; past this the cache starts again (bounded memory on any corpus). */
const WORD_CACHE_SIZE = 200_000;

function isYear(n: number): boolean {
  return GROUP.years.some(([from, to]) => n >= from && n <= to);
}

function analyseWord(w: string, p: Prepared): WordInfo {
  const cache = p.words;
  const known = cache.get(w);
  if (known) return known;
  let info: WordInfo;
  if (DIGITS.test(w)) info = { terms: [], skeleton: -1, concepts: [] };
  else if (ARABIC.test(w)) {
    const stems = cliticStems(w);
    const concepts = new Set<string>();
    wordConcepts(stems, p, concepts);
    const stop = stems.some((x) => p.stop.has(x));
    const sk = stop ? "" : arabicSkeleton(stems[stems.length - 1]!, p);
    const terms = stop ? [] : stems.map((x) => termId("w", x));
    if (!stop) {
      const bare = stems[stems.length - 1]!;
      const suffix = p.suffixes.find((x) => bare.endsWith(x) && bare.length - x.length >= MIN_SUFFIX_STEM);
      if (suffix) terms.push(termId("w", bare.slice(0, -suffix.length)));
    }
    info = { terms, skeleton: sk.length >= MIN_SKELETON ? termId("s", sk) : -1, concepts: [...concepts] };
  } else {
    const concepts = new Set<string>();
    wordConcepts([w], p, concepts);
    const stop = p.stop.has(w) || w.length < 2;
    info = { terms: stop ? [] : [termId("w", englishStem(w))], skeleton: -1, concepts: [...concepts] };
  }
  if (cache.size >= WORD_CACHE_SIZE) cache.clear();
  cache.set(w, info);
  return info;
}

/** Concepts named in a normalised text (phrases and words). */
function textConcepts(norm: string, p: Prepared, out: Set<string>): void {
  for (const [phrase, concept] of p.conceptPhrases) if (norm.includes(phrase)) out.add(concept);
  for (const t of tokenize(norm)) for (const c of analyseWord(t.text, p).concepts) out.add(c);
}

/** Features of one article. */
export function features(a: StoryInput, lexicon: StoriesLexicon = storiesLexicon()): Features {
  const p = prepare(lexicon);
  const text = comparedText(a, lexicon);
  const words = new Map<number, number>();
  const cross = new Set<number>();
  const figures = new Set<string>();
  if (a.lang === "en") {
    // capitalised words (names) give skeletons; the first word of a sentence may too, which costs little
    for (const m of text.matchAll(/\b[A-Z][\p{L}'’-]{2,}/gu)) {
      const id = nameSkeleton(m[0], p);
      if (id >= 0) cross.add(id);
    }
  }
  const concepts = new Set<string>();
  const norm = normaliseArabic(text);
  // phrases are looked for in the normalised text as is: white space is one space there already
  for (const [phrase, concept] of p.conceptPhrases) if (norm.includes(phrase)) concepts.add(concept);
  for (const m of norm.replace(THOUSANDS, "$1$2").matchAll(FIGURE)) {
    const n = Number(m[0]);
    if (n >= GROUP.minFigure && !isYear(n)) figures.add(String(n));
  }
  for (const t of tokenize(norm)) {
    const info = analyseWord(t.text, p);
    for (const t of info.terms) words.set(t, (words.get(t) ?? 0) + 1);
    if (info.skeleton >= 0) cross.add(info.skeleton);
    for (const c of info.concepts) concepts.add(c);
  }
  const leads = new Set<string>();
  if (concepts.size) {
    const lead = new Set<string>();
    textConcepts(normaliseArabic(`${a.title ?? ""}\n${a.summary ?? ""}`), p, lead);
    for (const c of lexicon.developments) if (lead.has(c)) leads.add(c);
  }
  const steps = new Set<string>();
  for (const c of lexicon.developments) if (concepts.has(c) || lexicon.namedBy[c]?.some((by) => concepts.has(by))) steps.add(c);
  for (const c of concepts) cross.add(termId("c", c));
  const entities = new Set<number>();
  for (const actor of a.actors) if (actor.type !== "media") entities.add(termId("e", actor.id));
  for (const place of a.places) entities.add(termId("e", `place:${place.en.toLowerCase()}`));
  return {
    id: a.id,
    lang: a.lang,
    day: dayNumber(a.published ?? a.seen),
    words,
    cross,
    entities,
    concepts,
    leads,
    steps,
    figures,
    countries: new Set(a.countries),
  };
}
