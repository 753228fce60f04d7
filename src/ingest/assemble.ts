/**
 * Stage "assemble": classified lines → article drafts (header zone, body paragraphs, in-body captions).
 *
 * One pass over the lines. A prose line opens an article (its header zone is everything since the previous
 * article closed) or continues the open one. What stands between two prose lines decides which:
 *   - a new header block (a headline repeated within the block, or followed by a byline, date, outlet label
 *     or photo caption; a headline after a wide gap; a headline before a wire dateline; a short headline that
 *     restates the lede below it and nothing of the article above) starts a new article;
 *   - on a live blog (time-stamped updates, see {@link liveUpdates}) a stamp between paragraphs never does;
 *   - otherwise short lines there are crossheads (kept in the body) and captions (kept aside).
 * Cue lines close the open article: a related block ("مقالات ذات صلة", "إقرأ أيضاً") switches to related mode,
 * where every headline starts a new item and items with a real body become secondary articles; an attribution
 * ("المصدر: …") or a footer/comment/tag cue ends the article. A strong header block ends related mode.
 * Drafts too small to be articles (teasers: a headline and one sentence) are dropped unless they are news
 * briefs (a dated or signed header, a wire dateline, or a header shaped like the previous article's); a
 * headline-less run is kept only as the page's first article, or as the continuation of an article interrupted
 * by a link list.
 */
import type { ClassifiedLine, ClassifiedPage } from "./classify.ts";
import { headerStart, isTitleCandidate, pickTitle, readHeader, type HeaderHints, type HeaderInfo } from "./header.ts";
import { SETTINGS } from "./settings.ts";
import { contentWords, fold, formSet, scriptCounts, sharedShare } from "./text.ts";
import { boilerplate, matchPrefix } from "./boilerplate.ts";
import { namesDay } from "./dates.ts";
import { opensWithDateline } from "./dateline.ts";

export { DATELINE, LEAD_DATELINE_CHARS, opensWithDateline } from "./dateline.ts";

/** An article before metadata: where its parts are on the page. */
export interface ArticleDraft {
  /** First line of the header zone; the zone is [zoneStart, bodyStart). */
  zoneStart: number;
  /** First body paragraph. */
  bodyStart: number;
  /** Body paragraphs (prose and crossheads), as line indexes in page order. */
  body: number[];
  /** Captions found between body paragraphs. */
  captions: number[];
  /** Last line that belongs to the article (its last paragraph, or the attribution after it). */
  end: number;
  /** A full "read also" article embedded after the page's own. */
  secondary: boolean;
  /** Source named by an attribution line after the body ("المصدر: الجزيرة"). */
  attribution: string | null;
  header: HeaderInfo;
}

const { article: A, header: H } = SETTINGS;


interface Open {
  zoneStart: number;
  bodyStart: number;
  body: number[];
  prose: number;
  words: number;
  captions: number[];
  last: number;
  secondary: boolean;
  attribution: string | null;
  end: number;
  /** How often each blank-gap width occurs before this article's paragraphs. */
  gaps: Map<number, number>;
  arabic: boolean;
}

