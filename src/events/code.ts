/**
 * The event coder: who did what to whom, where and when, in one lead sentence (codebook
 * `shared/corpus/events/CODEBOOK.md`).
 *
 * Cascade (per sentence):
 *   1. read (context.ts): dateline removed («واشنطن، … (CNN)--»), tokens with offsets, the tagger's mentions
 *      as entities, described groups, time expressions, triggers (triggers.yaml, longest first)
 *   2. assertion (assert.ts): commentary codes nothing; background, negated, denied, conditional and requested
 *      triggers are not events
 *   3. actors (actors.ts): subject and object or prepositional target of a verb; light verb, genitive or
 *      adjective of a noun; symmetric events split «بين X وY» or a coordinated subject
 *   4. statements: a reporting verb that is the main predicate and reports no other event (R6, §2)
 *   5. merge same-type triggers of one event (R15), drop circumstantial visits and talks (R1), link casualties
 *      and their attack, then place (place.ts), date (dates.ts), figures (figures.ts), at most three events in
 *      reading order, and the English gist (gist.ts)
 */
import { countryName } from "../entities/countries.ts";
import type { CountryLexicon } from "../entities/countries.ts";
import { discoveryLexicon, titleLexicon } from "../entities/lexicon.ts";
import { normaliseArabic } from "../entities/normalise.ts";
import type { PlaceLexicon } from "../entities/places.ts";
import type { Tagger } from "../entities/tagger.ts";
import type { Actor } from "../schemas/actor.ts";
import type { Mention, TaggedActor } from "../schemas/article.ts";
import type { Event, EventActor, EventType } from "../schemas/event.ts";
import { nounSource, objectAfter, prepTarget, splitSymmetric, subjectOf, victimsAfter, victimsBefore, type Draft } from "./actors.ts";
import { isAsserted, isCommentary } from "./assert.ts";
import { findEntities, findReporting, findTriggers, readerTables, readTimes, type ActorInfo, type Hit } from "./context.ts";
import type { TimeMention } from "./dates.ts";
import { createEnglishCoder, isEnglish, type EnglishName } from "./english.ts";
import { findFigures, triggerKind } from "./figures.ts";
import { gistLine } from "./gist.ts";
import { eventLexicon, phrase, type EventLexicon } from "./lexicon.ts";
import { actorCountry, actorPhraseAt, entitiesIn, givenName, hasName, isBound, phraseAt, renderActor, spanAr, type Entity, type PhraseContext, type Span } from "./phrases.ts";
import { findPlace, indexPlaces, placeOf } from "./place.ts";
import { eventSettings, type EventSettings } from "./settings.ts";
import { longestAt, longestNounAt, readSentence, spanText } from "./text.ts";

/** What the coder is built from. */
export interface CoderInput {
  /** Tags sentences given without their mentions (none: such sentences are coded without entities). */
  tagger?: Tagger;
  /** The knowledge base (none: each call's `actors` name the actors). */
  actors?: Actor[];
  countries: CountryLexicon;
  places: PlaceLexicon;
  lexicon?: EventLexicon;
  settings?: EventSettings;
}

/** One sentence to code. `mentions` (offsets into `sentence`) saves a second tagging when the caller has them. */
export interface CodeInput {
  sentence: string;
  /** The date relative expressions are resolved against. */
  published: string | null;
  mentions?: Mention[];
  /** The article's tagged actors, for mentions of actors the coder's knowledge base lacks. */
  actors?: Array<Pick<TaggedActor, "id" | "en" | "type">>;
}

/** The coder: `code` is pure and deterministic. */
export interface EventCoder {
  code(input: CodeInput): Event[];
}

const SYMMETRIC_PREP = "\u0628\u064a\u0646"; // بين
const SINGULAR_SUFFIX = "\u0647"; // ه: «مقتله» (his death)

/** Event types whose places a sentence's other violence shares (see `sharePlaces`). */
const violent: ReadonlySet<EventType> = new Set<EventType>(["ATTACK", "CLASH", "CASUALTIES"]);

