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

/** One English line for an event. */
export function gistLine(e: Pick<Event, "type" | "source_actor" | "target_actor" | "place" | "figures" | "date">): string {
  const parts: string[] = [TYPE_LABELS[e.type]];
  if (e.place) {
    const country = e.place.country ? (countryName(e.place.country, "en") ?? e.place.country) : null;
    const name = e.place.ar ? e.place.en : "";
    parts.push(name && country && name !== country ? `${name} (${country})` : name || country || e.place.en);
  }
  const src = e.source_actor?.en;
  const tgt = e.target_actor?.en;
  const figures = e.figures.map(figureText).join(", ");
  if (e.type === "CASUALTIES") {
    if (figures) parts.push(figures);
    if (tgt) parts.push(tgt);
    if (src) parts.push(`by ${src}`);
  } else {
    if (src && tgt) parts.push(SYMMETRIC.has(e.type) ? `${src} and ${tgt}` : `${src} → ${tgt}`);
    else if (src) parts.push(src);
    else if (tgt) parts.push(`→ ${tgt}`);
    if (figures) parts.push(figures);
  }
  if (e.date) parts.push(e.date);
  return parts.filter(Boolean).join(" · ");
}
