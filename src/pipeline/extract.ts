/**
 * Extraction = ingest (clean) + entities (tag) + identity (ids, duplicates), for a set of raw pages.
 * Pure: takes pages and a tagger, returns the `extract` contract. The CLI does the I/O around it.
 *
 * Identity (src/lib/identity.ts: what an article id, a dedupe key and a story id each mean): an article's id is a
 * hash of its folded text, stable across runs. Copies of one article (scraped twice, or from two outlets) share the
 * id of the first copy and each copy lists every source; `ingest` writes one file per id.
 */
import type { Candidate, Tagger } from "../entities/index.ts";
import { findDuplicates } from "../ingest/dedupe.ts";
import { cleanPage, type CleanArticle, type RawPage } from "../ingest/index.ts";
import type { ExtractedArticle, Skipped, SourceRef } from "../schemas/article.ts";
import { assignStories, summarise, type StoryInput } from "../stories/index.ts";
import { neutraliseBidiInNames } from "./bidi-controls.ts";
import { stripBidiControls } from "../lib/text-safety.ts";
import { articleEvents } from "../events/index.ts";
import type { Event } from "../schemas/event.ts";
import { boundArticle } from "../lib/limits.ts";
import { articleId, ownStoryId } from "../lib/identity.ts";

export interface ExtractOutput {
  articles: ExtractedArticle[];
  skipped: Skipped[];
  /** Discovery candidates per article id (unknown actors), for the review queue. */
  candidates: Map<string, Candidate[]>;
}

/** Cleans one page; a page that yields no article is skipped with the reason. */
export function cleanOne(page: RawPage): { articles: CleanArticle[]; skipped?: Skipped; warnings: string[] } {
  let result;
  try {
    result = cleanPage(page);
  } catch (error) {
    // A bug in a stage must not stop the run: report the file, keep going.
    return { articles: [], skipped: { file: page.file, reason: `internal error while cleaning: ${(error as Error).message}` }, warnings: [] };
  }
  if (!result.ok) return { articles: [], skipped: { file: page.file, reason: result.reason }, warnings: [] };
  if (result.articles.length === 0) return { articles: [], skipped: { file: page.file, reason: "no article found" }, warnings: result.warnings };
  return { articles: result.articles, warnings: result.warnings };
}

/** The article's summary; a failure is a warning and no summary, never a lost page. */
function leadOf(article: CleanArticle, places: ReadonlyArray<{ ar: string; en: string }>, warnings: string[]): string | null {
  try {
    return summarise(article.body, undefined, { dateline: article.dateline, places: places.flatMap((p) => [p.ar, p.en]) });
  } catch (error) {
    warnings.push(`summary failed for article ${article.index}: ${(error as Error).message}`);
    return null;
  }
}

/** What one page yields before duplicates are merged across pages. */
export interface PageExtract {
  articles: ExtractedArticle[];
  skipped?: Skipped;
  /** Discovery candidates per article id, in article order. */
  candidates: Array<[string, Candidate[]]>;
  warnings: string[];
}

/** Cleans and tags one page (no cross-page step): the unit of work a worker thread does. */
export function extractPage(page: RawPage, tagger: Tagger): PageExtract {
  const cleaned = cleanOne(page);
  const warnings = [...cleaned.warnings];
  if (cleaned.skipped) return { articles: [], skipped: cleaned.skipped, candidates: [], warnings };
  const articles: ExtractedArticle[] = [];
  const candidates: Array<[string, Candidate[]]> = [];
  for (const raw of cleaned.articles) {
    // One oversized title, line or word costs only itself: cut with a warning (see limits.ts).
    const { article, notes } = boundArticle(raw);
    for (const note of notes) warnings.push(`article ${article.index}: ${note}`);
    const id = articleId(article);
    let tags: ReturnType<Tagger["tag"]>;
    try {
      tags = tagger.tag({ lang: article.lang, title: article.title, body: article.body, date: article.published ?? article.seen });
    } catch (error) {
      warnings.push(`tagging failed for article ${article.index}: ${(error as Error).message}`);
      tags = { actors: [], countries: [], places: [], mentions: [], candidates: [] };
    }
    if (tags.candidates.length)
      candidates.push([
        id,
        tags.candidates.map((c) => ({ ...c, name_ar: c.name_ar && stripBidiControls(c.name_ar), suggested_en: stripBidiControls(c.suggested_en) })),
      ]);
    articles.push(neutraliseBidiInNames({
      file: page.file,
      ...article,
      id,
      actors: tags.actors,
      countries: tags.countries,
      places: tags.places,
      mentions: tags.mentions,
      sources: [{ source: article.source, file: page.file, index: article.index }],
      summary: leadOf(article, tags.places, warnings),
      events: leadEvents(article, tags, warnings),
    }));
  }
  return { articles, candidates, warnings };
}

/** Events of the article's lead (Arabic articles); a failure is a warning, never a lost article. */
function leadEvents(article: CleanArticle, tags: ReturnType<Tagger["tag"]>, warnings: string[]): Event[] | undefined {
  try {
    return articleEvents({ lang: article.lang, body: article.body, published: article.published, mentions: tags.mentions, actors: tags.actors });
  } catch (error) {
    warnings.push(`event coding failed for article ${article.index}: ${(error as Error).message}`);
    return undefined;
  }
}

/**
 * Joins per-page results in page order, merges duplicates across pages and groups the articles into stories
 * (joining the stories of `existing` articles, e.g. those already in the content folder).
 */
export function combinePageExtracts(
  results: Iterable<{ file: string; extract: PageExtract }>,
  onWarning: (file: string, message: string) => void = () => {},
  existing: readonly StoryInput[] = [],
): ExtractOutput {
  const articles: ExtractedArticle[] = [];
  const skipped: Skipped[] = [];
  const candidates = new Map<string, Candidate[]>();
  for (const { file, extract } of results) {
    for (const w of extract.warnings) onWarning(file, w);
    if (extract.skipped) skipped.push(extract.skipped);
    articles.push(...extract.articles);
    for (const [id, list] of extract.candidates) candidates.set(id, list);
  }
  mergeDuplicates(articles);
  try {
    assignStories(articles, existing);
  } catch (error) {
    // A bug in grouping must not lose the run: every article is then its own story.
    onWarning("(stories)", `story grouping failed, each article is its own story: ${(error as Error).message}`);
    for (const a of articles) a.story = ownStoryId(a);
  }
  return { articles, skipped, candidates };
}

/** Runs extraction over pages in order; `onWarning` receives per-file diagnostics. */
export function extractPages(
  pages: Iterable<RawPage>,
  tagger: Tagger,
  onWarning: (file: string, message: string) => void = () => {},
): ExtractOutput {
  return combinePageExtracts(
    (function* () {
      for (const page of pages) yield { file: page.file, extract: extractPage(page, tagger) };
    })(),
    onWarning,
  );
}

/** Gives each group of copies the first copy's id and every copy's source list (in place). */
export function mergeDuplicates(articles: ExtractedArticle[]): void {
  for (const group of findDuplicates(articles)) {
    const members = group.map((i) => articles[i]!).filter(Boolean);
    const first = members[0];
    if (!first || members.length < 2) continue;
    const sources: SourceRef[] = [];
    const seen = new Set<string>();
    for (const m of members)
      for (const s of m.sources) {
        const key = `${s.file}#${s.index}`;
        if (!seen.has(key)) {
          seen.add(key);
          sources.push(s);
        }
      }
    for (const m of members) {
      m.id = first.id;
      m.sources = sources;
    }
  }
}