/** Assembles the drafts of a classified page, in page order. */
export function assemble(page: ClassifiedPage, hints: HeaderHints = {}): ArticleDraft[] {
  const lines = page.lines;
  const drafts: ArticleDraft[] = [];
  let cur: Open | null = null;
  /** An article a related block interrupted: it resumes if its text goes on after the block. */
  let suspended: Open | null = null;
  let mode: "main" | "related" = "main";
  let zoneStart = 0;
  const updates = liveUpdates(page);

  const open = (from: number, at: number, secondary: boolean): Open => {
    const l = lines[at]!;
    const s = scriptCounts(l.text.slice(0, 400));
    return {
      zoneStart: from,
      bodyStart: at,
      body: [at],
      prose: 1,
      words: l.words,
      captions: [],
      last: at,
      secondary,
      attribution: null,
      end: at,
      gaps: new Map(),
      arabic: s.arabic >= s.latin,
    };
  };

  const append = (o: Open, i: number, crossheads: number[], captions: number[]): void => {
    const l = lines[i]!;
    o.body.push(...crossheads, i);
    o.captions.push(...captions);
    o.prose++;
    o.words += l.words;
    o.gaps.set(l.gapBefore, (o.gaps.get(l.gapBefore) ?? 0) + 1);
    o.last = i;
    o.end = i;
  };

  const finish = (o: Open): void => {
    const header = readHeader(page, o.zoneStart, o.bodyStart, hints);
    const big =
      o.prose >= A.minParagraphs || (!o.secondary && (o.words >= A.singleParagraphMinWords || brief(page, o, header, drafts.at(-1))));
    // A headline-less run is kept only as the page's own article (the page starts with its body).
    if (big && (header.title !== null || drafts.length === 0)) drafts.push(toDraft(o, header));
  };

  const settle = (): void => {
    if (suspended) finish(suspended);
    suspended = null;
  };

  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    switch (l.kind) {
      case "prose": {
        if (cur) {
          const verdict = between(page, cur, i, mode, updates);
          if (verdict.deck) {
            // The first "paragraph" was a standfirst under the headline: the byline/date block after it shows
            // where the body really starts. It joins the header zone.
            cur = open(cur.zoneStart, i, cur.secondary);
          } else if (verdict.boundary) {
            finish(cur);
            if (verdict.strong) mode = "main";
            cur = open(cur.last + 1, i, mode === "related");
          } else append(cur, i, verdict.crossheads, verdict.captions);
          break;
        }
        if (suspended) {
          if (resumes(page, zoneStart, i)) {
            // The block was a list of links inside the article: its text goes on.
            cur = suspended;
            suspended = null;
            mode = "main";
            append(cur, i, resumedCrosshead(page, zoneStart, i), []);
            break;
          }
          settle();
        }
        if (mode === "related" && strongHeader(page, headerStart(page, zoneStart, i), i, null)) mode = "main";
        cur = open(zoneStart, i, mode === "related" && drafts.length > 0);
        break;
      }
      case "related": {
        // A related block only matters after the page's own article; one above it is a sidebar.
        if (cur || drafts.length > 0 || suspended) mode = "related";
        if (cur && !cur.secondary && !suspended) suspended = cur;
        else if (cur) finish(cur);
        cur = null;
        zoneStart = i + 1;
        break;
      }
      case "attribution":
        if (cur) {
          cur.attribution = l.value ?? null;
          cur.end = i;
          finish(cur);
          cur = null;
          zoneStart = i + 1;
        } else {
          settle();
          const last = drafts[drafts.length - 1];
          if (last && last.attribution === null && l.value) last.attribution = l.value;
        }
        break;
      case "end":
        settle();
        if (cur) {
          finish(cur);
          cur = null;
          zoneStart = i + 1;
        }
        break;
      default:
        break;
    }
  }
  settle();
  if (cur) finish(cur);
  drafts.sort((a, b) => a.bodyStart - b.bodyStart);
  return drafts;
}

/**
 * True when the prose at `at` resumes the article a related block interrupted: the block since `from` held
 * only link headlines (no teaser furniture: caption, stamp, byline, date), and either none of them heads the
 * prose (a headline-less run) or the prose opens like a continuation ("وفي سياق متصل"، "وأضاف"، "However").
 */
function resumes(page: ClassifiedPage, from: number, at: number): boolean {
  let headline = false;
  let stamped = false;
  for (let i = from; i < at; i++) {
    const l = page.lines[i]!;
    // Teaser stamps ("Published / 3 days ago") may stand in the list; a real date, byline or caption may not.
    if (l.kind === "date" && l.stamp) {
      stamped = true;
      continue;
    }
    if (l.kind === "caption" || l.kind === "label" || l.kind === "byline" || l.kind === "date" || l.kind === "prose") return false;
    if (isTitleCandidate(l)) headline = true;
  }
  if (!headline || matchPrefix(boilerplate().continuationPrefixes, page.lines[at]!.key) !== null) return true;
  // A list whose items end with their stamps, right before the text: the text is no item's teaser sentence.
  let k = at - 1;
  while (k >= from && page.lines[k]!.kind === "junk") k--;
  return stamped && k >= from && page.lines[k]!.kind === "date" && page.lines[k]!.stamp !== undefined;
}

/**
 * A short heading right above resumed text is the article's crosshead ("تبادل الرفات"), unless it is the last
 * item of the link list (a heading right under another one, with no blank line between).
 */
