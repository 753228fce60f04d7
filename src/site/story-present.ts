/**
 * How a story is shown in an edition: headline, cited summary sentences, the line of known facts for a story in the
 * other language, outlets and actors. Framework-free so briefs, story, country and actor pages, feeds and cards say
 * the same thing.
 *
 * Honesty: a story in the other language is never translated. Its summary is shown as written (in a block with its
 * own `lang`/`dir`), preceded by a line built only from what the site already knows in the edition's language: place,
 * date, actors and countries by their names in that edition, outlets, and figures found in the text. An editor's
 * summary in the edition's language (`summary_ar`/`summary_en` on the cited article) replaces both.
 */
import { t } from "../i18n/index.ts";
import type { Article, Place } from "../schemas/article.ts";
import type { Lang } from "../schemas/common.ts";
import { gistLines, showsGist, type GistLine } from "./event-present.ts";
import { formatDate, formatDateRange, localeInfo } from "./locale.ts";
import type { SiteModel, SiteStory } from "./model.ts";
import { articleSource, articleTitle, snippetAttrs, type Snippet } from "./present.ts";
import { factLine, figuresIn, summarySentences } from "./stories.ts";
import { paths } from "./urls.ts";

/** How many actors a story shows as chips, and in its fact line; how many figures the fact line quotes. */
export const STORY_CHIPS = 3;
const FACT_ACTORS = 3;
const FACT_FIGURES = 4;

export interface StoryPresentation {
  id: string;
  /** Edition-relative path: the story page, or the article when the story has only one. */
  path: string;
  title: Snippet & { editor: boolean };
  /** Summary sentences, each citing the article it comes from (edition-relative path). */
  sentences: Array<{ text: string; path: string }>;
  /** Language of the summary text (for `lang`/`dir` when it differs from the edition). */
  summaryLang: Lang | null;
  /** True when the summary is an editor's text in the edition's language. */
  editorSummary: boolean;
  /** Known facts in the edition's language, for a story whose summary is in the other language; else null. */
  facts: string | null;
  /**
   * The same facts without the outlet count, for a list whose meta line names the outlets ("3 outlets: …") a few
   * lines below: the count said twice in one entry reads as a repeat.
   */
  listFacts: string | null;
  /**
   * The English gist of an Arabic story in the English edition (the coded events of the article whose lead is
   * quoted, else of the story's lead article) that add to `facts`, with that article's path; else null (also when
   * no line adds anything). See src/site/event-present.ts.
   */
  gist: { lines: GistLine[]; path: string } | null;
  /** Outlets as written (each in its own script). */
  outlets: Snippet[];
  /** "3 outlets", or "outlet not given". */
  outletCount: string;
  /** "29 October 2025", or a range as `Intl` shortens it ("29–30 October 2025", "29 October – 2 November 2025"). */
  dates: string | null;
  actors: string[];
  articleCount: number;
}

/**
 * The words of a date range in an edition, as `Intl` shortens it ("29–30 October 2025", "29 October – 2 November
 * 2025"; one date when both ends agree): a range that spells the month and year twice reads as two dates.
 */
export function storyDates(story: Pick<SiteStory, "first" | "last">, lang: Lang): string | null {
  if (!story.first || !story.last) return null;
  return dateRange(lang, story.first, story.last);
}

/** Two calendar days (`YYYY-MM-DD`) as one range in an edition's words, shortened as `Intl` does; one date when equal. */
export function dateRange(lang: Lang, from: string, to: string): string {
  return formatDateRange(lang, from, to);
}

/** Outlet count in words. */
export function outletCount(story: Pick<SiteStory, "outlets">, lang: Lang): string {
  const n = story.outlets.length;
  return n === 0 ? t(lang, "story.outletUnknown") : n === 1 ? t(lang, "story.outletOne") : t(lang, "story.outlets", { count: n });
}

/** An outlet's name in edition `lang`: a knowledge-base outlet's own name there, else the name as written. */
export function outletName(model: Pick<SiteModel, "outletNames">, outlet: string, lang: Lang): string {
  return model.outletNames.get(outlet)?.[lang] ?? outlet;
}

/** Presentations by model, edition and story id. */
const presented = new WeakMap<SiteModel, Record<Lang, Map<string, StoryPresentation>>>();

/**
 * Everything a list or page shows of story `id` in edition `lang`. Memoised per model: one story is listed on its
 * brief, its actors', countries' and weeks' pages and in their feeds, and its presentation depends on nothing else.
 * The result is shared between callers: read it, never change it.
 */
export function presentStory(model: SiteModel, id: string, lang: Lang): StoryPresentation {
  let byLang = presented.get(model);
  if (!byLang) presented.set(model, (byLang = { ar: new Map(), en: new Map() }));
  let p = byLang[lang].get(id);
  if (!p) byLang[lang].set(id, (p = buildPresentation(model, id, lang)));
  return p;
}

