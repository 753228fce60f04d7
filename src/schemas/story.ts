/**
 * Stories: one news development (a strike, a meeting, a vote, a statement) as reported by one or more articles,
 * across outlets, languages and days. Articles carry their story's id (`story` in frontmatter); the site derives
 * a `Story` per id from its articles. Grouping lives in `src/stories/`.
 */
import { z } from "zod";
import { CountryCode, IsoDate, Lang } from "./common.ts";

/** A story's lead: one article's summary, quoted verbatim and cited. */
export const StorySummary = z.object({
  /** The summary sentence(s), verbatim from the article. */
  text: z.string().min(1),
  /** Id of the article the text comes from (the story's most central article). */
  article: z.string().min(1),
  lang: Lang,
});
export type StorySummary = z.infer<typeof StorySummary>;

/** A story as the site shows it, derived from the articles that carry its id. */
export const Story = z.object({
  /** Permanent id; the story's URL is `/{lang}/stories/{id}/`. */
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** Article ids, oldest first (by day, then id). */
  articles: z.array(z.string()).min(1),
  /** The most central article (its title heads the story). */
  lead: z.string().min(1),
  summary: StorySummary.nullable(),
  /** Distinct outlets that reported the story, by first appearance; articles with no outlet are not counted. */
  outlets: z.array(z.string()),
  langs: z.array(Lang),
  /** First and last day an article of the story was dated (null when none is dated). */
  first: IsoDate.nullable(),
  last: IsoDate.nullable(),
  /** Actor ids and country codes named by the story's articles, most named first. */
  actors: z.array(z.string()),
  countries: z.array(CountryCode),
});
export type Story = z.infer<typeof Story>;