function resumedCrosshead(page: ClassifiedPage, from: number, at: number): number[] {
  const above = page.lines[at - 1];
  if (!above || above.index < from || above.kind !== "heading") return [];
  const before = page.lines[at - 2];
  const inList = before !== undefined && before.index >= from && before.kind === "heading" && above.gapBefore === 0;
  return !inList && above.words <= A.resumedCrossheadMaxWords && above.repeats === 1 ? [above.index] : [];
}

function toDraft(o: Open, header: HeaderInfo): ArticleDraft {
  return {
    zoneStart: o.zoneStart,
    bodyStart: o.bodyStart,
    body: o.body,
    captions: o.captions,
    end: o.end,
    secondary: o.secondary,
    attribution: o.attribution,
    header,
  };
}

/**
 * A one-paragraph news brief: a headline with its own dated or signed header (a date, byline or outlet label
 * between the headline and the paragraph), a paragraph opening with a wire dateline, or a header shaped like the
 * previous article's; and a sentence of at least `briefMinWords`. Teasers carry their stamp after the sentence,
 * or sit in a related block.
 */
function brief(page: ClassifiedPage, o: Open, header: HeaderInfo, previous: ArticleDraft | undefined): boolean {
  if (header.titleLine === null) return false;
  if (previous === undefined && feedItem(page, o, header.titleLine)) return true;
  if (o.words < A.briefMinWords) return false;
  if (opensWithDateline(page.lines[o.bodyStart]!.text)) return true;
  // "Source: Outlet" right after the paragraph names the item's source: a full header with the headline.
  if (o.attribution !== null) return true;
  // The page's first item may carry its date right above the headline ("الأحد 12 مارس 2023 / headline / text").
  if (previous === undefined && datedAbove(page, o.zoneStart, header.titleLine)) return true;
  for (let i = header.titleLine + 1; i < o.bodyStart; i++) {
    const l = page.lines[i]!;
    if ((l.kind === "date" && !l.stamp) || l.kind === "byline" || l.kind === "label") return true;
  }
  // A brief in a list of stories headed alike ("headline / 3 hours ago / text"): its header has the same shape
  // as the article just before it.
  if (!previous || previous.secondary || previous.header.titleLine === null) return false;
  const shape = headerShape(page, header.titleLine, o.bodyStart);
  return shape !== "" && shape === headerShape(page, previous.header.titleLine, previous.bodyStart);
}

/**
 * The page is one feed item: a headline, a dated header (outlet or byline lines may stand between) and this one
 * paragraph right under the date, ending the page (see classify.ts `feedItemText`).
 */
function feedItem(page: ClassifiedPage, o: Open, title: number): boolean {
  if (o.prose !== 1 || o.words < A.feedItemMinWords) return false;
  const content = page.lines.filter((l) => l.kind !== "junk");
  if (content.length > A.feedItemMaxLines || content.at(-1) !== page.lines[o.last]) return false;
  const between = page.lines.slice(title + 1, o.bodyStart).filter((l) => l.kind !== "junk");
  const date = between.at(-1);
  return date !== undefined && date.kind === "date" && !date.stamp && between.length <= 3;
}

/** True when a dated line (not a stamp) stands right above line `title`, with only junk between. */
function datedAbove(page: ClassifiedPage, from: number, title: number): boolean {
  for (let i = title - 1; i >= from; i--) {
    const l = page.lines[i]!;
    if (l.kind === "junk") continue;
    return l.kind === "date" && !l.stamp && (l.dates?.length ?? 0) > 0;
  }
  return false;
}

/** The kinds of the lines between a title and its body ("date:stamp caption"), junk left out. */
function headerShape(page: ClassifiedPage, title: number, bodyStart: number): string {
  const kinds: string[] = [];
  for (let i = title + 1; i < bodyStart; i++) {
    const l = page.lines[i]!;
    if (l.kind !== "junk") kinds.push(l.stamp ? `${l.kind}:${l.stamp}` : l.kind);
  }
  return kinds.join(" ");
}

/** The most frequent gap before this article's paragraphs (1 when unknown). */
function typicalGap(o: Open): number {
  let best = 1;
  let n = 0;
  for (const [gap, count] of o.gaps) if (count > n || (count === n && gap > best)) [best, n] = [gap, count];
  return best;
}

