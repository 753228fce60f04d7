/**
 * Stage "metadata": a draft's text fields. Body paragraphs verbatim (a paragraph equal to the title, the
 * subtitle or an earlier paragraph is dropped: a repeated line is never body); captions from the header zone
 * and between paragraphs, each once; source from the attribution line, the header's outlet label, or the page's
 * outlet; dateline from the byline or the wire dateline opening the body; language from the body's script.
 */
import type { ArticleDraft } from "./assemble.ts";
import { DATELINE, LEAD_DATELINE_CHARS } from "./assemble.ts";
import { findDates } from "./dates.ts";
import type { ClassifiedPage } from "./classify.ts";
import { creditAuthors } from "./credits.ts";
import { detectLang } from "./language.ts";
import type { CleanArticle } from "./article.ts";
import { countWords, fold } from "./text.ts";

/** Page-level facts shared by its articles. */
export interface PageContext {
  /** The outlet the page as a whole names (most frequent label, or HTML site name), or null. */
  pageSource: string | null;
  /** True when `pageSource` is the page's masthead name (see {@link pageBrand}). */
  brand?: boolean;
  /** Body lines to leave out (see {@link sharedBoilerplate}). */
  drop?: ReadonlySet<number>;
}

/** The outlet a page names most often in its labels and stamps ("«الشرق الأوسط» (باريس)" ×5). */
export function pageSource(page: ClassifiedPage, siteName?: string | null): string | null {
  const brand = pageBrand(page);
  if (brand) return brand;
  const counts = new Map<string, { text: string; n: number }>();
  for (const l of page.lines) {
    if ((l.kind !== "label" && l.kind !== "attribution") || !l.value) continue;
    const k = fold(l.value);
    const c = counts.get(k) ?? { text: l.value, n: 0 };
    c.n++;
    counts.set(k, c);
  }
  let best: { text: string; n: number } | null = null;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  if (best) return best.text;
  if (siteName) return siteName;
  // A page that opens with its outlet's name ("Gulf Wire", "وكالة الأناضول").
  const first = page.lines[0];
  if (first && first.kind === "heading" && first.words <= OUTLET_NAME_MAX_WORDS && first.outlet) return first.text;
  return null;
}

/** The page's masthead name (see classify.ts markBrand), verbatim, or null. */
export function pageBrand(page: ClassifiedPage): string | null {
  for (const l of page.lines) {
    if (!l.brand) continue;
    if (l.kind === "label" && l.value) return l.value;
    if (l.kind === "heading") return l.text;
  }
  return null;
}

/** Longest first line read as the outlet's name. */
const OUTLET_NAME_MAX_WORDS = 4;

/**
 * Paragraphs that several articles of a page share: a disclaimer or subscription note printed under every
 * article ("تنشر الأناضول على موقعها جزءاً مختصراً …"). They are dropped from an article when they are a minority
 * of its paragraphs; two copies of one whole article share everything and keep it.
 */
export function sharedBoilerplate(page: ClassifiedPage, drafts: readonly ArticleDraft[]): Set<number> {
  const owners = new Map<string, Set<number>>();
  drafts.forEach((d, n) => {
    for (const i of d.body) {
      const k = page.lines[i]!.key;
      if (!k) continue;
      const set = owners.get(k) ?? new Set<number>();
      set.add(n);
      owners.set(k, set);
    }
  });
  const drop = new Set<number>();
  for (const d of drafts) {
    const shared = d.body.filter((i) => (owners.get(page.lines[i]!.key)?.size ?? 0) > 1);
    if (shared.length > 0 && shared.length * 2 < d.body.length) for (const i of shared) drop.add(i);
  }
  return drop;
}

