/**
 * Coded events as the site shows them (issue 19): the English gist lines of an Arabic article or story, and the
 * event-type count line of a day (a brief, or a country's articles of that day). Framework-free so article, story,
 * brief and country pages say the same thing.
 *
 * Honesty: a gist line is rebuilt from the coded fields with the words of `gistLine` (src/events/gist.ts), never read
 * from a stored `gist_en` a hand edit may have left stale; an actor without an English name is left out, so nothing
 * is translated that the knowledge base or the lexicons do not name. Counts add only what the text
 * states: a vague figure («عشرات») is no number, and every figure links to the article whose lead gives it.
 */
import { gistPieces, TYPE_LABELS, type GistFields } from "../events/gist.ts";
import { t } from "../i18n/index.ts";
import type { Article } from "../schemas/article.ts";
import type { Lang } from "../schemas/common.ts";
import { EventType, type Event } from "../schemas/event.ts";
import { formatDate, formatNumber, formatShortDate } from "./locale.ts";
import type { SiteModel } from "./model.ts";
import { paths } from "./urls.ts";

/** How many gist lines a story shows in a list (its page shows all): a brief entry stays a few lines tall. */
export const LIST_GIST_LINES = 2;

/** One gist line: the event type's label and the rest of the line (place, actors, figures, date). */
export interface GistLine {
  type: EventType;
  label: string;
  /** The line after its type label (never empty: a line with nothing after its type is not shown). */
  text: string;
  /** What the line states, piece by piece as shown (place and country names, parties, figures, date in words). */
  facts: GistFacts;
}

/** The pieces of a gist line, to tell whether it says anything a story's fact line does not. */
export interface GistFacts {
  names: string[];
  figures: string[];
  date: string | null;
}

/**
 * One event's gist line as a reader sees it: the pieces of `gistLine` (src/events/gist.ts), with the date in words
 * ("30 October 2025"), and no bare arrow: a target with no source ("→ Türkiye") reads as nothing, so it is left out
 * (the victims of casualties keep their own form). Null when the line would say only its type (perhaps with a
 * date): "Appeal" alone tells a reader nothing the headline does not.
 */
export function gistOf(e: GistFields): GistLine | null {
  const { pieces, names, figures } = gistPieces(e, false);
  if (pieces.length === 0) return null;
  const date = e.date ? formatDate("en", e.date) : null;
  const said = date ? [...pieces, date] : pieces;
  return { type: e.type, label: TYPE_LABELS[e.type], text: said.join(" · "), facts: { names: [...new Set(names)], figures, date } };
}

/**
 * Gist lines of coded events, in reading order, without repeats (two events may read the same), nor lines that
 * say only their type. With `known` (a story's line of known facts), also without lines that add nothing to it:
 * every name already in it and no figure (a figure says what was counted, the fact line only the number).
 */
export function gistLines(events: readonly Event[] | undefined, known: string | null = null): GistLine[] {
  const seen = new Set<string>();
  const lines: GistLine[] = [];
  for (const e of events ?? []) {
    const line = gistOf(e);
    if (!line || seen.has(line.text) || (known !== null && !addsTo(line.facts, known))) continue;
    seen.add(line.text);
    lines.push(line);
  }
  return lines;
}

/**
 * True when a gist line states something a fact line does not: a figure, or a name (place, party) the line lacks.
 * Another day alone is not enough: the story's dates are in the line under it, and "Visit · Ankara · 30 October"
 * under a headline about that visit tells a reader nothing new.
 */
export function addsTo(facts: Pick<GistFacts, "names" | "figures">, known: string): boolean {
  if (facts.figures.length > 0) return true;
  return facts.names.some((n) => !known.includes(n));
}

/** True when an edition shows an article's gist: English edition, Arabic article with coded events. */
export function showsGist(article: Pick<Article, "lang" | "events">, lang: "ar" | "en"): boolean {
  return lang === "en" && article.lang === "ar" && (article.events?.length ?? 0) > 0;
}

// --- counts per day ------------------------------------------------------------------------------------------------

/** The event types a day's count line counts, in the order it names them. */
export const COUNTED_TYPES = ["ATTACK", "CLASH", "CASUALTIES"] as const satisfies readonly EventType[];
/** The figures it adds up (each linked to its articles). */
export const COUNTED_FIGURES = ["killed", "wounded"] as const;

export type CountedType = (typeof COUNTED_TYPES)[number];
export type CountedFigure = (typeof COUNTED_FIGURES)[number];

/** One figure of a count line: the sum, and the articles that give it (each with its own number). */
export interface FigureCount {
  what: CountedFigure;
  /** Sum of the stated numbers (a minimum when one says "at least"). */
  total: number;
  atLeast: boolean;
  sources: Array<{ article: string; n: number }>;
}

