/** Phase 4c: the daily briefs (from each day's posting list) and their months. */
import { groupByCountry, rankStories } from "../stories.ts";
import { bump, topCounts } from "./counts.ts";
import { daysBetween } from "./days.ts";
import type { Postings } from "./postings.ts";
import { DEVELOPING_STORIES, NEW_AFTER_DAYS, TOP_ACTORS, TOP_STORIES } from "./settings.ts";
import type { DayLookup, StoryIndex } from "./story-index.ts";
import type { ActorView, CountryGroup, CountryView, DayBrief, MonthGroup } from "./types.ts";

/**
 * The days on which each key of a posting list (article indexes, latest first) is "new": named that day and not in
 * the `NEW_AFTER_DAYS` days before. One walk down each list's distinct days.
 */
export function newOnDays(lists: ReadonlyMap<string, readonly number[]>, dayOf: (i: number) => string | null, keep: (key: string) => boolean): Map<string, string[]> {
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

export function buildBriefs(
  postings: Pick<Postings, "actorAcc" | "countryArticles" | "dayArticles" | "ordered">,
  actors: ReadonlyMap<string, ActorView>,
  countries: ReadonlyMap<string, CountryView>,
  lookup: Pick<DayLookup, "dayOf">,
  storyIndex: Pick<StoryIndex, "storiesIn" | "storyOf">,
): { days: DayBrief[]; months: MonthGroup[] } {
  const { actorAcc, countryArticles, dayArticles, ordered } = postings;
  const { dayOf } = lookup;
  const { storiesIn, storyOf } = storyIndex;
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
      for (const o of view.outlets) outlets.add(o);
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
  return { days, months };
}
