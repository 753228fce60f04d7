/**
 * English lead sentences (issue 19: "Arabic (and English) lead sentences"): the `en` forms of triggers.yaml over
 * subject–verb–object order. A verb's subject is the phrase before it in its clause, its object the phrase after
 * it; a noun's counterpart follows «on/against/with/between». «X killed N Y» is an attack with a toll (ATTACK +
 * CASUALTIES, codebook §2); «N Y were killed» a toll alone. Actors are the English words as written (no
 * translation needed), places and countries come from the place and country lexicons, relative days are
 * resolved against the publication date. Cue words live in `lexicon/english.yaml`.
 */
import { z } from "zod";
import { countryName, type CountryLexicon } from "../entities/countries.ts";
import type { PlaceLexicon } from "../entities/places.ts";
import type { Event, EventActor, EventFigure, EventPlace, EventType } from "../schemas/event.ts";
import { gistLine } from "./gist.ts";
import type { EventLexicon } from "./lexicon.ts";
import { lexiconOnce } from "../schemas/lexicon.ts";

const Words = z.array(z.string().min(1));
/** `english.yaml`. */
export const EnglishFile = z
  .object({
    stops: Words, determiners: Words, directions: Words, negations: Words, intentions: Words, locatives: Words, targets: Words, passive: Words,
    attack_subjects: Words, groups: Words, numbers: z.record(z.string(), z.number()), vague: Words,
    figures: z.record(z.string(), z.enum(["killed", "wounded", "arrested", "displaced"])),
    today: Words, yesterday: Words, weekdays: z.record(z.string(), z.number().int().min(0).max(6)),
  })
  .strict();
export type EnglishFile = z.infer<typeof EnglishFile>;

const englishCues = lexiconOnce(EnglishFile, new URL("./lexicon/english.yaml", import.meta.url));

/** A sentence written in English (Latin letters and no Arabic). */
export function isEnglish(sentence: string): boolean {
  return !/[\u0600-\u06FF]/.test(sentence) && (sentence.match(/[A-Za-z]/g)?.length ?? 0) >= 10;
}

interface Tok {
  text: string;
  low: string;
  start: number;
  end: number;
  /** A comma or other clause mark right before the token. */
  comma: boolean;
}
interface Hit {
  type: EventType;
  verb: boolean;
  from: number;
  to: number;
}
type Range = { from: number; to: number };

/** Events whose parties are symmetric: a coordinated subject gives both (codebook §4). */
const SYMMETRIC = new Set<EventType>(["MEET", "CALL", "AGREE", "CEASEFIRE", "CLASH"]);

