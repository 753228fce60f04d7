/**
 * Stories as the site shows them: derived from the articles that carry a story id (`story` in frontmatter, written
 * by src/stories/), and ranked for briefs. Pure and framework-free: the site model (model.ts) calls these once per
 * build, pages only look the results up.
 *
 * An article without `story` is its own story (id = article id), and an article without `summary` has none, so the
 * site works on content ingested before stories existed.
 *
 * Costs: every function here is linear in the articles it is given (centrality by key frequency, not by pairs), so
 * one pass over all stories of a 10,000-article site stays in the tens of milliseconds.
 */
import type { Lang } from "../schemas/common.ts";
import type { Story, StorySummary } from "../schemas/story.ts";

/** What story derivation needs of one article (the model passes its own view of each article). */
export interface StoryArticle {
  id: string;
  /** Story id: `article.story`, else the article's own id. */
  story: string;
  /** The day the article is filed under, or null. */
  day: string | null;
  lang: Lang;
  /** Outlets that printed it: its own source first, then the sources of its de-duplicated copies. */
  outlets: readonly string[];
  /** Actor ids (current ids, with a page) and country codes the article is tagged with. */
  actors: readonly string[];
  countries: readonly string[];
  /** The country a brief files the article under, or null. */
  primaryCountry: string | null;
  /** The lead in the article's own language: an editor's summary in that language, else the extracted `summary`. */
  summary: string | null;
}

/** A story with what briefs and story pages need beyond the shared `Story` shape. */
export interface StoryView extends Story {
  /** Distinct days with an article, oldest first. */
  days: string[];
  /** The country a brief files the story under: the most common filing country of its articles, ties to the lead's. */
  primaryCountry: string | null;
}

/** An article's story id: its own `story`, else its id (each article its own story). */
export function storyIdOf(article: { id: string; story?: string | undefined }): string {
  return article.story ?? article.id;
}

/** The lead text an article offers in its own language (an editor's summary in that language wins), or null. */
export function ownLanguageSummary(article: {
  lang: Lang;
  summary?: string | null | undefined;
  summary_ar?: string | undefined;
  summary_en?: string | undefined;
}): string | null {
  const editor = article.lang === "ar" ? article.summary_ar : article.summary_en;
  const text = editor ?? article.summary ?? null;
  return text && text.trim() ? text.trim() : null;
}