/** A day's events by type: how many articles report each counted type, and the stated killed/wounded figures. */
export interface EventCounts {
  types: Array<{ type: CountedType; count: number; articles: string[] }>;
  figures: FigureCount[];
}

/**
 * Event counts over articles (a day's, in page order). A type counts articles, not events: one lead coding an
 * attack twice (the act and its toll) is one report. A figure sums each article's largest stated number of it, so
 * a lead giving "12 killed" in two events is not counted twice; different articles may report the same toll, so the
 * page says "as reported", not "in total". Null when no article has a counted type or figure.
 */
export function eventCounts(articles: ReadonlyArray<Pick<Article, "id" | "events">>): EventCounts | null {
  const byType = new Map<CountedType, string[]>();
  const byFigure = new Map<CountedFigure, FigureCount>();
  for (const a of articles) {
    if (!a.events?.length) continue;
    const most = new Map<CountedFigure, { n: number; atLeast: boolean }>();
    for (const e of a.events) {
      if ((COUNTED_TYPES as readonly EventType[]).includes(e.type)) fileByType(byType, e.type as CountedType, a.id);
      for (const f of e.figures) {
        if (f.n === null || !(COUNTED_FIGURES as readonly string[]).includes(f.what)) continue;
        const what = f.what as CountedFigure;
        const prev = most.get(what);
        if (!prev || f.n > prev.n) most.set(what, { n: f.n, atLeast: !!f.at_least });
      }
    }
    for (const [what, { n, atLeast }] of most) {
      const acc = byFigure.get(what) ?? { what, total: 0, atLeast: false, sources: [] };
      acc.total += n;
      acc.atLeast ||= atLeast;
      acc.sources.push({ article: a.id, n });
      byFigure.set(what, acc);
    }
  }
  const types = COUNTED_TYPES.filter((t) => byType.has(t)).map((type) => ({ type, count: byType.get(type)!.length, articles: byType.get(type)! }));
  const figures = COUNTED_FIGURES.filter((w) => byFigure.has(w)).map((w) => byFigure.get(w)!);
  return types.length || figures.length ? { types, figures } : null;
}

/** One item of a count line: "Attacks 3", "Killed at least 15 (12, 3)" with each article's number a link. */
export interface CountItem {
  label: string;
  /** The count or total, in the edition's digits ("at least 15"). */
  value: string;
  /** Each article's own number, linked to it (edition-relative path); empty for type counts. */
  sources: Array<{ text: string; path: string }>;
}

/** The items of a count line in an edition (labels from src/i18n, numbers in the edition's digits). */
export function countItems(counts: EventCounts, lang: Lang): CountItem[] {
  const types = counts.types.map(({ type, count }) => ({ label: t(lang, `events.type.${type}`), value: formatNumber(lang, count), sources: [] }));
  const figures = counts.figures.map((f) => ({
    label: t(lang, `events.figure.${f.what}`),
    value: f.atLeast ? t(lang, "events.atLeast", { n: f.total }) : formatNumber(lang, f.total),
    sources: f.sources.map((s) => ({ text: formatNumber(lang, s.n), path: paths.article(s.article) })),
  }));
  return [...types, ...figures];
}

/** A count line per day over articles given latest first (a country's latest), days latest first, days without events left out. */
export function countsByDay(model: Pick<SiteModel, "articles">, ids: readonly string[], from: string | null = null): Array<{ day: string; counts: EventCounts }> {
  const days = new Map<string, Article[]>();
  for (const id of ids) {
    const view = model.articles.get(id);
    if (!view?.day || (from && view.day < from)) continue;
    days.set(view.day, [...(days.get(view.day) ?? []), view.article]);
  }
  return [...days].flatMap(([day, articles]) => {
    const counts = eventCounts(articles);
    return counts ? [{ day, counts }] : [];
  });
}

// --- an actor's events by type -------------------------------------------------------------------------------------

/** The types a by-type count line names first: violence (a day's counted types), then arrests and protests. */
const LEADING_TYPES: readonly EventType[] = [...COUNTED_TYPES, "ARREST", "PROTEST"];
/** The event types in the order a by-type count line names them: the leading types, then the schema's order. */
const TYPE_ORDER: readonly EventType[] = [...LEADING_TYPES, ...EventType.options.filter((t) => !LEADING_TYPES.includes(t))];

/** An actor's events by type: per type, the articles whose lead codes such an event with the actor as a party. */
export type ActorEventCounts = Array<{ type: EventType; articles: string[] }>;

/** Files article `id` under `type`, once. */
function fileByType<T extends EventType>(types: Map<T, string[]>, type: T, id: string): void {
  const list = types.get(type);
  if (!list) types.set(type, [id]);
  else if (!list.includes(id)) list.push(id);
}