function tokens(text: string): Tok[] {
  const out: Tok[] = [];
  let last = 0;
  for (const m of text.matchAll(/[A-Za-z][A-Za-z'’-]*|\d[\d,.]*\d|\d/g)) {
    const between = text.slice(last, m.index);
    const t = m[0].replace(/[’']s$/, "");
    out.push({ text: m[0], low: t.toLowerCase(), start: m.index, end: m.index + m[0].length, comma: /[,;:—(]/.test(between) });
    last = m.index + m[0].length;
  }
  return out;
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A knowledge-base actor or country the tagger found in the sentence (character offsets), with its English name. */
export interface EnglishName {
  start: number;
  end: number;
  en: string;
  /** A country (its name stands for the phrase only when the phrase is the country alone). */
  country?: boolean;
}

/** End of a wire dateline («ADEN (Reuters) -», «CAIRO, March 3 (Reuters) -»), else 0: the dateline is no subject. */
export function englishDatelineEnd(text: string): number {
  const m = /^[A-Z][A-Za-z .'-]*(?:,[^()]{0,30})?\([^)]{1,40}\)\s*[-–—]+\s*/.exec(text);
  return m ? m[0].length : 0;
}

/** Codes English sentences; built once over the lexicons. */
export function createEnglishCoder(lex: EventLexicon, countries: CountryLexicon, placeLex: PlaceLexicon, maxEvents: number) {
  const cues = englishCues();
  const set = (w: string[]) => new Set(w.map((x) => x.toLowerCase()));
  const stops = set(cues.stops), dets = set(cues.determiners), locs = set(cues.locatives);
  const negs = set([...cues.negations, ...cues.intentions]);
  const targets = set(cues.targets), passive = set(cues.passive), vague = set(cues.vague), directions = set(cues.directions);
  const attackWords = set(cues.attack_subjects.flatMap((p) => p.split(" ")));
  // described groups (groups.yaml's English, singular and plural, and english.yaml's extra group words)
  const groupWords = set([...lex.groups.flatMap((g) => g.en.split(" ")), ...cues.groups].flatMap((w) => [w, w.replace(/s$/, ""), `${w}s`]));
  const triggers = lex.triggers.flatMap((t) => (t.en ?? []).map((p) => ({ type: t.type, verb: t.kind === "verb", words: p.toLowerCase().split(" ") })));
  // places and countries by their English names (longest first)
  const where = new Map<string, { en: string; country: string | null }>();
  for (const p of placeLex.places) for (const n of [p.en, ...(p.variants?.en ?? [])]) where.set(n.toLowerCase(), { en: p.en, country: p.country });
  const countryOf = new Map<string, string>();
  for (const f of countries.forms) if (f.lang === "en" && f.codes.length === 1) countryOf.set(f.text.toLowerCase().replace(/[’']s$/, ""), f.codes[0]!);

  // triggers by first word: a token tries only the triggers that can start with it
  const byFirst = new Map<string, typeof triggers>();
  for (const t of triggers) byFirst.set(t.words[0]!, [...(byFirst.get(t.words[0]!) ?? []), t]);

  function matchAt(toks: Tok[], i: number): { hit: (typeof triggers)[number]; n: number } | null {
    let best: { hit: (typeof triggers)[number]; n: number } | null = null;
    for (const t of byFirst.get(toks[i]!.low) ?? []) {
      // a verb form wins a tie with the same noun form («killed»): the verb reading has a subject and object
      const better = !best || t.words.length > best.n || (t.words.length === best.n && t.verb && !best.hit.verb);
      if (t.words.every((w, k) => toks[i + k]?.low === w) && better) best = { hit: t, n: t.words.length };
    }
    return best;
  }

  /** The clause start before token i (sentence start, a comma, «that»). */
  function clauseStart(toks: Tok[], i: number): number {
    for (let k = i; k > 0; k--) if (toks[k]!.comma || toks[k - 1]!.low === "that") return k;
    return 0;
  }

  /** A noun phrase from i: determiners skipped, up to a stop word, a trigger or a clause mark. */
  function phraseFrom(toks: Tok[], i: number, hits: Hit[]): Range | null {
    while (i < toks.length && dets.has(toks[i]!.low)) i++;
    let j = i;
    while (j < toks.length && !stops.has(toks[j]!.low) && !(j > i && toks[j]!.comma) && !hits.some((h) => h.from === j)) j++;
    return j > i ? { from: i, to: j } : null;
  }

  function textOf(text: string, toks: Tok[], r: Range): string {
    return text.slice(toks[r.from]!.start, toks[r.to - 1]!.end);
  }

  function countryIn(toks: Tok[], r: Range | null): string | null {
    if (!r) return null;
    for (let k = r.from; k < r.to; k++) {
      const c = countryOf.get(toks[k]!.low);
      if (c) return c;
    }
    return null;
  }

  function figuresIn(toks: Tok[], r: Range, what: EventFigure["what"]): EventFigure[] {
    for (let k = r.from; k < r.to; k++) {
      const low = toks[k]!.low;
      const n = /^\d/.test(low) ? Number(low.replace(/,/g, "")) : cues.numbers[low];
      const atLeast = k >= 2 && toks[k - 2]!.low === "at" && toks[k - 1]!.low === "least";
      if (n !== undefined && !Number.isNaN(n)) return [{ what, n, ...(atLeast ? { at_least: true } : {}) }];
      if (vague.has(low)) return [{ what, n: null }];
    }
    return [];
  }

  /** «in Rafah», «near Arish», «in Anbar province»: the first known (or capitalised) place after token i. */
  function placeAfter(text: string, toks: Tok[], i: number): EventPlace | null {
    for (let k = i; k < toks.length - 1; k++) {
      if (!locs.has(toks[k]!.low)) continue;
      let a = k + 1;
      if (dets.has(toks[a]!.low)) a++;
      // «in northern Iraq»: a direction word opens the place
      if (a < toks.length - 1 && directions.has(toks[a]!.low)) a++;
      let b = a;
      while (b < toks.length && /^[A-Z]/.test(toks[b]!.text) && !cues.weekdays[toks[b]!.low]) b++;
      if (b === a) continue;
      for (let e = b; e > a; e--) {
        const name = textOf(text, toks, { from: a, to: e }).toLowerCase().replace(/[’']s$/, "");
        const p = where.get(name);
        if (p) return { ar: textOf(text, toks, { from: a, to: b }), en: p.en, country: p.country };
        const c = countryOf.get(name);
        if (c) return { ar: textOf(text, toks, { from: a, to: b }), en: countryName(c, "en") ?? name, country: c };
      }
      const ar = textOf(text, toks, { from: a, to: b });
      return { ar, en: ar, country: null };
    }
    // no locative: a known place named after the trigger («an attack on Baghdad's airport»)
    for (let k = i; k < toks.length; k++) {
      const p = /^[A-Z]/.test(toks[k]!.text) ? where.get(toks[k]!.low) : undefined;
      if (p) return { ar: toks[k]!.text.replace(/[’']s$/, ""), en: p.en, country: p.country };
    }
    return null;
  }

  function dateOf(toks: Tok[], published: string | null): string | null {
    if (!published) return null;
    for (const t of toks) {
      if (cues.today.includes(t.low)) return published;
      if (cues.yesterday.includes(t.low)) return addDays(published, -1);
      const wd = cues.weekdays[t.low];
      if (wd !== undefined) return addDays(published, -((new Date(`${published}T00:00:00Z`).getUTCDay() - wd + 7) % 7));
    }
    return null;
  }

  const actor = (text: string, toks: Tok[], r: Range | null): EventActor | null => (r ? { ar: textOf(text, toks, r), en: textOf(text, toks, r) } : null);

  /**
   * Precision first (an English article's gist is shown as fact): an event is kept only when its source is a
   * knowledge-base actor or country the tagger found, or a described group, and renders them by their English
   * names; without a source, only a toll (a casualty verb with its count) or the attack that caused it stands.
   * One event per type.
   */
  function conservative(text: string, events: Array<Omit<Event, "gist_en">>, names: EnglishName[]): Array<Omit<Event, "gist_en">> {
    const named = (a: EventActor | null): EventActor | null | undefined => {
      if (!a?.ar) return a ? undefined : null;
      const at = text.indexOf(a.ar);
      const inside = at < 0 ? [] : names.filter((n) => n.start < at + a.ar.length && n.end > at);
      // an actor by its knowledge-base name (the longest named); a country's name only for the country alone
      // («Saudi Arabia»), never for a phrase it qualifies («Saudi King Salman», «Lebanese army»)
      const person = inside.filter((n) => !n.country).sort((x, y) => y.end - y.start - (x.end - x.start))[0];
      if (person) return { ar: a.ar, en: person.en };
      if (inside.length) return inside.some((n) => n.start <= at && n.end >= at + a.ar.length) ? { ar: a.ar, en: inside[0]!.en } : a;
      const words = a.ar.toLowerCase().split(/[^a-z']+/).filter(Boolean);
      return words.some((w) => groupWords.has(w)) ? a : undefined;
    };
    const out: Array<Omit<Event, "gist_en">> = [];
    const tolls = events.some((e) => e.type === "CASUALTIES" && e.figures.some((f) => f.n !== null));
    for (const e of events) {
      if (out.some((o) => o.type === e.type)) continue;
      const source = named(e.source_actor);
      if (source === undefined) continue;
      if (source === null && !(tolls && (e.type === "CASUALTIES" || e.type === "ATTACK"))) continue;
      const target = named(e.target_actor);
      out.push({ ...e, source_actor: source, target_actor: target === undefined ? e.target_actor : target });
    }
    return out;
  }

  return function code(text: string, published: string | null, names: EnglishName[] = []): Event[] {
    const skip = englishDatelineEnd(text);
    const toks = tokens(text).filter((t) => t.start >= skip);
    const hits: Hit[] = [];
    for (let i = 0; i < toks.length; i++) {
      const m = matchAt(toks, i);
      if (!m) continue;
      const negated = toks.slice(Math.max(0, i - 3), i).some((t) => negs.has(t.low)) || hits.some((h) => h.type === "STATEMENT");
      if (!negated || m.hit.type === "STATEMENT") hits.push({ type: m.hit.type, verb: m.hit.verb, from: i, to: i + m.n });
      i += m.n - 1;
    }
    const date = dateOf(toks, published);
    const out: Array<Omit<Event, "gist_en">> = [];
    const used = new Set<Hit>();
    const base = (h: Hit) => ({ date, trigger_ar: textOf(text, toks, h), figures: [] as EventFigure[] });
    for (const h of hits) {
      if (used.has(h)) continue;
      // same-type triggers close together are one event («signed an agreement», R15)
      for (const o of hits) if (o !== h && o.type === h.type && o.from > h.from && o.from - h.to <= 3) used.add(o);
      let start = clauseStart(toks, h.from);
      while (start < h.from && dets.has(toks[start]!.low)) start++;
      let end = h.from;
      if (end > start && passive.has(toks[end - 1]!.low)) end--;
      let subject: Range | null = end > start && !hits.some((o) => o.from >= start && o.from < end) ? { from: start, to: end } : null;
      const place = placeAfter(text, toks, h.to);
      const figureWord = cues.figures[toks[h.from]!.low];
      if (h.type === "CASUALTIES" && h.verb && figureWord) {
        const isPassive = h.from > 0 && passive.has(toks[h.from - 1]!.low);
        if (isPassive) {
          const victims = subject;
          const by = toks[h.to]?.low === "by" ? phraseFrom(toks, h.to + 1, hits) : null;
          const figures = victims ? figuresIn(toks, victims, figureWord) : [];
          // «… were killed and 30 wounded»: the next count is part of this toll
          const next = hits.find((o) => o.from > h.to && o.type === "CASUALTIES" && o.from - h.to <= 4);
          const w = next && cues.figures[toks[next.from]!.low];
          if (next && w) {
            used.add(next);
            figures.push(...figuresIn(toks, { from: h.to, to: next.from }, w));
          }
          out.push({ ...base(h), type: "CASUALTIES", source_actor: actor(text, toks, by), target_actor: actor(text, toks, victims), place, figures });
          continue;
        }
        const victims = phraseFrom(toks, h.to, hits);
        // «Israeli air strikes killed»: the strikes' adjective is the striker; «Gunmen killed»: the subject is
        let source: EventActor | null = actor(text, toks, subject);
        const attackSubject = subject && attackWords.has(toks[subject.to - 1]!.low) ? subject : null;
        if (attackSubject) {
          const adj = !attackWords.has(toks[attackSubject.from]!.low) ? toks[attackSubject.from]!.text : null;
          source = adj && countryOf.has(adj.toLowerCase()) ? { ar: adj, en: `${adj} forces` } : null;
        }
        // a later attack noun («in an attack on a checkpoint») is this attack
        const noun = hits.find((o) => o.from > h.to && o.type === "ATTACK" && !o.verb);
        if (noun) used.add(noun);
        const aim = noun && targets.has(toks[noun.to]?.low ?? "") ? phraseFrom(toks, noun.to + 1, hits) : null;
        const attackTrigger = attackSubject ? textOf(text, toks, attackSubject) : noun ? textOf(text, toks, noun) : textOf(text, toks, h);
        out.push({ ...base(h), trigger_ar: attackTrigger, type: "ATTACK", source_actor: source, target_actor: actor(text, toks, aim), place });
        const figs = victims ? figuresIn(toks, victims, figureWord) : [];
        // «… and wounded 30», «killing 5 and wounding 10»
        for (let k = victims?.to ?? h.to; k < toks.length - 1; k++) {
          const w = cues.figures[toks[k]!.low];
          if (w && w !== figureWord) {
            const more = phraseFrom(toks, k + 1, hits);
            if (more) figs.push(...figuresIn(toks, more, w));
            break;
          }
        }
        out.push({ ...base(h), type: "CASUALTIES", source_actor: source, target_actor: actor(text, toks, victims), place, figures: figs });
        continue;
      }
      if (h.verb) {
        let object = phraseFrom(toks, h.to, hits);
        // «Saudi Arabia and Iran signed»: a symmetric event with no object splits its subject
        const subj = subject;
        const and = subj ? toks.findIndex((t, k) => k > subj.from && k < subj.to && t.low === "and") : -1;
        if (SYMMETRIC.has(h.type) && subj && and > 0 && (!object || hits.some((o) => o.from === h.to + 1 || o.from === h.to))) {
          object = { from: and + 1, to: subj.to };
          subject = { from: subj.from, to: and };
        }
        const figures = figureWord && object ? figuresIn(toks, object, figureWord) : [];
        const domestic = ["ARREST", "DISMISS", "APPOINT", "PROTEST", "ELECTION"].includes(h.type);
        const c = domestic ? countryIn(toks, subject) : null;
        out.push({
          ...base(h),
          type: h.type,
          source_actor: actor(text, toks, subject),
          target_actor: h.type === "STATEMENT" ? null : actor(text, toks, object),
          // a statement's place would be the denied or reported act's («denied that its jets struck … in Iraq»)
          place: h.type === "STATEMENT" ? null : (place ?? (c ? { ar: "", en: countryName(c, "en") ?? c, country: c } : null)),
          figures,
        });
        continue;
      }
      // a noun: the people it names («Protesters stormed»), or a counterpart after «with/on/between»
      const people = h.type === "PROTEST" && /(?:ers|ors)$/.test(toks[h.to - 1]!.low);
      const aim = targets.has(toks[h.to]?.low ?? "") ? phraseFrom(toks, h.to + 1, hits) : null;
      let source = people ? actor(text, toks, h) : actor(text, toks, subject);
      let target = actor(text, toks, aim);
      if (toks[h.to]?.low === "between" && aim) {
        const and = toks.findIndex((t, k) => k > h.to && t.low === "and");
        if (and > 0) {
          source = actor(text, toks, { from: aim.from, to: Math.min(aim.to, and) });
          target = actor(text, toks, phraseFrom(toks, and + 1, hits));
        }
      }
      out.push({ ...base(h), type: h.type, source_actor: source, target_actor: target, place, figures: [] });
    }
    return conservative(text, out, names).slice(0, maxEvents).map((e) => ({ ...e, gist_en: gistLine(e) }));
  };
}
