/**
 * Noun phrases and the actors they name. A phrase runs from a word to the first bound (a preposition, a time
 * word, a trigger, a relative pronoun, a number, a comma); names the tagger found are never cut. An actor is a
 * phrase rendered in English from the best entity inside it: a knowledge-base actor, a described group (with its
 * country: "Turkish soldiers"), a country, or failing those its title in English and a person's name (from a
 * given name on) romanised. Anything else has no English of its own: `en` is null (no invented translation).
 */
import { romanise } from "../entities/discover.ts";
import type { EventActor } from "../schemas/event.ts";
import type { EventLexicon } from "./lexicon.ts";
import { longestAt, matchAt, spanText, type Sentence } from "./text.ts";

export { romanise };

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

/** A token span; `conj` when its first word carries a coordinating «و» that is not part of the actor. */
export interface Span {
  from: number;
  to: number;
  conj?: boolean;
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
  /** Token indexes of predicates: verb triggers and reporting verbs (a new clause's event). */
  predicates: Set<number>;
  /** Token indexes covered by time expressions. */
  times: Set<number>;
  titleWords: Set<string>;
  /** First words of office titles (heads: «وزير», «رئيس»), which may open a second person's phrase. */
  headWords: Set<string>;
  givenNames: Set<string>;
  /** End of the lexicon place starting at token k, or k when none does. */
  placeEnd: (k: number) => number;
  /** Normalised first words of Arabic country forms. */
  countryWords: Set<string>;
  /** English demonym per country code. */
  demonym: (code: string) => string | undefined;
  countryName: (code: string) => string | undefined;
  maxTokens: number;
  maxApposition: number;
}

const CONJ = "\u0648"; // و
const ALEF = "\u0627"; // ا (every alef after folding)
const YA = "\u064a"; // ي
const LAM = "\u0644"; // ل
const BA = "\u0628"; // ب
const ARTICLE = "\u0627\u0644"; // ال

/** True when token i ends a phrase that started before it. */
export function isBound(ctx: PhraseContext, i: number): boolean {
  const { s, lex } = ctx;
  const t = s.toks[i]!;
  if (ctx.cover[i] && ctx.cover[i]!.from < i) return false;
  if (/[,،؛;:.!?؟]/.test(t.before)) return true;
  if (ctx.times.has(i) || ctx.verbs.has(i) || t.digits) return true;
  if (longestAt(s, i, lex.cue.prepositions) || longestAt(s, i, lex.cue.relative) || longestAt(s, i, lex.cue.clause_verbs)) return true;
  if (longestAt(s, i, lex.cue.light_verbs)) return true;
  if (longestAt(s, i, lex.numbers.phrases.vague)) return true;
  for (const st of t.stems) if (lex.numbers.unitMap.has(st) && !ctx.cover[i]) return true;
  if (ctx.cover[i] || givenName(ctx, i)) return false;
  if (t.norm.startsWith(BA)) {
    // «بالعنف», «بإجراء», «بأغلبية»: a preposition written on a definite word or a verbal noun; names starting
    // with ب («بايدن») are not cut
    for (const st of t.stems) {
      if (st === t.norm) continue;
      if (st.startsWith(ARTICLE) || st.startsWith(ALEF) || lex.cue.prefixed_boundaries.some((p) => p.length === 1 && p[0] === st)) return true;
    }
  }
  // an imperfect verb («يشتبه») starts a clause of its own (ت-initial words are too often nouns: «تيار», «تنظيم»)
  if (t.norm.length >= 4 && t.norm[0] === YA && t.stems.length === 1) return true;
  return false;
}

/**
 * True when token i cannot continue a phrase that already names someone: another person («التقى الدبيبة حفتر»:
 * subject, then object) or a word with the preposition ب («حفتر بعرقلة الانتخابات»).
 */