function buildPresentation(model: SiteModel, id: string, lang: Lang): StoryPresentation {
  const story = model.stories.get(id)!;
  const lead = model.articles.get(story.lead)!.article;
  const path = story.page ? paths.story(story.id) : paths.article(story.lead);
  const cited = story.summary ? model.articles.get(story.summary.article)!.article : null;
  const editorText = cited ? (lang === "ar" ? cited.summary_ar : cited.summary_en) : undefined;
  let text: string | null = null;
  let summaryLang: Lang | null = null;
  let editorSummary = false;
  if (editorText && cited && cited.lang !== lang) {
    text = editorText;
    summaryLang = lang;
    editorSummary = true;
  } else if (story.summary) {
    text = story.summary.text;
    summaryLang = story.summary.lang;
  }
  const citedPath = cited ? paths.article(cited.id) : paths.article(story.lead);
  const sentences = text ? summarySentences(text).map((s) => ({ text: s, path: citedPath })) : [];
  const foreign = summaryLang !== null ? summaryLang !== lang : lead.lang !== lang;
  const { full: facts, list: listFacts } = foreign ? storyFacts(model, story, lang, text) : { full: null, list: null };
  const coded = [cited, lead].find((a) => a && showsGist(a, lang));
  // Only lines that say more than the fact line above them (who did what to whom, a toll, another place or day).
  const lines = foreign && coded ? gistLines(coded.events, facts) : [];
  const gist = coded && lines.length > 0 ? { lines, path: paths.article(coded.id) } : null;
  return {
    id,
    path,
    title: articleTitle(lead, lang),
    sentences,
    summaryLang,
    editorSummary,
    facts,
    listFacts,
    gist,
    outlets: story.outlets.map((o) => articleSource({ source: outletName(model, o, lang) })!),
    outletCount: outletCount(story, lang),
    dates: storyDates(story, lang),
    actors: story.actors.slice(0, STORY_CHIPS),
    articleCount: story.articles.length,
  };
}

/** The line of known facts about a story, in the edition's language (see the header): whole, and without the outlet count for lists. */
export function storyFacts(model: SiteModel, story: SiteStory, lang: Lang, summary: string | null): { full: string; list: string } {
  const lead = model.articles.get(story.lead)!.article;
  const place = eventPlace(lead, summary)?.[lang] ?? null;
  const actors = story.actors.slice(0, FACT_ACTORS).map((id) => {
    const a = model.actors.get(id)!;
    return { name: a.names[lang], home: a.country, country: a.country ? model.countries.get(a.country)!.names[lang] : null };
  });
  const homes = new Set(actors.map((a) => a.home));
  // A number equal to the day of the month the story is dated is most likely that date («الخرطوم 14 نوفمبر»), not a
  // figure: leaving it out loses little, stating it as a figure would mislead.
  const dateDays = new Set([lead.published, lead.seen, story.first, story.last].filter((d): d is string => !!d).map((d) => String(Number(d.slice(8)))));
  const countries = story.countries.filter((c) => !homes.has(c)).slice(0, 2).map((c) => model.countries.get(c)!.names[lang]);
  const facts = {
    place,
    date: story.first ? formatDate(lang, story.first) : null,
    actors: actors.map(({ name, country }) => ({ name, country })),
    countries,
    outlets: outletCount(story, lang),
    figures: summary ? figuresIn(summary).filter((n) => !dateDays.has(n)).slice(0, FACT_FIGURES) : [],
  };
  const words = { figures: (list: string) => t(lang, "story.figures", { list }), listSeparator: t(lang, "list.separator") };
  // The same facts twice: whole, and for a story list, whose meta line names the outlets beside it.
  return { full: factLine(facts, words), list: factLine({ ...facts, outlets: "" }, words) };
}

/**
 * Where the event happened, as far as the lead article says: a tagged place named in its dateline («أنقرة/
 * الأناضول»), else one named in the summary. A place merely mentioned further down is not the event's place, so
 * none is given rather than a wrong one.
 */
export function eventPlace(lead: Pick<Article, "places" | "dateline">, summary: string | null): Place | null {
  const dateline = lead.dateline ?? "";
  return (
    lead.places.find((p) => (p.ar && dateline.includes(p.ar)) || (p.en && dateline.includes(p.en))) ??
    (summary ? lead.places.find((p) => (p.ar && summary.includes(p.ar)) || (p.en && summary.includes(p.en))) : undefined) ??
    null
  );
}

/** `lang`/`dir` for a story's summary block inside an edition page (nothing when they agree). */
export function summaryAttrs(p: Pick<StoryPresentation, "summaryLang">, lang: Lang): { lang?: Lang; dir?: "rtl" | "ltr" } {
  if (!p.summaryLang || p.summaryLang === lang) return {};
  return { lang: p.summaryLang, dir: localeInfo(p.summaryLang).dir };
}

export { snippetAttrs };
