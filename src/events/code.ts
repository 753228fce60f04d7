/**
 * The event coder: who did what to whom, where and when, in one lead sentence (codebook
 * `shared/corpus/events/CODEBOOK.md`).
 *
 * Cascade (per sentence):
 *   1. read: dateline removed («واشنطن، … (CNN)--»), tokens with offsets, the tagger's mentions as entities,
 *      described groups (groups.yaml), time expressions
 *   2. commentary: a sentence opening with an analysis word or attributed to experts codes nothing
 *   3. triggers (triggers.yaml), longest first; a trigger inside a name is not one
 *   4. assertion: a trigger in a relative clause, after a background cue (prior cause, concession, purpose), a
 *      negation, a denial or a condition is not an event
 *   5. actors: a verb's subject (after it, or before it in «X فعل» / «إن X فعل») and object or prepositional
 *      target; a noun's light verb («أجرى X اتصالا»), genitive or adjective («قصف إسرائيلي»); symmetric events
 *      split a coordinated subject or «بين X وY»
 *   6. statements: a reporting verb that is the main predicate and reports no other event
 *   7. merge same-type triggers of one event, drop circumstantial visits and talks (R1), link casualties to
 *      their attack, place, date and figures, at most three events in reading order, English gist
 */
import type { Actor } from "../schemas/actor.ts";
import type { Mention } from "../schemas/article.ts";
import type { Event, EventActor, EventPlace, EventType } from "../schemas/event.ts";
import type { CountryLexicon } from "../entities/countries.ts";
import type { PlaceEntry, PlaceLexicon } from "../entities/places.ts";
import type { Tagger } from "../entities/tagger.ts";
import { titleLexicon } from "../entities/lexicon.ts";
import { romanise } from "../entities/discover.ts";
import { normaliseArabic, proclitics } from "../entities/normalise.ts";
import { countryName } from "../entities/countries.ts";
import { findTimes, type TimeMention } from "./dates.ts";
import { findFigures, triggerKind } from "./figures.ts";
import { gistLine } from "./gist.ts";
import { eventLexicon, phrase, type EventLexicon, type Phrase, type Trigger } from "./lexicon.ts";
import { actorCountry, actorPhraseAt, entitiesIn, isBound, phraseAt, renderActor, skipTimes, splitCoordination, spanAr, type Entity, type PhraseContext, type Span } from "./phrases.ts";
import { eventSettings, type EventSettings } from "./settings.ts";
import { longestAt, matchAt, readSentence, spanText, type Sentence } from "./text.ts";

/** What the coder is built from. */
export interface CoderInput {
  tagger: Tagger;
  actors: Actor[];
  countries: CountryLexicon;
  places: PlaceLexicon;
  lexicon?: EventLexicon;
  settings?: EventSettings;
}

/** One sentence to code. `mentions` (offsets into `sentence`) saves a second tagging when the caller has them. */
export interface CodeInput {
  sentence: string;
  published: string | null;
  mentions?: Mention[];
}

/** The coder: `code` is pure and deterministic. */
export interface EventCoder {
  code(input: CodeInput): Event[];
}

interface Hit {
  trigger: Trigger;
  from: number;
  to: number;
}

interface Draft {
  type: EventType;
  hit: Hit;
  source: Span | null;
  target: Span | null;
  sourceActor?: EventActor;
  targetActor?: EventActor;
  circumstantial: boolean;
  /** Index of the first token of the reported content, for statements. */
  order: number;
}

interface PlaceIndex {
  byFirst: Map<string, Array<{ words: Phrase; place: PlaceEntry }>>;
}

function indexPlaces(places: PlaceLexicon): PlaceIndex {
  const byFirst = new Map<string, Array<{ words: Phrase; place: PlaceEntry }>>();
  for (const place of places.places) {
    if (place.when === "context") continue;
    for (const name of [place.ar, ...(place.variants?.ar ?? [])]) {
      const words = phrase(name);
      if (!words.length) continue;
      const list = byFirst.get(words[0]!) ?? [];
      list.push({ words, place });
      byFirst.set(words[0]!, list);
    }
  }
  return { byFirst };
}

