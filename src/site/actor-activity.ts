/**
 * An actor's recent activity, for its share card: articles per day over the `ACTIVITY_DAYS` days ending at the card's
 * date, how many articles and stories that is, and the role the actor held on that date.
 *
 * The card's date is the actor's latest dated article (`lastDay`), not the build day: the card then says what it
 * knows as of a date it names, and changes only when a new article names the actor. Dating it by the build would
 * re-render every actor's card whenever any article arrives on a new day (about two thousand cards at bench size).
 *
 * Costs: one pass over every article's actors per model (memoised), so each card is a lookup.
 */
import { heldOn, type Role } from "../schemas/actor.ts";
import type { SiteModel } from "./model.ts";
import { epochDay, shiftDay } from "./model/days.ts";

/** Days the activity strip covers, ending at the card's date: a month reads at a glance and fits one row of bars. */
export const ACTIVITY_DAYS = 30;

export interface ActorActivity {
  /** First and last day of the window (`to` is the card's date). */
  from: string;
  to: string;
  /** Articles naming the actor per day of the window, oldest first (`ACTIVITY_DAYS` numbers). */
  days: number[];
  /** Articles and distinct stories naming the actor in the window. */
  articles: number;
  stories: number;
}

const memo = new WeakMap<SiteModel, Map<string, ActorActivity>>();

/** Every actor's activity (actors with a dated article only), computed in one pass over the articles. */
function allActivity(model: SiteModel): Map<string, ActorActivity> {
  const cached = memo.get(model);
  if (cached) return cached;
  const out = new Map<string, ActorActivity>();
  const ends = new Map<string, number>();
  const stories = new Map<string, Set<string>>();
  for (const view of model.articles.values()) {
    if (!view.day) continue;
    const day = epochDay(view.day);
    for (const id of new Set(view.actorIds)) {
      let entry = out.get(id);
      let end = ends.get(id);
      if (!entry) {
        const last = model.actors.get(id)?.lastDay;
        if (!last) continue;
        end = epochDay(last);
        entry = { from: shiftDay(last, 1 - ACTIVITY_DAYS), to: last, days: new Array<number>(ACTIVITY_DAYS).fill(0), articles: 0, stories: 0 };
        out.set(id, entry);
        ends.set(id, end);
        stories.set(id, new Set());
      }
      const slot = ACTIVITY_DAYS - 1 - (end! - day);
      if (slot < 0 || slot >= ACTIVITY_DAYS) continue;
      entry.days[slot]!++;
      entry.articles++;
      stories.get(id)!.add(view.story);
    }
  }
  for (const [id, entry] of out) entry.stories = stories.get(id)!.size;
  memo.set(model, out);
  return out;
}

/** An actor's activity in the `ACTIVITY_DAYS` days to its latest dated article, or null when no dated article names it. */
export function actorActivity(model: SiteModel, id: string): ActorActivity | null {
  return allActivity(model).get(id) ?? null;
}

/**
 * The role an actor held on `date`: of the roles whose period covers it, the one begun last (a role without a start
 * counts as the oldest). Null when no role covers the date: a former title is not stated as the actor's role then.
 * Without a date, the role still held (no end), else the first listed.
 */
export function roleOn(roles: readonly Role[], date: string | null): Role | null {
  if (!date) return roles.find((r) => !r.to) ?? roles[0] ?? null;
  let best: Role | null = null;
  for (const r of roles) {
    if (!heldOn(r, date)) continue;
    if (!best || (r.from ?? "") > (best.from ?? "")) best = r;
  }
  return best;
}
