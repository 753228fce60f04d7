/**
 * Articles: what `extract` prints and what `ingest` writes as Markdown frontmatter.
 * The extract contract is fixed by the ingest issue; extra fields (mentions, sources) are additive.
 */
import { z } from "zod";
import { ActorType } from "./actor.ts";
import { CountryCode, IsoDate, Lang } from "./common.ts";
import { Event } from "./event.ts";

/** An actor tagged on an article, with names in both editions. */
export const TaggedActor = z.object({
  id: z.string().min(1),
  ar: z.string(),
  en: z.string(),
  type: ActorType,
  /** True when the actor comes from the discovery queue, not the curated knowledge base. */
  provisional: z.boolean().optional(),
});
export type TaggedActor = z.infer<typeof TaggedActor>;

/** A named place (city, region) with its country. */
export const Place = z.object({ ar: z.string(), en: z.string(), country: CountryCode });
export type Place = z.infer<typeof Place>;

/**
 * One occurrence of an actor or country in the body: the provenance that pages quote.
 * Offsets are UTF-16 code-unit offsets into `body[paragraph]`.
 */
export const Mention = z.object({
  /** Actor id, or `country:XX` for a country. */
  ref: z.string().min(1),
  /** Index of the paragraph in `body`. */
  paragraph: z.number().int().nonnegative(),
  /** Start and end offsets of the surface form within that paragraph. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** The text as it occurs (with clitics), e.g. «وحفتر». */
  surface: z.string(),
  /** The sentence containing the mention, verbatim. */
  sentence: z.string(),
  /** A title seen next to the name in this article (المشير، رئيس حكومة الوحدة الوطنية). */
  role: z.string().optional(),
});
export type Mention = z.infer<typeof Mention>;

/** Where an article was read from. De-duplicated articles list every copy. */
export const SourceRef = z.object({
  /** Outlet name as written, or null when the page does not say. */
  source: z.string().nullable(),
  /** Raw input file's base name. */
  file: z.string(),
  /** Position of the article within that file. */
  index: z.number().int().nonnegative(),
});
export type SourceRef = z.infer<typeof SourceRef>;

/** One cleaned article, as printed by `extract` (the scorer's contract). */
export const ExtractedArticle = z.object({
  file: z.string(),
  index: z.number().int().nonnegative(),
  /** URL-safe ASCII id, stable across runs for the same text. */
  id: z.string().regex(/^[a-z0-9-]+$/),
  lang: Lang,
  title: z.string().nullable(),
  subtitle: z.string().nullable(),
  source: z.string().nullable(),
  author: z.string().nullable(),
  dateline: z.string().nullable(),
  /** Publication date given by the page for this article; null when the text does not give it. */
  published: IsoDate.nullable(),
  /** A page-view, header or crawl date: when the page was seen, not when the article was published. */
  seen: IsoDate.nullable(),
  /** The article's own paragraphs, verbatim. */
  body: z.array(z.string()),
  captions: z.array(z.string()),
  actors: z.array(TaggedActor),
  countries: z.array(CountryCode),
  places: z.array(Place),
  /** Provenance of every actor and country mention. */
  mentions: z.array(Mention).default([]),
  /** Every copy of this article (more than one after de-duplication). */
  sources: z.array(SourceRef).default([]),
  /** True for a full "read also" article embedded in another page. */
  secondary: z.boolean().default(false),
  /**
   * The page's original http(s) address (a scraper's sidecar file, the HTML canonical link or og:url, or a
   * "URL: …" line); article pages link to it. Absent when the page does not say.
   */
  url: z.string().regex(/^https?:\/\/\S+$/i, "an http(s) address").nullable().optional(),
  /**
   * The article's lead, verbatim from the body (first sentence or two, dateline and agency furniture removed,
   * at most about 300 characters); null when the body has no usable sentence. Editors' `summary_ar`/`summary_en`
   * in frontmatter take precedence on pages.
   */
  summary: z.string().nullable().optional(),
  /**
   * Id of the story (one news development reported by one or more articles) this article belongs to.
   * Stable while the story's articles stay: it is the slug of the story's first article. See `src/stories/`.
   */
  story: z.string().regex(/^[a-z0-9-]+$/).optional(),
  /** Events the lead sentence asserts (issue 19, `src/events/`); absent for English articles. */
  events: z.array(Event).optional(),
});
export type ExtractedArticle = z.infer<typeof ExtractedArticle>;

/** A file that produced no article, and why. */
export const Skipped = z.object({ file: z.string(), reason: z.string() });
export type Skipped = z.infer<typeof Skipped>;

/** The one JSON document `extract` prints. */
export const ExtractResult = z.object({ articles: z.array(ExtractedArticle), skipped: z.array(Skipped) });
export type ExtractResult = z.infer<typeof ExtractResult>;

/**
 * Frontmatter of `content/articles/<id>.md`. The body paragraphs are the Markdown body (one paragraph per
 * block, escaped). Editors may add `title_en` / `summary_en`; the site uses them where present.
 */
export const ArticleFrontmatter = ExtractedArticle.omit({ body: true, file: true, index: true }).extend({
  /** Optional editor-supplied English title for an Arabic article. */
  title_en: z.string().optional(),
  /** Optional editor-supplied English summary. */
  summary_en: z.string().optional(),
  /** Optional editor-supplied Arabic summary (wins over the extracted `summary`). */
  summary_ar: z.string().optional(),
});
export type ArticleFrontmatter = z.infer<typeof ArticleFrontmatter>;

/** A cleaned article as the site reads it: frontmatter plus paragraphs. */
export const Article = ArticleFrontmatter.extend({ body: z.array(z.string()) });
export type Article = z.infer<typeof Article>;
