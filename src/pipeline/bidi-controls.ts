/**
 * Explicit bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) in a scraped title or name can
 * make it display as different text (an RLO reverses what follows). Titles, names and the summary (a lead quoted
 * from the body) are shown in page titles, briefs, links, meta descriptions, feeds and cards, so they are stripped
 * there; the body keeps its text verbatim and the site renders it inside `dir="auto"` blocks.
 */
import type { ExtractedArticle } from "../schemas/article.ts";
import { stripBidiControls } from "../lib/text-safety.ts";

const strip = (s: string | null): string | null => (s === null ? null : stripBidiControls(s).trim() || null);

/** The article with bidi controls removed from every title, name and summary field (not from the body). */
export function neutraliseBidiInNames<T extends Pick<ExtractedArticle, "title" | "subtitle" | "source" | "author" | "dateline" | "captions" | "actors" | "places"> & { summary?: string | null }>(a: T): T {
  return {
    ...a,
    ...(a.summary === undefined ? {} : { summary: strip(a.summary) }),
    title: strip(a.title),
    subtitle: strip(a.subtitle),
    source: strip(a.source),
    author: strip(a.author),
    dateline: strip(a.dateline),
    captions: a.captions.map(stripBidiControls),
    actors: a.actors.map((x) => ({ ...x, ar: stripBidiControls(x.ar), en: stripBidiControls(x.en) })),
    places: a.places.map((p) => ({ ...p, ar: stripBidiControls(p.ar), en: stripBidiControls(p.en) })),
  };
}
