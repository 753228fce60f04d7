/**
 * Stage "dates": which date an article was published, and when the page was seen.
 *
 * `published` only comes from a date that belongs to the article: a date line in its own header zone (between
 * its title and its first paragraph, or right above its title), a publication-labelled line anywhere in the zone
 * or right after the body, the HTML metadata of a page's main article, or a full date in a wire dateline. The
 * page header date (top of the page, away from the headline), crawl stamps, sidebar stamps, relative times and
 * dates inside body text are never publication dates: the first two make `seen`. A relative time ("منذ 3 ساعات",
 * "2 hours ago") is not counted back from the crawl stamp either: "now" for the page is unknown, so the article
 * gets `published` null and the page keeps the stamp as `seen`. No date → null, never a guess.
 */
import { LEAD_DATELINE_CHARS, type ArticleDraft } from "./assemble.ts";
import type { ClassifiedLine, ClassifiedPage } from "./classify.ts";
import { findDates, findMonthDays, type DateMention } from "./dates.ts";

/** A mention that can be a publication date: a full day, not relative, not a crawl/sidebar/Hijri restatement. */
function usable(d: DateMention): boolean {
  return d.kind !== "relative" && d.precision === "day" && d.label !== "crawl" && d.label !== "sidebar" && d.label !== "hijri-equivalent";
}

/** "11/10/2024" (day first, as the Arabic press writes it) → "2024-10-11"; null when not a real date. */
function dayFirst(text: string): string | null {
  const m = /^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})/u.exec(text.replace(/[٠-٩]/gu, (d) => String(d.charCodeAt(0) - 0x0660)));
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** Best date on a line: a published label first, then an unlabelled date, then an update. */
function dateOf(line: ClassifiedLine, allowUnlabelled = true, arabic = false): { iso: string; rank: number } | null {
  // A bare numeric date dates.ts cannot order: Arabic pages write the day first.
  if (line.kind === "date" && (line.dates?.length ?? 0) === 0 && arabic && allowUnlabelled) {
    const iso = dayFirst(line.text);
    return iso ? { iso, rank: 1 } : null;
  }
  let best: { iso: string; rank: number } | null = null;
  for (const d of line.dates ?? []) {
    if (!usable(d)) continue;
    const rank = d.label === "published" ? 0 : d.label === "updated" ? 2 : 1;
    if (rank === 1 && !allowUnlabelled) continue;
    if (!best || rank < best.rank) best = { iso: d.iso, rank };
  }
  return best;
}

/** True when the line is a crawl stamp ("2025-02-06@14:36:08 GMT"). */
function isCrawl(line: ClassifiedLine): boolean {
  return (line.dates ?? []).some((d) => d.label === "crawl");
}

/**
 * The page's "seen" date: a crawl stamp anywhere, else a date line at the top of the page that is not part of
 * the first article's own header (it stands above the masthead/navigation, not right above the headline).
 */
export function pageSeen(page: ClassifiedPage, drafts: readonly ArticleDraft[]): string | null {
  const crawl = crawlDate(page);
  if (crawl) return crawl;
  const first = drafts[0];
  const limit = first ? (first.header.titleLine ?? first.bodyStart) : Math.min(page.lines.length, 10);
  for (let i = 0; i < limit; i++) {
    const l = page.lines[i]!;
    if (l.kind !== "date" || (first && attachedAbove(page, i, first))) continue;
    // A publication-labelled line ("تاريخ النشر: …") dates an article, not the page view.
    if ((l.dates ?? []).some((m) => m.label === "published")) continue;
    const d = (l.dates ?? []).find((m) => m.kind !== "relative" && m.precision === "day" && m.label !== "hijri-equivalent");
    if (d) return d.iso;
  }
  return null;
}

/** The date of the page's crawl stamp ("2025-02-06@14:36:08 GMT"), or null. */
export function crawlDate(page: ClassifiedPage): string | null {
  for (const l of page.lines) {
    if (l.kind !== "date") continue;
    const d = (l.dates ?? []).find((m) => m.label === "crawl");
    if (d) return d.iso;
  }
  return null;
}

/** True when date line `i` sits right above the draft's title (or its kicker), with nothing else between. */
function attachedAbove(page: ClassifiedPage, i: number, draft: ArticleDraft): boolean {
  const title = draft.header.titleLine;
  if (title === null) return false;
  let j = i + 1;
  while (j < title) {
    const l = page.lines[j]!;
    if (j !== draft.header.subtitleLine && l.kind !== "date") return false;
    j++;
  }
  return j === title;
}

