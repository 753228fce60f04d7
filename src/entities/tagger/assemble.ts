/**
 * Phase 6 of tagging, assembling the result: actors (with the Arabic name as the article writes it), countries in
 * order of first mention, places, mentions in text order, and discovery over what no entity covered.
 */
import type { Actor } from "../../schemas/actor.ts";
import type { Mention, Place, TaggedActor } from "../../schemas/article.ts";
import { type Candidate, candidateSlug, discoverInParagraph, mergeCandidates } from "../discover.ts";
import { proclitics, sourceEnd } from "../normalise.ts";
import type { TagInput, TagResult } from "../tagger.ts";
import { type Context, pickCode } from "./context.ts";
import type { Found } from "./find.ts";
import { type ActorReading, type Para, type Tables, sentenceOf, sourceSpan } from "./readings.ts";
import { resolveHit, roleBefore } from "./resolve.ts";

/**
 * Records how an actor's name is written in the article: whether its canonical Arabic name occurs, else its
 * longest written form (title and proclitics removed).
 */
export interface Written {
  text: string;
  tokens: number;
  canonical: boolean;
  /** The display name of the reading written here (institution bodies), and whether it was a bare head. */
  display?: string;
  bare?: boolean;
  /** Written with a proclitic («لوزارة الصحة»). */
  clitic?: boolean;
}

/** A name ending in a nisba adjective with the article («… الأمريكية», «… العراقي»). */
export const ADJECTIVE_LAST = /(^|\s)ال\S*(ي|ية|يه)$/u;

export function noteWritten(written: Map<string, Written>, para: Para, actor: Actor, canonicalKey: string, from: number, to: number, form: number, reading: ActorReading): void {
  const first = para.tokens[from]!;
  const forms = first.script === 1 ? proclitics(first.text) : [first.text];
  const skip = Math.max(0, first.text.length - forms[form]!.length);
  const normStart = first.start + skip;
  const normEnd = para.tokens[to - 1]!.end;
  let key = forms[form]!;
  for (let k = from + 1; k < to; k++) key += ` ${para.tokens[k]!.text}`;
  const canonical = key === canonicalKey;
  const prev = written.get(actor.id);
  if (prev && (prev.canonical || (!canonical && to - from <= prev.tokens))) return;
  if (prev && canonical) {
    prev.canonical = true;
    return;
  }
  // quotation marks inside a written name are punctuation, not part of it («حركة "حماس"», «و"حدات …»)
  const text = para.text
    .slice(para.norm.toSource[normStart]!, sourceEnd(para.text, para.norm, normEnd))
    .replace(QUOTE_MARKS, "")
    .replace(/\s+/g, " ")
    .trim();
  written.set(actor.id, { text, tokens: to - from, canonical, display: reading.display, bare: reading.bare, clitic: form > 0 });
}

