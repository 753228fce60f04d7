/**
 * Reading one sentence for coding: the tagger's mentions as entities (knowledge-base actors, countries), the
 * described groups, pronouns and anaphors of `groups.yaml`, time expressions and trigger hits.
 */
import { countryName } from "../entities/countries.ts";
import { normaliseArabic, proclitics } from "../entities/normalise.ts";
import type { Actor } from "../schemas/actor.ts";
import type { Mention } from "../schemas/article.ts";
import { findTimes, type TimeMention } from "./dates.ts";
import type { EventLexicon, Trigger } from "./lexicon.ts";
import type { Entity, PhraseContext } from "./phrases.ts";
import { longestAt, matchAt, type Sentence } from "./text.ts";

/** A trigger found at tokens [from, to). */
export interface Hit {
  trigger: Trigger;
  from: number;
  to: number;
}

/** Tables the reader needs, built once per coder. */
export interface ReaderTables {
  lex: EventLexicon;
  actorById: Map<string, ActorInfo>;
  countryForms: Map<string, { adjective: boolean; codes: string[] }>;
  triggersByFirst: Map<string, Trigger[]>;
  /** Group phrases by first word. */
  groupsByFirst: Map<string, Array<{ words: string[]; group: EventLexicon["groups"][number] }>>;
}

/** Builds the reader tables. */
export function readerTables(lex: EventLexicon, actors: Actor[], forms: Array<{ text: string; lang: string; kind: string; codes: string[] }>): ReaderTables {
  const countryForms = new Map<string, { adjective: boolean; codes: string[] }>();
  for (const f of forms) if (f.lang === "ar") countryForms.set(normaliseArabic(f.text), { adjective: f.kind === "adjective", codes: f.codes });
  const triggersByFirst = new Map<string, Trigger[]>();
  for (const t of lex.triggers)
    for (const p of t.phrases) {
      const list = triggersByFirst.get(p[0]!) ?? [];
      if (!list.includes(t)) list.push(t);
      triggersByFirst.set(p[0]!, list);
    }
  const groupsByFirst: ReaderTables["groupsByFirst"] = new Map();
  for (const group of lex.groups)
    for (const words of group.phrases) {
      const list = groupsByFirst.get(words[0]!) ?? [];
      list.push({ words, group });
      groupsByFirst.set(words[0]!, list);
    }
  return { lex, actorById: new Map(actors.map((a) => [a.id, a])), countryForms, triggersByFirst, groupsByFirst };
}

/** An actor as the coder needs it: the knowledge base's, or an article's tagged actor (no country). */
export type ActorInfo = Pick<Actor, "id" | "type"> & { names: { en: string }; country?: string };

/**
 * Entities of a sentence: mentions first, then groups, pronouns and anaphors on the words mentions leave.
 * `actors` (an article's tagged actors) complete the knowledge base the tables were built with.
 */
export function findEntities(s: Sentence, mentions: Mention[], t: ReaderTables, actors?: Map<string, ActorInfo>): Entity[] {
  const out: Entity[] = [];
  const actorAt = new Uint8Array(s.toks.length);
  for (const m of mentions) {
    let from = 0;
    while (from < s.toks.length && s.toks[from]!.start < m.start) from++;
    let to = from;
    while (to < s.toks.length && s.toks[to]!.end <= m.end) to++;
    if (to <= from) continue;
    if (m.ref.startsWith("country:")) {
      const code = m.ref.slice(8);
      const norm = s.toks.slice(from, to).map((tok) => tok.norm).join(" ");
      const form = t.countryForms.get(norm) ?? proclitics(norm).map((f) => t.countryForms.get(f)).find(Boolean);
      out.push({ from, to, kind: "country", en: countryName(code, "en") ?? code, country: code, adjective: form?.adjective ?? false });
    } else {
      const actor = t.actorById.get(m.ref) ?? actors?.get(m.ref);
      out.push({ from, to, kind: "actor", en: actor?.names.en ?? m.surface, country: actor?.country, person: actor?.type === "person" });
      actorAt.fill(1, from, to);
    }
  }
  const { lex } = t;
  for (let i = 0; i < s.toks.length; i++) {
    if (actorAt[i]) continue;
    let best: Entity | null = null;
    const tok = s.toks[i]!;
    for (const form of tok.stems) {
      for (const { words, group: g } of t.groupsByFirst.get(form) ?? []) {
        const len = matchAt(s, i, words);
        if (len && (!best || len > best.to - best.from)) {
          best = { from: i, to: i + len, kind: "group", en: g.en };
          if (g.number) best.count = g.number === "one" ? 1 : 2;
        }
      }
    }
    // a nisba in the accusative («فلسطينيا», «عراقيا»), which the country lexicon does not inflect
    const nisba = !best && tok.norm.endsWith("\u064a\u0627") ? t.countryForms.get(tok.norm.slice(0, -1)) : undefined;
    if (nisba?.adjective && nisba.codes[0]) best = { from: i, to: i + 1, kind: "country", en: countryName(nisba.codes[0], "en") ?? nisba.codes[0], country: nisba.codes[0], adjective: true };
    const p = longestAt(s, i, lex.pronouns);
    if (p && !best) best = { from: i, to: i + p, kind: "pronoun", en: "country" };
    const a = longestAt(s, i, lex.anaphors);
    if (a && !best) {
      // the last organisation named before it
      const orgs = [...out].reverse().filter((e) => e.kind === "actor" && !e.person && e.to <= i);
      const word = s.toks[i]!.stems;
      const org = orgs.find((e) => s.toks.slice(e.from, e.to).some((tok) => tok.stems.some((st) => word.includes(st)))) ?? orgs[0];
      if (org) best = { from: i, to: i + a, kind: "actor", en: org.en, country: org.country };
    }
    if (!best) continue;
    out.push(best);
    i = best.to - 1;
  }
  return out;
}