/** Builds a coder over the knowledge base and lexicons (tables built once). */
export function createEventCoder(input: CoderInput): EventCoder {
  // English names of the knowledge base, built on the first English lead (not once per sentence).
  let kbNames: Map<string, string> | undefined;
  const lex = input.lexicon ?? eventLexicon();
  const settings = input.settings ?? eventSettings;
  const tables = readerTables(lex, input.actors ?? [], input.countries.forms);
  const titles = titleLexicon();
  const titleWords = new Set([...titles.ranks.ar, ...titles.heads.ar, ...lex.titles.map((t) => t.words.join(" "))].flatMap((p) => phrase(p)));
  const headWords = new Set(titles.heads.ar.map((p) => phrase(p)[0]!).filter(Boolean));
  const givenNames = new Set(Object.keys(discoveryLexicon().given_names).map(normaliseArabic));
  const demonym = (code: string) => input.countries.demonyms?.get(code)?.adjectives.en[0];
  const places = indexPlaces(input.places);
  const openers = new Set([...tables.triggersByFirst.keys(), ...lex.cue.reporting.map((p) => p[0]!)]);
  const countryWords = new Set(input.countries.forms.filter((f) => f.lang === "ar").map((f) => phrase(f.text)[0]!).filter(Boolean));

  let english: ReturnType<typeof createEnglishCoder> | undefined;

  return {
    code({ sentence, published, mentions, actors }) {
      // English leads: subject–verb–object over the triggers' English forms (english.ts)
      if (isEnglish(sentence)) {
        english ??= createEnglishCoder(lex, input.countries, input.places, settings.maxEvents);
        return english(sentence, published, englishNames(sentence, mentions, actors));
      }
      const offset = datelineEnd(sentence, settings.datelineChars);
      const text = sentence.slice(offset);
      const tags = mentions ? null : input.tagger?.tag({ lang: "ar", title: null, body: [text] });
      const ms = mentions
        ? mentions.filter((m) => m.start >= offset).map((m) => ({ ...m, start: m.start - offset, end: m.end - offset }))
        : (tags?.mentions ?? []);
      const named = actors ?? tags?.actors;
      const known = named && new Map(named.map((a): [string, ActorInfo] => [a.id, { id: a.id, type: a.type, names: { en: a.en } }]));
      return codeSentence(text, published, ms, known);
    },
  };

  /** The knowledge-base actors and countries named in an English sentence, by their English names. */
  function englishNames(sentence: string, mentions: Mention[] | undefined, actors: CodeInput["actors"]): EnglishName[] {
    const tags = mentions ? null : input.tagger?.tag({ lang: "en", title: null, body: [sentence] });
    const byId = new Map((actors ?? tags?.actors ?? []).map((a) => [a.id, a.en]));
    const kb = (kbNames ??= new Map((input.actors ?? []).map((a) => [a.id, a.names.en])));
    const out: EnglishName[] = [];
    for (const m of mentions ?? tags?.mentions ?? []) {
      const en = m.ref.startsWith("country:") ? countryName(m.ref.slice(8), "en") : (byId.get(m.ref) ?? kb.get(m.ref));
      if (en) out.push({ start: m.start, end: m.end, en, country: m.ref.startsWith("country:") });
    }
    return out;
  }

  function codeSentence(text: string, published: string | null, mentions: Mention[], actors?: Map<string, ActorInfo>): Event[] {
    const s = readSentence(text);
    // early exit: a sentence with no word that can open a trigger or a reporting verb codes nothing (no entities,
    // times or phrases are read for it)
    if (!s.toks.some((t) => t.bases.some((b) => openers.has(b)) || t.stems.some((st) => openers.has(st)))) return [];
    if (isCommentary(s, lex)) return [];
    const { times, covered } = readTimes(s, lex, published);
    const entities = findEntities(s, mentions, tables, actors);
    const cover: Array<Entity | undefined> = new Array(s.toks.length);
    for (const e of [...entities].sort((a, b) => b.to - b.from - (a.to - a.from))) for (let k = e.from; k < e.to; k++) cover[k] ??= e;
    // «فيصل» is a name, not «ف» + «يصل»: a verb form that is a given name is no trigger
    const hits = findTriggers(s, cover, tables, covered).filter((h) => !(h.trigger.kind === "verb" && givenNames.has(s.toks[h.from]!.norm)));
    const reporting = findReporting(s, lex, cover);
    const ctx: PhraseContext = {
      s, lex, entities, cover, times: covered, titleWords, headWords, givenNames, demonym, countryWords,
      verbs: new Set([...hits.map((h) => h.from), ...reporting]),
      predicates: new Set([...hits.filter((h) => h.trigger.kind === "verb").map((h) => h.from), ...reporting]),
      countryName: (c) => countryName(c, "en"),
      placeEnd: (k) => {
        const p = findPlace(ctx, places, k, k + 1);
        return p && p.span.from === k ? p.span.to : k;
      },
      maxTokens: settings.maxPhraseTokens, maxApposition: settings.maxAppositionTokens,
    };
    const asserted = hits.filter((h) => isAsserted(s, h, hits, lex, settings, cover));
    const drafts: Draft[] = [];
    for (const h of asserted) drafts.push(...draft(ctx, h, hits, reporting, drafts));
    const statement = statementDraft(ctx, drafts, hits, reporting);
    if (statement) drafts.push(statement);
    let events = merge(ctx, drafts);
    const implied = impliedAttack(events);
    if (implied) events.push(implied);
    if (events.some((d) => !d.circumstantial)) events = events.filter((d) => !d.circumstantial);
    events.sort((a, b) => a.order - b.order);
    const placesOf = link(ctx, events);
    return sharePlaces(events.slice(0, settings.maxEvents).map((d) => finish(ctx, d, times, placesOf)));
  }

  function draft(ctx: PhraseContext, h: Hit, hits: Hit[], reporting: number[], earlier: Draft[]): Draft[] {
    const { s } = ctx;
    const t = h.trigger;
    let source: Span | null = null;
    let target: Span | null = null;
    let after = h.to;
    if (t.kind === "verb") {
      const subj = subjectOf(ctx, h.from, h.to, hits);
      source = subj.subject;
      after = subj.after;
      // «وندد بالعنف»: a coordinated verb shares the subject of the verb before it
      // («زار X باريس حيث التقى Y»: a verb after «حيث» shares it too)
      const linked = s.toks[h.from]!.norm.startsWith("\u0648") || longestAt(s, h.from - 1, lex.cue.shared_subject) > 0;
      const prior = linked && earlier.length ? earlier[earlier.length - 1]!.source : null;
      if (!source && prior) source = prior;
      // «أقال X Y، وعين Z خلفا له»: a coordinated transitive verb with one phrase after it has the earlier
      // subject; the phrase is its object
      else if (source && prior && t.target === "object" && source.from > h.from && !objectAfter(ctx, source.to) && !sameSpan(ctx, source, prior)) {
        target = source;
        source = prior;
      }
      if (t.type === "CASUALTIES") {
        // passive «قُتل X»: the victims follow; «إن 14 مدنيا قتلوا»: they come first
        target = victimsAfter(ctx, h.to) ?? victimsBefore(ctx, h.from);
        source = agentAfter(ctx, target && target.from > h.from ? target.to : h.to);
      }
    } else if (t.kind === "people") {
      let from = h.from;
      if (from > 0 && longestAt(s, from - 1, lex.numbers.phrases.vague)) from -= 1;
      source = { from, to: actorPhraseAt(ctx, h.from)?.to ?? h.to };
      after = source.to;
    } else {
      source = nounSource(ctx, h, hits, reporting, settings);
      if (t.genitive === "target" && (t.type === "CASUALTIES" || t.type === "ARREST")) target = victimsAfter(ctx, h.to);
      if (t.type === "CASUALTIES") source = agentAfter(ctx, target ? target.to : h.to);
      else if (t.genitive && h.to < s.toks.length && !isBound(ctx, h.to)) {
        const gen = actorPhraseAt(ctx, h.to);
        // the genitive is a name or a described group («تفجير كنيستي …», «فوز قيس سعيد»), not an adjective («هجوم فاشل»)
        const head = ctx.cover[h.to];
        const titled = ctx.s.toks[h.to]!.stems.some((st) => ctx.titleWords.has(st)) || givenName(ctx, h.to);
        // («هجوم مسلح»: a singular group word after an indefinite act is its adjective, not its target)
        const adjective = head && (head.kind === "country" ? head.adjective : head.kind === "group" && head.count === 1 && !s.toks[h.to]!.norm.startsWith("\u0627\u0644"));
        const named = gen && ((head && !adjective) || titled);
        if (gen && named && !s.toks[h.to]!.norm.startsWith("\u0644")) {
          if (t.genitive === "source") source = gen; // «زيارة وزير الخارجية»: the genitive is the visitor
          else target = gen;
        }
      }
    }
    let between = false;
    if (!target && t.type !== "CASUALTIES") {
      // «لقائه نظيره الأردني»: a noun with a pronoun suffix takes its object right after it
      const suffixed = t.kind === "noun" && !s.toks[h.to - 1]!.stems.some((st) => t.phrases.some((p) => p[p.length - 1] === st));
      if (suffixed && t.target === "prep" && !isBound(ctx, h.to)) {
        const next = actorPhraseAt(ctx, h.to);
        if (next && named(ctx, next)) target = next;
      }
      if (target) {
        // found
      } else if (t.target === "object") {
        target = objectAfter(ctx, after);
        // «وصف X نهج Y»: an object naming no one gives way to the actor named after it
        if (target && t.fallback === "entity" && !named(ctx, target)) target = null;
      } else if (t.target === "prep") {
        const found = prepTarget(ctx, h, t.kind === "verb" ? after : h.to);
        // «على دوما»: a locative phrase naming no one is the place, not the target
        // (an arrest's «على» introduces whom it seizes: «القبض على خلية»)
        // (nor is a struck object that names no place: «على مواقعهم», «على حافلة للشرطة»)
        if (found && (named(ctx, found.span) || t.type === "ARREST" || !locative(ctx, found.span.from - 1) || (t.type === "ATTACK" && !placeLike(ctx, found.span)))) {
          target = found.span;
          between = found.between;
        }
      }
      if (!target && (t.target === "entity" || t.fallback === "entity")) target = firstActorAfter(ctx, after, settings.placeWindow, t.type !== "PROTEST");
    }
    // «استهدف مدينة سرت»: a struck place is the place of the attack, not its target
    if (target && t.type === "ATTACK" && (longestAt(s, target.from, lex.cue.place_heads) || ctx.placeEnd(target.from) > target.from)) target = null;
    let type: EventType = t.type;
    if (target && t.target === "object" && t.untargeted && !named(ctx, target)) target = null;
    if (!target && t.untargeted) type = t.untargeted;
    if (type === "OTHER") return [];
    // a statement, appeal, accusation or threat nobody makes is a word in another clause («رفضه»)
    if ((!source || !named(ctx, source)) && (type === "STATEMENT" || type === "APPEAL" || type === "ACCUSE" || type === "THREATEN" || type === "DEPLOY")) return [];
    if (t.swap && target) [source, target] = [target, source];
    if (t.symmetric) [source, target] = splitSymmetric(ctx, source, target, between);
    // «اشتباكات بين فصائل متناحرة»: one phrase after «بين» names both sides: it is the source
    if (t.symmetric && between && !source && target) [source, target] = [target, null];
    // CLASH «اشتباكات مع X» with no subject: the side named before (the victims' side)
    // (or the victims of a toll before it: «استشهد جنديان سعوديان … في مواجهات مع X»)
    if (type === "CLASH" && !source && target) source = lastActorBefore(ctx, h.from) ?? earlier.find((d) => d.type === "CASUALTIES" && d.target && d.target.to <= h.from)?.target ?? null;
    const prev = s.toks[h.from - 1]?.norm;
    const circumstantial = t.circumstantial && (prev === lex.word.during || prev === lex.word.in || s.toks[h.from - 2]?.norm === lex.word.during);
    const base: Draft = { type, hit: h, source, target, circumstantial, order: h.from, also: [] };
    if (type === "CASUALTIES" && source) base.agent = agentMarkerAt(ctx, source.from);
    if (t.per_target && target) {
      const parts = splitSymmetric(ctx, target, null, false);
      if (parts[1]) {
        const all = [parts[0]!, ...splitRest(ctx, target, parts[1])];
        return all.map((p, k) => ({ ...base, target: p, order: h.from + k / 10 }));
      }
    }
    return [base];
  }

  function splitRest(ctx: PhraseContext, whole: Span, second: Span): Span[] {
    const [a, b] = splitSymmetric(ctx, { ...second, to: whole.to }, null, false);
    return b ? [a!, ...splitRest(ctx, whole, b)] : [{ ...second, to: whole.to }];
  }

  /** The agent marker («برصاص») written right before an agent's phrase, as a span. */
  function agentMarkerAt(ctx: PhraseContext, from: number): Span | undefined {
    for (let k = Math.max(0, from - 2); k < from; k++) {
      const n = longestAt(ctx.s, k, lex.cue.agent_markers);
      if (n && k + n === from) return { from: k, to: from };
    }
    return undefined;
  }

  /**
   * «استشهد فلسطيني برصاص قوات الاحتلال»: a toll with its agent's weapon («برصاص», «بنيران», «بقصف») reports
   * the attack too (codebook §2: an attack with a toll is two events), unless the sentence codes one already.
   */
  function impliedAttack(events: Draft[]): Draft | null {
    if (events.some((d) => d.type === "ATTACK" || d.type === "CLASH")) return null;
    const c = events.find((d) => d.type === "CASUALTIES" && d.agent);
    const trigger = lex.triggers.find((t) => t.type === "ATTACK" && t.kind === "noun");
    if (!c?.agent || !trigger) return null;
    const hit = { trigger, from: c.agent.from, to: c.agent.to };
    return { type: "ATTACK", hit, source: c.source, target: c.target, circumstantial: false, order: c.order + 0.5, also: [] };
  }

  /** Who caused a toll, after «برصاص», «بنيران», «على يد» right after the victims. */
  function agentAfter(ctx: PhraseContext, from: number): Span | null {
    for (let k = from; k < Math.min(ctx.s.toks.length, from + 2); k++) {
      const n = longestAt(ctx.s, k, lex.cue.agent_markers);
      if (n) return actorPhraseAt(ctx, k + n);
    }
    return null;
  }

  /** True when a phrase names someone: an entity that is not a bare adjective, a title, or a given name. */
  function named(ctx: PhraseContext, span: Span): boolean {
    if (entitiesIn(ctx, span).some((e) => !(e.kind === "country" && e.adjective))) return true;
    if (ctx.s.toks[span.from]!.stems.some((st) => ctx.titleWords.has(st))) return true;
    for (let k = span.from; k < span.to; k++) if (givenName(ctx, k)) return true;
    return false;
  }

  /** True when a phrase is a place: a place head, a place of the lexicon or a country at its start. */
  function placeLike(ctx: PhraseContext, span: Span): boolean {
    const e = ctx.cover[span.from];
    return longestNounAt(ctx.s, span.from, lex.cue.place_heads) > 0 || ctx.placeEnd(span.from) > span.from || (e?.kind === "country" && !e.adjective);
  }

  function locative(ctx: PhraseContext, k: number): boolean {
    return k >= 0 && longestAt(ctx.s, k, lex.cue.locatives) > 0;
  }

  /** The first actor named after `from`: not a country written as a place («في تل أبيب»), not in a background clause. */
  function firstActorAfter(ctx: PhraseContext, from: number, window: number, countries = true): Span | null {
    const { s } = ctx;
    for (const x of ctx.entities) {
      if (x.from < from || x.from >= from + window) continue;
      if (x.kind === "pronoun" || (x.kind === "country" && (x.adjective || !countries))) continue;
      if (x.kind === "country" && (locative(ctx, x.from - 1) || s.toks[x.from]!.norm.startsWith("\u0628"))) continue;
      let background = false;
      for (let k = s.clause[x.from]!; k < x.from; k++) if (longestAt(s, k, lex.cue.background)) background = true;
      // «ندد X بالهجوم الذي استهدف كنيسة»: who a relative clause's attack names is its victim, not the accused
      // (the subject of another verb is the perpetrator: «بالعنف الذي تمارسه القوات الإسرائيلية»)
      for (let k = from; k < x.from; k++) if (longestAt(s, k, lex.cue.relative) && ctx.verbs.has(k + 1)) background = true;
      if (background) break;
      return actorPhraseAt(ctx, x.from);
    }
    return null;
  }

  function lastActorBefore(ctx: PhraseContext, i: number): Span | null {
    const e = [...ctx.entities].reverse().find((x) => x.to <= i && x.kind === "actor");
    return e ? { from: e.from, to: e.to } : null;
  }

  /** A reporting verb that is the main predicate and reports no other event (R6, §2). */
  function statementDraft(ctx: PhraseContext, drafts: Draft[], hits: Hit[], reporting: number[]): Draft | null {
    const { s } = ctx;
    let main = 0;
    if ([lex.word.in, lex.word.during].includes(s.toks[0]!.norm)) main = s.toks.findIndex((_, i) => i > 0 && s.clause[i] === i);
    if (main < 0 || !reporting.includes(main)) return null;
    const said = longestAt(s, main, lex.cue.statement_verbs);
    const n = said || longestAt(s, main, lex.cue.reporting);
    if (!n || drafts.some((d) => d.hit.from > main && !d.circumstantial)) return null;
    let { subject, after } = subjectOf(ctx, main, main + n, hits);
    if (!subject || longestAt(s, subject.from, lex.cue.announcers)) return null;
    // «المتحدث باسم الحكومة الجزائرية»: the spokesman's phrase runs on through the institution's name
    const m = longestAt(s, subject.from, lex.cue.spokesmen);
    const institution = m && subject.to <= subject.from + m ? phraseAt(ctx, subject.from + m) : null;
    if (institution) subject = { from: subject.from, to: institution.to };
    // «أعلنت X رفضها …»: an announced stance is the news; any other announcement reports
    if (!said && !longestAt(s, skipTimesFrom(ctx, after), lex.cue.stance_nouns)) return null;
    // an anonymous speaker («مسؤول أمريكي», «جهات معارضة») reports; only a named one, or an institution's
    // spokesman («المتحدث باسم الحكومة الجزائرية»), makes a statement the news
    const spokesman = m > 0 && entitiesIn(ctx, subject).length > 0;
    if (!spokesman && !entitiesIn(ctx, subject).some((e) => e.kind === "actor" || (e.kind === "country" && !e.adjective)) && !hasName(ctx, subject)) return null;
    // «أكدت دمشق ومسقط أهمية …»: a diplomatic formula is not news (R1: the visit or meeting around it is)
    const what = skipTimesFrom(ctx, after);
    if (what < s.toks.length && longestAt(s, what, lex.cue.statement_formulas) && drafts.length) return null;
    const trigger = lex.triggers.find((t) => t.type === "STATEMENT")!;
    return { type: "STATEMENT", hit: { trigger, from: main, to: main + n }, source: subject, target: null, circumstantial: false, order: main, also: [] };
  }

  function skipTimesFrom(ctx: PhraseContext, i: number): number {
    while (i < ctx.s.toks.length && ctx.times.has(i)) i++;
    return i;
  }

  function predicateBetween(ctx: PhraseContext, from: number, to: number): boolean {
    for (let k = from; k < to; k++) if (ctx.predicates.has(k)) return true;
    return false;
  }

  function key(ctx: PhraseContext, span: Span | null): string {
    if (!span) return "";
    const words = ctx.s.toks.slice(span.from, span.to).map((t) => t.norm);
    if (span.conj && words[0]) words[0] = words[0].slice(1);
    return words.join(" ");
  }

  /** Same-type triggers of one event: close together, or the same actor (R15); an agreement to a ceasefire is one (R11). */
  function merge(ctx: PhraseContext, drafts: Draft[]): Draft[] {
    const ceasefires = drafts.filter((d) => d.type === "CEASEFIRE");
    // «اتفاق وقف إطلاق النار», «اتفقت X وY على وقف إطلاق النار»: the agreement is the ceasefire (R11)
    const ceasefireOf = (d: Draft) => ceasefires.find((c) => c.hit.from >= d.hit.to && c.hit.from <= d.hit.to + (d.hit.trigger.kind === "verb" ? 12 : 1));
    for (const d of drafts)
      if (d.type === "AGREE") {
        const c = ceasefireOf(d);
        if (c) {
          c.source ??= d.source;
          c.target ??= d.target;
          if (c.source && !c.target) [c.source, c.target] = splitSymmetric(ctx, c.source, null, false);
        }
      }
    // «بحث X مع Y في اتصال هاتفي»: talks held in a call are the call (R3)
    const frames = drafts.filter((d) => d.type === "CALL" && d.hit.trigger.kind === "noun" && [lex.word.in, lex.word.during].includes(ctx.s.toks[d.hit.from - 1]?.norm ?? ""));
    for (const f of frames) {
      const talks = drafts.find((d) => d.type === "MEET" && d.hit.from < f.hit.from && !predicateBetween(ctx, d.hit.to, f.hit.from));
      if (talks) {
        talks.type = "CALL";
        drafts.splice(drafts.indexOf(f), 1);
      }
    }
    // «بحث X هاتفيا مع Y»: talks by phone are a call (R3)
    for (const d of drafts)
      if (d.type === "MEET" && d.hit.trigger.kind === "verb") {
        const end = Math.min(ctx.s.toks.length, d.hit.to + settings.nounActorWindow + 8);
        for (let k = d.hit.to; k < end && ctx.s.clause[k] === ctx.s.clause[d.hit.from]; k++) if (longestAt(ctx.s, k, lex.cue.by_phone)) d.type = "CALL";
      }
    const kept = drafts.filter((d) => !(d.type === "AGREE" && ceasefireOf(d)));
    const out: Draft[] = [];
    for (const d of kept.sort((a, b) => a.order - b.order)) {
      const same = out.find((o) => {
        if (o.type !== d.type) return false;
        if (o.hit.trigger.per_target && key(ctx, o.target) !== key(ctx, d.target)) return false;
        if (o.source && d.source && key(ctx, o.source) !== key(ctx, d.source)) return false;
        if (Math.abs(o.hit.from - d.hit.from) <= settings.mergeWindow) return true;
        if (o.source && key(ctx, o.source) === key(ctx, d.source)) return true;
        // «وقع X وY إعلان شراكة», «سيّر X شاحنات تحمل مساعدات»: the noun is the verb's own object
        // («تجمع مئات المحتجين … احتجاجا على»: a noun after the people it names is their act too)
        return (o.hit.trigger.kind === "verb" || o.hit.trigger.kind === "people") && d.hit.trigger.kind !== "verb" && !d.source && !predicateBetween(ctx, o.hit.to, d.hit.from);
      });
      if (same) {
        same.source ??= d.source;
        same.target ??= d.target;
        same.circumstantial &&= d.circumstantial;
        same.agent ??= d.agent;
        same.also.push(d.hit);
      } else out.push(d);
    }
    return out;
  }

  /**
   * Casualties and their attack: the toll takes the attacker (unless the victims are the attackers), and the
   * attack's target and place when it names none; an attack with no target takes the victims named before it.
   */
  function link(ctx: PhraseContext, events: Draft[]): Map<Draft, Draft> {
    const placeFrom = new Map<Draft, Draft>();
    const attack = events.find((d) => d.type === "ATTACK");
    if (!attack) return placeFrom;
    for (const c of events.filter((d) => d.type === "CASUALTIES")) {
      if (!c.source && attack.source && !sameActor(ctx, attack.source, c.target)) c.source = attack.source;
      if (!attack.target && c.target && c.hit.from < attack.hit.from) attack.target = c.target;
      if (!c.target && attack.target && attack.hit.from < c.hit.from) c.target = attack.target;
      placeFrom.set(c, attack);
      if (!placeFrom.has(attack)) placeFrom.set(attack, c);
    }
    return placeFrom;
  }

  /**
   * One sentence, one scene: a meeting during a visit is held where the visit goes («استهل الزيارة التي يؤديها
   * إلى العراق … بلقاء»), and an attack or toll with no place of its own happened where the sentence's other
   * violence did («… قبل أن تستأنف القوات الحكومية هجوما على المدينة»). The gist is rebuilt when a place is taken.
   */
  function sharePlaces(events: Event[]): Event[] {
    return events.map((e) => {
      if (e.place) return e;
      const from =
        e.type === "MEET" ? events.find((o) => o.type === "VISIT" && o.place && o.source_actor?.ar === e.source_actor?.ar)
        : violent.has(e.type) ? events.find((o) => o !== e && violent.has(o.type) && o.place)
        : undefined;
      if (!from?.place) return e;
      const shared = { ...e, place: from.place };
      return { ...shared, gist_en: gistLine(shared) };
    });
  }

  function sameSpan(ctx: PhraseContext, a: Span, b: Span): boolean {
    return key(ctx, a) === key(ctx, b);
  }

  function sameActor(ctx: PhraseContext, a: Span | null, b: Span | null): boolean {
    if (!a || !b) return false;
    if (key(ctx, a) === key(ctx, b)) return true;
    const names = (x: Span) => entitiesIn(ctx, x).filter((e) => e.kind === "actor").map((e) => e.en);
    const nb = names(b);
    return names(a).some((x) => nb.includes(x));
  }

  function finish(ctx: PhraseContext, d: Draft, times: TimeMention[], placeFrom: Map<Draft, Draft>): Event {
    const { s } = ctx;
    const speaker = ctx.entities.find((e) => e.kind === "actor" && e.country)?.country ?? ctx.entities.find((e) => e.kind === "country")?.country;
    const render = (x: Span | null): EventActor | null => (x ? renderActor(ctx, x, speaker) : null);
    const actors = [d.source, d.target].filter((x): x is Span => !!x);
    const placeAt = (x: Draft) =>
      placeOf(ctx, places, { type: d.type, from: x.hit.from, to: x.hit.to, source: d.source, actors, own: x.also.map((h) => h.from) }, settings.placeWindow);
    const partner = placeFrom.get(d);
    let place = placeAt(d) ?? scenePlace(ctx, d);
    if (partner && (!place || partner.hit.from < d.hit.from)) place = (partner.hit.from < d.hit.from ? placeAt(partner) : null) ?? place ?? placeAt(partner);
    let target = render(d.target);
    if (d.type === "VISIT") {
      // the host: the country visited, unless the trip is domestic (R2)
      const home = actorCountry(ctx, d.source);
      target = place?.country && place.ar && home !== place.country ? { ar: place.ar, en: countryName(place.country, "en") ?? place.en } : null;
    }
    let figures: Event["figures"] = [];
    if (d.type === "CASUALTIES" || d.type === "ARREST") {
      const kind = d.type === "ARREST" ? "arrested" : triggerKind(s, d.hit.from, lex);
      const victims = d.target ? entitiesIn(ctx, d.target) : [];
      const single = victims.some((e) => e.person) || (d.target && (quoted(ctx, d.target) || hasName(ctx, d.target)));
      // a nisba as the victims: «فلسطيني» one, «فلسطينيان» two (the dual ending)
      const nisba = victims.find((e) => e.kind === "country" && e.adjective && e.from === d.target?.from);
      const nisbaWord = nisba ? s.toks[nisba.from]!.norm : "";
      const nisbaCount = !nisba || nisbaWord.startsWith("\u0627\u0644") ? null : nisbaWord.endsWith("\u064a\u0627\u0646") ? 2 : nisbaWord.endsWith("\u064a") ? 1 : null;
      const implied = victims.find((e) => e.count)?.count ?? nisbaCount ?? (single ? 1 : null);
      // «مقتله»: a casualty noun with a singular pronoun is one victim
      const own = s.toks[d.hit.to - 1]!.norm;
      const suffixed = d.hit.trigger.kind === "noun" && d.hit.to - d.hit.from === 1 && own.endsWith(SINGULAR_SUFFIX) && d.hit.trigger.phrases.some((p) => p.length === 1 && own === p[0] + SINGULAR_SUFFIX);
      // «إن 14 مدنيا على الأقل قتلوا»: the count is written before the verb, with its victims
      const lead = d.target && d.target.to <= d.hit.from ? d.target.from : undefined;
      figures = findFigures(s, lex, { from: d.hit.from, to: d.hit.to, kind }, settings.figureWindow, implied ?? (suffixed ? 1 : null), lead);
    }
    const ev: Event = {
      type: d.type,
      source_actor: render(d.source),
      target_actor: target,
      place,
      date: dateFor(d, times),
      figures,
      trigger_ar: spanText(s, d.hit.from, d.hit.to),
      gist_en: "",
    };
    ev.gist_en = gistLine(ev);
    return ev;
  }

  /** «شهدت مدينة الحسيمة احتجاجات»: the subject of a scene verb before the event's noun is its place. */
  function scenePlace(ctx: PhraseContext, d: Draft): Event["place"] {
    if (d.hit.trigger.kind === "verb") return null;
    const { s } = ctx;
    for (let k = d.hit.from - 1; k >= s.clause[d.hit.from]!; k--) {
      if (!longestAt(s, k, lex.cue.scene_verbs)) continue;
      return placeOf(ctx, places, { type: d.type, from: k, to: k + 1, source: null, actors: [], own: [] }, d.hit.from - k);
    }
    return null;
  }

  function quoted(ctx: PhraseContext, span: Span): boolean {
    const start = ctx.s.toks[span.from]!.start;
    return /["«“]/.test(ctx.s.text.slice(Math.max(0, start - 1), start));
  }

  function dateFor(d: Draft, times: TimeMention[]): string | null {
    let best: TimeMention | null = null;
    for (const t of times) if (t.date && (!best || Math.abs(t.from - d.hit.from) < Math.abs(best.from - d.hit.from))) best = t;
    return best?.date ?? null;
  }
}

/** Offset after a dateline ending in «--» or «—» after a closing bracket («(CNN)--»), else 0. */
export function datelineEnd(sentence: string, maxChars: number): number {
  const m = /\)\s*(?:--|—|–)\s*/.exec(sentence.slice(0, maxChars));
  return m ? m.index + m[0].length : 0;
}
