/**
 * The content collections' entries (src/schemas/collections.ts) projected from the site model: pure and
 * framework-free, so the Astro loader (src/content.config.ts) is a few lines around it and tests need no Astro.
 *
 * Projected from the model rather than from the files so that a collection says what the pages say: actor ids are
 * current ids with a page, days are the briefs' days, stories are the model's (src/site/stories.ts).
 */
import type { ActorEntry, ArticleEntry, CountryEntry, StoryEntry } from "../schemas/collections.ts";
import type { SiteModel } from "./model.ts";
import { ownLanguageSummary } from "./stories.ts";
import { paths } from "./urls.ts";

/** Every collection's entries, keyed by collection name; each entry's `id` is its key in the collection. */
export interface CollectionEntries {
  articles: Array<{ id: string; data: ArticleEntry }>;
  actors: Array<{ id: string; data: ActorEntry }>;
  countries: Array<{ id: string; data: CountryEntry }>;
  stories: Array<{ id: string; data: StoryEntry }>;
}
export type CollectionName = keyof CollectionEntries;
export const COLLECTION_NAMES: readonly CollectionName[] = ["articles", "actors", "countries", "stories"];

/** The entries of every collection, in the model's orders (articles latest first). */
export function collectionEntries(model: SiteModel): CollectionEntries {
  const articles = model.latest.map((id) => {
    const { article, day, actorIds, countries, story } = model.articles.get(id)!;
    const data: ArticleEntry = {
      id,
      lang: article.lang,
      title: article.title,
      ...(article.title_en !== undefined ? { title_en: article.title_en } : {}),
      published: article.published,
      seen: article.seen,
      day,
      source: article.source,
      url: article.url ?? null,
      story,
      summary: ownLanguageSummary(article),
      actors: actorIds,
      countries,
      path: paths.article(id),
    };
    return { id, data };
  });
  const actors = [...model.actors.values()].map((a) => ({
    id: a.id,
    data: {
      id: a.id,
      names: a.names,
      type: a.type,
      country: a.country,
      provisional: a.provisional,
      articles: a.articleCount,
      first: a.firstDay,
      last: a.lastDay,
      path: paths.actor(a.id),
    } satisfies ActorEntry,
  }));
  const countries = [...model.countries.values()].map((c) => ({
    id: c.code,
    data: { code: c.code, slug: c.slug, names: c.names, articles: c.articleCount, first: c.firstDay, last: c.lastDay, path: paths.country(c.slug) } satisfies CountryEntry,
  }));
  const stories = [...model.stories.values()].map((s) => ({
    id: s.id,
    data: {
      id: s.id,
      articles: s.articles,
      lead: s.lead,
      summary: s.summary,
      outlets: s.outlets,
      langs: s.langs,
      first: s.first,
      last: s.last,
      actors: s.actors,
      countries: s.countries,
      path: s.page ? paths.story(s.id) : paths.article(s.lead),
    } satisfies StoryEntry,
  }));
  return { articles, actors, countries, stories };
}
