/**
 * The text part of the cascade, after decoding: visible lines → clean articles.
 * segment → classify → assemble (with header zones) → metadata → dates. Pure and linear in the page size.
 */
import { assemble } from "./assemble.ts";
import { pageSeen, publishedDate } from "./article-dates.ts";
import { boilerplate } from "./boilerplate.ts";
import { classifyLines, type ClassifiedLine } from "./classify.ts";
import { parseDate } from "./dates.ts";
import { HTTP_URL } from "./html.ts";
import { fold } from "./text.ts";
import type { CleanArticle } from "./article.ts";
import { articleFields, pageBrand, pageSource, sharedBoilerplate } from "./metadata.ts";
import { applyTemplate, outletKey, templateCandidate, type OutletTemplates, type TemplateSample } from "./templates.ts";
import { segmentLines, type LineHint } from "./segment.ts";

/** Outlet templates for {@link cleanLines}. */
export interface TemplateOptions {
  /** Learned furniture per outlet (see templates.ts); none when absent. */
  templates?: OutletTemplates;
  /** Also report what the page contributes to learning templates. */
  learn?: boolean;
}

/** Kinds of line a template may learn: the ones rules could have taken for text (never cues or metadata). */
const LEARNABLE: ReadonlySet<string> = new Set(["heading", "bullet", "prose", "junk"]);

/**
 * What the page gives template learning: its short headline-like lines that are not its titles (crossheads and
 * decks included: furniture the rules missed ends up there), its titles, and its main text's signature.
 */
function templateSample(lines: readonly ClassifiedLine[], articles: readonly CleanArticle[], outlet: string): TemplateSample {
  const titles = articles.map((a) => (a.title ? fold(a.title) : "")).filter(Boolean);
  const taken = new Set(titles);
  const candidates: string[] = [];
  const seen = new Set<string>();
  for (const l of lines) {
    if (!templateCandidate(l) || !LEARNABLE.has(l.kind) || l.outlet || l.brand || taken.has(l.key) || seen.has(l.key)) continue;
    seen.add(l.key);
    candidates.push(l.text);
  }
  const first = articles[0]?.body[0];
  return { outlet, leftover: candidates, used: titles, signature: first ? fold(first.slice(0, SIGNATURE_CHARS)) : "" };
}

/** Characters of a page's first paragraph that tell its article from another's (copies share them). */
const SIGNATURE_CHARS = 200;

/** "URL: https://…", «رابط المصدر: https://…»: a label, a colon, an address. */
const URL_LINE = /^([^:：]{1,40}?)\s*[:：]\s*(https?:\/\/\S+)$/iu;

/** The page's address from a labelled header line (labels: `url_labels` in lexicon/boilerplate.yaml). */
export function urlFromLines(lines: readonly ClassifiedLine[]): string | null {
  const labels = boilerplate().urlLabels;
  for (const l of lines) {
    if (l.words > URL_LINE_MAX_WORDS || !l.text.includes("http")) continue;
    const m = URL_LINE.exec(l.text);
    if (m && labels.has(fold(m[1]!)) && HTTP_URL.test(m[2]!)) return m[2]!;
  }
  return null;
}

/** "/politics/2024/4/13/…", "/2024-04-13/…": a publication date in an address's path. */
const URL_PATH_DATE = /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?=[/._-]|$)/u;

/**
 * The date in the path of the page's own address: many outlets file articles under /YYYY/MM/DD/. Only a last
 * resort for the page's own article when its text gives no date (a path date is the filing day, and a page
 * header date is often the day the page was viewed).
 */
export function urlDate(url: string | null): string | null {
  const m = url ? URL_PATH_DATE.exec(url) : null;
  return m ? parseDate(`${m[1]}-${m[2]}-${m[3]}`) : null;
}

/** Longest labelled address line ("رابط المصدر الأصلي: https://…" = 5 words with the address). */
const URL_LINE_MAX_WORDS = 8;

/** Facts about the page that do not come from its visible lines (HTML metadata). */
export interface PageMeta {
  /** og:title, <title> or the first <h1>. */
  title?: string | null;
  /** og:site_name or publisher name. */
  siteName?: string | null;
  /** Publication date (YYYY-MM-DD) from article:published_time, JSON-LD datePublished or <time>. */
  published?: string | null;
  /** The page's original http(s) address (sidecar, canonical link or og:url). */
  url?: string | null;
  /** Publication date from a sidecar file: used for the page's own article only when its text gives none. */
  fallbackPublished?: string | null;
}

/**
 * Cleans the visible lines of one page into articles (index in page order).
 * @param rawLines the page's lines (a text page split on line ends, or an HTML page's visible lines)
 * @param meta facts from HTML metadata, when the page had any
 * @param hints per raw line, the HTML element and role holding it
 */
export function cleanLines(
  rawLines: readonly string[],
  meta: PageMeta = {},
  hints?: readonly LineHint[],
  options: TemplateOptions = {},
): { articles: CleanArticle[]; warnings: string[]; sample?: TemplateSample } {
  const warnings: string[] = [];
  const page = classifyLines(segmentLines(rawLines, hints));
  const templates = options.templates;
  // Outlet templates (templates.ts): the outlet's learned furniture is junk before articles are assembled.
  const outletId = (templates && templates.size > 0) || options.learn ? outletKey(meta.url ?? urlFromLines(page.lines), meta.siteName ?? pageBrand(page)) : null;
  const dropped = outletId && templates ? applyTemplate(page.lines, templates.get(outletId)) : 0;
  if (dropped > 0) warnings.push(`outlet template ${outletId}: ${dropped} furniture line(s) dropped`);
  const drafts = assemble(page, { metaTitle: meta.title ?? null });
  const seen = pageSeen(page, drafts);
  const outlet = pageSource(page, meta.siteName);
  const brand = pageBrand(page) !== null;
  const drop = sharedBoilerplate(page, drafts);
  const url = meta.url ?? urlFromLines(page.lines);
  const articles: CleanArticle[] = [];
  let mainSeen = false;
  drafts.forEach((draft, n) => {
    const main = !draft.secondary && !mainSeen;
    if (main) mainSeen = true;
    const fields = articleFields(page, draft, { pageSource: draft.secondary ? null : outlet, brand, drop });
    if (fields.body.length === 0) return;
    const next = drafts[n + 1];
    const published = publishedDate(page, draft, {
      main,
      metaPublished: meta.published ?? null,
      nextZoneStart: next ? next.zoneStart : page.lines.length,
      lang: fields.lang,
    });
    // A page's address is its own articles' (not an embedded read-also article's, which lives elsewhere).
    const own = draft.secondary ? null : url;
    articles.push({
      index: articles.length,
      ...fields,
      published: published ?? (main ? (meta.fallbackPublished ?? urlDate(url)) : null),
      seen,
      ...(own ? { url: own } : {}),
    });
  });
  if (articles.length === 0 && page.lines.length > 0) warnings.push("no article body found on the page");
  if (options.learn && outletId) return { articles, warnings, sample: templateSample(page.lines, articles, outletId) };
  return { articles, warnings };
}