/** Time expressions and the set of tokens they cover. */
export function readTimes(s: Sentence, lex: EventLexicon, published: string | null): { times: TimeMention[]; covered: Set<number> } {
  const times = findTimes(s, lex, published);
  const covered = new Set<number>();
  for (const tm of times) for (let k = tm.from; k < tm.to; k++) covered.add(k);
  return { times, covered };
}

/** True when token i starts a clause: the sentence start, after punctuation or a complementizer, or with «و». */
export function clauseInitial(s: Sentence, i: number): boolean {
  if (i === 0 || s.clause[i] === i) return true;
  const prev = s.toks[i - 1]!;
  if (COMPLEMENTIZER.test(prev.norm)) return true;
  return s.toks[i]!.norm.startsWith("\u0648") && s.clause[i]! >= i - 1;
}

/** «إن», «أن», «بأن», and with a pronoun: «إنه», «أنهم», «بأنها» (after folding). */
export const COMPLEMENTIZER = /^\u0628?\u0627\u0646(?:\u0647|\u0647\u0627|\u0647\u0645|\u0647\u0645\u0627)?$/;

/** Words a complementizer may stand before a verb («إن وزارة الدفاع الأمريكية (البنتاغون) تنقل»). */
const COMPLEMENTIZER_REACH = 8;

/** True when a complementizer «إن/أن» opens the clause of token i within a few words (the verb of its clause). */
function afterComplementizer(s: Sentence, i: number): boolean {
  for (let k = i - 1; k >= Math.max(s.clause[i]!, i - COMPLEMENTIZER_REACH); k--) if (COMPLEMENTIZER.test(s.toks[k]!.norm)) return true;
  return false;
}

/** Trigger hits, longest first; a form in a knowledge-base name is not a trigger. */
export function findTriggers(s: Sentence, cover: Array<Entity | undefined>, t: ReaderTables, times: Set<number>): Hit[] {
  const hits: Hit[] = [];
  for (let i = 0; i < s.toks.length; ) {
    if (times.has(i)) {
      i++; // «فجر اليوم» is dawn, not «فجّر»
      continue;
    }
    const e = cover[i];
    if (e && e.kind === "actor") {
      i = Math.max(i + 1, e.to);
      continue;
    }
    let best: Hit | null = null;
    const seen = new Set<Trigger>();
    for (const st of s.toks[i]!.bases) {
      for (const trig of t.triggersByFirst.get(st) ?? []) {
        if (seen.has(trig)) continue;
        seen.add(trig);
        let len = 0;
        for (const p of trig.phrases) len = Math.max(len, matchAt(s, i, p, trig.kind !== "verb"));
        if (!len || (trig.initial && !clauseInitial(s, i) && !afterComplementizer(s, i))) continue;
        const better = !best || len > best.to - best.from || (len === best.to - best.from && prefer(s, i, trig, best.trigger));
        if (better) best = { trigger: trig, from: i, to: i + len };
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
  return clauseInitial(s, i) ? t.kind === "verb" && current.kind !== "verb" : t.kind !== "verb" && current.kind === "verb";
}

/** Reporting verbs (not in names). */
export function findReporting(s: Sentence, lex: EventLexicon, cover: Array<Entity | undefined>): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.toks.length; i++) if (!cover[i] && longestAt(s, i, lex.cue.reporting)) out.push(i);
  return out;
}

/** The phrase context of a sentence. */
export type { PhraseContext };