/**
 * True when the lines [from, to) hold the header block of a new article: a headline repeated within the block,
 * or followed by a byline, a dated line or an outlet label, or (when long enough to be a headline) by a caption;
 * a headline after a gap wider than the open article's usual one; a headline the page repeats elsewhere; or a
 * headline right before a paragraph that opens with a wire dateline. `open` is the article the lines follow
 * (null after a cue closed it: then page-wide repetition is not evidence, since related lists repeat titles).
 */
export function strongHeader(page: ClassifiedPage, from: number, to: number, open: Open | null): boolean {
  const lines = page.lines;
  let headline: ClassifiedLine | null = null;
  const seen = new Set<string>();
  // A run of link headlines between two paragraphs ("Trending", "More from …" without their cue line) is a list
  // inside the body: only real header furniture under a headline, not its layout, makes a new article there.
  const listed = open !== null && countCandidates(page, from, to) >= A.inlineListMinHeadlines;
  const layout = open !== null && !listed ? open : null;
  for (let i = from; i < to; i++) {
    const l = lines[i]!;
    if (l.kind === "heading") {
      const variants = l.variants;
      if (variants.some((v) => seen.has(v))) return true;
      for (const v of variants) seen.add(v);
      if (!isTitleCandidate(l)) continue;
      headline = l;
      const open = layout;
      if (open && l.repeats >= 2 && l.words >= A.gapHeadlineMinWords) return true;
      if (open && l.gapBefore >= A.gapBoundaryBlankLines && l.gapBefore > typicalGap(open) && l.words >= A.gapHeadlineMinWords) {
        return true;
      }
      // A headline-length line alone between paragraphs, no tighter than the paragraphs themselves, after an
      // article that already has a body: a digest of articles without furniture. Crossheads are shorter.
      if (open && open.prose >= A.minParagraphs && l.words >= A.standaloneHeadlineMinWords && l.gapBefore >= typicalGap(open)) {
        if (!/[:：]\s*$/u.test(l.text)) return true;
      }
      // A short headline alone between paragraphs: a crosshead, unless it reads as the next story's headline.
      if (open && open.prose >= A.minParagraphs && l.words < A.standaloneHeadlineMinWords && aloneBefore(page, i, to)) {
        if (shortHeadlineOpensStory(page, open, l, to)) return true;
      }
      continue;
    }
    if (!headline) continue;
    if (l.kind === "byline" || l.kind === "label") return true;
    // A teaser's time stamp ("5 days ago") is not a header's date when leaving a related block.
    if (l.kind === "date" && (open !== null || !l.stamp)) return true;
    // A caption under a headline is a header only at the top of a block (a gallery's title and captions inside
    // a body are not a new article: that needs a byline, date, source or dateline).
    if (l.kind === "caption" && headline.words >= A.gapHeadlineMinWords && !open) return true;
  }
  const next = lines[to];
  return headline !== null && next !== undefined && opensWithDateline(next.text);
}

/** Title candidates among the lines [from, to). */
function countCandidates(page: ClassifiedPage, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (isTitleCandidate(page.lines[i]!)) n++;
  return n;
}

/** True when only junk stands between line `at` and the prose at `to`. */
function aloneBefore(page: ClassifiedPage, at: number, to: number): boolean {
  for (let i = at + 1; i < to; i++) if (page.lines[i]!.kind !== "junk") return false;
  return to < page.lines.length && page.lines[to]!.kind === "prose";
}

/**
 * A short headline (3–5 words, the length of a crosshead) between two paragraphs starts a new story when it
 * reads as that story's headline and not as a section of the open one: it shares at least half its words with
 * the (two) paragraphs below and fewer than a third with the article so far; that paragraph does not open like a
 * continuation ("وتأتي …", "In addition …"); and it reads as a lede (names the day: "الخميس", "on Tuesday") or
 * the open article itself was headed the same way (a short bare headline: a digest of briefs).
 * Crossheads in the seed, sample and held-out gold fail at least one test: they share nothing with the text
 * below, or repeat the article's words, or head a paragraph that continues ("في المقابل"، "من جهة أخرى").
 */
