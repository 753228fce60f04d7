/**
 * Header zones: the lines between an article's start and its first body paragraph. Reads the title, the
 * subtitle (kicker or deck), captions, source label, byline and dateline from them.
 *
 * The title is, in order of evidence: the headline the zone repeats (pages print it two or three times,
 * sometimes as "Outlet - headline" or without quotes); the headline the HTML metadata names; a headline the page
 * repeats elsewhere; else the headline nearest the body (a very short line right above it is a kicker). A body
 * paragraph is never promoted: when the zone has no headline-like line the title is null.
 */
import { looksLikeOutlet, type ClassifiedLine, type ClassifiedPage } from "./classify.ts";
import { SETTINGS } from "./settings.ts";
import { countWords, fold } from "./text.ts";

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
  if (line.kind !== "heading" || line.words < H.titleMinWords || line.words > H.titleMaxWords) return false;
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
    if (headlineAfter && endsTeaserItem(l)) return i + 1;
    if (isTitleCandidate(l)) headlineAfter = true;
  }
  return zoneStart;
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

/** Picks the title line and key in a zone; null when the zone has no headline-like line. */
export function pickTitle(
  page: ClassifiedPage,
  zoneStart: number,
  bodyStart: number,
  hints: HeaderHints = {},
): { line: number; key: string; kicker: number | null; deck: number | null } | null {
  const zone = page.lines.slice(zoneStart, bodyStart);
  const candidates = zone.filter(isTitleCandidate);
  if (candidates.length === 0) return null;
  const choose = (c: ClassifiedLine, key = c.key) => ({ line: c.index, key, kicker: null, deck: null });

  // 1. Repeated within the zone (headline + "Outlet - headline" + repeated headline block).
  let best: { c: ClassifiedLine; key: string; n: number } | null = null;
  for (const c of candidates) {
    for (const key of c.variants) {
      const n = countIn(page, key, zoneStart, bodyStart).length;
      if (n >= 2 && (!best || n > best.n)) best = { c, key, n };
    }
  }
  if (best) return withKickerAndDeck(page, zoneStart, bodyStart, choose(firstCarrier(page, best.key, zoneStart, bodyStart, best.c), best.key));

  // 2. Named by the HTML metadata.
  const meta = hints.metaTitle ? fold(hints.metaTitle) : "";
  if (meta) {
    const hit = candidates.find((c) => c.key === meta || (meta.includes(c.key) && c.words >= H.titleMinWords + 2));
    if (hit) return withKickerAndDeck(page, zoneStart, bodyStart, choose(hit));
  }

  // 3. Repeated elsewhere on the page (a page-title line, a list of the day's headlines): nearest the body.
  for (let i = candidates.length - 1; i >= 0; i--) {
    const c = candidates[i]!;
    if (c.repeats >= 2) return withKickerAndDeck(page, zoneStart, bodyStart, choose(c));
  }

  // 4. The headline nearest the body; a pair of adjacent headlines is kicker + title or title + deck.
  const nearest = candidates[candidates.length - 1]!;
  const above = page.lines[nearest.index - 1];
  const aboveAbove = page.lines[nearest.index - 2];
  // Two adjacent headlines are kicker + title or title + deck; three or more in a row are a list of links,
  // and the last one, right above the body, is the title.
  const inList = aboveAbove !== undefined && aboveAbove.index >= zoneStart && isTitleCandidate(aboveAbove);
  if (above && above.index >= zoneStart && isTitleCandidate(above) && !inList) {
    if (above.words <= H.kickerMaxWords) {
      return { line: nearest.index, key: nearest.key, kicker: above.words >= H.kickerMinWords ? above.index : null, deck: null };
    }
    return { line: above.index, key: above.key, kicker: null, deck: nearest.index };
  }
  return withKickerAndDeck(page, zoneStart, bodyStart, choose(nearest));
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
  const deck = below && below.index < bodyStart && deckKind && below.words >= H.titleMinWords && notTitle(below) && below.repeats === 1;
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
    info.captions.push(l.text);
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
        if (afterFirst && l.dateline && i === bodyStart - 1) info.dateline ??= l.dateline;
        break;
      case "byline":
        if (l.value && looksLikeOutlet(l.value)) labelAfter ??= l.value;
        else if (l.value) info.author ??= l.value;
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
