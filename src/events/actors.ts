/**
 * Actors of a trigger (codebook §4). A verb's subject is the phrase after it (VSO, past time words) or before it
 * («X فعل», «إن X فعل»); its target is the object after the subject, a phrase after one of its prepositions,
 * or the first named actor after it. A verbal noun takes its actor from an adjective or «ل» genitive («قصف
 * إسرائيلي», «غارات لطيران التحالف»), a light verb («أجرى X اتصالا», «زيارة يقوم بها X»), or the main verb of
 * a preposed phrase («في اتصال مع Y، قال X»). Symmetric events split «بين X وY» or a coordinated subject.
 */
import type { EventType } from "../schemas/event.ts";
import { COMPLEMENTIZER, type Hit } from "./context.ts";
import { actorPhraseAt, entitiesIn, isBound, phraseAt, skipTimes, splitCoordination, type PhraseContext, type Span } from "./phrases.ts";
import type { EventSettings } from "./settings.ts";
import { longestAt, longestNounAt } from "./text.ts";

/** An event before its place, date and figures. */
export interface Draft {
  type: EventType;
  hit: Hit;
  source: Span | null;
  target: Span | null;
  /** A frame for another event («خلال زيارتها», «في اجتماع»): dropped when the sentence has another event. */
  circumstantial: boolean;
  /** Reading order. */
  order: number;
  /** Other triggers merged into this event. */
  also: Hit[];
  /** The agent marker of a toll («برصاص»), when the source came after one. */
  agent?: Span;
}

const COMPLEMENTIZERS = new Set(["\u0627\u0646", "\u0628\u0627\u0646"]); // ان بان (إن أن بأن after folding)

/** The phrase before a verb in its clause («X فعل», «إن X فعل»), or "event" when that phrase is a trigger. */
function beforeVerb(ctx: PhraseContext, i: number, hits: Hit[]): Span | "event" | "pronoun" | null {
  const { s } = ctx;
  // «قال الجيش إنه قصف»: the pronoun on the complementizer is the reporting verb's subject
  if (i > 0 && COMPLEMENTIZER.test(s.toks[i - 1]!.norm) && s.toks[i - 1]!.norm.length > 3 - (s.toks[i - 1]!.norm[0] === "\u0628" ? 0 : 1)) return "pronoun";
  let c = s.clause[i]!;
  for (let k = i - 1; k >= c; k--) {
    if (COMPLEMENTIZERS.has(s.toks[k]!.norm)) {
      c = k + 1;
      break;
    }
  }
  if (c >= i) return null;
  // «أن هجوما انتحاريا استهدف»: the subject is the event itself
  if (hits.some((h) => h.from >= c && h.to <= i && h.to >= i - 4 && h.trigger.kind !== "verb")) return "event";
  for (let k = c; k < i; k++) if (ctx.verbs.has(k)) return null;
  const span = phraseAt(ctx, c);
  if (!span || span.to < i - 1 || !entitiesIn(ctx, { from: c, to: i }).length) return null;
  return { from: c, to: Math.min(i, span.to) };
}

/** A verb's subject, and where its object may start. */
export function subjectOf(ctx: PhraseContext, from: number, to: number, hits: Hit[]): { subject: Span | null; after: number } {
  const before = beforeVerb(ctx, from, hits);
  if (before === "event") return { subject: null, after: to };
  if (before === "pronoun") {
    const r = [...ctx.verbs].filter((k) => k < from - 1 && longestAt(ctx.s, k, ctx.lex.cue.reporting)).sort((a, b) => b - a)[0];
    const reported = r === undefined ? null : subjectOf(ctx, r, r + 1, hits).subject;
    return { subject: reported, after: to };
  }
  if (before) return { subject: before, after: to };
  const k = skipTimes(ctx, to);
  // «تظاهر آلاف السودانيين»: a count opens the subject
  const q = k < ctx.s.toks.length ? longestAt(ctx.s, k, ctx.lex.numbers.phrases.vague) || (ctx.s.toks[k]!.digits ? 1 : 0) : 0;
  if (q && k + q < ctx.s.toks.length && !isBound(ctx, k + q)) {
    const rest = actorPhraseAt(ctx, k + q);
    if (rest) return { subject: { from: k, to: rest.to }, after: rest.to };
  }
  if (k >= ctx.s.toks.length || ctx.verbs.has(k) || (isBound(ctx, k) && !ctx.cover[k] && !/[,،]/.test(ctx.s.toks[k]!.before))) return { subject: null, after: to };
  const subject = actorPhraseAt(ctx, k);
  return { subject, after: subject ? subject.to : to };
}