/** Builds a coder over the knowledge base and lexicons (tables built once). */
export function createEventCoder(input: CoderInput): EventCoder {
  const lex = input.lexicon ?? eventLexicon();
  const settings = input.settings ?? eventSettings;
  const actorById = new Map(input.actors.map((a) => [a.id, a]));
  const titles = titleLexicon();
  const titleWords = new Set([...titles.ranks.ar, ...titles.heads.ar].flatMap((p) => phrase(p)));
  const countryForms = new Map<string, { adjective: boolean; codes: string[] }>();
  for (const f of input.countries.forms) if (f.lang === "ar") countryForms.set(phrase(f.text).join(" "), { adjective: f.kind === "adjective", codes: f.codes });
  const demonym = (code: string) => input.countries.demonyms?.get(code)?.adjectives.en[0];
  const places = indexPlaces(input.places);
  const triggersByFirst = new Map<string, Trigger[]>();
  for (const t of lex.triggers)
    for (const p of t.phrases) {
      const list = triggersByFirst.get(p[0]!) ?? [];
      if (!list.includes(t)) list.push(t);
      triggersByFirst.set(p[0]!, list);
    }
  return {
    code: ({ sentence, published, mentions }) => {
      const offset = datelineEnd(sentence, settings.datelineChars);
      const text = sentence.slice(offset);
      const ms = mentions
        ? mentions.filter((m) => m.start >= offset).map((m) => ({ ...m, start: m.start - offset, end: m.end - offset }))
        : input.tagger.tag({ lang: "ar", title: null, body: [text] }).mentions;
      const events = codeSentence(text, published, ms);
      return events;
    },
  };

  function codeSentence(text: string, published: string | null, mentions: Mention[]): Event[] {
    const s = readSentence(text);
    const n = s.toks.length;
    if (!n) return [];
    if (longestAt(s, 0, lex.cue.commentary_openers)) return [];
    for (let i = 0; i < n; i++) if (longestAt(s, i, lex.cue.commentary_anywhere)) return [];

    const times = findTimes(s, lex, published);
    const timeSet = new Set<number>();
    for (const t of times) for (let k = t.from; k < t.to; k++) timeSet.add(k);
    const entities = findEntities(s, mentions);
    const cover: Array<Entity | undefined> = new Array(n);
    for (const e of [...entities].sort((a, b) => a.to - a.from - (b.to - b.from)))
      for (let k = e.from; k < e.to; k++) cover[k] = e;
    const hits = findTriggers(s, cover);
    const reporting: number[] = [];
    for (let i = 0; i < n; i++) if (longestAt(s, i, lex.cue.reporting) && !cover[i]) reporting.push(i);
    const verbs = new Set<number>([...hits.map((h) => h.from), ...reporting]);
    const ctx: PhraseContext = {
      s, lex, entities, cover, verbs, times: timeSet, titleWords, demonym, countryName: (c) => countryName(c, "en"),
      maxTokens: settings.maxPhraseTokens, maxApposition: settings.maxAppositionTokens,
    };

    const asserted = hits.filter((h) => isAsserted(s, h, ctx));
    const drafts: Draft[] = [];
    for (const h of asserted) drafts.push(...draftEvents(ctx, h, asserted, reporting));
    const statement = statementDraft(ctx, drafts, reporting);
    if (statement) drafts.push(statement);
    let merged = mergeDrafts(ctx, drafts);
    if (merged.some((d) => !d.circumstantial)) merged = merged.filter((d) => !d.circumstantial);
    merged.sort((a, b) => a.order - b.order);
    linkCasualties(ctx, merged);
    return merged.slice(0, settings.maxEvents).map((d) => finish(ctx, d, times));
  }

  // --- 1. entities --------------------------------------------------------------------------------------

  function findEntities(s: Sentence, mentions: Mention[]): Entity[] {
    const out: Entity[] = [];
    const tokAt = (start: number, end: number): Span | null => {
      let from = -1;
      let to = -1;
      s.toks.forEach((t, i) => {
        if (t.start >= start && t.end <= end) {
          if (from < 0) from = i;
          to = i + 1;
        }
      });
      return from >= 0 ? { from, to } : null;
    };
    for (const m of mentions) {
      const span = tokAt(m.start, m.end);
      if (!span) continue;
      if (m.ref.startsWith("country:")) {
        const code = m.ref.slice(8);
        const form = countryForms.get(proclitics(normaliseArabic(m.surface)).map((f) => f).find((f) => countryForms.has(f)) ?? normaliseArabic(m.surface));
        out.push({ ...span, kind: "country", en: countryName(code, "en") ?? code, country: code, adjective: form?.adjective ?? false });
      } else {
        const actor = actorById.get(m.ref);
        out.push({ ...span, kind: "actor", en: actor?.names.en ?? m.surface, country: actor?.country, person: actor?.type === "person" });
      }
    }
    for (let i = 0; i < s.toks.length; i++) {
      if (out.some((e) => e.from <= i && i < e.to && e.kind === "actor")) continue;
      let best: { len: number; en: string; number?: "one" | "two"; pronoun?: boolean } | null = null;
      for (const g of lex.groups) {
        const len = longestAt(s, i, g.phrases);
        if (len && (!best || len > best.len)) best = { len, en: g.en, number: g.number };
      }
      const p = longestAt(s, i, lex.pronouns);
      if (p && !best) best = { len: p, en: "country", pronoun: true };
      if (!best) continue;
      const e: Entity = { from: i, to: i + best.len, kind: best.pronoun ? "pronoun" : "group", en: best.en };
      if (best.number) e.count = best.number === "one" ? 1 : 2;
      // a country adjective right after a group noun belongs to it («عسكريين تركيين»)
      out.push(e);
      i += best.len - 1;
    }
    return out;
  }

  // --- 3. triggers ---------------------------------------------------------------------------------------

  function findTriggers(s: Sentence, cover: Array<Entity | undefined>): Hit[] {
    const hits: Hit[] = [];
    for (let i = 0; i < s.toks.length; ) {
      const e = cover[i];
      if (e && e.kind === "actor") {
        i = Math.max(i + 1, e.to);
        continue;
      }
      let best: Hit | null = null;
      const seen = new Set<Trigger>();
      for (const st of s.toks[i]!.stems) {
        for (const t of triggersByFirst.get(st) ?? []) {
          if (seen.has(t)) continue;
          seen.add(t);
          let len = 0;
          for (const p of t.phrases) len = Math.max(len, matchAt(s, i, p));
          if (!len) continue;
          if (t.initial && !clauseInitial(s, i)) continue;
          if (!best || len > best.to - best.from || (len === best.to - best.from && prefer(s, i, t, best.trigger))) best = { trigger: t, from: i, to: i + len };
        }
      }
      if (best) {
        hits.push(best);
        i = best.to;
      } else i++;
    }
    return hits;
  }

  /** A verb entry wins over a noun entry of the same form at a clause start; a noun entry elsewhere. */
  function prefer(s: Sentence, i: number, t: Trigger, current: Trigger): boolean {
    const initial = clauseInitial(s, i);
    return initial ? t.kind === "verb" && current.kind !== "verb" : t.kind !== "verb" && current.kind === "verb";
  }

  function clauseInitial(s: Sentence, i: number): boolean {
    if (i === 0 || s.clause[i] === i) return true;
    const prev = s.toks[i - 1]!;
    if (prev.norm === "ان" || prev.norm === "بان") return true;
    const t = s.toks[i]!;
    return t.norm.startsWith("\u0648") && s.clause[i]! >= i - 1;
  }

  // --- 4. assertion -------------------------------------------------------------------------------------

  function isAsserted(s: Sentence, h: Hit, ctx: PhraseContext): boolean {
    const c = s.clause[h.from]!;
    for (let k = Math.max(c, h.from - settings.relativeWindow); k < h.from; k++) if (longestAt(s, k, lex.cue.relative)) return false;
    for (let k = c; k < h.from; k++) {
      if (longestAt(s, k, lex.cue.background) || longestAt(s, k, lex.cue.conditional)) return false;
      if (longestAt(s, k, lex.cue.denial)) return false;
    }
    for (let k = Math.max(c, h.from - settings.negationWindow); k < h.from; k++) if (longestAt(s, k, lex.cue.negation_particles)) return false;
    for (let k = h.to; k < Math.min(s.toks.length, h.to + 2); k++) if (longestAt(s, k, lex.cue.conditional)) return false;
    // a verbal noun with the proclitic ل is a purpose («لتحرير»), unless it completes a verb of reaching («التوصل لاتفاق»)
    const t = s.toks[h.from]!;
    if (h.trigger.kind === "noun" && t.norm.startsWith("\u0644") && !t.norm.startsWith("\u0627\u0644")) {
      const reach = h.from > 0 && longestAt(s, h.from - 1, lex.cue.reach_verbs);
      if (!reach) return false;
    }
    void ctx;
    return true;
  }

  // --- 5. actors ----------------------------------------------------------------------------------------

  /** Start of the clause a verb at `i` heads, after a complementizer «إن/أن». */
  function subjectBefore(ctx: PhraseContext, i: number): Span | null {
    const { s } = ctx;
    let c = s.clause[i]!;
    for (let k = i - 1; k >= c; k--) {
      if (s.toks[k]!.norm === "ان" || s.toks[k]!.norm === "بان") {
        c = k + 1;
        break;
      }
    }
    if (c >= i) return null;
    // the words between must be one phrase naming someone, with no other verb
    for (let k = c; k < i; k++) if (ctx.verbs.has(k)) return null;
    const span = phraseAt(ctx, c);
    if (!span || span.to < i - 1 || !entitiesIn(ctx, { from: c, to: i }).length) return null;
    return { from: c, to: Math.min(i, span.to) };
  }

  /** A verb's subject: before it (SVO) or after it, past time words (VSO). */
  function subjectOf(ctx: PhraseContext, verbFrom: number, verbTo: number): Span | null {
    const before = subjectBefore(ctx, verbFrom);
    if (before) return before;
    let k = skipTimes(ctx, verbTo);
    if (k >= ctx.s.toks.length || (isBound(ctx, k) && !ctx.cover[k])) return null;
    if (ctx.verbs.has(k)) return null;
    return actorPhraseAt(ctx, k);
  }

  function objectAfter(ctx: PhraseContext, from: number): Span | null {
    const k = skipTimes(ctx, from);
    if (k >= ctx.s.toks.length) return null;
    if (isBound(ctx, k) && !ctx.cover[k] && !/[,،]/.test(ctx.s.toks[k]!.before)) return null;
    if (ctx.verbs.has(k) || ctx.s.toks[k]!.digits && !entitiesIn(ctx, { from: k, to: k + 3 }).length) {
      // «35 امرأة»: a counted object
      if (ctx.s.toks[k]!.digits) return phraseAt(ctx, k + 1) ? { from: k, to: phraseAt(ctx, k + 1)!.to } : null;
      return null;
    }
    const span = actorPhraseAt(ctx, k);
    return span;
  }

  function prepTarget(ctx: PhraseContext, h: Hit, from: number): { span: Span; between: boolean } | null {
    const { s } = ctx;
    const end = Math.min(s.toks.length, from + 12);
    for (let k = from; k < end; k++) {
      if (ctx.verbs.has(k) && k !== h.from) break;
      const t = s.toks[k]!;
      for (const p of h.trigger.prepWords) {
        if (t.norm === p) {
          const span = actorPhraseAt(ctx, k + 1);
          if (span) return { span, between: p === "بين" };
        } else if (p.length === 1 && t.norm.startsWith(p) && t.norm.length > 3 && [...t.stems].some((st) => st !== t.norm && !st.startsWith(p + p))) {
          const span = actorPhraseAt(ctx, k);
          if (span) return { span, between: false };
        }
      }
      const e = ctx.cover[k];
      if (e && e.to > k + 1) k = e.to - 1;
    }
    return null;
  }

  function isPlaceSpan(ctx: PhraseContext, span: Span): boolean {
    if (longestAt(ctx.s, span.from, lex.cue.place_heads)) return true;
    const inside = entitiesIn(ctx, span);
    if (findPlace(ctx, span.from, span.to)) return !inside.some((e) => e.kind !== "country");
    return false;
  }

  function draftEvents(ctx: PhraseContext, h: Hit, all: Hit[], reporting: number[]): Draft[] {
    const { s } = ctx;
    const t = h.trigger;
    let source: Span | null = null;
    let target: Span | null = null;
    let targetFrom = h.to;
    if (t.kind === "verb") {
      source = subjectOf(ctx, h.from, h.to);
      if (source && source.from > h.from) targetFrom = source.to;
      if (t.type === "CASUALTIES") {
        // passive «قُتل X»: the phrase after the verb is the victims, with its count
        target = victimsAfter(ctx, h.to);
        source = null;
      }
    } else if (t.kind === "people") {
      let from = h.from;
      if (from > 0 && longestAt(s, from - 1, lex.numbers.phrases.vague)) from -= 1;
      source = { from, to: phraseAt(ctx, h.from)?.to ?? h.to };
      targetFrom = source.to;
    } else {
      source = nounSource(ctx, h, reporting);
      if (t.genitive === "target" && t.type === "CASUALTIES") target = victimsAfter(ctx, h.to);
      else if (t.genitive) {
        const gen = h.to < s.toks.length && !isBound(ctx, h.to) ? actorPhraseAt(ctx, h.to) : null;
        if (gen && !isPlaceSpan(ctx, gen) && !entitiesIn(ctx, gen).every((e) => e.kind === "country" && e.adjective && gen.to - gen.from === 1)) {
          if (t.genitive === "source" && !source) source = gen;
          else if (t.genitive === "target") target = gen;
        }
      }
    }
    let type: EventType = t.type;
    let between = false;
    if (!target && t.type !== "CASUALTIES") {
      if (t.target === "object") target = objectAfter(ctx, source && source.from > h.from ? source.to : h.to);
      else if (t.target === "entity") {
        const after = source && source.from > h.from ? source.to : h.to;
        const e = ctx.entities.find((x) => x.from >= after && !(x.kind === "country" && x.adjective));
        if (e && s.clause[e.from] === s.clause[h.from]) target = actorPhraseAt(ctx, e.from);
      } else if (t.target === "prep") {
        const found = prepTarget(ctx, h, source && source.from > h.from ? source.to : h.to);
        if (found) {
          target = found.span;
          between = found.between;
        }
      }
    }
    if (target && isPlaceSpan(ctx, target)) target = null;
    if (target && t.target === "object" && t.untargeted && !namesActorOrGroup(ctx, target)) target = null;
    if (!target && t.untargeted) type = t.untargeted;
    if (type === "OTHER") return [];
    if (t.swap && target) [source, target] = [target, source];
    // symmetric events: «بين X وY», or a coordinated subject with no counterpart
    if (between && target) {
      const parts = splitCoordination(ctx, target);
      if (parts.length >= 2) {
        source = parts[0]!;
        target = { from: parts[1]!.from, to: parts[parts.length - 1]!.to };
      }
    } else if (t.symmetric && !target && source) {
      const parts = splitCoordination(ctx, source);
      if (parts.length >= 2) {
        source = parts[0]!;
        target = parts[1]!;
      }
    }
    const circumstantial = t.circumstantial && h.from > 0 && (s.toks[h.from - 1]!.norm === "خلال" || (h.from > 1 && s.toks[h.from - 2]!.norm === "خلال"));
    const base: Draft = { type, hit: h, source, target, circumstantial, order: h.from };
    if (t.per_target && target) {
      const parts = splitCoordination(ctx, target);
      if (parts.length > 1) return parts.map((p, k) => ({ ...base, target: p, order: h.from + k / 10 }));
    }
    void all;
    return [base];
  }

  function namesActorOrGroup(ctx: PhraseContext, span: Span): boolean {
    return entitiesIn(ctx, span).length > 0;
  }

  /** The victims after a casualty trigger, past counts and vague quantities («مقتل 8 مدنيين»). */
  function victimsAfter(ctx: PhraseContext, from: number): Span | null {
    const { s } = ctx;
    let k = skipTimes(ctx, from);
    while (k < s.toks.length) {
      const vague = longestAt(s, k, lex.numbers.phrases.vague) || longestAt(s, k, lex.numbers.phrases.at_least);
      if (vague) k += vague;
      else if (s.toks[k]!.digits) k++;
      else if (longestAt(s, k, lex.numbers.phrases.killed) || longestAt(s, k, lex.numbers.phrases.wounded)) return null;
      else break;
      k = skipTimes(ctx, k);
    }
    if (k >= s.toks.length || (isBound(ctx, k) && !ctx.cover[k] && !/[,،]/.test(s.toks[k]!.before))) return null;
    if (ctx.verbs.has(k) || ctx.times.has(k)) return null;
    return actorPhraseAt(ctx, k);
  }

  /** A verbal noun's actor: adjective or «ل» genitive (attacks), post light verb, light verb, main verb. */
  function nounSource(ctx: PhraseContext, h: Hit, reporting: number[]): Span | null {
    const { s } = ctx;
    const t = h.trigger;
    if (t.type === "ATTACK" || t.type === "CLASH") {
      for (let k = h.to; k < Math.min(s.toks.length, h.to + settings.nounActorWindow); k++) {
        const e = ctx.cover[k];
        if (e && e.kind === "country" && e.adjective) return { from: e.from, to: e.to };
        const tok = s.toks[k]!;
        if (tok.norm.startsWith("\u0644") && !tok.norm.startsWith("\u0627\u0644") && !ctx.times.has(k)) {
          const span = phraseAt(ctx, k);
          if (span && entitiesIn(ctx, span).some((x) => x.kind !== "country" || !x.adjective)) return span;
        }
        if (isBound(ctx, k)) break;
      }
    }
    for (let k = h.to; k < Math.min(s.toks.length, h.to + settings.postLightWindow); k++) {
      const n = longestAt(s, k, lex.cue.post_light_verbs);
      if (n) return actorPhraseAt(ctx, k + n);
    }
    if (t.type === "CASUALTIES") return null;
    const c = s.clause[h.from]!;
    for (let k = h.from - 1; k >= Math.max(0, h.from - settings.lightVerbWindow); k--) {
      if (s.clause[k] !== c && !longestAt(s, k, lex.cue.light_verbs)) {
        if (k < c - 1) break;
      }
      const n = longestAt(s, k, lex.cue.light_verbs);
      if (!n) continue;
      const subj = subjectOf(ctx, k, k + n);
      if (subj && subj.from <= h.from && subj.to > h.from) return null; // «أسفرت غارات»: the noun is the subject
      if (subj && !(subj.from >= h.from)) return subj;
      if (longestAt(s, k, lex.cue.reach_verbs)) {
        // «أعلن X التوصل إلى اتفاق»: the party is the announcer's subject
        const r = reporting.filter((i) => i < k).pop();
        if (r !== undefined) return subjectOf(ctx, r, r + 1);
      }
    }
    // a preposed phrase («في اتصال هاتفي مع X، قال Y»): the main verb's subject
    const first = s.toks[c]!;
    if (["في", "خلال"].includes(first.norm)) {
      const next = reporting.find((i) => i > h.from && s.clause[i] === i);
      if (next !== undefined) return subjectOf(ctx, next, next + 1);
    }
    return null;
  }

  // --- 6. statements ------------------------------------------------------------------------------------

  function statementDraft(ctx: PhraseContext, drafts: Draft[], reporting: number[]): Draft | null {
    const { s } = ctx;
    let main = 0;
    if (["في", "خلال"].includes(s.toks[0]!.norm)) {
      main = s.toks.findIndex((t, i) => i > 0 && s.clause[i] === i);
      if (main < 0) return null;
    }
    if (!reporting.includes(main)) return null;
    const n = longestAt(s, main, lex.cue.statement_verbs);
    if (!n) return null;
    if (drafts.some((d) => d.hit.from > main)) return null;
    const source = subjectOf(ctx, main, main + n);
    if (!source || longestAt(s, source.from, lex.cue.announcers)) return null;
    const hit: Hit = { trigger: { ...lex.triggers.find((t) => t.type === "STATEMENT")!, phrases: [] }, from: main, to: main + n };
    return { type: "STATEMENT", hit, source, target: null, circumstantial: false, order: main };
  }

  // --- 7. merge, link, finish ---------------------------------------------------------------------------

  function key(ctx: PhraseContext, span: Span | null): string {
    if (!span) return "";
    return normaliseArabic(spanAr(ctx, span));
  }

  function mergeDrafts(ctx: PhraseContext, drafts: Draft[]): Draft[] {
    const out: Draft[] = [];
    // an agreement whose complement is a ceasefire is the ceasefire (R11)
    const ceasefires = drafts.filter((d) => d.type === "CEASEFIRE");
    const kept = drafts.filter((d) => !(d.type === "AGREE" && ceasefires.some((c) => c.hit.from >= d.hit.to && c.hit.from <= d.hit.to + 1)));
    for (const d of kept.sort((a, b) => a.order - b.order)) {
      const same = out.find(
        (o) =>
          o.type === d.type &&
          !(o.hit.trigger.per_target && key(ctx, o.target) !== key(ctx, d.target)) &&
          (Math.abs(o.hit.from - d.hit.from) <= settings.mergeWindow || key(ctx, o.source) === key(ctx, d.source) || !d.source || !o.source) &&
          !(o.source && d.source && key(ctx, o.source) !== key(ctx, d.source)),
      );
      if (same) {
        same.source ??= d.source;
        same.target ??= d.target;
        same.circumstantial &&= d.circumstantial;
        (same as Draft & { also?: Hit[] }).also = [...((same as Draft & { also?: Hit[] }).also ?? []), d.hit];
      } else out.push(d);
    }
    return out;
  }

  /** Casualties take the attacker of their attack; an attack with no target takes the victims named before it. */
  function linkCasualties(ctx: PhraseContext, drafts: Draft[]): void {
    const attack = drafts.find((d) => d.type === "ATTACK");
    if (!attack) return;
    for (const c of drafts.filter((d) => d.type === "CASUALTIES")) {
      if (!c.source && attack.source && key(ctx, attack.source) !== key(ctx, c.target) && !sameActor(ctx, attack.source, c.target)) c.source = attack.source;
      if (!attack.target && c.target && c.hit.from < attack.hit.from) attack.target = c.target;
    }
  }

  function sameActor(ctx: PhraseContext, a: Span | null, b: Span | null): boolean {
    if (!a || !b) return false;
    const ea = entitiesIn(ctx, a).filter((e) => e.kind === "actor").map((e) => e.en);
    const eb = entitiesIn(ctx, b).filter((e) => e.kind === "actor").map((e) => e.en);
    return ea.some((x) => eb.includes(x));
  }

  function findPlace(ctx: PhraseContext, from: number, to: number): { span: Span; place: PlaceEntry } | null {
    const { s } = ctx;
    for (let k = from; k < to; k++) {
      for (const st of s.toks[k]!.stems) {
        for (const cand of places.byFirst.get(st) ?? []) {
          const n = matchAt(s, k, cand.words);
          if (n) return { span: { from: k, to: k + n }, place: cand.place };
        }
      }
    }
    return null;
  }

  function placeOf(ctx: PhraseContext, d: Draft): EventPlace | null {
    const { s } = ctx;
    const t = d.type;
    const noVenue = t === "STATEMENT" || t === "APPEAL" || t === "ACCUSE" || t === "THREATEN" || t === "CALL" || t === "SANCTION";
    if (noVenue) return null;
    const actorSpans = [d.source, d.target].filter(Boolean) as Span[];
    const inActor = (k: number) => actorSpans.some((a) => k >= a.from && k < a.to);
    const end = Math.min(s.toks.length, d.hit.to + settings.placeWindow);
    for (let k = d.hit.to; k < end; k++) {
      if (inActor(k)) continue;
      const loc = longestAt(s, k, lex.cue.locatives);
      const head = longestAt(s, k + loc, lex.cue.place_heads);
      const startHere = loc > 0 || head > 0 || (s.toks[k]!.norm.startsWith("\u0628") && !!findPlace(ctx, k, k + 1));
      if (!startHere) continue;
      const from = k + loc;
      const known = findPlace(ctx, from, Math.min(s.toks.length, from + head + 3));
      const countryEntity = ctx.entities.find((e) => e.kind === "country" && !e.adjective && e.from >= from && e.from <= from + head + 1);
      if (known && known.span.from <= from + head + 1) {
        const to = known.span.to;
        return { ar: spanText(s, from, to), en: known.place.en, country: known.place.country };
      }
      if (countryEntity && countryEntity.from === from + head) {
        return { ar: spanText(s, from, countryEntity.to), en: countryEntity.en, country: countryEntity.country ?? null };
      }
      if (head) {
        // an unknown name after a place head («منطقة قنفودة»): its country from a place or country nearby
        const nameEnd = Math.min(s.toks.length, from + head + 1);
        const near = findPlace(ctx, nameEnd, Math.min(s.toks.length, nameEnd + 6));
        const nearCountry = ctx.entities.find((e) => e.kind === "country" && e.from >= nameEnd && e.from < nameEnd + 8);
        const country = near?.place.country ?? nearCountry?.country ?? actorCountry(ctx, d.source) ?? firstCountry(ctx) ?? null;
        const ar = spanText(s, from, nameEnd);
        return { ar, en: romanisePlace(ar), country };
      }
    }
    // domestic acts of a national authority or population: the country only (§5)
    if (t === "ARREST" || t === "DISMISS" || t === "PROTEST" || t === "APPOINT" || t === "ELECTION") {
      const c = actorCountry(ctx, d.source);
      if (c) return { ar: "", en: countryName(c, "en") ?? c, country: c };
    }
    return null;
  }

  function firstCountry(ctx: PhraseContext): string | undefined {
    return ctx.entities.find((e) => e.kind === "country")?.country;
  }

  function finish(ctx: PhraseContext, d: Draft, times: TimeMention[]): Event {
    const { s } = ctx;
    const speaker = ctx.entities.find((e) => e.kind === "actor" && e.country)?.country ?? firstCountry(ctx);
    const source = d.source ? renderActor(ctx, d.source, speaker) : null;
    const target = d.target ? renderActor(ctx, d.target, speaker) : null;
    let place = placeOf(ctx, d);
    if (d.type === "VISIT" && place?.country) {
      const home = actorCountry(ctx, d.source);
      d.target = null;
      const visitTarget = home && home === place.country ? null : place.ar ? { ar: place.ar, en: countryName(place.country, "en") ?? place.en } : null;
      return build(ctx, d, source, visitTarget, place, times);
    }
    let figures: Event["figures"] = [];
    if (d.type === "CASUALTIES" || d.type === "ARREST") {
      const kind = d.type === "ARREST" ? "arrested" : triggerKind(s, d.hit.from, lex);
      const victims = d.target ? entitiesIn(ctx, d.target) : [];
      const implied = victims.find((e) => e.count)?.count ?? (victims.some((e) => e.person) ? 1 : d.target && isNamed(ctx, d.target) ? 1 : null);
      figures = findFigures(s, lex, { from: d.hit.from, to: d.hit.to, kind }, settings.figureWindow, implied);
    }
    void place;
    return build(ctx, d, source, target, place, times, figures);
  }

  function isNamed(ctx: PhraseContext, span: Span): boolean {
    // a quoted name («"أبو عياض التونسي"») or a single person
    const raw = spanText(ctx.s, span.from, span.to);
    return /^["«“]/.test(ctx.s.text.slice(Math.max(0, ctx.s.toks[span.from]!.start - 1), ctx.s.toks[span.from]!.start)) || /["»”]$/.test(raw);
  }

  function build(ctx: PhraseContext, d: Draft, source: EventActor | null, target: EventActor | null, place: EventPlace | null, times: TimeMention[], figures: Event["figures"] = []): Event {
    const date = dateFor(d, times);
    const trigger_ar = spanText(ctx.s, d.hit.from, d.hit.to);
    const ev = { type: d.type, source_actor: source, target_actor: target, place, date, figures, trigger_ar, gist_en: "" };
    ev.gist_en = gistLine(ev);
    return ev;
  }

  function dateFor(d: Draft, times: TimeMention[]): string | null {
    // the time nearest the trigger, not one attached to a reporting verb of another clause
    let best: TimeMention | null = null;
    for (const t of times) if (t.date && (!best || Math.abs(t.from - d.hit.from) < Math.abs(best.from - d.hit.from))) best = t;
    return best?.date ?? null;
  }

}

/** English for a place the lexicon lacks: its name romanised, without the head word. */
function romanisePlace(ar: string): string {
  return romanise(ar) || ar;
}

/** Offset after a dateline ending in «--» or «—» after a closing bracket («(CNN)--»), else 0. */
export function datelineEnd(sentence: string, maxChars: number): number {
  const head = sentence.slice(0, maxChars);
  const m = /\)\s*(?:--|—|–)\s*/.exec(head);
  return m ? m.index + m[0].length : 0;
}