function shortHeadlineOpensStory(page: ClassifiedPage, open: Open, h: ClassifiedLine, next: number): boolean {
  // "HOPES FOR PUTIN TALKS": English pages set crossheads in capitals; their headlines are in title or sentence case.
  if (ALL_CAPS_LATIN.test(h.text) && !/\p{Ll}/u.test(h.text)) return false;
  const lex = boilerplate();
  const words = contentWords(h.key, lex.functionWords);
  const lede = page.lines[next]!;
  const below = contentWords(lede.key, lex.functionWords);
  const second = page.lines[next + 1];
  if (second?.kind === "prose") below.push(...contentWords(second.key, lex.functionWords));
  if (words.length === 0 || sharedShare(words, formSet(below)) < A.shortHeadlineMinLedeShare) return false;
  const before: string[] = [];
  for (const i of open.body) before.push(...contentWords(page.lines[i]!.key, lex.functionWords));
  if (sharedShare(words, formSet(before)) >= A.shortHeadlineMaxPriorShare) return false;
  if (opensLikeContinuation(lede.key, lex)) return false;
  if (namesDay(lede.text.slice(0, LEDE_DAY_CHARS))) return true;
  const zone = headerStart(page, open.zoneStart, open.bodyStart);
  const picked = pickTitle(page, zone, open.bodyStart);
  const title = picked === null ? null : page.lines[picked.line]!;
  return title !== null && title.words < A.standaloneHeadlineMinWords && !headerFurniture(page, zone, open.bodyStart);
}

/** A line in Latin capitals (a crosshead on English pages); checked together with "no lower-case letter". */
const ALL_CAPS_LATIN = /^[^\p{Ll}]*\p{Lu}{2}/u;

/** Characters at the start of a lede searched for the day it names. */
const LEDE_DAY_CHARS = 200;

/**
 * True when a paragraph opens like the continuation of a story: a continuation cue ("وأضاف", "من جهة أخرى",
 * "However"), or an Arabic verb or clause with a leading "و" ("وتأتي", "ويرى", "وأوضح").
 */
function opensLikeContinuation(key: string, lex: ReturnType<typeof boilerplate>): boolean {
  if (matchPrefix(lex.continuationPrefixes, key) !== null) return true;
  const space = key.indexOf(" ");
  const first = space < 0 ? key : key.slice(0, space);
  return /^و[تيا]\p{L}{2,}$/u.test(first);
}

/** True when the zone [from, to) holds header furniture: a byline, date, outlet label or caption. */
function headerFurniture(page: ClassifiedPage, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const k = page.lines[i]!.kind;
    if (k === "byline" || k === "date" || k === "label" || k === "caption") return true;
  }
  return false;
}


/** What lies between the open article's last paragraph and the next prose line at `next`. */
function between(
  page: ClassifiedPage,
  o: Open,
  next: number,
  mode: "main" | "related",
  updates: ReadonlySet<number>,
): { boundary: boolean; strong: boolean; deck?: boolean; crossheads: number[]; captions: number[] } {
  const from = o.last + 1;
  const lines = page.lines;
  // A wire dateline ("TUNIS -") opens the body's first paragraph: a paragraph above it is the standfirst.
  // ("وأضاف المصدر - الذي …" is a sentence with a dash, not a dateline.)
  if (o.body.length === 1 && lines[o.bodyStart]!.words <= H.deckMaxWords && opensWithDateline(lines[next]!.text)) {
    if (!opensWithDateline(lines[o.bodyStart]!.text) && !opensLikeContinuation(lines[next]!.key, boilerplate())) {
      return { boundary: false, strong: false, deck: true, crossheads: [], captions: [] };
    }
  }
  if (from === next) return { boundary: false, strong: false, crossheads: [], captions: [] };
  if (updates.size > 0 && hasUpdate(updates, from, next)) return liveUpdate(page, o, from, next);
  const strong = strongHeader(page, headerStart(page, from, next), next, o);
  if (strong) return { boundary: true, strong: true, crossheads: [], captions: [] };
  // A short first "paragraph" with no headline above it, then a headline: the paragraph was a deck or kicker
  // printed above the title ("مقاطعة في الشرق … الوضع ممتاز!" / "ليبيا ما بعد الانتخابات…").
  if (o.body.length === 1 && lines[o.bodyStart]!.words <= A.deckAboveTitleMaxWords && countCandidates(page, o.zoneStart, o.bodyStart) === 0) {
    for (let i = from; i < next; i++) {
      const l = lines[i]!;
      if (isTitleCandidate(l) && l.words >= A.gapHeadlineMinWords) return { boundary: false, strong: false, deck: true, crossheads: [], captions: [] };
    }
  }
  if (o.body.length === 1 && lines[o.bodyStart]!.words <= H.deckMaxWords) {
    let furniture = false;
    for (let i = from; i < next && !furniture; i++) furniture = ["byline", "date", "label"].includes(lines[i]!.kind);
    if (furniture) return { boundary: false, strong: false, deck: true, crossheads: [], captions: [] };
  }
  const headings: ClassifiedLine[] = [];
  const captions: number[] = [];
  for (let i = from; i < next; i++) {
    const l = lines[i]!;
    if (l.kind === "heading") headings.push(l);
    else if (l.kind === "caption") captions.push(i);
  }
  if (mode === "related" && headings.some((h) => h.words >= H.titleMinWords)) {
    return { boundary: true, strong: false, crossheads: [], captions: [] };
  }
  const crossheads =
    headings.length <= A.crossheadMaxRun ? headings.filter((h) => isCrosshead(h, o)).map((h) => h.index) : [];
  return { boundary: false, strong: false, crossheads, captions };
}

