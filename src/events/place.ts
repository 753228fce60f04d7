/**
 * Event places (codebook §5): the most specific place named after the trigger and introduced by a locative
 * («في», «إلى», «قرب», «شمال», a «ب» on the word) — a place of the lexicon, a country named, or a place head
 * with a name the lexicon lacks («منطقة قنفودة»). Domestic acts of a national authority with no place named get
 * the country alone. Statements, appeals, accusations, threats, calls and sanctions have no place.
 */

import type { PlaceEntry, PlaceLexicon } from "../entities/places.ts";
import type { EventPlace, EventType } from "../schemas/event.ts";
import { phrase, type Phrase } from "./lexicon.ts";
import { actorCountry, isBound as isBoundAt, romanise, type PhraseContext, type Span } from "./phrases.ts";
import { longestAt, longestNounAt, matchAt, spanText } from "./text.ts";

/** Place names by first word. */
export type PlaceIndex = Map<string, Array<{ words: Phrase; place: PlaceEntry }>>;

/** Indexes the place lexicon (every reading of a name, resolved by the countries a sentence names). */
export function indexPlaces(places: PlaceLexicon): PlaceIndex {
  const index: PlaceIndex = new Map();
  for (const place of places.places) {
    for (const name of [place.ar, ...(place.variants?.ar ?? [])]) {
      const words = phrase(name);
      if (!words.length) continue;
      const list = index.get(words[0]!) ?? [];
      list.push({ words, place });
      index.set(words[0]!, list);
    }
  }
  return index;
}

const NO_VENUE = new Set<EventType>(["STATEMENT", "APPEAL", "ACCUSE", "THREATEN", "CALL", "SANCTION"]);
const DOMESTIC = new Set<EventType>(["ARREST", "DISMISS", "PROTEST", "APPOINT", "ELECTION"]);

/** The first lexicon place within tokens [from, to): a name read in a country the sentence names wins. */
export function findPlace(ctx: PhraseContext, index: PlaceIndex, from: number, to: number): { span: Span; place: PlaceEntry; words: string[] } | null {
  const named = new Set(ctx.entities.filter((e) => e.kind === "country").map((e) => e.country));
  // callers look a few words past a head; the sentence may end first
  for (let k = from; k < Math.min(to, ctx.s.toks.length); k++) {
    let best: { span: Span; place: PlaceEntry; words: string[] } | null = null;
    for (const st of ctx.s.toks[k]!.stems) {
      for (const cand of index.get(st) ?? []) {
        const n = matchAt(ctx.s, k, cand.words);
        if (!n) continue;
        const inContext = named.has(cand.place.country);
        if (cand.place.when === "context" && !inContext) continue;
        if (!best || n > best.span.to - best.span.from || (inContext && !named.has(best.place.country))) best = { span: { from: k, to: k + n }, place: cand.place, words: cand.words };
      }
    }
    if (best) return best;
  }
  return null;
}

/**
 * Verbatim text of a span without the proclitic «ب» or «و» written on its first word («بقصر قرطاج» → «قصر
 * قرطاج»): only when `word` (the lexicon's first word) is the token without that letter («واشنطن» keeps its و).
 */
function placeText(ctx: PhraseContext, from: number, to: number, word: string): string {
  const text = spanText(ctx.s, from, to);
  const t = ctx.s.toks[from]!;
  const first = t.norm[0];
  if ((first === "\u0628" || first === "\u0648") && t.norm !== word && t.norm.slice(1).startsWith(word.slice(0, 2))) return text.slice(1);
  return text;
}

/** The place-head word matched at `at` («مدينة» for «بمدينة»). */
function headWord(ctx: PhraseContext, at: number): string {
  const t = ctx.s.toks[at]!;
  for (const p of ctx.lex.cue.place_heads) if (t.bases.includes(p[0]!)) return p[0]!;
  return t.norm;
}

/** The word a country is written with at `at`, without proclitics when a shorter form is a country word. */
function countryWord(ctx: PhraseContext, at: number): string {
  const t = ctx.s.toks[at]!;
  const forms = t.stems.filter((st) => !st.startsWith("\u0627\u0644") || t.norm.startsWith("\u0627\u0644"));
  return ctx.countryWords.has(t.norm) ? t.norm : (forms.find((f) => ctx.countryWords.has(f)) ?? t.norm);
}

