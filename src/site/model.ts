/**
 * The site model: every aggregate the pages show, computed once per build from the content.
 *
 * Pages only look things up here. Nothing a single page does may scan all articles: at 10,000 articles and two
 * editions that would be quadratic. So this module makes a fixed number of passes:
 *   1. order articles (day desc, id) and give each its day: `published`, else `seen` (marked), else undated;
 *   2. resolve actor ids (former ids → current), count tag-only actors, decide which actors get a page;
 *   3. one pass over articles filling posting lists per actor, country and day;
 *   4. per-actor / per-country / per-day aggregates from their own posting lists only;
 *   5. related articles from a bounded window of each shared actor's posting list;
 *   6. stories (src/site/stories.ts): grouped by id in one pass (3b), ranked per day, per country's latest week and
 *      per ISO week (weekly briefs) and listed per actor from those same posting lists (4); related stories from a
 *      bounded window of each actor's story list. "New" actors and countries of a brief come from one walk down
 *      each posting list (not named in the `NEW_AFTER_DAYS` before).
 *
 * Framework-free: the Astro side wraps `buildSiteModel` in a module-level memo (src/components/site-data.ts).
 */
import { mentionLexicon } from "../entities/lexicon.ts";
import { stripBidiControls } from "../lib/text-safety.ts";
import { foldKey } from "../text/index.ts";
import type { SiteSettings } from "../config.ts";
import type { Actor, ActorType, Role } from "../schemas/actor.ts";
import type { Article } from "../schemas/article.ts";
import type { Bilingual } from "../schemas/common.ts";
import type { Country } from "./countries.ts";
import { deriveStories, groupByCountry, ownLanguageSummary, rankStories, storyIdOf, type StoryArticle, type StoryView } from "./stories.ts";

/** How many co-mentioned actors / countries an actor page lists. */
export const CO_MENTION_LIMIT = 15;
/** How many related articles an article page lists. */
export const RELATED_LIMIT = 5;
/**
 * How far (in articles, each way) along a shared actor's latest-first list related candidates are looked for.
 * Without a bound a very common actor (named in half the corpus) makes this quadratic; near-in-time articles are
 * the useful ones anyway. 25 each way keeps 10,000 articles under a second on one core.
 */
export const RELATED_WINDOW = 25;
/** How many actors a brief lists as "actors of the day", and a country page as "top actors". */
export const TOP_ACTORS = 20;
/** A timeline shorter than this many days is drawn per day, longer ones per month. */
export const DAILY_TIMELINE_MAX_DAYS = 62;
/** How many observed titles an actor page lists. */
export const OBSERVED_ROLES_LIMIT = 6;
/** How many new stories a daily brief leads with (the rest of the day is in its list of every article). */
export const TOP_STORIES = 8;
/** How many continuing ("developing") stories a daily brief lists. */
export const DEVELOPING_STORIES = 8;
/** An actor or country is "new" in a brief when no article named it in this many days before (not "ever"). */
export const NEW_AFTER_DAYS = 30;
/** A country page opens with the top stories of this many days (ending at its latest article). */
export const COUNTRY_STORY_DAYS = 7;
/** How many stories a country page opens with, and an actor page. */
export const ENTITY_STORIES = 8;
/**
 * A story gets its own page from this many articles: a one-article story's page would repeat the article page, so
 * its links go to the article (its id is the article's id, so the story URL appears, stable, once a second joins).
 */
export const STORY_PAGE_MIN_ARTICLES = 2;
/** How many stories a country's weekly brief lists (ranked; the rest are in the country's feed and pages). */
export const WEEK_STORIES = 20;
/** How many related stories a story page lists, and how far apart in days they may be. */
export const RELATED_STORIES = 5;
export const RELATED_STORY_DAYS = 14;
/** How many of a story's actors (most named first) related stories are looked for through. */
export const RELATED_STORY_ACTORS = 6;

export type DateSource = "published" | "seen" | "none";

/** An article with what the site derives from it. */
export interface ArticleView {
  article: Article;
  /** The brief it belongs to: `published`, else `seen`, else null. */
  day: string | null;
  dateSource: DateSource;
  /** Tagged actors that have a page, current ids, in tag order, without duplicates. */
  actorIds: string[];
  /** Tagged countries that have a page, in tag order. */
  countries: string[];
  /** The country the article is filed under in a brief: most mentioned (counting actors based there), then first tagged. */
  primaryCountry: string | null;
  /** Related articles by shared actors, best first. */
  related: string[];
  /** The story it belongs to (`article.story`, else its own id). */
  story: string;
}

/** A story with its related stories and whether it has a page of its own. */
export interface SiteStory extends StoryView {
  /** True when the story has a page (`STORY_PAGE_MIN_ARTICLES`); otherwise links go to its one article. */
  page: boolean;
  /** Related stories (shared actors, near in time), best first; computed for stories with a page. */
  related: string[];
}

/** Ranked stories under one filing country. */
export interface StoryGroup {
  country: string | null;
  stories: string[];
}

export interface Count<K extends string = string> {
  key: K;
  count: number;
}