/**
 * The time stamps of a live blog's updates: clock or relative stamps ("18:05", "١٠:٤٥", "منذ ساعة") each followed
 * by a paragraph (on a page marked live, an update's short headline may stand between), and not under a
 * headline. A page with `article.liveMinUpdates` of them is a live blog; otherwise the set is empty and stamps
 * are ordinary header furniture.
 */
function liveUpdates(page: ClassifiedPage): Set<number> {
  const out = new Set<number>();
  const lines = page.lines;
  const lex = boilerplate();
  const marked = lines.some((l) => isLiveMarker(l, lex));
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.kind !== "date" || !lines[i]!.stamp) continue;
    // "Headline / منذ ساعتين / text" is an item of a multi-article page (its stamp belongs to its headline), and
    // "name / منذ ساعة / text" a reader's comment: an update's stamp follows the previous update or the header.
    let k = i - 1;
    while (k >= 0 && lines[k]!.kind === "junk") k--;
    if (k >= 0 && lines[k]!.kind === "heading") continue;
    let j = i + 1;
    while (j < lines.length && lines[j]!.kind === "junk") j++;
    // "10:45 / headline / text" is an update with its own headline only on a page that says it is live; elsewhere
    // it is an item of a list of timed stories.
    if (marked && lines[j]?.kind === "heading" && lines[j]!.words <= H.titleMaxWords) j++;
    if (lines[j]?.kind === "prose") out.add(i);
  }
  return out.size >= A.liveMinUpdates ? out : new Set();
}

/** True for a live-blog marker line ("بث مباشر") or a headline opening with one ("مباشر | …", "Live updates: …"). */
function isLiveMarker(l: ClassifiedLine, lex: ReturnType<typeof boilerplate>): boolean {
  if (l.key === "" || l.words > H.titleMaxWords) return false;
  const marker = matchPrefix(lex.liveMarkers, l.key);
  if (marker === null) return false;
  if (marker === l.key) return true;
  const cut = /\s*[|:：\-–—]\s/u.exec(l.text);
  return cut !== null && fold(l.text.slice(0, cut.index)) === marker;
}

function hasUpdate(updates: ReadonlySet<number>, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (updates.has(i)) return true;
  return false;
}

/**
 * Between two updates of a live blog: the stamp is not a header (the blog is one article), the update's short
 * headline stays in the body as a crosshead, and captions stay captions.
 */
function liveUpdate(
  page: ClassifiedPage,
  o: Open,
  from: number,
  next: number,
): { boundary: boolean; strong: boolean; crossheads: number[]; captions: number[] } {
  const headings: ClassifiedLine[] = [];
  const captions: number[] = [];
  for (let i = from; i < next; i++) {
    const l = page.lines[i]!;
    if (l.kind === "heading") headings.push(l);
    else if (l.kind === "caption") captions.push(i);
  }
  const crossheads = headings.length <= A.crossheadMaxRun ? headings.filter((h) => isCrosshead(h, o)).map((h) => h.index) : [];
  return { boundary: false, strong: false, crossheads, captions };
}

/** A short line kept inside a body: not repeated, short, and in the article's script when a single word. */
function isCrosshead(h: ClassifiedLine, o: Open): boolean {
  if (h.repeats > 1 || h.words > A.crossheadMaxWords || h.words < 1) return false;
  if (h.words === 1) {
    const s = scriptCounts(h.text);
    return o.arabic ? s.arabic > 0 : s.latin > 0;
  }
  return true;
}
