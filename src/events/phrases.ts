/**
 * Noun phrases and the actors they name. A phrase runs from a word to the first bound (a preposition, a time
 * word, a trigger, a relative pronoun, a number, a comma); names the tagger found are never cut. An actor is a
 * phrase rendered in English from the best entity inside it: a knowledge-base actor, a described group (with its
 * country: "Turkish soldiers"), a country, or failing those a romanisation.
 */
import { romanise } from "../entities/discover.ts";
import type { EventActor } from "../schemas/event.ts";
import type { EventLexicon } from "./lexicon.ts";
import { longestAt, spanText, type Sentence } from "./text.ts";

/** Something named in the sentence, as a token span. */
export interface Entity {
  from: number;
  to: number;
  kind: "actor" | "country" | "group" | "pronoun";
  en: string;
  /** Country of the actor (knowledge base), or of the country form. */
  country?: string;
  person?: boolean;
  /** A country form that is an adjective («الإسرائيلية»). */
  adjective?: boolean;
  /** Implied count of a group noun (singular 1, dual 2). */
  count?: number;
}

/** A token span. */
export interface Span {
  from: number;
  to: number;
}

/** What phrase building needs, computed once per sentence. */
export interface PhraseContext {
  s: Sentence;
  lex: EventLexicon;
  entities: Entity[];
  /** Token index → the entity covering it (the longest). */
  cover: Array<Entity | undefined>;
  /** Token indexes where a trigger or a reporting verb starts. */
  verbs: Set<number>;
  /** Token indexes covered by time expressions. */
  times: Set<number>;
  titleWords: Set<string>;
  /** English demonym per country code. */
  demonym: (code: string) => string | undefined;
  countryName: (code: string) => string | undefined;
  maxTokens: number;
  maxApposition: number;
}

const CONJ = "\u0648"; // و

/** True when token i ends a phrase that started before it. */
export function isBound(ctx: PhraseContext, i: number): boolean {
  const { s, lex } = ctx;
  const t = s.toks[i]!;
  if (ctx.cover[i] && ctx.cover[i]!.from < i) return false;
  if (/[,،؛;:.!?؟()\[\]]/.test(t.before)) return true;
  if (ctx.times.has(i) || ctx.verbs.has(i) || t.digits) return true;
  if (longestAt(s, i, lex.cue.prepositions) || longestAt(s, i, lex.cue.relative)) return true;
  if (longestAt(s, i, lex.numbers.phrases.vague)) return true;
  if (t.norm.startsWith("\u0628") && !ctx.cover[i]) {
    // «بالعنف», «بإجراء»: a preposition written on the word; names starting with ب («بايدن») are not cut
    for (const st of t.stems) {
      if (st === t.norm) continue;
      if (st.startsWith("\u0627\u0644") || lex.cue.prefixed_boundaries.some((p) => p.length === 1 && p[0] === st)) return true;
    }
  }
  return false;
}

/** The phrase starting at `from` (which is never itself a bound), or null when empty. */
export function phraseAt(ctx: PhraseContext, from: number): Span | null {
  const n = ctx.s.toks.length;
  if (from >= n) return null;
  let to = from;
  while (to < n && (to === from || !isBound(ctx, to)) && to - from < ctx.maxTokens) {
    const e = ctx.cover[to];
    to = e && e.from === to ? e.to : to + 1;
  }
  return to > from ? { from, to } : null;
}

/** True when the phrase is a title without a name («الرئيس الأمريكي»): an apposition after a comma completes it. */
function titleOnly(ctx: PhraseContext, span: Span): boolean {
  const first = ctx.s.toks[span.from]!;
  if (![...first.stems].some((st) => ctx.titleWords.has(st))) return false;
  for (const e of ctx.entities) if (e.from >= span.from && e.to <= span.to && e.person) return false;
  return true;
}

/** A phrase, completed by its apposition after a comma when it is a bare title. */
export function actorPhraseAt(ctx: PhraseContext, from: number): Span | null {
  const span = phraseAt(ctx, from);
  if (!span) return null;
  const next = span.to;
  if (next < ctx.s.toks.length && /[,،]/.test(ctx.s.toks[next]!.before) && titleOnly(ctx, span) && !ctx.times.has(next) && !ctx.verbs.has(next)) {
    const app = phraseAt(ctx, next);
    if (app && app.to - app.from <= ctx.maxApposition) return { from: span.from, to: app.to };
  }
  return span;
}

