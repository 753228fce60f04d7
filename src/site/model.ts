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
 * Each phase is a function of its own under src/site/model/ (one file per phase, with typed input and output); this
 * module runs them in order and keeps the public names pages and stages import.
 *
 * Framework-free: the Astro side wraps `buildSiteModel` in a module-level memo (src/components/site-data.ts).
 */
import { indexActors } from "./model/actor-index.ts";
import { buildActorViews } from "./model/actor-views.ts";
import { buildBriefs } from "./model/briefs.ts";
import { buildCountryViews } from "./model/country-views.ts";
import { orderArticles } from "./model/order.ts";
import { actorRedirects, indexOrders } from "./model/orders.ts";
import { outletNames } from "./model/outlets.ts";
import { postArticles } from "./model/postings.ts";
import { relateArticles, relateStories } from "./model/related.ts";
import { dayLookup, indexStories } from "./model/story-index.ts";
import type { SiteModel, SiteModelInput } from "./model/types.ts";

export {
  CO_MENTION_LIMIT,
  COUNTRY_STORY_DAYS,
  DAILY_TIMELINE_MAX_DAYS,
  DEVELOPING_STORIES,
  ENTITY_STORIES,
  FEED_ITEM_CATEGORIES,
  NEW_AFTER_DAYS,
  OBSERVED_ROLES_LIMIT,
  RELATED_LIMIT,
  RELATED_STORIES,
  RELATED_STORY_ACTORS,
  RELATED_STORY_DAYS,
  RELATED_WINDOW,
  STORY_PAGE_MIN_ARTICLES,
  TOP_ACTORS,
  TOP_STORIES,
  WEEK_STORIES,
} from "./model/settings.ts";
export type {
  ActorMention,
  ActorRedirect,
  ActorView,
  ArticleView,
  Count,
  CountryGroup,
  CountryView,
  CountryWeek,
  DateSource,
  DayBrief,
  MonthGroup,
  SiteModel,
  SiteModelInput,
  SiteStory,
  StoryGroup,
  Timeline,
} from "./model/types.ts";
export { articleDay, buildTimeline, isoWeek } from "./model/days.ts";
export { outletNames } from "./model/outlets.ts";

/** Computes every aggregate of the site. Pure: same input, same model (all orders break ties by id). */
export function buildSiteModel(input: SiteModelInput): SiteModel {
  const { settings } = input;
  const countryNames = new Map(input.countries.map((c) => [c.code, c.names]));
  const outletIndex = outletNames(input.actors);

  const dated = orderArticles(input.articles); // 1
  const actorIndex = indexActors(input.actors, dated, settings.provisionalMinArticles); // 2
  const postings = postArticles(dated, actorIndex, countryNames, outletIndex.outlet); // 3, 3a
  const { ordered, views } = postings;
  const days = dayLookup(ordered);
  const storyIndex = indexStories(ordered); // 3b
  const actors = buildActorViews(input.actors, actorIndex, postings, days, storyIndex, countryNames, settings.latest); // 4a
  const countries = buildCountryViews(actors, postings, days, storyIndex, countryNames, settings.latest); // 4b
  const briefs = buildBriefs(postings, actors, countries, days, storyIndex); // 4c
  relateArticles(postings); // 5
  const storyList = relateStories(storyIndex.stories); // 6
  const orders = indexOrders(actors, countries);
  const redirects = actorRedirects(actorIndex.current, actors);
  const { canonical } = actorIndex;

  return {
    articles: views,
    latest: ordered.map((v) => v.article.id),
    days: briefs.days,
    dayIndex: new Map(briefs.days.map((d) => [d.day, d])),
    months: briefs.months,
    undated: ordered.filter((v) => v.day === null).map((v) => v.article.id),
    actors,
    actorOrder: orders.actorOrder,
    actorPages: orders.actorPages,
    countries,
    countryOrder: orders.countryOrder,
    countryPages: orders.countryPages,
    redirects,
    stories: storyIndex.stories,
    storyPages: storyList.filter((s) => s.page).map((s) => s.id),
    storyOrder: storyList.map((s) => s.id),
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
