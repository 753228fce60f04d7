/**
 * Stage "assemble": classified lines → article drafts (header zone, body paragraphs, in-body captions).
 *
 * One pass over the lines. A prose line opens an article (its header zone is everything since the previous
 * article closed) or continues the open one. What stands between two prose lines decides which:
 *   - a new header block (a headline repeated within the block, or followed by a byline, date, outlet label
 *     or photo caption; a headline after a wide gap; a headline before a wire dateline) starts a new article;
 *   - otherwise short lines there are crossheads (kept in the body) and captions (kept aside).
 * Cue lines close the open article: a related block ("مقالات ذات صلة", "إقرأ أيضاً") switches to related mode,
 * where every headline starts a new item and items with a real body become secondary articles; an attribution
 * ("المصدر: …") or a footer/comment/tag cue ends the article. A strong header block ends related mode.
 * Drafts too small to be articles (teasers: a headline and one sentence) are dropped; a headline-less run
 * is kept only as the page's first article, or as the continuation of an article interrupted by a link list.
 */
import { lineVariants, type ClassifiedLine, type ClassifiedPage } from "./classify.ts";
import { headerStart, isTitleCandidate, readHeader, type HeaderHints, type HeaderInfo } from "./header.ts";
import { SETTINGS } from "./settings.ts";
import { scriptCounts } from "./text.ts";

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

/** A leading wire dateline: "طرابلس - …", "TRIPOLI (Reuters) -", "LONDON, Feb 6 (AFP) —". */
export const DATELINE =
  /^(?:([\p{Script=Arabic}]+(?:\s+[\p{Script=Arabic}]+){0,2})\s*(?:[(（][^()]{1,30}[)）]\s*)?[-–—ـ]+\s|([A-Z][A-Za-z'.]*(?:[ -][A-Z][A-Za-z'.]*){0,3})(?:,\s*[A-Z][a-z]{2,9}\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*(?:\([^()]{1,30}\)\s*)?[-–—]+\s)/u;

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
  let mode: "main" | "related" = "main";
  let zoneStart = 0;
  let closedBy: "none" | "end" | "related" = "none";

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

  const finish = (o: Open, how: "end" | "related" | "boundary"): void => {
    const header = readHeader(page, o.zoneStart, o.bodyStart, hints);
    const big = o.prose >= A.minParagraphs || (!o.secondary && o.words >= A.singleParagraphMinWords);
    const previous = drafts[drafts.length - 1];
    if (header.title === null) {
      // A headline-less run: the page's own article, or the rest of an article a link list interrupted.
      if (drafts.length === 0 && big) drafts.push(toDraft(o, header));
      else if (previous && closedBy === "related" && big && !previous.secondary) {
        previous.body.push(...o.body);
        previous.captions.push(...o.captions);
        previous.end = o.end;
      }
    } else if (big) drafts.push(toDraft(o, header));
    closedBy = how === "boundary" ? "none" : how;
  };

  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    switch (l.kind) {
      case "prose": {
        if (cur) {
          const verdict = between(page, cur, i, mode);
          if (verdict.boundary) {
            finish(cur, "boundary");
            if (verdict.strong) mode = "main";
            cur = open(cur.last + 1, i, mode === "related");
          } else {
            cur.body.push(...verdict.crossheads, i);
            cur.captions.push(...verdict.captions);
            cur.prose++;
            cur.words += l.words;
            cur.gaps.set(l.gapBefore, (cur.gaps.get(l.gapBefore) ?? 0) + 1);
            cur.last = i;
            cur.end = i;
          }
        } else {
          if (mode === "related" && strongHeader(page, headerStart(page, zoneStart, i), i, null)) mode = "main";
          cur = open(zoneStart, i, mode === "related" && drafts.length > 0);
        }
        break;
      }
      case "related": {
        // A related block only matters after the page's own article; one above it is a sidebar.
        const hadArticle = cur !== null || drafts.length > 0;
        // Only a block that interrupts an open article may be followed by the rest of that article.
        if (cur) finish(cur, "related");
        cur = null;
        if (hadArticle) mode = "related";
        zoneStart = i + 1;
        break;
      }
      case "attribution":
        if (cur) {
          cur.attribution = l.value ?? null;
          cur.end = i;
          finish(cur, "end");
          cur = null;
          zoneStart = i + 1;
        } else {
          const last = drafts[drafts.length - 1];
          if (last && last.attribution === null && l.value) last.attribution = l.value;
        }
        break;
      case "end":
        if (cur) {
          finish(cur, "end");
          cur = null;
          zoneStart = i + 1;
        }
        break;
      default:
        break;
    }
  }
  if (cur) finish(cur, "end");
  return drafts;
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
  for (let i = from; i < to; i++) {
    const l = lines[i]!;
    if (l.kind === "heading") {
      const variants = lineVariants(l.text, l.key);
      if (variants.some((v) => seen.has(v))) return true;
      for (const v of variants) seen.add(v);
      if (!isTitleCandidate(l)) continue;
      headline = l;
      if (open && l.repeats >= 2 && l.words >= A.gapHeadlineMinWords) return true;
      if (open && l.gapBefore >= A.gapBoundaryBlankLines && l.gapBefore > typicalGap(open) && l.words >= A.gapHeadlineMinWords) {
        return true;
      }
      continue;
    }
    if (!headline) continue;
    if (l.kind === "byline" || l.kind === "label") return true;
    if (l.kind === "date" && (l.dates?.length ?? 0) > 0) return true;
    if (l.kind === "caption" && headline.words >= A.gapHeadlineMinWords) return true;
  }
  const next = lines[to];
  return headline !== null && next !== undefined && DATELINE.test(next.text.slice(0, 120));
}

/** What lies between the open article's last paragraph and the next prose line at `next`. */
function between(
  page: ClassifiedPage,
  o: Open,
  next: number,
  mode: "main" | "related",
): { boundary: boolean; strong: boolean; crossheads: number[]; captions: number[] } {
  const from = o.last + 1;
  if (from === next) return { boundary: false, strong: false, crossheads: [], captions: [] };
  const lines = page.lines;
  const strong = strongHeader(page, headerStart(page, from, next), next, o);
  if (strong) return { boundary: true, strong: true, crossheads: [], captions: [] };
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

/** A short line kept inside a body: not repeated, short, and in the article's script when a single word. */
function isCrosshead(h: ClassifiedLine, o: Open): boolean {
  if (h.repeats > 1 || h.words > A.crossheadMaxWords || h.words < 1) return false;
  if (h.words === 1) {
    const s = scriptCounts(h.text);
    return o.arabic ? s.arabic > 0 : s.latin > 0;
  }
  return true;
}