/** Articles by type as a count line, types in `TYPE_ORDER`. */
function inTypeOrder(types: ReadonlyMap<EventType, string[]>): ActorEventCounts {
  return TYPE_ORDER.filter((t) => types.has(t)).map((type) => ({ type, articles: types.get(type)! }));
}

/**
 * The side of an event an actor is on: its coded source or target span contains one of the surfaces the tagger
 * found for the actor in that article (the same words, so no guess), or the span's English is the actor's name.
 */
function isParty(span: Event["source_actor"], surfaces: readonly string[], en: string | undefined): boolean {
  if (!span) return false;
  if (en && span.en === en) return true;
  return surfaces.some((s) => s.length > 1 && span.ar.includes(s));
}

/**
 * Every actor's events by type, in one pass over the articles (the actor pages read it by id). An article counts
 * once per type and actor: one lead coding an attack and its toll with the actor as the attacker is one attack.
 * `current` maps a tagged id to the actor's current id (former ids); `en` gives an actor's English name.
 */
export function actorEventIndex(
  articles: Iterable<Pick<Article, "id" | "events" | "mentions">>,
  current: (id: string) => string | null,
  en: (id: string) => string | undefined,
): Map<string, ActorEventCounts> {
  const byActor = new Map<string, Map<EventType, string[]>>();
  for (const a of articles) {
    if (!a.events?.length) continue;
    const surfaces = new Map<string, string[]>();
    for (const m of a.mentions) {
      if (m.ref.startsWith("country:")) continue;
      const id = current(m.ref);
      if (id) surfaces.set(id, [...(surfaces.get(id) ?? []), m.surface]);
    }
    for (const [id, forms] of surfaces) {
      const name = en(id);
      for (const e of a.events) {
        if (!isParty(e.source_actor, forms, name) && !isParty(e.target_actor, forms, name)) continue;
        let types = byActor.get(id);
        if (!types) byActor.set(id, (types = new Map()));
        fileByType(types, e.type, a.id);
      }
    }
  }
  const out = new Map<string, ActorEventCounts>();
  for (const [id, types] of byActor) out.set(id, inTypeOrder(types));
  return out;
}

const indexes = new WeakMap<object, Map<string, ActorEventCounts>>();

/** An actor's events by type over the site model (the index is built once per model). */
export function actorEvents(model: Pick<SiteModel, "articles" | "actors" | "resolveRef">, id: string): ActorEventCounts {
  let index = indexes.get(model);
  if (!index) {
    index = actorEventIndex(
      [...model.articles.values()].map((v) => v.article),
      (ref) => {
        const page = model.resolveRef(ref);
        return page?.kind === "actor" ? page.id : null;
      },
      (ref) => model.actors.get(ref)?.names.en,
    );
    indexes.set(model, index);
  }
  return index.get(id) ?? [];
}

/**
 * The items of an actor's count line: "Attacks 2 (3 Nov, 5 Nov)", each article linked by its day (a single
 * article's count is itself the link), latest first. `day` gives an article's day for the link text.
 */
export function actorCountItems(counts: ActorEventCounts, lang: Lang, day: (id: string) => string | null): CountItem[] {
  return counts.map(({ type, articles }) => {
    const dated = articles.map((id) => ({ id, day: day(id) ?? "" })).sort((a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : 0));
    return {
      label: t(lang, `events.type.${type}`),
      value: formatNumber(lang, articles.length),
      sources: dated.map((a, k) => ({ text: a.day ? formatShortDate(lang, a.day) : formatNumber(lang, k + 1), path: paths.article(a.id) })),
    };
  });
}

/**
 * A country's events by type over its articles (ids latest first, from a day on): an event counts when its place is
 * in the country, or when it has no place and the article is filed under the country. An article counts once per type.
 */
export function countryEvents(model: Pick<SiteModel, "articles">, ids: readonly string[], code: string, from: string | null = null): ActorEventCounts {
  const types = new Map<EventType, string[]>();
  for (const id of ids) {
    const view = model.articles.get(id);
    if (!view?.article.events?.length || (from && view.day && view.day < from)) continue;
    for (const e of view.article.events) {
      const here = e.place?.country ? e.place.country === code : view.primaryCountry === code;
      if (here) fileByType(types, e.type, id);
    }
  }
  return inTypeOrder(types);
}

/** The items of any by-type count line (an actor's, a country's): the same as `actorCountItems`. */
export const typeCountItems = actorCountItems;

/** Every event type over a set of articles (a day's brief): an article counts once per type, whatever the place. */
export function typeCounts(model: Pick<SiteModel, "articles">, ids: readonly string[]): ActorEventCounts {
  const types = new Map<EventType, string[]>();
  for (const id of ids) {
    for (const e of model.articles.get(id)?.article.events ?? []) fileByType(types, e.type, id);
  }
  return inTypeOrder(types);
}
