/**
 * The text part of the cascade, after decoding: visible lines → clean articles.
 * segment → classify → assemble (with header zones) → metadata → dates. Pure and linear in the page size.
 */
import { assemble } from "./assemble.ts";
import { pageSeen, publishedDate } from "./article-dates.ts";
import { classifyLines } from "./classify.ts";
import type { CleanArticle } from "./index.ts";
import { articleFields, pageBrand, pageSource, sharedBoilerplate } from "./metadata.ts";
import { segmentLines, type LineHint } from "./segment.ts";

/** Facts about the page that do not come from its visible lines (HTML metadata). */
export interface PageMeta {
  /** og:title, <title> or the first <h1>. */
  title?: string | null;
  /** og:site_name or publisher name. */
  siteName?: string | null;
  /** Publication date (YYYY-MM-DD) from article:published_time, JSON-LD datePublished or <time>. */
  published?: string | null;
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
): { articles: CleanArticle[]; warnings: string[] } {
  const warnings: string[] = [];
  const page = classifyLines(segmentLines(rawLines, hints));
  const drafts = assemble(page, { metaTitle: meta.title ?? null });
  const seen = pageSeen(page, drafts);
  const outlet = pageSource(page, meta.siteName);
  const brand = pageBrand(page) !== null;
  const drop = sharedBoilerplate(page, drafts);
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
    articles.push({ index: articles.length, ...fields, published, seen });
  });
  if (articles.length === 0 && page.lines.length > 0) warnings.push("no article body found on the page");
  return { articles, warnings };
}