/** Options for {@link publishedDate}. */
export interface PublishedOptions {
  /** Publication date from HTML metadata (article:published_time, JSON-LD), for the page's main article. */
  metaPublished?: string | null;
  /** True for the page's main article (the first primary). */
  main: boolean;
  /** Where the next article's zone starts (lines after this article's body up to there are its tail). */
  nextZoneStart: number;
  /** The article's language: bare numeric dates are read day first on Arabic pages. */
  lang: "ar" | "en";
}

/** The article's publication date, or null when the page does not give one for it. */
export function publishedDate(page: ClassifiedPage, draft: ArticleDraft, opts: PublishedOptions): string | null {
  const { lines } = page;
  const title = draft.header.titleLine;
  // 1. Inside the header zone, after the title: the article's own date line.
  let best: { iso: string; rank: number } | null = null;
  const zoneFrom = title ?? draft.zoneStart;
  for (let i = zoneFrom; i < draft.bodyStart; i++) {
    const l = lines[i]!;
    if (l.kind !== "date" && l.kind !== "byline" && l.kind !== "label") continue;
    const d = dateOf(l, true, opts.lang === "ar");
    if (d && (!best || d.rank < best.rank)) best = d;
  }
  if (best) return best.iso;
  // 2. Before the title: a publication-labelled line, or a date line right above the headline.
  if (title !== null) {
    for (let i = title - 1; i >= draft.zoneStart; i--) {
      const l = lines[i]!;
      if (l.kind !== "date") continue;
      const labelled = dateOf(l, false);
      if (labelled && labelled.rank === 0) return labelled.iso;
      if (attachedAbove(page, i, draft) && !isCrawl(l)) {
        const d = dateOf(l, true, opts.lang === "ar");
        if (d) return d.iso;
      }
    }
  }
  // 3. Right after the body: a publication-labelled line before anything else starts.
  for (let i = draft.end + 1; i < Math.min(opts.nextZoneStart + 1, lines.length); i++) {
    const l = lines[i]!;
    if (l.kind === "prose" || l.kind === "heading" || l.kind === "related") break;
    if (l.kind !== "date") continue;
    const d = dateOf(l, false);
    if (d && d.rank === 0) return d.iso;
  }
  // 4. HTML metadata of the page's main article.
  if (opts.main && opts.metaPublished) return opts.metaPublished;
  // 5. A full date in the dateline that opens the body: "بورتسودان ١٣ نوفمبر ٢٠٢٥ –", "November 5, 2025 (PORT
  //    SUDAN) –", "LONDON, Feb 6, 2025 (Reuters) -". Only the text before the dateline's dash is read.
  const lead = lines[draft.bodyStart]!.text.slice(0, LEAD_DATELINE_CHARS);
  const dash = /\s[-–—ـ]+\s/u.exec(lead);
  if (dash) {
    const d = findDates(lead.slice(0, dash.index)).find((x) => x.kind !== "relative" && x.precision === "day");
    if (d) return d.iso;
  }
  // 6. A day and month without a year on the article's own byline or date line ("By Jane Doe March 18 at 3:57
  //    PM"), when the same page gives that day and month with a year elsewhere (a photo caption "March 18, 2015").
  return yearFromPage(page, zoneFrom, draft.bodyStart);
}

/** Longest line read for a full date that completes a year-less one (captions run to 40 words). */
const YEAR_SOURCE_MAX_WORDS = 60;

function yearFromPage(page: ClassifiedPage, from: number, to: number): string | null {
  const wanted: Array<{ month: number; day: number }> = [];
  for (let i = from; i < to; i++) {
    const l = page.lines[i]!;
    if (l.kind === "byline" || l.kind === "date") wanted.push(...findMonthDays(l.text));
  }
  if (wanted.length === 0) return null;
  const years = new Set<string>();
  for (const l of page.lines) {
    if (l.words > YEAR_SOURCE_MAX_WORDS || !/\d{4}/u.test(l.text)) continue;
    for (const d of l.dates ?? findDates(l.text)) {
      if (!usable(d) || d.calendar !== "gregorian") continue;
      const [, m, day] = d.iso.split("-").map(Number);
      if (wanted.some((w) => w.month === m && w.day === day)) years.add(d.iso);
    }
  }
  // Two different years for the same day and month: the page does not say which.
  return years.size === 1 ? [...years][0]! : null;
}
