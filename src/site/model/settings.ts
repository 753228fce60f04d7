/** The site model's thresholds: how much each page lists, and the windows aggregates look through. */
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
/**
 * How many categories a feed item carries: the story's (or article's) most-named actors. Feed readers show them as an
 * item's tags, and past a dozen they are noise; a story reported by many outlets names a hundred actors (at 10,000
 * articles the per-actor story feeds were 167 MB, mostly categories, for 25 items each).
 */
export const FEED_ITEM_CATEGORIES = 12;