/** Oldest first: by day (undated last), then id. */
function byDayThenId(a: StoryArticle, b: StoryArticle): number {
  if (a.day !== b.day) {
    if (a.day === null) return 1;
    if (b.day === null) return -1;
    return a.day < b.day ? -1 : 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** Keys by count, most first; ties keep first appearance (maps iterate in insertion order, the sort is stable). */
function byFrequency(counts: Map<string, number>): string[] {
  return [...counts].sort((a, b) => b[1] - a[1]).map(([key]) => key);
}

/**
 * The most central of a story's articles (given oldest first): the one sharing most actors and countries with the
 * others, then printed by most outlets, then the earliest. Shared keys summed over the other articles equal
 * Σ over the article's keys of (articles naming the key − 1), so this is linear, not pairwise.
 */
export function centralArticle(members: readonly StoryArticle[]): StoryArticle {
  const freq = new Map<string, number>();
  for (const a of members) {
    for (const id of new Set(a.actors)) bump(freq, `a:${id}`);
    for (const code of new Set(a.countries)) bump(freq, `c:${code}`);
  }
  let best = members[0]!;
  let bestShared = -1;
  let bestOutlets = -1;
  for (const a of members) {
    let shared = 0;
    for (const id of new Set(a.actors)) shared += freq.get(`a:${id}`)! - 1;
    for (const code of new Set(a.countries)) shared += freq.get(`c:${code}`)! - 1;
    const outlets = new Set(a.outlets).size;
    // Members are oldest first, so strict comparisons keep the earliest on ties.
    if (shared > bestShared || (shared === bestShared && outlets > bestOutlets)) {
      best = a;
      bestShared = shared;
      bestOutlets = outlets;
    }
  }
  return best;
}

/** One story from its articles (any order). */
export function deriveStory(id: string, articles: readonly StoryArticle[]): StoryView {
  // Most stories have one article (a site of 10,000 articles has thousands): no sorting or counting for them.
  if (articles.length === 1) return singleStory(id, articles[0]!);
  const members = [...articles].sort(byDayThenId);
  const lead = centralArticle(members);
  // The lead's summary, else the next article (by the same order of centrality is overkill: oldest) that has one.
  const cited = lead.summary ? lead : members.find((a) => a.summary);
  const summary: StorySummary | null = cited ? { text: cited.summary!, article: cited.id, lang: cited.lang } : null;
  const outlets: string[] = [];
  const langs: Lang[] = [];
  const actorCounts = new Map<string, number>();
  const countryCounts = new Map<string, number>();
  const filing = new Map<string, number>();
  const days: string[] = [];
  for (const a of members) {
    for (const o of a.outlets) if (!outlets.includes(o)) outlets.push(o);
    if (!langs.includes(a.lang)) langs.push(a.lang);
    for (const actor of new Set(a.actors)) bump(actorCounts, actor);
    for (const code of new Set(a.countries)) bump(countryCounts, code);
    if (a.primaryCountry) bump(filing, a.primaryCountry);
    if (a.day && days[days.length - 1] !== a.day) days.push(a.day);
  }
  let primaryCountry: string | null = null;
  let most = 0;
  for (const [code, n] of filing) {
    if (n > most || (n === most && code === lead.primaryCountry)) {
      most = n;
      primaryCountry = code;
    }
  }
  return {
    id,
    articles: members.map((a) => a.id),
    lead: lead.id,
    summary,
    outlets,
    langs,
    first: days[0] ?? null,
    last: days[days.length - 1] ?? null,
    actors: byFrequency(actorCounts),
    countries: byFrequency(countryCounts),
    days,
    primaryCountry,
  };
}

function singleStory(id: string, a: StoryArticle): StoryView {
  return {
    id,
    articles: [a.id],
    lead: a.id,
    summary: a.summary ? { text: a.summary, article: a.id, lang: a.lang } : null,
    outlets: [...new Set(a.outlets)],
    langs: [a.lang],
    first: a.day,
    last: a.day,
    actors: [...new Set(a.actors)],
    countries: [...new Set(a.countries)],
    days: a.day ? [a.day] : [],
    primaryCountry: a.primaryCountry,
  };
}

/** Every story of a set of articles, keyed by id, in order of first appearance in `articles`. */
export function deriveStories(articles: readonly StoryArticle[]): Map<string, StoryView> {
  const groups = new Map<string, StoryArticle[]>();
  for (const a of articles) {
    const list = groups.get(a.story);
    if (list) list.push(a);
    else groups.set(a.story, [a]);
  }
  const out = new Map<string, StoryView>();
  for (const [id, members] of groups) out.set(id, deriveStory(id, members));
  return out;
}

/**
 * Orders stories for a brief: reported by more outlets first, then by how central their actors are in the period
 * (`actorWeight`: how many of the period's articles name the actor, summed over the story's actors), then the most
 * recent, then id.
 */
export function rankStories<S extends Pick<StoryView, "id" | "outlets" | "actors" | "last">>(
  stories: readonly S[],
  actorWeight: (actorId: string) => number,
): S[] {
  const keyed = stories.map((s) => ({ s, outlets: s.outlets.length, weight: s.actors.reduce((sum, id) => sum + actorWeight(id), 0) }));
  keyed.sort(
    (a, b) =>
      b.outlets - a.outlets ||
      b.weight - a.weight ||
      (a.s.last === b.s.last ? 0 : a.s.last === null ? 1 : b.s.last === null ? -1 : a.s.last < b.s.last ? 1 : -1) ||
      (a.s.id < b.s.id ? -1 : a.s.id > b.s.id ? 1 : 0),
  );
  return keyed.map((k) => k.s);
}

/** Groups ranked stories by filing country: groups in the order of their best story, stories keep their rank. */
export function groupByCountry<S extends Pick<StoryView, "id" | "primaryCountry">>(ranked: readonly S[]): Array<{ country: string | null; stories: string[] }> {
  const groups = new Map<string | null, string[]>();
  for (const s of ranked) {
    const g = groups.get(s.primaryCountry);
    if (g) g.push(s.id);
    else groups.set(s.primaryCountry, [s.id]);
  }
  const out = [...groups].map(([country, stories]) => ({ country, stories }));
  // Stories that name no country read last, whatever their rank.
  return [...out.filter((g) => g.country !== null), ...out.filter((g) => g.country === null)];
}

/** A summary split into its sentences (verbatim, so joined with spaces they read as the original), for citing each. */
export function summarySentences(text: string): string[] {
  return text
    .split(/(?<=[.!?؟…»"'”])\s+(?=\S)/u)
    .reduce<string[]>((out, part) => {
      // A split after a closing quote that does not end a sentence («…» mid-sentence) is undone.
      const prev = out[out.length - 1];
      if (prev !== undefined && !/[.!?؟…]["'”»]?$/u.test(prev)) out[out.length - 1] = `${prev} ${part}`;
      else out.push(part);
      return out;
    }, [])
    .filter((s) => s.length > 0);
}

/**
 * Numbers written in a text (Western or Arabic-Indic digits, with separators), in order, without repeats. Years
 * (1900–2099 standing alone) are dates, not figures, and are left out.
 */
export function figuresIn(text: string): string[] {
  const western = text.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660)).replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
  const out: string[] = [];
  for (const m of western.matchAll(/\d+(?:[.,٫٬]\d+)*/g)) {
    const n = m[0].replace(/[٬]/g, ",").replace(/[٫]/g, ".");
    if (/^(19|20)\d\d$/.test(n)) continue;
    if (!out.includes(n)) out.push(n);
  }
  return out;
}

/** The facts of a story an edition can state without translating: all already known in that edition's language. */
export interface StoryFacts {
  place: string | null;
  date: string | null;
  /** Actor names in the edition, each with its home country's name when known. */
  actors: Array<{ name: string; country: string | null }>;
  /** Country names for countries none of the listed actors is from. */
  countries: string[];
  /** "3 outlets"; empty where the outlets are listed beside the line (a story list's meta line). */
  outlets: string;
  figures: string[];
}

/**
 * One line of known facts («Ankara · 29 October 2025 · Hakan Fidan (Türkiye), Abdul Hamid Dbeibah (Libya) ·
 * 2 outlets»): for a story in the other language, instead of a translation the site never invents.
 */
export function factLine(facts: StoryFacts, labels: { figures: (list: string) => string; listSeparator: string }): string {
  const parts: string[] = [];
  if (facts.place) parts.push(facts.place);
  if (facts.date) parts.push(facts.date);
  const who = facts.actors.map((a) => (a.country ? `${a.name} (${a.country})` : a.name));
  const named = [...who, ...facts.countries];
  if (named.length) parts.push(named.join(labels.listSeparator));
  if (facts.outlets) parts.push(facts.outlets);
  if (facts.figures.length) parts.push(labels.figures(facts.figures.join(labels.listSeparator)));
  return parts.join(" · ");
}