/** Skips time expressions and commas from `i`. */
export function skipTimes(ctx: PhraseContext, i: number): number {
  while (i < ctx.s.toks.length && ctx.times.has(i)) i++;
  return i;
}

/** Entities inside a span. */
export function entitiesIn(ctx: PhraseContext, span: Span): Entity[] {
  return ctx.entities.filter((e) => e.from >= span.from && e.to <= span.to);
}

/** True when the span names someone (an entity that is not only a place-like country form). */
export function namesActor(ctx: PhraseContext, span: Span): boolean {
  return entitiesIn(ctx, span).length > 0;
}

/** Splits a phrase at coordinations whose part names an entity («السعودية وتركيا والصين»). */
export function splitCoordination(ctx: PhraseContext, span: Span): Span[] {
  const parts: Span[] = [];
  let start = span.from;
  for (let i = span.from + 1; i < span.to; i++) {
    const t = ctx.s.toks[i]!;
    const e = ctx.cover[i];
    if (e && e.from < i) continue;
    const conj = t.norm === CONJ || (t.norm.startsWith(CONJ) && t.stems.has(t.norm.slice(1)) && !!e);
    if (!conj) continue;
    const part = { from: t.norm === CONJ ? i + 1 : i, to: span.to };
    const partEnd = e ? e.to : i + 1;
    if (!e && t.norm !== CONJ) continue;
    if (t.norm === CONJ && !ctx.cover[i + 1]) continue;
    parts.push({ from: start, to: i });
    start = part.from;
    void partEnd;
  }
  parts.push({ from: start, to: span.to });
  return parts.filter((p) => p.to > p.from);
}

/** Verbatim Arabic of a span, without a leading conjunction «و» written on its first word. */
export function spanAr(ctx: PhraseContext, span: Span): string {
  const text = spanText(ctx.s, span.from, span.to);
  const t = ctx.s.toks[span.from]!;
  if (t.norm.length > 2 && t.norm.startsWith(CONJ) && t.stems.has(t.norm.slice(1)) && text.startsWith(CONJ) && (ctx.cover[span.from] || ctx.verbs.has(span.from) === false && span.to - span.from > 0)) {
    // keep «وزير», drop the conjunction of «وتركيا»/«وولي»: only when what follows is itself a known stem
    if (ctx.cover[span.from] && ctx.cover[span.from]!.from === span.from) return text.slice(1);
  }
  return text;
}

/** English rendering of a span. `speakerCountry` resolves «بلاده». */
export function renderActor(ctx: PhraseContext, span: Span, speakerCountry?: string): EventActor {
  const ar = spanAr(ctx, span);
  const inside = entitiesIn(ctx, span);
  const adjective = inside.find((e) => e.kind === "country" && e.adjective);
  const demonym = adjective?.country ? ctx.demonym(adjective.country) : undefined;
  const pick =
    inside.find((e) => e.kind === "actor" && e.person) ??
    inside.find((e) => e.kind === "actor") ??
    inside.find((e) => e.kind === "group") ??
    inside.find((e) => e.kind === "pronoun") ??
    inside.find((e) => e.kind === "country" && !e.adjective) ??
    adjective;
  let en: string;
  if (!pick) en = romanise(ar) || ar;
  else if (pick.kind === "group") en = demonym && !pick.en.startsWith(demonym) ? `${demonym} ${pick.en}` : pick.en;
  else if (pick.kind === "pronoun") en = (speakerCountry && ctx.countryName(speakerCountry)) || "its country";
  else if (pick.kind === "country" && pick.adjective) en = demonym ? (span.to - span.from === 1 ? `${demonym} forces` : `${demonym} ${romanise(ar)}`) : pick.en;
  else en = pick.en;
  return { ar, en };
}

/** Country of a span's actor: a knowledge-base actor's, a country named or an adjective in it. */
export function actorCountry(ctx: PhraseContext, span: Span | null): string | undefined {
  if (!span) return undefined;
  const inside = entitiesIn(ctx, span);
  return (inside.find((e) => e.kind === "actor" && e.country) ?? inside.find((e) => e.kind === "country"))?.country;
}
