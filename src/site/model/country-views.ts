/** Phase 4b: one view per country named by an article or home to a curated actor, from its own posting list only. */
import { rankStories } from "../stories.ts";
import type { Bilingual } from "../../schemas/common.ts";
import { bump, topCounts } from "./counts.ts";
import { buildTimeline, shiftDay } from "./days.ts";
import type { Postings } from "./postings.ts";
import { COUNTRY_STORY_DAYS, ENTITY_STORIES, TOP_ACTORS, WEEK_STORIES } from "./settings.ts";
import type { DayLookup, StoryIndex } from "./story-index.ts";
import type { ActorView, CountryView, CountryWeek } from "./types.ts";

export function buildCountryViews(
  actors: ReadonlyMap<string, ActorView>,
  postings: Pick<Postings, "countryArticles" | "countryActors" | "ordered">,
  days: DayLookup,
  storyIndex: Pick<StoryIndex, "storiesIn" | "storyOf">,
  countryNames: ReadonlyMap<string, Bilingual>,
  latest: number,
): Map<string, CountryView> {
  const { countryArticles, countryActors, ordered } = postings;
  const { datedDays, dayOf, weekOf } = days;
  const { storiesIn, storyOf } = storyIndex;
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
      latest: list.slice(0, latest).map((i) => ordered[i]!.article.id),
      topActors: topCounts(countryActors.get(code) ?? new Map(), TOP_ACTORS),
      actorsFrom: (actorsFrom.get(code) ?? []).sort(),
      timeline: buildTimeline(days),
      recentStories,
      recentFrom,
      weeks,
    });
  }
  return countries;
}