/** Articles per bucket, with empty buckets filled so the axis is continuous. */
export interface Timeline {
  unit: "day" | "month";
  /** `YYYY-MM-DD` or `YYYY-MM`, oldest first. */
  buckets: Count[];
}

export interface CountryGroup {
  /** Country code, or null for articles that name no country. */
  country: string | null;
  articleIds: string[];
}

export interface DayBrief {
  day: string;
  /** Articles of the day in page order. */
  articleIds: string[];
  groups: CountryGroup[];
  /** Actors named that day, by number of articles. */
  actors: Count[];
  /** Actors and countries not named in the `NEW_AFTER_DAYS` days before (empty for the first brief). */
  newActors: string[];
  newCountries: string[];
  /** The day's top new stories (first reported that day), ranked, grouped by country. */
  topStories: StoryGroup[];
  /** Stories begun on earlier days with articles on this one, ranked. */
  developing: string[];
  /** Stories with an article that day (new and developing), and distinct outlets that day. */
  storyCount: number;
  outletCount: number;
  /** How many of the day's articles are placed by the date they were seen (no publication date). */
  seenOnly: number;
  previous: string | null;
  next: string | null;
}

export interface MonthGroup {
  /** `YYYY-MM` */
  month: string;
  /** Days latest first, with their article counts. */
  days: Count[];
}

export interface ActorMention {
  articleId: string;
  /** The sentence naming the actor (the first mention in the article), verbatim; null when the article has none. */
  sentence: string | null;
  surface: string | null;
}

export interface ActorView {
  id: string;
  names: Bilingual;
  aliases: { ar: string[]; en: string[] };
  type: ActorType;
  country: string | null;
  /** Id of the actor this one belongs to, when that actor has a page. */
  affiliation: string | null;
  /** Actors that name this one as their affiliation. */
  members: string[];
  roles: Role[];
  description: Bilingual | null;
  wikidata: string | null;
  formerIds: string[];
  /** Discovered, not confirmed by an editor (from the knowledge base flag, or only known from article tags). */
  provisional: boolean;
  /** True when the actor is in the curated knowledge base. */
  curated: boolean;
  articleCount: number;
  /** Number of mention occurrences (provenance records) across all articles. */
  mentionCount: number;
  firstDay: string | null;
  lastDay: string | null;
  timeline: Timeline;
  coActors: Count[];
  countries: Count[];
  /** Titles seen next to the name in articles (`Mention.role`), most frequent first. */
  observedRoles: Count[];
  latest: ActorMention[];
  /** Latest stories involving the actor, latest first. */
  stories: string[];
}

export interface CountryView {
  code: string;
  /** Lower-case code used in URLs and card paths. */
  slug: string;
  names: Bilingual;
  articleCount: number;
  firstDay: string | null;
  lastDay: string | null;
  latest: string[];
  topActors: Count[];
  /** Curated actors whose home country this is. */
  actorsFrom: string[];
  timeline: Timeline;
  /** Top stories of the `COUNTRY_STORY_DAYS` days ending at `lastDay`, ranked; with the window's first day. */
  recentStories: string[];
  recentFrom: string | null;
  /** Weekly briefs (ISO weeks with an article), latest first. */
  weeks: CountryWeek[];
}

/** One ISO week of a country: its top stories. */
export interface CountryWeek {
  /** `YYYY-Www` (ISO 8601 week). */
  week: string;
  /** Monday and Sunday of the week. */
  from: string;
  to: string;
  /** Ranked by outlets and by how often the week's articles name their actors. */
  stories: string[];
  storyCount: number;
  articleCount: number;
  /** The latest day of the week with an article. */
  lastDay: string;
}

export interface ActorRedirect {
  /** The former id (old URL segment). */
  from: string;
  /** The current id. */
  to: string;
}

export interface SiteModel {
  articles: ReadonlyMap<string, ArticleView>;
  /** Every article id, latest first; undated articles last. */
  latest: readonly string[];
  /** Briefs, latest first. */
  days: readonly DayBrief[];
  dayIndex: ReadonlyMap<string, DayBrief>;
  months: readonly MonthGroup[];
  /** Articles with neither a publication nor a seen date (in no brief). */
  undated: readonly string[];
  /**
   * Every actor of the knowledge base (and provisional ones named often enough). Only those an article names have a
   * page of their own (`actorPages`); the others keep their URL as a `noindex` reference entry, so a permalink stays
   * valid when an actor's last article goes, and the whole knowledge base stays browsable from the reference index.
   */
  actors: ReadonlyMap<string, ActorView>;
  /** Actor ids sorted by name in each edition (all actors: the reference index), and by number of articles. */
  actorOrder: { ar: readonly string[]; en: readonly string[]; mentions: readonly string[] };
  /** Ids of the actors with a page (named by at least one article), most recently named first, then by articles. */
  actorPages: readonly string[];
  countries: ReadonlyMap<string, CountryView>;
  countryOrder: { ar: readonly string[]; en: readonly string[] };
  /** Codes of the countries with a page (named by at least one article), most recently named first. */
  countryPages: readonly string[];
  redirects: readonly ActorRedirect[];
  stories: ReadonlyMap<string, SiteStory>;
  /** Ids of the stories that have a page, latest first. */
  storyPages: readonly string[];
  /** The `settings.latest` most recently updated stories (by their last day, then id), for the stories feed. */
  latestStories: readonly string[];
  /** Outlets that are knowledge-base media, by the name stories and briefs carry (the English one): both names. */
  outletNames: ReadonlyMap<string, Bilingual>;
  /** Resolves a mention `ref` (actor id, former id or `country:XX`) to a page, or null when it has none. */
  resolveRef(ref: string): { kind: "actor"; id: string } | { kind: "country"; code: string } | null;
}