/** Skips time words and locative phrases («في قصره», «بقصر قرطاج») before an object. */
function skipAdverbials(ctx: PhraseContext, i: number): number {
  const { s, lex } = ctx;
  for (let guard = 0; guard < 4 && i < s.toks.length; guard++) {
    const j = skipTimes(ctx, i);
    if (j !== i) {
      i = j;
      continue;
    }
    const t = s.toks[i]!;
    const loc = t.norm === lex.word.in ? 1 : 0;
    // «بقصر اليمامة», «بمقر الوزارة», «بالرياض», «بتونس»: a place or venue head, a known place or a country written with «ب»
    const country = ctx.cover[i]?.kind === "country" && !ctx.cover[i]!.adjective && ctx.cover[i]!.from === i;
    const head = longestNounAt(s, i, lex.cue.place_heads) > 0 || longestNounAt(s, i, lex.cue.venue_heads) > 0;
    const prefixed = t.norm.startsWith("\u0628") && (head || ctx.placeEnd(i) > i || country);
    if (!loc && !prefixed) break;
    const e = ctx.cover[i + loc];
    const place = loc ? ctx.placeEnd(i + loc) : i;
    if (loc && (place > i + loc || (e?.kind === "country" && !e.adjective))) {
      // «في طرابلس السفير الإيطالي»: the place is one name; the object follows it
      i = Math.max(place, e?.to ?? 0);
      continue;
    }
    const span = phraseAt(ctx, i + loc);
    if (!span) break;
    i = span.to;
  }
  return i;
}

/** The object after `from`: a phrase right after the subject («استقبل X Y»), past time words and venues. */
export function objectAfter(ctx: PhraseContext, from: number): Span | null {
  const { s } = ctx;
  const k = skipAdverbials(ctx, from);
  if (k >= s.toks.length || ctx.verbs.has(k)) return null;
  const t = s.toks[k]!;
  // a counted object («35 امرأة», «ثلاثة مهندسين أتراك»)
  const count = t.digits ? 1 : t.stems.some((st) => ctx.lex.numbers.unitMap.has(st)) ? 1 : longestAt(s, k, ctx.lex.numbers.phrases.vague);
  if (count) {
    const rest = phraseAt(ctx, k + count);
    return rest ? { from: k, to: rest.to } : null;
  }
  if (isBound(ctx, k) && !ctx.cover[k] && !/[,،]/.test(t.before)) return null;
  if (isBound(ctx, k) && !ctx.cover[k] && (longestAt(s, k, ctx.lex.cue.prepositions) || ctx.times.has(k))) return null;
  return actorPhraseAt(ctx, k);
}

/** A target introduced by one of the trigger's prepositions. */
export function prepTarget(ctx: PhraseContext, h: Hit, from: number): { span: Span; between: boolean } | null {
  const { s } = ctx;
  const end = Math.min(s.toks.length, from + 12);
  for (let k = from; k < end; k++) {
    // another predicate starts another clause; a noun trigger does not («تلقى X اتصالا هاتفيا من Y»)
    if (k !== h.from && ctx.predicates.has(k)) break;
    const t = s.toks[k]!;
    for (const p of h.trigger.prepWords) {
      if (t.norm === p) {
        const span = actorPhraseAt(ctx, k + 1);
        if (span) return { span, between: p === "\u0628\u064a\u0646" };
      } else if (p.length === 1 && t.norm.startsWith(p) && t.norm.length > 3 && t.stems.some((st) => st !== t.norm && !st.startsWith(p))) {
        const span = actorPhraseAt(ctx, k);
        if (span) return { span, between: false };
      }
    }
    const e = ctx.cover[k];
    if (e && e.to > k + 1) k = e.to - 1;
  }
  return null;
}