/** "November 5, 2025 (PORT SUDAN) –": a date, then the city in capitals between brackets, then a dash. */
const DATE_FIRST_DATELINE = /^[^()]{4,40}?\d{4}\s*\(([A-Z][A-Z .'-]{1,30})\)\s*[-–—]/u;

/** "بورتسودان ١٣ نوفمبر ٢٠٢٥ – …": the words before a full date that runs up to the dateline's dash. */
function cityBeforeDate(lead: string): string | null {
  const dash = /\s[-–—ـ]+\s/u.exec(lead.slice(0, LEAD_DATELINE_CHARS));
  if (!dash) return null;
  const before = lead.slice(0, dash.index);
  const date = findDates(before).find((d) => d.kind !== "relative" && d.precision === "day");
  if (!date || before.slice(date.end).trim() !== "") return null;
  const city = before.slice(0, date.start).replace(/[,،]\s*$/u, "").trim();
  const n = countWords(city);
  return n >= 1 && n <= 3 && !/\d/u.test(city) ? city : null;
}

/** The city of a wire dateline opening `paragraph`, or null. */
export function bodyDateline(paragraph: string): string | null {
  const lead = paragraph.slice(0, 120);
  const m = DATELINE.exec(lead);
  // "November 5, 2025 (PORT SUDAN) –": the city in capitals between brackets, after the date.
  const city = (m?.[1] ?? m?.[2] ?? m?.[3] ?? DATE_FIRST_DATELINE.exec(lead)?.[1] ?? cityBeforeDate(lead))?.trim();
  return city ? city : null;
}

/**
 * The article's source. An attribution line ("المصدر: الجزيرة") names a republished article's outlet and comes
 * first; the page's own masthead outlet outranks an agency credit in the header ("الرياض - واس"). A page
 * "outlet" that is in fact the article's own headline is none.
 */
function sourceOf(draft: ArticleDraft, ctx: PageContext): string | null {
  const h = draft.header;
  // An agency credited in the byline ("By Jane Doe Reuters") wrote the article, whoever's masthead prints it.
  const source = draft.attribution ?? h.agency ?? (ctx.brand ? ctx.pageSource : null) ?? h.source ?? ctx.pageSource;
  return source !== null && h.title !== null && fold(source) === fold(h.title) ? null : source;
}

/** Lines after an article's last one searched for its wire end credit (junk such as "Advertisement" between). */
const END_CREDIT_WINDOW = 3;

/** Authors from the wire end credit right after the article ("Reporting by A; Editing by B"), or null. */
function endCreditAuthors(page: ClassifiedPage, draft: ArticleDraft): string | null {
  for (let i = draft.end + 1; i < Math.min(page.lines.length, draft.end + 1 + END_CREDIT_WINDOW); i++) {
    const l = page.lines[i]!;
    if (l.kind === "end") return creditAuthors(l.text);
    if (l.kind !== "junk") return null;
  }
  return null;
}

/** Text fields of one article (dates and index are set by the caller). */
export function articleFields(
  page: ClassifiedPage,
  draft: ArticleDraft,
  ctx: PageContext,
): Omit<CleanArticle, "index" | "published" | "seen"> {
  const h = draft.header;
  const skip = new Set<string>();
  if (h.title) skip.add(fold(h.title));
  if (h.subtitle) skip.add(fold(h.subtitle));
  const body: string[] = [];
  for (const i of draft.body) {
    if (ctx.drop?.has(i)) continue;
    const l = page.lines[i]!;
    const key = l.key || fold(l.text.slice(0, 2000));
    if (skip.has(key)) continue;
    skip.add(key);
    body.push(l.text);
  }
  const captions: string[] = [];
  const seenCaptions = new Set<string>();
  for (const c of [...h.captions, ...draft.captions.map((i) => page.lines[i]!.caption ?? page.lines[i]!.text)]) {
    const k = fold(c);
    if (seenCaptions.has(k)) continue;
    seenCaptions.add(k);
    captions.push(c);
  }
  const lang = detectLang(body.length ? body : [h.title ?? ""]);
  return {
    lang,
    title: h.title,
    subtitle: h.subtitle,
    source: sourceOf(draft, ctx),
    author: h.author ?? endCreditAuthors(page, draft),
    dateline: h.dateline ?? (body[0] ? bodyDateline(body[0]) : null),
    body,
    captions,
    secondary: draft.secondary,
  };
}