export interface SiteModelInput {
  articles: readonly Article[];
  actors: readonly Actor[];
  countries: readonly Country[];
  settings: Pick<SiteSettings, "latest" | "provisionalMinArticles">;
}

interface ActorAcc {
  articles: number[]; // indexes into `ordered`, ascending = latest first
  mentions: number;
  co: Map<string, number>;
  countries: Map<string, number>;
  roles: Map<string, number>;
}

/** `published`, else `seen`: the day an article is filed under. */
export function articleDay(article: Pick<Article, "published" | "seen">): { day: string | null; source: DateSource } {
  if (article.published) return { day: article.published, source: "published" };
  if (article.seen) return { day: article.seen, source: "seen" };
  return { day: null, source: "none" };
}

function byCountDesc(a: Count, b: Count): number {
  return b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

function topCounts(map: Map<string, number>, limit: number): Count[] {
  const all: Count[] = [];
  for (const [key, count] of map) all.push({ key, count });
  all.sort(byCountDesc);
  return all.slice(0, limit);
}

function bump(map: Map<string, number>, key: string, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` day, memoised: story and brief passes compare the same few hundred days millions of times. */
const epochDays = new Map<string, number>();
function epochDay(day: string): number {
  let n = epochDays.get(day);
  if (n === undefined) {
    if (epochDays.size >= 100_000) epochDays.clear();
    n = Math.round(Date.parse(`${day}T00:00:00Z`) / 86_400_000);
    epochDays.set(day, n);
  }
  return n;
}

function daysBetween(a: string, b: string): number {
  return epochDay(b) - epochDay(a);
}

function nextDay(day: string): string {
  return shiftDay(day, 1);
}

function shiftDay(day: string, by: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + by * 86_400_000).toISOString().slice(0, 10);
}

/** The ISO 8601 week of a day (`2025-10-29` → `2025-W44`) and its Monday. */
export function isoWeek(day: string): { week: string; monday: string } {
  const d = new Date(`${day}T00:00:00Z`);
  const dow = (d.getUTCDay() + 6) % 7; // Monday = 0
  const thursday = new Date(d.getTime() + (3 - dow) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000));
  return { week: `${year}-W${String(week).padStart(2, "0")}`, monday: shiftDay(day, -dow) };
}

/** Outlets that printed an article: its own source, then its de-duplicated copies' sources. */
function outletsOf(article: Pick<Article, "source" | "sources">, outlet: (name: string) => string): string[] {
  const out: string[] = [];
  for (const name of [article.source, ...article.sources.map((s) => s.source)]) {
    const o = name ? outlet(name) : null;
    if (o && !out.includes(o)) out.push(o);
  }
  return out;
}

/**
 * One name per outlet: a source written as one of a knowledge-base media actor's names or aliases, in either
 * language («الشرق الأوسط», "Asharq Al-Awsat"), is that actor's English name, so that an outlet's two editions
 * count once in a story; `names` gives each such outlet's name in both editions for display. Other sources stay
 * as written.
 */
export function outletNames(actors: readonly Pick<Actor, "type" | "names" | "aliases" | "ambiguous_aliases">[]): { outlet: (name: string) => string; names: Map<string, Bilingual> } {
  const byKey = new Map<string, Bilingual>();
  for (const a of actors) {
    if (a.type !== "media") continue;
    // An alias ambiguous in running text («الشرق الأوسط», the region) is not ambiguous as an article's source.
    for (const form of [a.names.ar, a.names.en, ...(a.aliases?.ar ?? []), ...(a.aliases?.en ?? []), ...(a.ambiguous_aliases ?? [])]) {
      const key = foldKey(form).toLowerCase();
      if (key && !byKey.has(key)) byKey.set(key, a.names);
    }
  }
  const names = new Map<string, Bilingual>();
  const outlet = (name: string): string => {
    const known = byKey.get(foldKey(name).toLowerCase());
    if (!known) return name;
    names.set(known.en, known);
    return known.en;
  };
  return { outlet, names };
}

/**
 * The days on which each key of a posting list (article indexes, latest first) is "new": named that day and not in
 * the `NEW_AFTER_DAYS` days before. One walk down each list's distinct days.
 */
function newOnDays(lists: ReadonlyMap<string, readonly number[]>, dayOf: (i: number) => string | null, keep: (key: string) => boolean): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, list] of lists) {
    if (!keep(key)) continue;
    const days: string[] = [];
    for (const i of list) {
      const d = dayOf(i);
      if (d && days[days.length - 1] !== d) days.push(d);
    }
    days.forEach((d, i) => {
      const older = days[i + 1];
      if (older !== undefined && daysBetween(older, d) <= NEW_AFTER_DAYS) return;
      const l = out.get(d);
      if (l) l.push(key);
      else out.set(d, [key]);
    });
  }
  return out;
}

function nextMonth(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

/** Buckets the days (one entry per article) into a continuous day or month axis. */
export function buildTimeline(days: readonly string[]): Timeline {
  if (days.length === 0) return { unit: "day", buckets: [] };
  let first = days[0]!;
  let last = days[0]!;
  for (const d of days) {
    if (d < first) first = d;
    if (d > last) last = d;
  }
  const unit = daysBetween(first, last) < DAILY_TIMELINE_MAX_DAYS ? "day" : "month";
  const counts = new Map<string, number>();
  for (const d of days) bump(counts, unit === "day" ? d : d.slice(0, 7));
  const buckets: Count[] = [];
  if (unit === "day") {
    for (let d = first; d <= last; d = nextDay(d)) buckets.push({ key: d, count: counts.get(d) ?? 0 });
  } else {
    for (let m = first.slice(0, 7); m <= last.slice(0, 7); m = nextMonth(m)) buckets.push({ key: m, count: counts.get(m) ?? 0 });
  }
  return { unit, buckets };
}

/** Computes every aggregate of the site. Pure: same input, same model (all orders break ties by id). */
export function buildSiteModel(input: SiteModelInput): SiteModel {
  const { settings } = input;
  const countryNames = new Map(input.countries.map((c) => [c.code, c.names]));
  const outletIndex = outletNames(input.actors);

  // 1. Order: day desc, then id; undated last.
  const dated = input.articles.map((article) => ({ article, ...articleDay(article) }));
  dated.sort((a, b) => {
    if (a.day !== b.day) {
      if (a.day === null) return 1;
      if (b.day === null) return -1;
      return a.day < b.day ? 1 : -1;
    }
    return a.article.id < b.article.id ? -1 : a.article.id > b.article.id ? 1 : 0;
  });

  // 2. Actors: the knowledge base, former ids, and actors only known from article tags.
  const kb = new Map(input.actors.map((a) => [a.id, a]));
  const current = new Map<string, string>();
  for (const actor of input.actors) for (const old of actor.former_ids) current.set(old, actor.id);
  const canonical = (id: string) => current.get(id) ?? id;
  const tagOnly = new Map<string, { tag: Article["actors"][number]; articles: number }>();
  for (const { article } of dated) {
    const seen = new Set<string>();
    for (const tag of article.actors) {
      const id = canonical(tag.id);
      if (kb.has(id) || seen.has(id)) continue;
      seen.add(id);
      const entry = tagOnly.get(id);
      if (entry) entry.articles++;
      else tagOnly.set(id, { tag, articles: 1 });
    }
  }
  const hasPage = (id: string) => kb.has(id) || (tagOnly.get(id)?.articles ?? 0) >= settings.provisionalMinArticles;

  // 3. One pass: posting lists and per-article derived fields.
  const views = new Map<string, ArticleView>();
  const ordered: ArticleView[] = [];
  const actorAcc = new Map<string, ActorAcc>();
  const countryArticles = new Map<string, number[]>();
  const countryActors = new Map<string, Map<string, number>>();
  const dayArticles = new Map<string, number[]>();
  const countryUsed = (code: string) => countryNames.has(code);

  for (const { article, day, source } of dated) {
    const index = ordered.length;
    const actorIds: string[] = [];
    // An outlet naming itself ("…, a source told Asharq Al-Awsat" on Asharq's own page) is attribution, not news
    // about the outlet: it is no actor of the article on the site (no page, co-mention or "new actor" from it).
    const ownOutlets = outletsOf(article, outletIndex.outlet);
    const ownOutlet = (id: string) => {
      const a = kb.get(id);
      return a?.type === "media" && ownOutlets.includes(a.names.en);
    };
    for (const tag of article.actors) {
      const id = canonical(tag.id);
      if (hasPage(id) && !actorIds.includes(id) && !ownOutlet(id)) actorIds.push(id);
    }
    const countries = [...new Set(article.countries)].filter(countryUsed);
    const countryMentions = new Map<string, number>();
    const actorMentions = new Map<string, number>();
    for (const m of article.mentions) {
      if (m.ref.startsWith("country:")) bump(countryMentions, m.ref.slice(8));
      else bump(actorMentions, canonical(m.ref));
    }
    // Filed under the country it is most about: mentions of the country, plus one per tagged actor based there
    // (an article about Haftar's army that names Chad once is a Libya story); ties go to the first tagged.
    for (const id of actorIds) {
      const home = kb.get(id)?.country;
      if (home) bump(countryMentions, home);
    }
    let primaryCountry: string | null = null;
    let best = -1;
    for (const code of countries) {
      const n = countryMentions.get(code) ?? 0;
      if (n > best) {
        best = n;
        primaryCountry = code;
      }
    }
    const view: ArticleView = { article, day, dateSource: source, actorIds, countries, primaryCountry, related: [], story: storyIdOf(article) };
    views.set(article.id, view);
    ordered.push(view);

    if (day) {
      const list = dayArticles.get(day);
      if (list) list.push(index);
      else dayArticles.set(day, [index]);
    }
    for (const id of actorIds) {
      let acc = actorAcc.get(id);
      if (!acc) {
        acc = { articles: [], mentions: 0, co: new Map(), countries: new Map(), roles: new Map() };
        actorAcc.set(id, acc);
      }
      acc.articles.push(index);
      acc.mentions += actorMentions.get(id) ?? 0;
      for (const other of actorIds) if (other !== id) bump(acc.co, other);
      for (const code of countries) bump(acc.countries, code);
    }
    for (const m of article.mentions) {
      if (m.role && !m.ref.startsWith("country:")) {
        const acc = actorAcc.get(canonical(m.ref));
        if (acc) bump(acc.roles, stripBidiControls(m.role).trim());
      }
    }
    for (const code of countries) {
      const list = countryArticles.get(code);
      if (list) list.push(index);
      else countryArticles.set(code, [index]);
      let actors = countryActors.get(code);
      if (!actors) countryActors.set(code, (actors = new Map()));
      for (const id of actorIds) bump(actors, id);
    }
  }

  // 3a. An article that tags no country (its text never writes «السودان») is filed under the country its home-based
  // actors and its places point to most («حميدتي … في نيالا» is a Sudan story), if that country has a page; else it
  // stays under "no country". Only such articles are looked at again.
  for (const view of ordered) {
    if (view.countries.length > 0) continue;
    const votes = new Map<string, number>();
    for (const id of view.actorIds) {
      const home = kb.get(id)?.country;
      if (home && countryArticles.has(home)) bump(votes, home);
    }
    for (const place of view.article.places) if (place.country && countryArticles.has(place.country)) bump(votes, place.country);
    let most = 0;
    for (const [code, n] of votes) {
      if (n > most) {
        most = n;
        view.primaryCountry = code;
      }
    }
  }

  const dayOf = (i: number) => ordered[i]!.day;
  const weeksOfDays = new Map<string, { week: string; monday: string }>();
  const weekOf = (day: string) => {
    let w = weeksOfDays.get(day);
    if (!w) weeksOfDays.set(day, (w = isoWeek(day)));
    return w;
  };

  // 3b. Stories: grouped by id in one pass over the ordered articles.
  const storyInputs: StoryArticle[] = ordered.map((v) => ({
    id: v.article.id,
    story: v.story,
    day: v.day,
    lang: v.article.lang,
    outlets: outletsOf(v.article, outletIndex.outlet),
    actors: v.actorIds,
    countries: v.countries,
    primaryCountry: v.primaryCountry,
    summary: ownLanguageSummary(v.article),
  }));
  const stories = new Map<string, SiteStory>();
  for (const [id, s] of deriveStories(storyInputs)) {
    const story = s as SiteStory;
    story.page = s.articles.length >= STORY_PAGE_MIN_ARTICLES;
    story.related = [];
    stories.set(id, story);
  }
  const storyOf = (id: string) => stories.get(id)!;
  /** Distinct stories of a run of article indexes, in the run's order. */
  const storiesIn = (indexes: Iterable<number>, limit = Infinity): string[] => {
    const out = new Set<string>();
    for (const i of indexes) {
      out.add(ordered[i]!.story);
      if (out.size >= limit) break;
    }
    return [...out];
  };
  const datedDays = (list: readonly number[]) => list.map(dayOf).filter((d): d is string => d !== null);

  // 4a. Actors.
  const actors = new Map<string, ActorView>();
  const members = new Map<string, string[]>();
  for (const actor of input.actors) {
    if (actor.affiliation && kb.has(actor.affiliation)) {
      const list = members.get(actor.affiliation);
      if (list) list.push(actor.id);
      else members.set(actor.affiliation, [actor.id]);
    }
  }
  const platforms = new Set(mentionLexicon().platforms);
  const isChannel = (id: string) => platforms.has(id) || (kb.get(id)?.type ?? tagOnly.get(id)?.tag.type) === "media";
  const makeView = (id: string, base: Omit<ActorView, "articleCount" | "mentionCount" | "firstDay" | "lastDay" | "timeline" | "coActors" | "countries" | "observedRoles" | "latest" | "stories">): ActorView => {
    const acc = actorAcc.get(id);
    const list = acc?.articles ?? [];
    const days = datedDays(list);
    const firstDay = days.length ? days[days.length - 1]! : null;
    return {
      ...base,
      articleCount: list.length,
      mentionCount: acc?.mentions ?? 0,
      firstDay,
      lastDay: days.length ? days[0]! : null,
      timeline: buildTimeline(days),
      // Outlets and social platforms are where actors speak, not actors named together with them.
      coActors: acc ? topCounts(acc.co, CO_MENTION_LIMIT + 5).filter((c) => !isChannel(c.key)).slice(0, CO_MENTION_LIMIT) : [],
      countries: acc ? topCounts(acc.countries, CO_MENTION_LIMIT) : [],
      observedRoles: acc ? topCounts(acc.roles, OBSERVED_ROLES_LIMIT) : [],
      stories: storiesIn(list, ENTITY_STORIES),
      latest: list.slice(0, settings.latest).map((i) => {
        const a = ordered[i]!.article;
        const m = a.mentions.find((x) => canonical(x.ref) === id);
        // Quoted out of its paragraph, a sentence must not carry bidi overrides that would spoof the page around it.
        return {
          articleId: a.id,
          sentence: m ? stripBidiControls(m.sentence) : null,
          surface: m ? stripBidiControls(m.surface) : null,
        };
      }),
    };
  };
  for (const actor of input.actors) {
    actors.set(
      actor.id,
      makeView(actor.id, {
        id: actor.id,
        names: actor.names,
        aliases: actor.aliases,
        type: actor.type,
        country: actor.country && countryUsed(actor.country) ? actor.country : null,
        affiliation: actor.affiliation && kb.has(actor.affiliation) ? actor.affiliation : null,
        members: (members.get(actor.id) ?? []).sort(),
        roles: actor.roles,
        description: actor.description,
        wikidata: actor.wikidata ?? null,
        formerIds: actor.former_ids,
        provisional: actor.provisional,
        curated: true,
      }),
    );
  }
  for (const [id, { tag }] of tagOnly) {
    if (!hasPage(id)) continue;
    const ar = tag.ar || tag.en;
    const en = tag.en || tag.ar;
    actors.set(
      id,
      makeView(id, {
        id,
        names: { ar: ar || id, en: en || id },
        aliases: { ar: [], en: [] },
        type: tag.type,
        country: null,
        affiliation: null,
        members: [],
        roles: [],
        description: null,
        wikidata: null,
        formerIds: [],
        provisional: true,
        curated: false,
      }),
    );
  }

  // 4b. Countries: those named by an article or home to a curated actor.
  const countryCodes = new Set<string>(countryArticles.keys());
  for (const a of actors.values()) if (a.country) countryCodes.add(a.country);
  const actorsFrom = new Map<string, string[]>();
  for (const a of actors.values()) {
    if (!a.country) continue;
    const list = actorsFrom.get(a.country);
    if (list) list.push(a.id);
    else actorsFrom.set(a.country, [a.id]);
  }
  const countries = new Map<string, CountryView>();
  for (const code of [...countryCodes].sort()) {
    const list = countryArticles.get(code) ?? [];
    const days = datedDays(list);
    // The country's top stories of the week ending at its latest article, ranked by the week's actor counts.
    const recentFrom = days.length ? shiftDay(days[0]!, 1 - COUNTRY_STORY_DAYS) : null;
    const week: number[] = [];
    const weekActors = new Map<string, number>();
    if (recentFrom) {
      for (const i of list) {
        const d = dayOf(i);
        if (d === null || d < recentFrom) break;
        week.push(i);
        for (const id of ordered[i]!.actorIds) bump(weekActors, id);
      }
    }
    const recentStories = rankStories(storiesIn(week).map(storyOf), (id) => weekActors.get(id) ?? 0)
      .slice(0, ENTITY_STORIES)
      .map((s) => s.id);
    // Weekly briefs: the country's list is latest first, so each week's articles are one run of it.
    const weeks: CountryWeek[] = [];
    let run: number[] = [];
    let runWeek: { week: string; monday: string } | null = null;
    const closeWeek = () => {
      if (!runWeek || run.length === 0) return;
      const weights = new Map<string, number>();
      for (const i of run) for (const id of ordered[i]!.actorIds) bump(weights, id);
      const all = storiesIn(run);
      weeks.push({
        week: runWeek.week,
        from: runWeek.monday,
        to: shiftDay(runWeek.monday, 6),
        stories: rankStories(all.map(storyOf), (id) => weights.get(id) ?? 0).slice(0, WEEK_STORIES).map((s) => s.id),
        storyCount: all.length,
        articleCount: run.length,
        lastDay: dayOf(run[0]!)!,
      });
    };
    for (const i of list) {
      const d = dayOf(i);
      if (d === null) break;
      const w = weekOf(d);
      if (!runWeek || w.week !== runWeek.week) {
        closeWeek();
        run = [];
        runWeek = w;
      }
      run.push(i);
    }
    closeWeek();
    countries.set(code, {
      code,
      slug: code.toLowerCase(),
      names: countryNames.get(code)!,
      articleCount: list.length,
      firstDay: days.length ? days[days.length - 1]! : null,
      lastDay: days.length ? days[0]! : null,
      latest: list.slice(0, settings.latest).map((i) => ordered[i]!.article.id),
      topActors: topCounts(countryActors.get(code) ?? new Map(), TOP_ACTORS),
      actorsFrom: (actorsFrom.get(code) ?? []).sort(),
      timeline: buildTimeline(days),
      recentStories,
      recentFrom,
      weeks,
    });
  }

  // 4c. Briefs.
  const newActorsOn = newOnDays(new Map([...actorAcc].map(([id, acc]) => [id, acc.articles])), dayOf, (id) => actors.has(id));
  const newCountriesOn = newOnDays(countryArticles, dayOf, (code) => countries.has(code));
  const dayKeys = [...dayArticles.keys()]; // already latest first: `ordered` is sorted by day
  const earliest = dayKeys[dayKeys.length - 1];
  const days: DayBrief[] = dayKeys.map((day, i) => {
    const list = dayArticles.get(day)!;
    const groups = new Map<string | null, string[]>();
    const counts = new Map<string, number>();
    let seenOnly = 0;
    const outlets = new Set<string>();
    for (const index of list) {
      const view = ordered[index]!;
      if (view.dateSource === "seen") seenOnly++;
      for (const o of outletsOf(view.article, outletIndex.outlet)) outlets.add(o);
      const g = groups.get(view.primaryCountry);
      if (g) g.push(view.article.id);
      else groups.set(view.primaryCountry, [view.article.id]);
      for (const id of view.actorIds) bump(counts, id);
    }
    const groupList: CountryGroup[] = [...groups].map(([country, articleIds]) => ({ country, articleIds }));
    groupList.sort((a, b) => {
      if (a.country === null) return 1;
      if (b.country === null) return -1;
      return b.articleIds.length - a.articleIds.length || (a.country < b.country ? -1 : 1);
    });
    const isFirst = day === earliest;
    const dayStories = storiesIn(list).map(storyOf);
    const weight = (id: string) => counts.get(id) ?? 0;
    const top = rankStories(dayStories.filter((s) => s.first === day), weight).slice(0, TOP_STORIES);
    const developing = rankStories(dayStories.filter((s) => s.first !== null && s.first < day), weight).slice(0, DEVELOPING_STORIES);
    return {
      day,
      articleIds: list.map((index) => ordered[index]!.article.id),
      groups: groupList,
      actors: topCounts(counts, TOP_ACTORS),
      newActors: isFirst ? [] : (newActorsOn.get(day) ?? []).sort(),
      newCountries: isFirst ? [] : (newCountriesOn.get(day) ?? []).sort(),
      seenOnly,
      topStories: groupByCountry(top),
      developing: developing.map((s) => s.id),
      storyCount: dayStories.length,
      outletCount: outlets.size,
      previous: dayKeys[i + 1] ?? null,
      next: i > 0 ? dayKeys[i - 1]! : null,
    };
  });
  const months: MonthGroup[] = [];
  for (const brief of days) {
    const month = brief.day.slice(0, 7);
    let group = months[months.length - 1];
    if (!group || group.month !== month) months.push((group = { month, days: [] }));
    group.days.push({ key: brief.day, count: brief.articleIds.length });
  }

  // 5. Related articles: shared actors weighted by rarity, looked for near the article in each actor's list.
  const total = ordered.length;
  const idf = new Map<string, number>();
  for (const [id, acc] of actorAcc) idf.set(id, Math.log(1 + total / acc.articles.length));
  const position = new Map<string, Map<number, number>>();
  for (const [id, acc] of actorAcc) position.set(id, new Map(acc.articles.map((index, p) => [index, p])));
  // Scores live in one array reused for every article (only touched slots are reset), and the best few are picked
  // by insertion rather than sorting every candidate: this loop runs once per article.
  const score = new Float64Array(total);
  const touched: number[] = [];
  ordered.forEach((view, index) => {
    for (const id of view.actorIds) {
      const list = actorAcc.get(id)!.articles;
      const p = position.get(id)!.get(index)!;
      const weight = idf.get(id)!;
      for (let q = Math.max(0, p - RELATED_WINDOW); q < Math.min(list.length, p + RELATED_WINDOW + 1); q++) {
        const other = list[q]!;
        if (other === index) continue;
        if (score[other] === 0) touched.push(other);
        score[other] = score[other]! + weight;
      }
    }
    const best: number[] = [];
    const better = (a: number, b: number) =>
      score[a]! > score[b]! || (score[a] === score[b] && (Math.abs(a - index) < Math.abs(b - index) || (Math.abs(a - index) === Math.abs(b - index) && a < b)));
    for (const other of touched) {
      if (best.length === RELATED_LIMIT && !better(other, best[RELATED_LIMIT - 1]!)) continue;
      let at = best.length < RELATED_LIMIT ? best.length : RELATED_LIMIT - 1;
      best[at] = other;
      while (at > 0 && better(best[at]!, best[at - 1]!)) {
        [best[at], best[at - 1]] = [best[at - 1]!, best[at]!];
        at--;
      }
    }
    for (const other of touched) score[other] = 0;
    touched.length = 0;
    view.related = best.map((i) => ordered[i]!.article.id);
  });

  // 6. Related stories: shared actors weighted by rarity, near in each actor's latest-first list of stories, and
  // within RELATED_STORY_DAYS of each other. Only stories with a page list them.
  const storyList = [...stories.values()].sort((a, b) =>
    a.last === b.last ? (a.id < b.id ? -1 : 1) : a.last === null ? 1 : b.last === null ? -1 : a.last < b.last ? 1 : -1,
  );
  const actorStories = new Map<string, number[]>();
  storyList.forEach((s, k) => {
    for (const id of s.actors) {
      const l = actorStories.get(id);
      if (l) l.push(k);
      else actorStories.set(id, [k]);
    }
  });
  const storyPosition = new Map<string, Map<number, number>>();
  const storyScore = new Float64Array(storyList.length);
  const storyTouched: number[] = [];
  const storyDay = Int32Array.from(storyList, (s) => (s.last ? epochDay(s.last) : 0));
  storyList.forEach((s, k) => {
    if (!s.page) return;
    // The story's most named actors are enough to find its neighbours, and keep the work per story bounded.
    for (const id of s.actors.slice(0, RELATED_STORY_ACTORS)) {
      const list = actorStories.get(id)!;
      let pos = storyPosition.get(id);
      if (!pos) storyPosition.set(id, (pos = new Map(list.map((x, p) => [x, p]))));
      const p = pos.get(k)!;
      const weight = Math.log(1 + storyList.length / list.length);
      for (let q = Math.max(0, p - RELATED_WINDOW); q < Math.min(list.length, p + RELATED_WINDOW + 1); q++) {
        const other = list[q]!;
        if (other === k) continue;
        if (storyDay[k] && storyDay[other] && Math.abs(storyDay[k]! - storyDay[other]!) > RELATED_STORY_DAYS) continue;
        if (storyScore[other] === 0) storyTouched.push(other);
        storyScore[other] = storyScore[other]! + weight;
      }
    }
    storyTouched.sort((a, b) => storyScore[b]! - storyScore[a]! || Math.abs(a - k) - Math.abs(b - k) || a - b);
    s.related = storyTouched.slice(0, RELATED_STORIES).map((x) => storyList[x]!.id);
    for (const x of storyTouched) storyScore[x] = 0;
    storyTouched.length = 0;
  });

  // Orders for the index pages.
  const actorIds = [...actors.keys()];
  const byName = (lang: "ar" | "en") => {
    const collator = new Intl.Collator(lang === "ar" ? "ar" : "en", { sensitivity: "base", numeric: true });
    return [...actorIds].sort((a, b) => collator.compare(actors.get(a)!.names[lang], actors.get(b)!.names[lang]) || (a < b ? -1 : 1));
  };
  const byMentions = [...actorIds].sort(
    (a, b) => actors.get(b)!.articleCount - actors.get(a)!.articleCount || (a < b ? -1 : 1),
  );
  // Recent activity: latest day named, then number of articles, then id (undated-only actors after dated ones).
  const byActivity = <T extends { lastDay: string | null; articleCount: number }>(get: (id: string) => T) => (a: string, b: string) => {
    const x = get(a);
    const y = get(b);
    if (x.lastDay !== y.lastDay) return x.lastDay === null ? 1 : y.lastDay === null ? -1 : x.lastDay < y.lastDay ? 1 : -1;
    return y.articleCount - x.articleCount || (a < b ? -1 : 1);
  };
  const actorPages = actorIds.filter((id) => actors.get(id)!.articleCount > 0).sort(byActivity((id) => actors.get(id)!));
  const countryIds = [...countries.keys()];
  const countryPages = countryIds.filter((code) => countries.get(code)!.articleCount > 0).sort(byActivity((code) => countries.get(code)!));
  const countriesByName = (lang: "ar" | "en") => {
    const collator = new Intl.Collator(lang, { sensitivity: "base" });
    return [...countryIds].sort((a, b) => collator.compare(countries.get(a)!.names[lang], countries.get(b)!.names[lang]) || (a < b ? -1 : 1));
  };

  const redirects: ActorRedirect[] = [];
  for (const [from, to] of current) if (actors.has(to) && !actors.has(from)) redirects.push({ from, to });
  redirects.sort((a, b) => (a.from < b.from ? -1 : 1));

  return {
    articles: views,
    latest: ordered.map((v) => v.article.id),
    days,
    dayIndex: new Map(days.map((d) => [d.day, d])),
    months,
    undated: ordered.filter((v) => v.day === null).map((v) => v.article.id),
    actors,
    actorOrder: { ar: byName("ar"), en: byName("en"), mentions: byMentions },
    actorPages,
    countries,
    countryOrder: { ar: countriesByName("ar"), en: countriesByName("en") },
    countryPages,
    redirects,
    stories,
    storyPages: storyList.filter((s) => s.page).map((s) => s.id),
    latestStories: storyList.slice(0, settings.latest).map((s) => s.id),
    outletNames: outletIndex.names,
    resolveRef(ref) {
      if (ref.startsWith("country:")) {
        const code = ref.slice(8);
        return countries.has(code) ? { kind: "country", code } : null;
      }
      const id = canonical(ref);
      return actors.has(id) ? { kind: "actor", id } : null;
    },
  };
}
