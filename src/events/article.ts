/**
 * Events of an article: coded from the first sentence of its body with the mentions the tagger already found
 * (no second tagging), for `extract`. The coder's country forms and places are read once per process from the
 * configured content folder (`MARSAD_CONTENT_DIR`, default `content/`), like the tagger's; an article's own
 * tagged actors name its actors. English leads are coded conservatively (english.ts: an event only with a
 * knowledge-base actor, a country or a described group as its source; precision 0.92 on
 * `tests/events/fixtures/english-leads.json`).
 */
import { join } from "node:path";
import { loadSettings } from "../config.ts";
import { loadCountryLexicon } from "../entities/countries.ts";
import { loadPlaceLexicon } from "../entities/places.ts";
import type { Mention, TaggedActor } from "../schemas/article.ts";
import type { Event } from "../schemas/event.ts";
import { createEventCoder, type EventCoder } from "./code.ts";
import { leadSentence } from "./lead.ts";

let shared: EventCoder | null | undefined;

/** The process's article coder; null when the content folder has no readable country lexicons. */
function articleCoder(): EventCoder | null {
  if (shared !== undefined) return shared;
  try {
    const { contentDir } = loadSettings();
    const countries = loadCountryLexicon(join(contentDir, "countries", "forms.yaml"));
    const places = loadPlaceLexicon(join(contentDir, "countries", "places.yaml"));
    shared = createEventCoder({ countries, places });
  } catch {
    shared = null;
  }
  return shared;
}

/** What `articleEvents` reads of an article and its tags. */
export interface ArticleForEvents {
  lang: "ar" | "en";
  body: string[];
  published: string | null;
  mentions: Mention[];
  actors: Array<Pick<TaggedActor, "id" | "en" | "type">>;
}

/** The events the article's lead sentence asserts; undefined when they cannot be coded (English, no lead). */
export function articleEvents(article: ArticleForEvents, coder: EventCoder | null = articleCoder()): Event[] | undefined {
  if (!coder) return undefined;
  const lead = leadSentence(article.body, article.mentions);
  if (!lead) return undefined;
  // relative dates resolve against the publication date only: a crawl date is not when the text was written
  return coder.code({ sentence: lead.sentence, published: article.published, mentions: lead.mentions, actors: article.actors });
}