function afterName(ctx: PhraseContext, from: number, i: number): boolean {
  const here = ctx.cover[i];
  const before = entitiesIn(ctx, { from, to: i });
  if (here?.person && here.from === i) return before.some((e) => e.person && e.en !== here.en);
  // «منظمة العفو الدولية السلطات المصرية», «الرئيس الإيراني إسرائيل»: a name right after a complete name (or a
  // definite word) starts the object; a title still waiting for its name («العاهل الأردني الملك …») does not
  // (a group noun takes a genitive: «عناصر تنظيم داعش», «طائرات التحالف»; «و» coordinates: «الحوثيين وقوات …»)
  const t0 = ctx.s.toks[i]!;
  const genitiveL = t0.norm.startsWith(LAM) && !t0.norm.startsWith(ARTICLE); // «للقوات المسلحة» is «of the forces»
  // «مجلس التعاون لدول الخليج العربية إطلاق …»: after a complete knowledge-base name, a bare indefinite word
  // (no article, no «ل» or «و», no title or given name, not in brackets) starts the object
  const last = before.find((e) => e.to === i);
  // (after a person's complete name a definite word too: «عادل الجبير المجتمع الدولي»; a title still continues)
  const open = !t0.norm.startsWith(ARTICLE) || !!last?.person;
  if (!here && last?.kind === "actor" && open && !t0.norm.startsWith(CONJ) && !genitiveL && !givenName(ctx, i) &&
    !t0.stems.some((st) => ctx.titleWords.has(st) || (st.startsWith(ARTICLE) && !last.person)) && !/[(«"]/.test(t0.before)) return true;
  if (here && here.from === i && !(here.kind === "country" && here.adjective) && !t0.norm.startsWith(CONJ) && !genitiveL) {
    const prev = ctx.s.toks[i - 1]!;
    const prevEntity = before.find((e) => e.to === i);
    const complete = prevEntity && (prevEntity.kind === "actor" || (prevEntity.kind === "country" && !prevEntity.adjective));
    const definite = !prevEntity && (prev.norm.startsWith(ARTICLE) || prev.stems.some((st) => st !== prev.norm && st.startsWith(ARTICLE)));
    const adjectiveEnd = prevEntity?.kind === "country" && prevEntity.adjective;
    // a title waits for a person («الرئيس الإيراني» + name), never for a country («… إسرائيل»)
    const waiting = titleOnly(ctx, { from, to: i }) && !(here.kind === "country" && !here.adjective);
    if ((complete || definite || adjectiveEnd) && here.kind !== "group" && !waiting) return true;
    if ((complete || adjectiveEnd) && here.kind === "group" && !titleOnly(ctx, { from, to: i })) return true;
  }
  const t = ctx.s.toks[i]!;
  if (here || !t.norm.startsWith(BA) || t.norm.length < 5 || givenName(ctx, i)) return false;
  return before.length > 0 || hasName(ctx, { from, to: i });
}

/** True when token i opens a new person's title («… قيس سعيد وزير الداخلية كمال الفقي»): a title after a name, followed by another name. */
function newTitledName(ctx: PhraseContext, from: number, i: number): boolean {
  if (!ctx.s.toks[i]!.stems.some((st) => ctx.headWords.has(st))) return false;
  if (!hasName(ctx, { from, to: i })) return false;
  // the same person's office after their name («تميم بن حمد آل ثاني أمير دولة قطر») is not a new person
  const here = ctx.cover[i];
  if (here?.person && entitiesIn(ctx, { from, to: i }).some((e) => e.person && e.en === here.en)) return false;
  for (let k = i + 1; k < Math.min(ctx.s.toks.length, i + 6); k++) {
    if (isBound(ctx, k)) return false;
    if (givenName(ctx, k) || ctx.cover[k]?.person) return true;
  }
  return false;
}

/** The phrase starting at `from` (which is never itself a bound), or null when empty. */
export function phraseAt(ctx: PhraseContext, from: number): Span | null {
  const n = ctx.s.toks.length;
  if (from < n && ctx.s.toks[from]!.norm === CONJ) from++;
  if (from >= n) return null;
  let to = from;
  while (to < n && (to === from || (!isBound(ctx, to) && !newTitledName(ctx, from, to) && !afterName(ctx, from, to) && !afterAdjective(ctx, to))) && to - from < ctx.maxTokens) {
    const e = ctx.cover[to];
    to = e && e.from === to ? e.to : to + 1;
  }
  return to > from ? { from, to } : null;
}

/** A described group right after a country adjective starts a new phrase: an adjective takes no genitive
 * («وزير الخارجية التركي نظيره الروسي» is two phrases). */
function afterAdjective(ctx: PhraseContext, to: number): boolean {
  const e = ctx.cover[to];
  const prev = ctx.cover[to - 1];
  const t = ctx.s.toks[to]!;
  // «الجيش الليبي ومجموعات مسلحة»: a coordinated group continues the phrase (split later)
  const coordinated = t.norm.startsWith(CONJ) && t.stems.some((st) => st !== t.norm && !st.startsWith(CONJ));
  return e?.kind === "group" && e.from === to && prev?.kind === "country" && !!prev.adjective && !coordinated;
}

/** True when a phrase names a person: a knowledge-base person, or a given name among its words. */
export function hasName(ctx: PhraseContext, span: Span): boolean {
  for (const e of ctx.entities) if (e.from >= span.from && e.to <= span.to && e.person) return true;
  for (let k = span.from; k < span.to; k++) if (givenName(ctx, k)) return true;
  return false;
}

/** True when token k is a given name (never with the article: «القائد» is not «قايد»). */
export function givenName(ctx: PhraseContext, k: number): boolean {
  const t = ctx.s.toks[k]!;
  for (const st of t.stems) if (ctx.givenNames.has(st) && !t.norm.includes(`\u0627\u0644${st}`)) return true;
  return false;
}

/** True when the phrase is a title without a name («الرئيس الأمريكي»): an apposition after a comma completes it. */
function titleOnly(ctx: PhraseContext, span: Span): boolean {
  const first = ctx.s.toks[span.from]!;
  return first.stems.some((st) => ctx.titleWords.has(st)) && !hasName(ctx, span);
}

/** True when a phrase after a comma names the same knowledge-base actor again («قائد الجيش الليبي، المشير حفتر»). */
function renamed(ctx: PhraseContext, span: Span, next: Span): boolean {
  const names = new Set(entitiesIn(ctx, span).filter((e) => e.kind === "actor").map((e) => e.en));
  return entitiesIn(ctx, next).some((e) => e.kind === "actor" && names.has(e.en));
}

/**
 * An actor's phrase: completed by its apposition after a comma when it is a bare title («الرئيس الأمريكي، جو
 * بايدن»), and by a coordinated actor after a comma («بوتين، وولي عهد أبوظبي»).
 */
export function actorPhraseAt(ctx: PhraseContext, from: number): Span | null {
  let span = phraseAt(ctx, from);
  if (!span) return null;
  const { toks } = ctx.s;
  const next = span.to;
  if (next < toks.length && /^[,،]$/.test(toks[next]!.before) && !ctx.times.has(next) && !ctx.verbs.has(next)) {
    const t = toks[next]!;
    const coordinated = t.norm.startsWith(CONJ) && t.norm.length > 2 && t.stems.some((st) => st !== t.norm && (ctx.titleWords.has(st) || !!ctx.cover[next]));
    // an apposition is a name, never a prepositional phrase («مسؤول أمريكي، لشبكة CNN»)
    const app = coordinated || longestAt(ctx.s, next, ctx.lex.cue.prepositions) ? null : phraseAt(ctx, next);
    if (app && app.to - app.from <= ctx.maxApposition && (titleOnly(ctx, span) || renamed(ctx, span, app))) {
      span = { from: span.from, to: app.to };
    } else if (coordinated) {
      const more = phraseAt(ctx, next);
      if (more) span = { from: span.from, to: more.to };
    }
  }
  return span;
}

/** Skips time expressions. */
export function skipTimes(ctx: PhraseContext, i: number): number {
  while (i < ctx.s.toks.length && ctx.times.has(i)) i++;
  return i;
}

/** Entities inside a span. */
export function entitiesIn(ctx: PhraseContext, span: Span): Entity[] {
  return ctx.entities.filter((e) => e.from >= span.from && e.to <= span.to);
}

/** Splits a phrase at coordinations («السعودية وتركيا والصين», «بوتين، وولي عهد أبوظبي»). */
export function splitCoordination(ctx: PhraseContext, span: Span): Span[] {
  const parts: Span[] = [];
  let start: Span = { from: span.from, to: span.to, conj: span.conj };
  for (let i = span.from + 1; i < span.to; i++) {
    const e = ctx.cover[i];
    if (e && e.from < i) continue;
    const t = ctx.s.toks[i]!;
    const bare = t.norm === CONJ;
    const written = !bare && t.norm.startsWith(CONJ) && t.norm.length > 2 && t.stems.some((st) => st !== t.norm && (ctx.titleWords.has(st) || !!e));
    if (!(bare && ctx.cover[i + 1]) && !written) continue;
    parts.push({ ...start, to: i });
    start = bare ? { from: i + 1, to: span.to } : { from: i, to: span.to, conj: true };
  }
  parts.push(start);
  return parts.filter((p) => p.to > p.from);
}

/** Verbatim Arabic of a span (without a coordinating «و» on its first word). */
export function spanAr(ctx: PhraseContext, span: Span): string {
  const text = spanText(ctx.s, span.from, span.to);
  return span.conj && text.startsWith(CONJ) ? text.slice(1) : text;
}

/** The English title written at the start of a span, and the token after it. */
function titleAt(ctx: PhraseContext, span: Span): { en: string; to: number } | null {
  let best: { en: string; to: number } | null = null;
  for (let k = span.from; k < Math.min(span.to, span.from + 3); k++) {
    for (const t of ctx.lex.titles) {
      const n = matchAt(ctx.s, k, t.words);
      if (n && k + n <= span.to && (!best || k + n > best.to)) best = { en: t.en, to: k + n };
    }
    if (best) break;
  }
  return best;
}

/** English rendering of a span, `en` null when nothing in it has English (`speakerCountry` resolves «بلاده»). */
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
  const prefix = (en: string) => (demonym && !en.startsWith(demonym) ? `${demonym} ${en}` : en);
  let en: string;
  const title = titleAt(ctx, span);
  if (pick?.kind === "actor" && !pick.person && title && title.to <= pick.from) en = `${pick.en} ${title.en}`;
  else if (pick?.kind === "actor") en = pick.en;
  else if (pick?.kind === "group") en = prefix(pick.en);
  else if (pick?.kind === "pronoun") en = (speakerCountry && ctx.countryName(speakerCountry)) || "its country";
  else if (pick?.kind === "country" && !pick.adjective) en = pick.en;
  else {
    // a person the knowledge base lacks: the title in English, the name romanised from a given name on; other
    // words are descriptions («مسؤول كبير», «حيا سكنيا»), never romanised into a name
    let start = title ? title.to : span.from;
    let named = false;
    for (let k = start; k < span.to; k++)
      if (givenName(ctx, k)) {
        start = k;
        named = true;
        break;
      }
    const rest: string[] = [];
    for (let k = start; named && k < span.to; k++) {
      const e = ctx.cover[k];
      if (e?.kind === "country" && e.adjective) continue;
      const q = longestAt(ctx.s, k, ctx.lex.numbers.phrases.vague);
      if (q || ctx.s.toks[k]!.digits) {
        k += Math.max(q, 1) - 1;
        continue;
      }
      rest.push(spanText(ctx.s, k, k + 1));
    }
    const name = romanise(rest.join(" "));
    if (pick && !title && !name) {
      // «قصف إسرائيلي»: an adjective of the act is its forces; «فلسطينيا», «الأردنيون»: the people
      const ofAct = [1, 2].some((k) => ctx.verbs.has(pick.from - k) && !ctx.predicates.has(pick.from - k));
      const d = demonym ?? pick.en;
      en = ofAct ? `${d} forces` : /(?:an|i)$/.test(d) ? `${d}s` : `${d} people`;
    }
    else en = prefix([title?.en, name].filter(Boolean).join(" "));
    if (!en) return { ar, en: null };
  }
  return { ar, en };
}

/** Country of a span's actor: a knowledge-base actor's, a country named or an adjective in it. */
export function actorCountry(ctx: PhraseContext, span: Span | null): string | undefined {
  if (!span) return undefined;
  const inside = entitiesIn(ctx, span);
  return (inside.find((e) => e.kind === "actor" && e.country) ?? inside.find((e) => e.kind === "country"))?.country;
}
