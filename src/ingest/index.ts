/**
 * Ingest: raw scraped page → clean articles (no entity tagging; see src/entities).
 *
 * Cascade, one small pure stage per file, run per page by {@link cleanPage}:
 *   1. decode    bytes → text, encoding detected (decode.ts)
 *   2. html      HTML → visible lines, each with its element and role, + metadata (title, site name,
 *                publication date) (html.ts); text pages are split on line ends (segment.ts `splitLines`)
 *   3. segment   lines → non-blank lines with the blank gaps around them (segment.ts)
 *   4. classify  each line gets a kind from its features: length, sentence punctuation, repetition count on the
 *                page, boilerplate cue hits (lexicon/boilerplate.yaml), field-labelled photo furniture, counters,
 *                caption credit (brackets, dash, "©", "Photo:"), date-only line (clock and relative stamps
 *                marked), byline/label shape ("Name, Role"), HTML role, then page-wide habits and neighbours
 *                (unpunctuated pages, doubled captions, masthead names, summary bullets, "Author," fields,
 *                lines under an image marker, the page's own outlet from masthead + copyright) (classify.ts)
 *   5. assemble  prose lines open or continue articles; header blocks (repeated headline, byline, date, label,
 *                caption, wire dateline; a short headline that restates the lede below it and nothing above)
 *                and cues (related block, attribution, footer) set the boundaries; crossheads stay in the
 *                body; a live blog's time-stamped updates stay one article; an article interrupted by a list of
 *                links resumes after it; read-also articles become secondary; teasers and headline-less
 *                leftovers are dropped, one-paragraph briefs with a dated/signed header kept (assemble.ts,
 *                header.ts)
 *   6. metadata  title (scored over the zone's headline-like lines: repetition, metadata, vocabulary shared with
 *                the lede, header furniture below, shape; two stacked headlines are kicker + title or title + deck
 *                by how the upper one opens, stack.ts), subtitle, captions, source, author, dateline, language
 *                (header.ts, metadata.ts, language.ts); credits: a masthead line names the page's outlet, "By A
 *                and B Reuters" the authors and the agency, a wire end credit the authors (credits.ts)
 *   7. dates     published from the article's own header/dateline/metadata, seen from the page header or
 *                crawl stamp; relative times are never counted back (article-dates.ts over dates.ts)
 *   (between 4 and 5: an outlet's learned template marks its furniture lines, templates.ts)
 *   8. url       the page's original address: a scraper's sidecar file (sidecar.ts), else the HTML canonical
 *                link / og:url, else a "URL: …" / «رابط المصدر: …» line; given to the page's own articles (page.ts)
 * Copies of one article across pages are grouped afterwards by the caller with dedupe.ts.
 * Bad input never throws out of a page: it becomes `{ ok: false, reason }`.
 */
import type { CleanArticle } from "./article.ts";
import { decodeBytes } from "./decode.ts";
import { htmlToPage } from "./html.ts";
import { parseDate } from "./dates.ts";
import { cleanLines, type PageMeta, type TemplateOptions } from "./page.ts";
import { splitLines } from "./segment.ts";
import { parseSidecar, type RawSidecar, type SidecarMeta } from "./sidecar.ts";
import { defaultTemplates, type OutletTemplates, type TemplateSample } from "./templates.ts";

/** A raw input as read from disk: never modified. */
export interface RawPage {
  /** Base name of the input file (`000_x.txt`). */
  file: string;
  bytes: Uint8Array;
  /** The scraper's metadata file beside the page (`<name>.json`, `<name>.meta.json`), when there is one. */
  sidecar?: RawSidecar;
}

export type { CleanArticle } from "./article.ts";

export type PageResult =
  | { ok: true; articles: CleanArticle[]; warnings: string[]; sample?: TemplateSample }
  | { ok: false; reason: string };

/** Options for {@link cleanPage}. */
export interface CleanOptions {
  /** Outlet templates; by default those of the content folder (templates.ts `defaultTemplates`). */
  templates?: OutletTemplates;
  /** Also return the page's contribution to learning outlet templates (`sample`). */
  learn?: boolean;
}

/** A problem with the templates file is reported once per process, not on every page. */
let templateProblemReported = false;

/** True when a page is HTML: by its name, or by markup at its start. */
export function isHtml(file: string, text: string): boolean {
  if (/\.html?$/i.test(file)) return true;
  return /^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(text.slice(0, 2000));
}

/**
 * Cleans one raw page into its articles (in page order, `index` from 0). A page with no article is
 * `ok: true` with no articles and a warning; undecodable or unreadable input is `ok: false` with the reason.
 */
export function cleanPage(page: RawPage, options: CleanOptions = {}): PageResult {
  try {
    const decoded = decodeBytes(page.bytes);
    if (!decoded.ok) return { ok: false, reason: decoded.reason };
    const text = decoded.text;
    const side = page.sidecar ? parseSidecar(page.sidecar) : null;
    const sidecar = side?.ok ? side.meta : undefined;
    const fallback = options.templates ? null : defaultTemplates();
    const use = { templates: options.templates ?? fallback?.templates, learn: options.learn };
    const cleaned = isHtml(page.file, text) ? cleanHtml(text, sidecar, use) : cleanLines(splitLines(text), sidecarMeta(sidecar), undefined, use);
    const warnings = [...decoded.warnings, ...cleaned.warnings];
    if (side && !side.ok) warnings.push(side.reason);
    if (fallback?.problem && !templateProblemReported) {
      templateProblemReported = true;
      warnings.push(fallback.problem);
    }
    return cleaned.sample ? { ok: true, articles: cleaned.articles, warnings, sample: cleaned.sample } : { ok: true, articles: cleaned.articles, warnings };
  } catch (error) {
    // A stage bug must not stop the run: the file is reported and the others go on.
    return { ok: false, reason: `internal error while cleaning: ${(error as Error).message}` };
  }
}

/** Page facts a sidecar gives; the sidecar (written by the scraper with the page) wins over the page's markup. */
function sidecarMeta(sidecar: SidecarMeta | undefined, meta: PageMeta = {}): PageMeta {
  if (!sidecar) return meta;
  return {
    ...meta,
    url: sidecar.url ?? meta.url ?? null,
    siteName: meta.siteName ?? sidecar.siteName,
    fallbackPublished: sidecar.published,
  };
}

/** An HTML page: its visible lines, with each line's element and role, and its metadata. */
function cleanHtml(html: string, sidecar: SidecarMeta | undefined, options: TemplateOptions): ReturnType<typeof cleanLines> {
  const page = htmlToPage(html);
  const meta: PageMeta = {
    title: page.meta.title ?? null,
    siteName: page.meta.siteName ?? null,
    published: page.meta.published ? parseDate(page.meta.published) : null,
    url: page.meta.url ?? null,
  };
  return cleanLines(page.lines, sidecarMeta(sidecar, meta), page.blocks, options);
}