/** A verbal noun's actor. */
export function nounSource(ctx: PhraseContext, h: Hit, hits: Hit[], reporting: number[], settings: EventSettings): Span | null {
  const { s, lex } = ctx;
  const type = h.trigger.type;
  if (type === "ATTACK" || type === "CLASH") {
    for (let k = h.to; k < Math.min(s.toks.length, h.to + settings.nounActorWindow); k++) {
      if (isBound(ctx, k) && !ctx.cover[k]) break;
      const e = ctx.cover[k];
      if (e && e.kind === "country" && e.adjective) return { from: e.from, to: e.to };
      const tok = s.toks[k]!;
      if (tok.norm.startsWith("\u0644") && !tok.norm.startsWith("\u0627\u0644") && !ctx.times.has(k)) {
        const span = phraseAt(ctx, k);
        if (span && entitiesIn(ctx, span).some((x) => x.kind !== "country" || !x.adjective)) return span;
      }
    }
  }
  // «أعلن X مسؤوليته عن الهجوم»: the claimant is the source (R7)
  for (let k = Math.max(0, h.from - 3); k < h.from; k++) {
    if (!longestAt(s, k, lex.cue.claims)) continue;
    const r = reporting.filter((i) => i < k).pop();
    const light = r ?? [...Array(k).keys()].reverse().find((i) => longestAt(s, i, lex.cue.light_verbs));
    if (light !== undefined) {
      const { subject } = subjectOf(ctx, light, light + 1, hits);
      if (subject && subject.from < k) return { ...subject, to: Math.min(subject.to, k) };
    }
  }
  for (let k = h.to; k < Math.min(s.toks.length, h.to + settings.postLightWindow); k++) {
    if (longestAt(s, k, lex.cue.relative)) break;
    const n = longestAt(s, k, lex.cue.post_light_verbs);
    if (n) return actorPhraseAt(ctx, k + n);
  }
  if (type === "CASUALTIES") return null;
  for (let k = h.from - 1; k >= Math.max(0, h.from - settings.lightVerbWindow); k--) {
    const other = hits.find((o) => o.from === k && o.trigger.kind === "verb");
    if (other) break;
    const n = longestAt(s, k, lex.cue.light_verbs);
    if (!n) {
      if (reporting.includes(k)) break;
      continue;
    }
    const { subject } = subjectOf(ctx, k, k + n, hits);
    if (subject && subject.from <= h.from && subject.to > h.from) return null; // «دخلت قافلة مساعدات»: the noun is the subject
    if (subject && subject.to <= h.from) return subject;
    if (longestAt(s, k, lex.cue.reach_verbs)) {
      // «أعلن X التوصل إلى اتفاق»: the party is the announcer's subject
      const r = reporting.filter((i) => i < k).pop();
      if (r !== undefined) return subjectOf(ctx, r, r + 1, hits).subject;
    }
  }
  // «أعلن الجيش اعتقال 15 شخصا»: an authority announcing arrests made them (not «مصادر», «مسؤول»); parties
  // announcing a truce or a deal («أعلن X وY هدنة») are its parties (R12)
  if (type === "ARREST" || type === "CEASEFIRE" || type === "AGREE") {
    const r = reporting.filter((i) => i < h.from).pop();
    if (r !== undefined) {
      const { subject } = subjectOf(ctx, r, r + 1, hits);
      if (subject && subject.to <= h.from && !longestAt(s, subject.from, lex.cue.announcers)) return subject;
    }
  }
  // «خلال لقائه»: the possessor of the noun is the subject of the predicate before it
  const t = s.toks[h.from]!;
  if (!t.stems.some((st) => h.trigger.phrases.some((p) => p.length === 1 && p[0] === st))) {
    // a casualty verb's subject is its victims («أصيب شرطيان … في انفجار»), never the act's agent
    const pred = [...reporting, ...hits.filter((o) => o.trigger.kind === "verb" && o.trigger.type !== "CASUALTIES").map((o) => o.from)].filter((k) => k < h.from).sort((a, b) => b - a)[0];
    if (pred !== undefined) {
      const { subject } = subjectOf(ctx, pred, pred + 1, hits);
      if (subject && subject.to <= h.from) return subject;
    }
  }
  // a preposed phrase («في اتصال هاتفي مع X، قال Y»): the main verb's subject
  const c = s.clause[h.from]!;
  if (c === 0 && (s.toks[0]!.norm === ctx.lex.word.in || s.toks[0]!.norm === ctx.lex.word.during)) {
    const next = reporting.find((i) => i > h.from && s.clause[i] === i);
    if (next !== undefined) return subjectOf(ctx, next, next + 1, hits).subject;
  }
  return null;
}

