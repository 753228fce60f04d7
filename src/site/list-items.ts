/**
 * What the article and story lists (src/components/ArticleList.astro, StoryList.astro) show of one entry, worked out
 * once per site model, URL builder and edition (src/site/shared-memo.ts). At 10,000 articles the lists hold about
 * 170,000 article entries and 75,000 story entries over 30,000 pages, while there are 20,000 articles and 2,000
 * stories in the two editions: each entry was worked out again on every page that lists it.
 */
import { t } from "../i18n/index.ts";
import type { Lang } from "../schemas/common.ts";
import { LIST_GIST_LINES, type GistLine } from "./event-present.ts";
import { formatDate } from "./locale.ts";
import type { SiteModel } from "./model.ts";
import { articleDateLine, articleSource, articleTitle, snippetAttrs, type Snippet } from "./present.ts";
import { sharedIn, sharedTable, type SharedMemo } from "./shared-memo.ts";
import { presentStory, summaryAttrs, type StoryPresentation } from "./story-present.ts";
import { paths, type UrlBuilder } from "./urls.ts";

type Attrs = ReturnType<typeof snippetAttrs>;
interface Chip {
  href: string;
  name: string;
}

/** An article as a list shows it: title, outlet, date line and (on request) its tagged actors. */
export interface ArticleListItem {
  href: string;
  title: Snippet & { editor: boolean };
  titleAttrs: Attrs;
  source: Snippet | null;
  sourceAttrs: Attrs;
  date: string;
  /** The date line is not a publication date. */
  undated: boolean;
  actors: readonly Chip[];
}

/** Entries by kind of list: with the tagged actors, and without. */
const articleItems: Record<"withActors" | "plain", SharedMemo<ArticleListItem>> = { withActors: new WeakMap(), plain: new WeakMap() };

/** The entries of articles `ids` in a list of edition `lang`, each made once (one walk of the memo per list). */
export function articleListItems(model: SiteModel, urls: UrlBuilder, lang: Lang, ids: readonly string[], options: { showActors: boolean }): ArticleListItem[] {
  const table = sharedTable(articleItems[options.showActors ? "withActors" : "plain"], model, urls, lang);
  return ids.map((id) => sharedIn(table, id, () => articleListItem(model, urls, lang, id, options)));
}

function articleListItem(model: SiteModel, urls: UrlBuilder, lang: Lang, id: string, options: { showActors: boolean }): ArticleListItem {
  const view = model.articles.get(id)!;
  const title = articleTitle(view.article, lang);
  const source = articleSource(view.article);
  return {
    href: urls.url(lang, paths.article(id)),
    title,
    titleAttrs: snippetAttrs(title, lang),
    source,
    sourceAttrs: source ? snippetAttrs(source, lang) : {},
    date: articleDateLine(view, lang),
    undated: view.dateSource !== "published",
    actors: options.showActors ? view.actorIds.map((a) => ({ href: urls.url(lang, paths.actor(a)), name: model.actors.get(a)!.names[lang] })) : [],
  };
}

/** A story as a list shows it: its presentation, with links, outlet names, dates (or since when it runs) and chips. */
export interface StoryListItem extends Omit<StoryPresentation, "gist" | "sentences"> {
  href: string;
  titleAttrs: Attrs;
  summaryAttrs: Attrs;
  gist: { lines: GistLine[]; href: string } | null;
  sentences: Array<{ text: string; href: string }>;
  names: Array<{ text: string; attrs: Attrs }>;
  /** More outlets than are named. */
  more: boolean;
  /** "3 outlets:" before their names. */
  namedCount: string;
  /** "since 2 May" for a developing story, else null. */
  since: string | null;
  chips: readonly Chip[];
}

/** Entries by kind of list (`showSince`, `outletNames`), then by story id. */
const storyItems: SharedMemo<Map<string, StoryListItem>> = new WeakMap();

/** The entries of stories `ids` in a list of edition `lang`, each made once (one walk of the memo per list). */
export function storyListItems(model: SiteModel, urls: UrlBuilder, lang: Lang, ids: readonly string[], options: { showSince: boolean; outletNames: number }): StoryListItem[] {
  const kinds = sharedTable(storyItems, model, urls, lang);
  const kind = `${options.showSince} ${options.outletNames}`;
  let table = kinds.get(kind);
  if (!table) kinds.set(kind, (table = new Map()));
  const items = table;
  return ids.map((id) => sharedIn(items, id, () => storyListItem(model, urls, lang, id, options)));
}

function storyListItem(model: SiteModel, urls: UrlBuilder, lang: Lang, id: string, options: { showSince: boolean; outletNames: number }): StoryListItem {
  const { showSince, outletNames } = options;
  const p = presentStory(model, id, lang);
  const story = model.stories.get(id)!;
  return {
    ...p,
    href: urls.url(lang, p.path),
    titleAttrs: snippetAttrs(p.title, lang),
    summaryAttrs: summaryAttrs(p, lang),
    gist: p.gist ? { lines: p.gist.lines.slice(0, LIST_GIST_LINES), href: urls.url(lang, p.gist.path) } : null,
    sentences: p.sentences.map((s) => ({ text: s.text, href: urls.url(lang, s.path) })),
    names: p.outlets.slice(0, outletNames).map((o) => ({ text: o.text, attrs: snippetAttrs(o, lang) })),
    more: p.outlets.length > outletNames,
    // "3 outlets:" before their names; the plain count reads «المصادر: 3», which a list after it would turn into «المصادر: 3: …».
    namedCount: t(lang, "story.outletsNamed", { count: p.outlets.length }),
    since: showSince && story.first ? t(lang, "story.since", { date: formatDate(lang, story.first) }) : null,
    // A developing story says since when it runs instead of its range: the range repeats that date, and on a past
    // day's brief its end may lie after the day the reader is reading about.
    dates: showSince && story.first ? null : p.dates,
    chips: p.actors.map((a) => ({ href: urls.url(lang, paths.actor(a)), name: model.actors.get(a)!.names[lang] })),
  };
}
