/** Phases 5 and 6: related articles and related stories, from bounded windows of each shared actor's list. */
import { epochDay } from "./days.ts";
import type { Postings } from "./postings.ts";
import { RELATED_LIMIT, RELATED_STORIES, RELATED_STORY_ACTORS, RELATED_STORY_DAYS, RELATED_WINDOW } from "./settings.ts";
import type { SiteStory } from "./types.ts";

/** 5. Related articles: shared actors weighted by rarity, looked for near the article in each actor's list. Sets each view's `related`. */
export function relateArticles(postings: Pick<Postings, "actorAcc" | "ordered">): void {
  const { actorAcc, ordered } = postings;
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
}

/**
 * 6. Related stories: shared actors weighted by rarity, near in each actor's latest-first list of stories, and
 * within RELATED_STORY_DAYS of each other. Only stories with a page list them (sets their `related`).
 * Returns the stories latest first (by their last day, then id).
 */
export function relateStories(stories: ReadonlyMap<string, SiteStory>): SiteStory[] {
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
  return storyList;
}