/** The victims after a casualty trigger, past counts and vague quantities («مقتل 8 مدنيين»). */
export function victimsAfter(ctx: PhraseContext, from: number): Span | null {
  const { s, lex } = ctx;
  let k = skipTimes(ctx, from);
  // «أصيب خلالها 12 شابا»: an adverb referring back to the event comes before the victims
  k += longestAt(s, k, lex.cue.resumptive);
  // «بالاحتفاظ بـ3 أشخاص»: a proclitic written apart from its number is no word of the victims
  while (k < s.toks.length && s.toks[k]!.norm.length === 1 && !s.toks[k]!.digits) k++;
  const counted = k;
  while (k < s.toks.length) {
    const q = longestAt(s, k, lex.numbers.phrases.vague) || longestAt(s, k, lex.numbers.phrases.at_least);
    if (q) k += q;
    else if (s.toks[k]!.norm === "\u0648") k++;
    else if (s.toks[k]!.stems.some((st) => lex.numbers.unitMap.has(st))) k++;
    else if (s.toks[k]!.digits) k++;
    else if (longestAt(s, k, lex.numbers.phrases.killed) || longestAt(s, k, lex.numbers.phrases.wounded)) return null;
    else break;
    k = skipTimes(ctx, k);
  }
  if (k >= s.toks.length || ctx.verbs.has(k) || ctx.times.has(k)) return null;
  // «برصاص الجيش»: who caused the toll, not its victims
  if (longestAt(s, k, lex.cue.agent_markers)) return null;
  // «6 من عناصر الجيش»: a count's partitive names the victims
  const part = k > counted ? longestAt(s, k, lex.cue.partitive) : 0;
  if (part) {
    const rest = actorPhraseAt(ctx, k + part);
    return rest ? { from: counted, to: rest.to } : null;
  }
  if (isBound(ctx, k) && !ctx.cover[k] && !/[,،]/.test(s.toks[k]!.before)) return null;
  return actorPhraseAt(ctx, k);
}

/**
 * The victims before a casualty verb in its clause («إن 14 مدنيا على الأقل قتلوا»): a count and its noun, then
 * only quantifiers and time words up to the verb.
 */
export function victimsBefore(ctx: PhraseContext, i: number): Span | null {
  const { s, lex } = ctx;
  let c = s.clause[i]!;
  for (let k = i - 1; k >= c; k--) if (COMPLEMENTIZERS.has(s.toks[k]!.norm)) c = k + 1;
  if (c >= i) return null;
  let k = c;
  while (k < i && (s.toks[k]!.digits || longestAt(s, k, lex.numbers.phrases.vague))) k += Math.max(1, longestAt(s, k, lex.numbers.phrases.vague));
  if (k === c || k >= i) return null;
  const rest = phraseAt(ctx, k);
  if (!rest || !entitiesIn(ctx, rest).length) return null;
  let j = rest.to;
  while (j < i && (ctx.times.has(j) || longestAt(s, j, lex.numbers.phrases.at_least))) j += Math.max(1, longestAt(s, j, lex.numbers.phrases.at_least));
  return j === i ? { from: c, to: Math.min(rest.to, i) } : null;
}

/** Splits a symmetric event's phrase: «بين X وY», or a coordinated subject with no counterpart. */
export function splitSymmetric(ctx: PhraseContext, source: Span | null, target: Span | null, between: boolean): [Span | null, Span | null] {
  if (between && target) {
    const parts = splitCoordination(ctx, target);
    if (parts.length >= 2) return [parts[0]!, { ...parts[1]!, to: parts[parts.length - 1]!.to }];
  }
  if (source) {
    const parts = splitCoordination(ctx, source);
    if (parts.length >= 2 && (!target || between)) return [parts[0]!, parts[1]!];
  }
  return [source, target];
}
