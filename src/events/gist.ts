/**
 * The English gist of an event (codebook §8), built only from its fields:
 * `<Type> · <place (Country)> · <source> → <target> [· figures] [· date]`; meetings, calls, agreements and
 * ceasefires write "A and B"; casualties write `· figures · victims · by source`.
 */
import { countryName } from "../entities/countries.ts";
import type { Event, EventFigure, EventType } from "../schemas/event.ts";

/** Type labels. */
export const TYPE_LABELS: Record<EventType, string> = {
  MEET: "Meeting", VISIT: "Visit", CALL: "Call", STATEMENT: "Statement", APPEAL: "Appeal", ACCUSE: "Accusation",
  THREATEN: "Threat", AGREE: "Agreement", CEASEFIRE: "Ceasefire", AID: "Aid", ATTACK: "Attack", CLASH: "Clashes",
  CASUALTIES: "Casualties", ARREST: "Arrest", PROTEST: "Protest", ELECTION: "Election", APPOINT: "Appointment",
  DISMISS: "Dismissal", SANCTION: "Sanctions", DEPLOY: "Deployment", OTHER: "Event",
};

const SYMMETRIC = new Set<EventType>(["MEET", "CALL", "AGREE", "CEASEFIRE"]);

/** "12 killed", "at least 80 killed", "several killed". */
export function figureText(f: EventFigure): string {
  const what = f.what === "other" ? (f.unit ?? "") : f.what;
  const n = f.n === null ? "several" : `${f.at_least ? "at least " : ""}${f.n}`;
  return `${n} ${what}`.trim();
}

/** The fields a gist is built from. */
export type GistFields = Pick<Event, "type" | "source_actor" | "target_actor" | "place" | "figures" | "date">;

/**
 * The pieces of a gist between its type label and its date (place, parties, figures; empty ones left out), the
 * names they show and the figures. `bareTarget`: whether a target with no source reads "→ target" (the site leaves
 * it out: a bare arrow tells a reader nothing).
 */
export function gistPieces(e: GistFields, bareTarget = true): { pieces: string[]; names: string[]; figures: string[] } {
  const pieces: string[] = [];
  const names: string[] = [];
  if (e.place) {
    const country = e.place.country ? (countryName(e.place.country, "en") ?? e.place.country) : null;
    const name = e.place.ar ? e.place.en : "";
    pieces.push(name && country && name !== country ? `${name} (${country})` : name || country || e.place.en);
    names.push(...[name, country, e.place.en].filter((n): n is string => !!n));
  }
  const src = e.source_actor?.en ?? null;
  const tgt = e.target_actor?.en ?? null;
  const figures = e.figures.map(figureText);
  if (e.type === "CASUALTIES") {
    if (figures.length) pieces.push(figures.join(", "));
    if (tgt) pieces.push(tgt);
    if (src) pieces.push(`by ${src}`);
    names.push(...[tgt, src].filter((n): n is string => !!n));
  } else {
    if (src && tgt) pieces.push(SYMMETRIC.has(e.type) ? `${src} and ${tgt}` : `${src} → ${tgt}`);
    else if (src) pieces.push(src);
    else if (tgt && bareTarget) pieces.push(`→ ${tgt}`);
    if (src || bareTarget) names.push(...[src, tgt].filter((n): n is string => !!n));
    if (figures.length) pieces.push(figures.join(", "));
  }
  return { pieces: pieces.filter(Boolean), names, figures };
}

/** One English line for an event. */
export function gistLine(e: GistFields): string {
  return [TYPE_LABELS[e.type], ...gistPieces(e).pieces, e.date].filter(Boolean).join(" · ");
}
