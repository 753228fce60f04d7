/** Phase 2: actors: the knowledge base, former ids, and actors only known from article tags. */
import type { Actor } from "../../schemas/actor.ts";
import type { Article } from "../../schemas/article.ts";
import type { DatedArticle } from "./order.ts";

export interface ActorIndex {
  /** The knowledge base by id. */
  kb: Map<string, Actor>;
  /** Former id → current id. */
  current: Map<string, string>;
  canonical(id: string): string;
  /** Actors only known from article tags, with the first tag naming them and how many articles do. */
  tagOnly: Map<string, { tag: Article["actors"][number]; articles: number }>;
  /** Whether an actor (current id) gets a page: curated, or tagged by enough articles. */
  hasPage(id: string): boolean;
}

export function indexActors(actors: readonly Actor[], dated: readonly DatedArticle[], provisionalMinArticles: number): ActorIndex {
  const kb = new Map(actors.map((a) => [a.id, a]));
  const current = new Map<string, string>();
  for (const actor of actors) for (const old of actor.former_ids) current.set(old, actor.id);
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
  const hasPage = (id: string) => kb.has(id) || (tagOnly.get(id)?.articles ?? 0) >= provisionalMinArticles;
  return { kb, current, canonical, tagOnly, hasPage };
}
