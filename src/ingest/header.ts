/**
 * Header zones: the lines between an article's start and its first body paragraph. Reads the title, the
 * subtitle (kicker or deck), captions, source label, byline and dateline from them.
 *
 * The title is the best-scoring headline-like line of the zone (see {@link pickTitle}): the zone repeating it
 * (pages print it two or three times, sometimes as "Outlet - headline" or without quotes) and the HTML metadata
 * naming it weigh most, then the page repeating it, the vocabulary it shares with the first paragraphs, header
 * furniture or the body right under it, and its length; digit-heavy lines and bare names are penalised. Two
 * adjacent headlines are kicker + title or title + deck. A body paragraph is never promoted: when the zone has
 * no headline-like line the title is null.
 */
import { boilerplate } from "./boilerplate.ts";
import { looksLikeOutlet, type ClassifiedLine, type ClassifiedPage } from "./classify.ts";
import { findDates } from "./dates.ts";
import { SETTINGS } from "./settings.ts";
import { stackRole } from "./stack.ts";
import { DIGIT, DIGIT_CLASS } from "../text/digits.ts";
import { NAMES } from "./lexicon/names.ts";
import { contentWords, countWords, fold, formSet, sharedCount } from "./text.ts";

/** What a header zone says about its article. Indexes are line indexes of the page. */
export interface HeaderInfo {
  /** The title text (verbatim, outlet prefix removed), or null. */
  title: string | null;
  /** Line holding the title's first occurrence in the zone. */
  titleLine: number | null;
  /** Last line in the zone carrying the title (itself or as a variant). */
  titleLastLine: number | null;
  subtitle: string | null;
  subtitleLine: number | null;
  /** Caption texts, de-duplicated, in page order. */
  captions: string[];
  source: string | null;
  /** News agency a "By …" byline credits ("By Jane Doe Reuters"); the article's source before the masthead. */
  agency: string | null;
  author: string | null;
  dateline: string | null;
}

/** Optional evidence from outside the text lines (HTML metadata). */
export interface HeaderHints {
  /** og:title / <title> / first <h1>, as given. */
  metaTitle?: string | null;
}

const { header: H, line: L } = SETTINGS;

/** True for a heading that may be a title. */
export function isTitleCandidate(line: ClassifiedLine): boolean {
  if (line.kind !== "heading" || line.words < H.titleMinWords || line.words > H.titleMaxWords || line.brand) return false;
  // "بوابة المستقبل نيوز", "The Libya Observer": an outlet's name, not a headline.
  return line.words > OUTLET_NAME_MAX_WORDS || !line.outlet;
}

/** Longest line that may be an outlet's name rather than a headline. */
const OUTLET_NAME_MAX_WORDS = 3;

/**
 * True for a line that ends one item of a list of teasers: an outlet stamp under a teaser ("«الشرق الأوسط»
 * (باريس)", "بيروت ـ مصر اليوم"), a list bullet, or a teaser sentence too long for a headline.
 */
function endsTeaserItem(line: ClassifiedLine): boolean {
  if (line.kind === "label") return line.dateline !== undefined;
  if (line.kind === "bullet") return true;
  return line.kind === "heading" && line.words > H.titleMaxWords && line.repeats === 1;
}

/**
 * Where the header of the article whose body starts at `bodyStart` really begins: after the last line in
 * [zoneStart, bodyStart) that ends a teaser item and is followed by a headline. A zone after a related block
 * holds several teasers (headline, sentence, stamp); only the last headline group heads this body.
 */
export function headerStart(page: ClassifiedPage, zoneStart: number, bodyStart: number): number {
  let headlineAfter = false;
  for (let i = bodyStart - 1; i >= zoneStart; i--) {
    const l = page.lines[i]!;
    if (headlineAfter && endsTeaserItem(l) && !(isLongDeck(l) && datedHeadlineAbove(page, zoneStart, i))) return i + 1;
    if (isTitleCandidate(l)) headlineAfter = true;
  }
  return zoneStart;
}

/** A heading too long to be a title: a teaser sentence, or one of several deck lines under a headline. */
function isLongDeck(l: ClassifiedLine): boolean {
  return l.kind === "heading" && l.words > H.titleMaxWords;
}

/**
 * True when the zone [from, at) opens with a headline followed by its date: the zone is one article's header,
 * and the long lines under it are its deck lines ("headline / date / deck / deck / headline / byline"), not the
 * sentences of a teaser list (a teaser list has no date between its first headline and its first sentence).
 */
