/**
 * Entries of the Astro content collections (`src/content.config.ts`): a slim projection of the site model per
 * article, actor, country and story, for pages a site owner adds (`getCollection("articles")`, `getEntry`).
 *
 * Slim on purpose: Astro serialises every collection into its data store and compiles the store into the server
 * bundle of any page that reads a collection. Full articles (bodies, mentions, events) made that a 12 MB module at
 * 2,000 articles and cost more than half a cold site build (see src/components/site-data.ts); these entries are the
 * fields a listing needs, a few hundred bytes each. Bodies and mention data stay in the site model.
 *
 * `path` is the entry's page, edition-relative (as `paths` in src/site/urls.ts gives it): link to it as
 * `${import.meta.env.BASE_URL}${lang}/${path}`.
 */
import { z } from "zod";
import { ActorType } from "./actor.ts";
import { Bilingual, CountryCode, IsoDate, Lang } from "./common.ts";
import { Story } from "./story.ts";

/** One article. */
export const ArticleEntry = z.object({
  id: z.string(),
  lang: Lang,
  /** Title as printed (null when the page gave none), and an editor's English title. */
  title: z.string().nullable(),
  title_en: z.string().optional(),
  /** Publication date the page gave, else null; `seen` is when the page was seen, not published. */
  published: IsoDate.nullable(),
  seen: IsoDate.nullable(),
  /** The brief the article is filed under (`published`, else `seen`), or null when undated. */
  day: IsoDate.nullable(),
  /** Outlet name as written, or null. */
  source: z.string().nullable(),
  /** The page's original address, or null. */
  url: z.string().nullable(),
  /** Story id (the article's own id when it is a story of one). */
  story: z.string(),
  /** The lead in the article's own language (an editor's summary wins), or null. */
  summary: z.string().nullable(),
  /** Actor ids with a page (current ids) and country codes, in tag order. */
  actors: z.array(z.string()),
  countries: z.array(CountryCode),
  path: z.string(),
});
export type ArticleEntry = z.infer<typeof ArticleEntry>;

/** One actor with a page (curated, or discovered and named often enough to show as provisional). */
export const ActorEntry = z.object({
  id: z.string(),
  names: Bilingual,
  type: ActorType,
  /** ISO code of the country the actor is based in, or null. */
  country: z.string().nullable(),
  provisional: z.boolean(),
  /** Articles naming the actor, and the first and last day one did. */
  articles: z.number().int().nonnegative(),
  first: IsoDate.nullable(),
  last: IsoDate.nullable(),
  path: z.string(),
});
export type ActorEntry = z.infer<typeof ActorEntry>;

/** One country with a page. */
export const CountryEntry = z.object({
  code: CountryCode,
  slug: z.string(),
  names: Bilingual,
  articles: z.number().int().nonnegative(),
  first: IsoDate.nullable(),
  last: IsoDate.nullable(),
  path: z.string(),
});
export type CountryEntry = z.infer<typeof CountryEntry>;

/** One story: the shared `Story` shape, with its page (its one article's page when it has no page of its own). */
export const StoryEntry = Story.extend({ path: z.string() });
export type StoryEntry = z.infer<typeof StoryEntry>;