/** The place of an event whose trigger is at [from, to), with its actors' spans (not places). */
export function placeOf(
  ctx: PhraseContext,
  index: PlaceIndex,
  ev: { type: EventType; from: number; to: number; source: Span | null; actors: Span[]; own: number[] },
  window: number,
): EventPlace | null {
  if (NO_VENUE.has(ev.type)) return null;
  const { s, lex } = ctx;
  const inActor = (k: number) => ev.actors.some((a) => k >= a.from && k < a.to);
  const end = Math.min(s.toks.length, ev.to + window);
  for (let k = ev.to; k < end; k++) {
    // another clause's verb starts another event's territory
    // (a relative clause describing the event is still its own: «الهجوم الذي استهدف مسجدا في مدينة القطيف»)
    if (k > ev.to && ctx.predicates.has(k) && !ev.own.includes(k) && !(k - ev.to <= 2 && longestAt(s, k - 1, lex.cue.relative))) break;
    if (inActor(k)) continue;
    const loc = longestAt(s, k, lex.cue.locatives);
    const at = k + loc;
    const tok = s.toks[at];
    if (!tok) break;
    const plainHead = longestAt(s, at, lex.cue.place_heads);
    const head = plainHead || longestNounAt(s, at, lex.cue.place_heads);
    // «بقصر قرطاج», «بمدينة الصدر»: a ب on a venue or a known place («بولاية رئاسية» is a term of office)
    // («بولاية القصرين», «بجبل الشعانبي»: a place head with «ب» and a name after it is a place too)
    const headed = head > 0 && plainHead === 0 && at + head < s.toks.length && !isBoundAt(ctx, at + head);
    const prefixed = !loc && tok.norm.startsWith("\u0628") && (longestNounAt(s, at, lex.cue.venue_heads) > 0 || headed || !!findPlace(ctx, index, at, at + head + 2));
    // «استهدف مدينة سرت»: the object of the event's own verb
    const struck = !loc && (ev.own.includes(k - 1) || k === ev.to) && (head > 0 || !!findPlace(ctx, index, at, at + 1));
    if (!loc && !prefixed && !struck) continue;
    const known = findPlace(ctx, index, at, Math.min(s.toks.length, at + head + 3));
    const firstWord = (k: number, words?: string[]) => (k === at && words ? words[0]! : headWord(ctx, at));
    if (known && known.span.from <= at + head + 1)
      return { ar: placeText(ctx, at, known.span.to, firstWord(known.span.from, known.words)), en: known.place.en, country: known.place.country };
    const country = ctx.entities.find((e) => e.kind === "country" && !e.adjective && e.from === at + head);
    if (country) return { ar: placeText(ctx, at, country.to, head ? headWord(ctx, at) : countryWord(ctx, at)), en: country.en, country: country.country ?? null };
    // «في مدن عراقية»: an unnamed place in a country written as an adjective
    if (loc && !head && !ctx.verbs.has(at) && !ctx.cover[at]) {
      const adj = ctx.entities.find((e) => e.kind === "country" && e.adjective && e.from === at + 1);
      if (adj) return { ar: spanText(s, at, adj.to), en: ctx.countryName(adj.country!) ?? adj.en, country: adj.country ?? null };
    }
    // «في المنطقة»: a definite head alone refers back; it names no place
    const definiteHead = plainHead > 0 && (tok.norm.startsWith("\u0627\u0644") || tok.stems.some((st) => st !== tok.norm && st.startsWith("\u0627\u0644")));
    if (head && definiteHead && (at + head >= s.toks.length || isBoundAt(ctx, at + head))) continue;
    if (head) {
      const venue = longestNounAt(s, at, lex.cue.venue_heads) > 0;
      // a head with a pronoun suffix is the whole name («قصره»); otherwise one name word follows
      const suffixed = plainHead === 0;
      const nameEnd = Math.min(s.toks.length, suffixed ? at + head : at + head + 1);
      const near = findPlace(ctx, index, nameEnd, Math.min(s.toks.length, nameEnd + 6))?.place.country ??
        ctx.entities.find((e) => e.kind === "country" && e.from >= nameEnd && e.from < nameEnd + 8)?.country;
      // a venue («قصر الإليزيه») is the host's: the source's country before a country named near it (a guest's)
      const host = venue ? actorCountry(ctx, ev.source) : undefined;
      // a name the lexicon lacks: the country named near it, else the source's (a domestic act), else the one
      // country the sentence names
      const named = [...new Set(ctx.entities.filter((e) => e.kind === "country").map((e) => e.country))];
      const c = host ?? near ?? actorCountry(ctx, ev.source) ?? (named.length === 1 ? named[0] : undefined) ?? null;
      const ar = placeText(ctx, at, nameEnd, headWord(ctx, at));
      const nameWords = spanText(s, at + head, nameEnd);
      // the name word after the head is romanised (a proper name); a head alone («قصره») is no name: the
      // country stands for it in English rather than a romanised common noun
      return { ar, en: romanise(nameWords) || (c ? (ctx.countryName(c) ?? "") : ""), country: c };
    }
  }
  if (DOMESTIC.has(ev.type)) {
    const c = actorCountry(ctx, ev.source);
    if (c) return { ar: "", en: ctx.countryName(c) ?? c, country: c };
  }
  return null;
}
