/** The site model's shapes: what pages read (public, re-exported by ../model.ts) and the per-actor accumulator. */
import type { SiteSettings } from "../../config.ts";
import type { Actor, ActorType, Role } from "../../schemas/actor.ts";
import type { Article } from "../../schemas/article.ts";
import type { Bilingual } from "../../schemas/common.ts";
import type { Country } from "../countries.ts";
import type { StoryView } from "../stories.ts";

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
  /** Its outlets, one name per outlet (a knowledge-base outlet by its English name: src/site/model/outlets.ts). */
  outlets: string[];
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
  /** Every story, most recently updated first (by its last day, then id; undated last): the story feeds' order. */
  storyOrder: readonly string[];
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

/** What one pass over the articles gathers per actor (phase 3). */
export interface ActorAcc {
  articles: number[]; // indexes into `ordered`, ascending = latest first
  mentions: number;
  co: Map<string, number>;
  countries: Map<string, number>;
  roles: Map<string, number>;
}