const QUOTE_MARKS = /["«»“”]/g;

/** Phases 4–6 over an article's hits: each resolved (`resolveHit`), then written out; discovery over the rest. */
export function assemble(tables: Tables, article: TagInput, found: Found, ctx: Context): TagResult {
  const { paras, hits } = found;
  const actors = new Map<string, TaggedActor>();
  const written = new Map<string, Written>();
  const countries = new Set<string>();
  const places = new Map<string, Place>();
  const mentions: Mention[] = [];
  const emitCountry = (para: Para, from: number, to: number, code: string) => {
    countries.add(code);
    const [start, end] = sourceSpan(para, from, to);
    mentions.push({ ref: `country:${code}`, paragraph: para.index, start, end, surface: para.text.slice(start, end), sentence: sentenceOf(para, start) });
  };
  const emitActor = (para: Para, from: number, length: number, reading: ActorReading, form: number) => {
    const actor = reading.actor;
    if (!actors.has(actor.id)) {
      actors.set(actor.id, { id: actor.id, ar: actor.names.ar, en: actor.names.en, type: actor.type, ...(actor.provisional ? { provisional: true } : {}) });
    }
    if (!reading.role) noteWritten(written, para, actor, tables.canonical.get(actor.id) ?? "", from + Math.min(reading.core, length - 1), from + length, reading.core > 0 ? 0 : form, reading);
    const [start, end] = sourceSpan(para, from, from + length);
    const mention: Mention = { ref: actor.id, paragraph: para.index, start, end, surface: para.text.slice(start, end), sentence: sentenceOf(para, start) };
    if (reading.role) mention.role = mention.surface;
    else if (actor.type === "person") {
      const role = roleBefore(tables, para, from + Math.min(reading.core, length - 1), actor.id);
      if (role) mention.role = role;
    }
    mentions.push(mention);
    for (const c of reading.inner) emitCountry(para, from + c.offset, from + c.offset + c.length, pickCode(ctx, c.codes));
  };
  const date = article.date ?? undefined;
  hits.forEach((hit, h) => {
    const { para, i, length } = hit;
    const r = resolveHit(tables, hits, h, ctx, date);
    if (r.place) {
      const key = `${r.place.ar}|${r.place.country}`;
      if (!places.has(key)) places.set(key, { ar: r.place.ar, en: r.place.en, country: r.place.country });
    }
    if (r.country !== undefined) emitCountry(para, i, i + length, r.country);
    if (r.free !== undefined) para.covered.fill(r.free, i, i + length);
    if (!r.actor) return;
    const { reading } = r.actor;
    emitActor(para, i, r.actor.length, reading, hit.form);
    for (const n of reading.nested) emitActor(para, i + n.offset, n.length, n.reading, 0);
  });
  writtenNames(actors, written, article.lang);
  mentions.sort((a, b) => a.paragraph - b.paragraph || a.start - b.start || a.end - b.end);

  const candidates = discover(tables, paras, article.lang);
  const tagged = [...actors.values()];
  if (tables.candidateActors) {
    for (const c of candidates) {
      if (!c.name_ar && article.lang === "ar") continue;
      tagged.push({ id: `provisional-${candidateSlug(c)}`, ar: c.name_ar ?? "", en: c.suggested_en, type: c.kind, provisional: true });
    }
  }
  return { actors: tagged, countries: [...countries], places: [...places.values()], mentions, candidates };
}

/**
 * The Arabic name as this article writes it when the canonical spelling is absent (عبدالفتاح / عبد الفتاح): the
 * scorer and readers compare names as written. An institution body («الحكومة اللبنانية») shows, when its canonical
 * name is not written, its head with the country («وزارة الكهرباء العراقية» for «وزارة الكهرباء في جمهورية العراق»,
 * «مجلس الوزراء السعودي» for "the cabinet" in a Saudi story); a bare head an Arabic article writes alone («وزارة
 * الداخلية») is shown as written, unless only with a proclitic («لوزارة الصحة العامة»): then with its country.
 */
function writtenNames(actors: Map<string, TaggedActor>, written: Map<string, Written>, lang: "ar" | "en"): void {
  for (const [id, w] of written) {
    const tagged = actors.get(id)!;
    if (w.canonical) continue;
    // a body written head + adjective («الحكومة الأمريكية») keeps the article's spelling of the adjective
    if (w.display && lang === "ar" && !w.bare && !w.clitic && ADJECTIVE_LAST.test(w.text)) tagged.ar = w.text;
    else if (w.display && (lang === "en" || !w.bare || w.clitic)) tagged.ar = w.display;
    else if (lang === "ar") tagged.ar = w.text;
  }
}

/** Discovery over the tokens no entity covered, candidates merged across paragraphs. */
function discover(tables: Tables, paras: readonly Para[], lang: "ar" | "en"): Candidate[] {
  if (!tables.discovery) return [];
  const found = paras.flatMap((p) => discoverInParagraph(tables.discovery!, { text: p.text, norm: p.norm, tokens: p.tokens, covered: p.covered, sentence: (at) => sentenceOf(p, at) }, lang));
  return mergeCandidates(found);
}