function datedHeadlineAbove(page: ClassifiedPage, from: number, at: number): boolean {
  for (let i = from; i < at - 1; i++) {
    const l = page.lines[i]!;
    if (l.kind === "prose" || l.kind === "related" || endsTeaserItem(l)) return false;
    if (!isTitleCandidate(l)) continue;
    const next = page.lines[i + 1]!;
    return next.kind === "date" && !next.stamp && (next.dates?.length ?? 0) > 0;
  }
  return false;
}

/** Lines in [from, to) carrying `key` (as text or variant). Occurrence lists are sorted: binary search. */
function countIn(page: ClassifiedPage, key: string, from: number, to: number): number[] {
  const list = page.occurrences.get(key) ?? [];
  return list.slice(lowerBound(list, from), lowerBound(list, to));
}

/** First position in sorted `list` whose value is ≥ `x`. */
function lowerBound(list: readonly number[], x: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Verbatim title text for `key` from a line that carries it, dropping an "Outlet - " part when needed. */
function titleText(line: ClassifiedLine, key: string): { text: string; rest: string | null } {
  if (line.key === key) return { text: line.text, rest: null };
  const parts = line.text.split(/\s+[-–—ـ|]\s+|\s*\|\s*/u);
  const hit = parts.findIndex((p) => fold(p) === key);
  if (hit >= 0) {
    const rest = parts.filter((_, i) => i !== hit).join(" ").trim();
    return { text: parts[hit]!.trim(), rest: rest || null };
  }
  // A doubled line "X X": the first half, verbatim.
  const words = line.text.split(/\s+/);
  const half = Math.floor(words.length / 2);
  return { text: words.slice(0, half).join(" "), rest: null };
}

/** A title candidate with its score and the evidence behind it. */
export interface ScoredTitle {
  c: ClassifiedLine;
  /** Key the title is read under (the line's own, or the variant the zone repeats). */
  key: string;
  score: number;
  /** True when the zone repeats the line or the HTML metadata names it: no kicker/deck guessing then. */
  named: boolean;
}

/**
 * Picks the title line and key in a zone; null when the zone has no headline-like line.
 *
 * Every headline-like line of the zone is scored on features rather than taken by the first rule that fits:
 * the zone repeats it (the strongest evidence: pages print their headline two or three times); the HTML
 * metadata names it; the page repeats it elsewhere; it shares its vocabulary with the first paragraphs (a
 * headline states the story its lede tells; furniture shares nothing with it); header furniture (byline, date,
 * label, caption) or the body follows it; it is the headline nearest the body. Lines mostly made of digits and
 * short Title-Case lines (a person's or a section's name) are penalised. Two adjacent headlines of similar
 * score are kicker + title (the upper one short) or title + deck.
 */
export function pickTitle(
  page: ClassifiedPage,
  zoneStart: number,
  bodyStart: number,
  hints: HeaderHints = {},
): { line: number; key: string; kicker: number | null; deck: number | null } | null {
  const scored = scoreTitles(page, zoneStart, bodyStart, hints);
  if (scored.length === 0) return null;
  let best = scored[0]!;
  for (const t of scored) if (t.score >= best.score) best = t;
  if (best.score < TITLE_MIN_SCORE) return null;
  if (best.named) {
    const first = firstCarrier(page, best.key, zoneStart, bodyStart, best.c);
    return withKickerAndDeck(page, zoneStart, bodyStart, { line: first.index, key: best.key, kicker: null, deck: null });
  }
  // Two adjacent headlines are kicker + title or title + deck; three or more in a row are a list of links, and
  // the best of them is the title alone.
  const byIndex = new Map(scored.map((t) => [t.c.index, t]));
  const above = byIndex.get(best.c.index - 1);
  const inList = byIndex.has(best.c.index - 2) || (above !== undefined && byIndex.has(best.c.index + 1));
  if (above && !inList && above.score >= best.score - TITLE_PAIR_MARGIN) {
    // A kicker opens like one ("after …", a verb whose subject is the speaker below); a headline over a quote
    // of its speaker is the title, the quote its deck (stack.ts). Otherwise the shorter upper line is the kicker.
    const role = stackRole(above.c.text, best.c.text);
    if (role === "kicker") return { line: best.c.index, key: best.key, kicker: above.c.index, deck: null };
    if (role === "title") return { line: above.c.index, key: above.key, kicker: null, deck: best.c.index };
    if (above.c.words <= H.kickerMaxWords) {
      return { line: best.c.index, key: best.key, kicker: above.c.words >= H.kickerMinWords ? above.c.index : null, deck: null };
    }
    return { line: above.c.index, key: above.key, kicker: null, deck: photoDated(best.c) ? null : best.c.index };
  }
  // The best line on top of a stack of two that opens like a kicker: the headline is the line below it.
  const below = byIndex.get(best.c.index + 1);
  if (below && !above && !byIndex.has(best.c.index + 2) && below.score > TITLE_MIN_SCORE && stackRole(best.c.text, below.c.text) === "kicker") {
    return { line: below.c.index, key: below.key, kicker: best.c.index, deck: null };
  }
  return withKickerAndDeck(page, zoneStart, bodyStart, { line: best.c.index, key: best.key, kicker: null, deck: null });
}

/** The headline-like lines of the zone [zoneStart, bodyStart), each with its title score (see {@link pickTitle}). */
export function scoreTitles(page: ClassifiedPage, zoneStart: number, bodyStart: number, hints: HeaderHints = {}): ScoredTitle[] {
  const candidates = page.lines.slice(zoneStart, bodyStart).filter(isTitleCandidate);
  if (candidates.length === 0) return [];
  const lex = boilerplate();
  const lede = ledeForms(page, bodyStart, lex.functionWords);
  const meta = hints.metaTitle ? fold(hints.metaTitle) : "";
  const nearest = candidates[candidates.length - 1]!;
  return candidates.map((c): ScoredTitle => {
    let key = c.key;
    let score = 0;
    let named = false;
    let repeated = 0;
    for (const v of c.variants) {
      const n = countIn(page, v, zoneStart, bodyStart).length;
      if (n >= 2 && n > repeated) [repeated, key] = [n, v];
    }
    if (repeated >= 2) {
      score += TITLE_WEIGHTS.zoneRepeat;
      named = true;
    } else if (meta && (c.key === meta || (meta.includes(c.key) && c.words >= H.titleMinWords + 2))) {
      score += TITLE_WEIGHTS.meta;
      named = true;
    }
    if (c.repeats >= 2) score += TITLE_WEIGHTS.pageRepeat;
    // Shared words over the line's length plus one: a 3-word section name sharing its country with the lede
    // must not match a headline sharing several names.
    const words = contentWords(key, lex.functionWords);
    score += (TITLE_WEIGHTS.lede * sharedCount(words, lede)) / (words.length + 1);
    if (c === nearest) score += TITLE_WEIGHTS.nearest;
    const below = headerBelow(page, c.index, bodyStart);
    if (below === "furniture") score += TITLE_WEIGHTS.headerBelow;
    else if (below === "body") score += TITLE_WEIGHTS.bodyBelow;
    if (c.words >= TITLE_SENTENCE_MIN_WORDS) score += TITLE_WEIGHTS.sentenceLength;
    score += shapePenalty(c);
    if (photoDated(c)) score += TITLE_WEIGHTS.dated;
    return { c, key, score, named };
  });
}

/**
 * Weights of the title score. The lede term is 3 × (words shared with the first paragraphs) / (content words + 1).
 * Calibration on the seed, sample and held-out pages and the fixtures: headlines without a repeat score 2.8–4.7;
 * the best other line of their zone (ticker, slogan, section, teaser headline) 1.9 at most, except a deck right
 * under the headline (2.0–3.4, resolved as a pair) and a dated photo caption (2.7, penalised). A zone repeat (4)
 * or the metadata title (3) outweighs any of it, as when the rules were ordered.
 */
const TITLE_WEIGHTS = {
  zoneRepeat: 4,
  meta: 3,
  pageRepeat: 1.5,
  lede: 3,
  nearest: 0.5,
  /** Byline, date, label or caption under the line: the header block of the story. */
  headerBelow: 1,
  /** The body right under the line (a section label can sit there too). */
  bodyBelow: 0.5,
  /** A headline is a sentence: 5 words or more (section and outlet names have 1–4). */
  sentenceLength: 0.5,
  /** A line at least this share digits ("صنعاء 18° | عدن 29°") is a widget. */
  digits: -2,
  /** A short Title-Case line is a name ("Hassan Sheikh Mohamud", "Middle East Lens"). */
  nameOnly: -1,
  /** A line dating a scene ("… on March 2, 2025") is a photo caption (see photoDated). */
  dated: -1,
} as const;
/** Words from which a line has a headline's length (section and outlet names: 1–4; headlines: 5–18). */
const TITLE_SENTENCE_MIN_WORDS = 5;
/** Share of a line's words holding a digit from which it is penalised (headlines with a year: 1 in 8–16). */
const TITLE_DIGIT_SHARE = 0.34;
/** Longest line penalised as a bare Title-Case name ("Hassan Sheikh Mohamud"; 4-word headlines exist). */
const TITLE_NAME_MAX_WORDS = 3;
/** A best score below this is no title (only penalised lines were left). */
const TITLE_MIN_SCORE = 0;
/** The headline above the best one is its kicker or title when it scores at most this much lower. */
const TITLE_PAIR_MARGIN = 1.5;
/** Body paragraphs whose vocabulary a headline is compared with. */
const LEDE_PARAGRAPHS = 3;
/** Lines after the body start searched for those paragraphs. */
const LEDE_WINDOW = 12;

/** Forms of the content words of the first paragraphs from `bodyStart`. */
function ledeForms(page: ClassifiedPage, bodyStart: number, skip: ReadonlySet<string>): Set<string> {
  const words: string[] = [];
  let n = 0;
  for (let i = bodyStart; i < Math.min(page.lines.length, bodyStart + LEDE_WINDOW) && n < LEDE_PARAGRAPHS; i++) {
    const l = page.lines[i]!;
    if (l.kind !== "prose") continue;
    n++;
    words.push(...contentWords(l.key || fold(l.text.slice(0, 2000)), skip));
  }
  return formSet(words);
}

/**
 * What follows line `at` down to the body, skipping junk and at most one deck line: header furniture (a byline,
 * date, label or caption), the body itself, or something else (null: another headline, a list).
 */
function headerBelow(page: ClassifiedPage, at: number, bodyStart: number): "furniture" | "body" | null {
  let deck = false;
  for (let i = at + 1; i <= bodyStart; i++) {
    const l = page.lines[i];
    if (!l || i === bodyStart) return "body";
    if (l.kind === "byline" || l.kind === "date" || l.kind === "label" || l.kind === "caption") return "furniture";
    if (l.kind === "junk") continue;
    if (l.kind === "heading" && !deck) {
      deck = true;
      continue;
    }
    return null;
  }
  return "body";
}

/** Lower-case particles inside a Latin-script name ("Ali al-Sayed"), for the name-only headline check. */
const TITLE_NAME_PARTICLES = new Set(NAMES.title_name_particles);

/** Penalties for lines shaped like widgets or names rather than statements. */
function shapePenalty(c: ClassifiedLine): number {
  let p = 0;
  const tokens = c.text.split(/\s+/u).filter((t) => /[\p{L}\p{N}]/u.test(t));
  if (tokens.length > 0 && tokens.filter((t) => DIGIT.test(t)).length / tokens.length >= TITLE_DIGIT_SHARE) p += TITLE_WEIGHTS.digits;
  if (c.words <= TITLE_NAME_MAX_WORDS && tokens.every((t) => /^[\p{Lu}"'“‘(]/u.test(t) || TITLE_NAME_PARTICLES.has(t.replace(/-.*$/u, "")))) {
    if (tokens.some((t) => /\p{Lu}/u.test(t))) p += TITLE_WEIGHTS.nameOnly;
  }
  return p;
}


/** The first line in the zone whose own text is `key`, else the first that carries it as a variant. */
function firstCarrier(page: ClassifiedPage, key: string, from: number, to: number, fallback: ClassifiedLine): ClassifiedLine {
  const carriers = countIn(page, key, from, to).map((i) => page.lines[i]!);
  return carriers.find((l) => l.key === key) ?? carriers[0] ?? fallback;
}

/** Adds the kicker (headline right above the title) and deck (headline right below its first occurrence). */
function withKickerAndDeck(
  page: ClassifiedPage,
  zoneStart: number,
  bodyStart: number,
  t: { line: number; key: string; kicker: number | null; deck: number | null },
): { line: number; key: string; kicker: number | null; deck: number | null } {
  const above = page.lines[t.line - 1];
  const below = page.lines[t.line + 1];
  // An outlet label under the headline ("بوابة المستقبل نيوز") is the source, not a deck.
  const notTitle = (l: ClassifiedLine) => !lineCarries(l, t.key) && !(l.words <= H.labelMaxWords && l.outlet);
  const deckKind = below?.kind === "heading" || (below?.kind === "prose" && below.words <= H.deckMaxWords);
  const deck =
    below && below.index < bodyStart && deckKind && below.words >= H.titleMinWords && notTitle(below) && below.repeats === 1 && !photoDated(below);
  // A headline above the title is its kicker unless it is the last of a list of headlines.
  const aboveAbove = page.lines[t.line - 2];
  const listAbove = aboveAbove !== undefined && aboveAbove.index >= zoneStart && isTitleCandidate(aboveAbove);
  const kicker =
    above &&
    above.index >= zoneStart &&
    above.kind === "heading" &&
    above.words >= H.kickerMinWords &&
    notTitle(above) &&
    above.repeats === 1 &&
    !listAbove;
  return { ...t, deck: deck ? below.index : null, kicker: kicker ? above.index : null };
}

/** True when a headline-like line stands in (at, to): what is above it then heads another item. */
function headlineBetween(page: ClassifiedPage, at: number, to: number): boolean {
  for (let i = at + 1; i < to; i++) if (isTitleCandidate(page.lines[i]!)) return true;
  return false;
}

/**
 * True for a line that dates a scene ("… meet in Port Sudan on November 4, 2025", "… بغداد، 3 مارس 2025"): a
 * photo caption under the headline, not a deck (a standfirst states the story; it does not date a picture).
 */
function photoDated(line: ClassifiedLine): boolean {
  if (!YEAR_DIGITS.test(line.text)) return false;
  return findDates(line.text).some((d) => d.kind !== "relative" && d.precision === "day" && d.label === undefined);
}

/** A four-digit year: the only lines worth searching for a full date. */
const YEAR_DIGITS = new RegExp(`${DIGIT_CLASS}{4}`, "u");

function lineCarries(line: ClassifiedLine, key: string): boolean {
  return line.key === key || line.key.includes(key);
}

/** Reads a header zone [zoneStart, bodyStart). */
export function readHeader(page: ClassifiedPage, zoneFrom: number, bodyStart: number, hints: HeaderHints = {}): HeaderInfo {
  const zoneStart = headerStart(page, zoneFrom, bodyStart);
  const info: HeaderInfo = {
    title: null,
    titleLine: null,
    titleLastLine: null,
    subtitle: null,
    subtitleLine: null,
    captions: [],
    source: null,
    agency: null,
    author: null,
    dateline: null,
  };
  const picked = pickTitle(page, zoneStart, bodyStart, hints);
  let titleRest: string | null = null;
  if (picked) {
    const carrier = page.lines[picked.line]!;
    const { text, rest } = titleText(carrier, picked.key);
    info.title = text;
    titleRest = rest;
    info.titleLine = picked.line;
    const carriers = countIn(page, picked.key, zoneStart, bodyStart);
    info.titleLastLine = carriers[carriers.length - 1] ?? picked.line;
    const sub = picked.deck ?? picked.kicker;
    if (sub !== null) {
      info.subtitle = page.lines[sub]!.text;
      info.subtitleLine = sub;
    }
  }
  const afterTitle = info.titleLastLine ?? zoneStart - 1;
  const titleKey = picked?.key ?? null;
  const seenCaptions = new Set<string>();
  const addCaption = (l: ClassifiedLine) => {
    if (seenCaptions.has(l.key)) return;
    seenCaptions.add(l.key);
    info.captions.push(l.caption ?? l.text);
  };
  let labelBefore: string | null = null;
  let labelAfter: string | null = null;
  for (let i = zoneStart; i < bodyStart; i++) {
    const l = page.lines[i]!;
    const afterFirst = info.titleLine !== null && i > info.titleLine;
    switch (l.kind) {
      case "caption":
        addCaption(l);
        break;
      case "label":
        if (afterFirst || info.titleLine === null) labelAfter ??= l.value ?? null;
        else labelBefore = l.value ?? labelBefore;
        // "بيروت ـ مصر اليوم", "Outlet - City" under the headline (or heading a title-less article).
        if ((afterFirst || info.titleLine === null) && l.dateline && !headlineBetween(page, i, bodyStart)) info.dateline ??= l.dateline;
        break;
      case "byline":
        // Names before a credited agency are people, even with an outlet-like word ("Al-Khalidi").
        if (l.value && !l.agency && looksLikeOutlet(l.value)) labelAfter ??= l.value;
        else if (l.value) info.author ??= l.value;
        if (l.agency) info.agency ??= l.agency;
        if (l.dateline) info.dateline ??= l.dateline;
        break;
      case "heading": {
        if (i === info.subtitleLine || (titleKey && lineCarries(l, titleKey))) break;
        if (i > afterTitle && l.words <= H.labelMaxWords && l.outlet) labelAfter ??= l.text;
        else if (i > afterTitle && l.words >= H.titleMinWords + 1 && l.repeats === 1) addCaption(l);
        break;
      }
      default:
        break;
    }
  }
  info.source = labelAfter ?? labelBefore ?? (titleRest && countWords(titleRest) <= H.labelMaxWords ? titleRest : null);
  return info;
}
