/** Phase 3b: stories grouped by id in one pass over the ordered articles; and lookups by article index. */
import { deriveStories, ownLanguageSummary, type StoryArticle } from "../stories.ts";
import { isoWeek } from "./days.ts";
import { STORY_PAGE_MIN_ARTICLES } from "./settings.ts";
import type { ArticleView, SiteStory } from "./types.ts";

/** Day lookups over the ordered article views (posting lists hold their indexes). */
export interface DayLookup {
  dayOf(i: number): string | null;
  /** The ISO week of a day, memoised for the build. */
  weekOf(day: string): { week: string; monday: string };
  /** The days of a posting list's dated articles, in list order. */
  datedDays(list: readonly number[]): string[];
}

export function dayLookup(ordered: readonly ArticleView[]): DayLookup {
  const dayOf = (i: number) => ordered[i]!.day;
  const weeksOfDays = new Map<string, { week: string; monday: string }>();
  const weekOf = (day: string) => {
    let w = weeksOfDays.get(day);
    if (!w) weeksOfDays.set(day, (w = isoWeek(day)));
    return w;
  };
  const datedDays = (list: readonly number[]) => list.map(dayOf).filter((d): d is string => d !== null);
  return { dayOf, weekOf, datedDays };
}

export interface StoryIndex {
  stories: Map<string, SiteStory>;
  storyOf(id: string): SiteStory;
  /** Distinct stories of a run of article indexes, in the run's order. */
  storiesIn(indexes: Iterable<number>, limit?: number): string[];
}

export function indexStories(ordered: readonly ArticleView[]): StoryIndex {
  const storyInputs: StoryArticle[] = ordered.map((v) => ({
    id: v.article.id,
    story: v.story,
    day: v.day,
    lang: v.article.lang,
    outlets: v.outlets,
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
  const storiesIn = (indexes: Iterable<number>, limit = Infinity): string[] => {
    const out = new Set<string>();
    for (const i of indexes) {
      out.add(ordered[i]!.story);
      if (out.size >= limit) break;
    }
    return [...out];
  };
  return { stories, storyOf, storiesIn };
}
