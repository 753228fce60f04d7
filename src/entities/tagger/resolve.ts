/**
 * Phases 4–5 of tagging, resolving each hit: a role title to its holder on the article's date, an ambiguous alias
 * to one holder, a bare institution head to one body, and a person's title phrase (`roleBefore`).
 */
import type { Actor } from "../../schemas/actor.ts";
import { CLITICS } from "../../text/clitics.ts";
import type { InstitutionIndex } from "../institutions.ts";
import { proclitics, sourceEnd } from "../normalise.ts";
import type { PlaceEntry } from "../places.ts";
import { activeOn, activeSince, heldOn, holdersOn, type Tenure } from "../roles.ts";
import type { Token } from "../tokens.ts";
import { longestMatch } from "../trie.ts";
import { type Context, pickCode } from "./context.ts";
import type { ActorReading, BareReading, Hit, Para, PlaceReading, RoleReading, Tables } from "./readings.ts";
import { bodyActor } from "./tables.ts";

/** Window (tokens) searched before a name for its title. */
export const MAX_ROLE_TOKENS = 10;

/**
 * The holder a role title written without a name refers to («وزير الخارجية التركي», "Iraq's prime minister"):
 *   0. none when a word before makes it another office or someone else («نائب», "deputy", "former"), a word after
 *      makes it a former or future holder («السابق»), or a name follows (the name is the mention);
 *   1. the holders on the article's date (none without a date, unless the article names one holder in full);
 *   2. several: those of the article's home country, then those it names in full; exactly one remains, or none.
 */
export function resolveRole(tables: Tables, hits: Hit[], h: number, role: RoleReading, date: string | undefined, fullCount: Map<string, number>, home: string | undefined): Actor | undefined {
  const { para, i, length } = hits[h]!;
  const cues = tables.roleCues;
  if (!cues) return undefined;
  const stemsOf = (t: Token | undefined) => (!t ? [] : t.script === 1 ? proclitics(t.text) : [t.text]);
  const gap = (a: number, b: number) => para.norm.text.slice(para.tokens[a]!.end, para.tokens[b]!.start);
  const joinedBefore = i > 0 && !/[.!?\u061f\u061b;:,\u060c]/.test(gap(i - 1, i));
  const next = para.tokens[i + length];
  // «… السابق», "former …": the previous holder, when the date says who that was
  // ("a former …" is one of several: no one)
  const indefinite = i > 1 && /^(a|an)$/.test(para.tokens[i - 2]!.text);
  const previous = (next && stemsOf(next).some((f) => cues.previousAfter.has(f))) || (joinedBefore && !indefinite && stemsOf(para.tokens[i - 1]).some((f) => cues.previousBefore.has(f)));
  if (previous) return date ? previousHolder(role.tenures, date, home, fullCount) : undefined;
  if (joinedBefore && stemsOf(para.tokens[i - 1]).some((f) => cues.notAfter.has(f))) return undefined;
  if (next && stemsOf(next).some((f) => cues.notBefore.has(f))) return undefined;
  // a name written after the title: a known person, or a word discovery reads as a given name
  let k = h + 1;
  while (hits[k] && hits[k]!.para === para && hits[k]!.i < i + length) k++;
  const after = hits[k];
  if (after && after.para === para && after.i === i + length && after.readings.some((r) => r.kind === "actor" && r.actor.type === "person")) return undefined;
  if (next && !/[.!?\u061f\u061b;:]/.test(gap(i + length - 1, i + length)) && tables.discovery?.given.has(next.text)) return undefined;
  let holders = date ? holdersOn(role.tenures, date) : [...new Set(role.tenures.map((t) => t.actor))].filter((a) => fullCount.has(a.id));
  if (!date && holders.length === 0 && role.legacy.length === 1) holders = role.legacy;
  if (holders.length > 1 && home) {
    const local = holders.filter((a) => a.country === home);
    if (local.length) holders = local;
  }
  if (holders.length > 1) holders = holders.filter((a) => fullCount.has(a.id));
  return holders.length === 1 ? holders[0] : undefined;
}

/**
 * Resolves an ambiguous alias (a bare family name shared by relatives, a generic «وزارة الدفاع») to one holder:
 *   0. (before this function) an alias with one holder written in quotes is that holder, and counts as a full name;
 *   1. the holder named in full nearest before it in the same paragraph — unless a kinship word precedes the
 *      alias («نجل حفتر»), which points away from that person: then the rules below pick among the others;
 *   2. else the article's dominant holder: most full-name mentions, ties to the one named first;
 *   3. else, relatives sharing a family name (every holder a person): the one holding a dated role on the date;
 *   4. else the only holder from the article's main country;
 *   5. else, other shared aliases: the one holding a dated role on the date among the holders of the article's main
 *      country (none there: of a country it names, or of no country) — the country filters before the date;
 *   6. else the default holder (the only one listing the alias as a plain alias in the knowledge base);
 *   7. else nothing: an unresolvable alias is not tagged.
 */
export function resolveHolder(
  tables: Tables,
  hits: Hit[],
  h: number,
  readings: ActorReading[],
  near: string | undefined,
  fullCount: Map<string, number>,
  firstFull: Map<string, number>,
  topCountry: string | undefined,
  namedCountries: ReadonlyMap<string, number>,
  date: string | undefined,
): ActorReading | undefined {
  const hit = hits[h]!;
  const byId = new Map(readings.map((r) => [r.actor.id, r]));
  const prev = hit.i > 0 ? hit.para.tokens[hit.i - 1] : undefined;
  const afterKinship = prev ? proclitics(prev.text).some((f) => tables.kinship.has(f)) : false;

  let excluded: string | undefined;
  if (near) {
    if (!afterKinship) return byId.get(near);
    excluded = near;
  }
  let pool = readings.filter((r) => r.actor.id !== excluded);
  const named = pool.filter((r) => (fullCount.get(r.actor.id) ?? 0) > 0);
  if (named.length > 0) {
    named.sort((a, b) => fullCount.get(b.actor.id)! - fullCount.get(a.actor.id)! || firstFull.get(a.actor.id)! - firstFull.get(b.actor.id)!);
    return named[0];
  }
  // a family name that is also a country adjective («السوداني») names a person only with the full name written
  pool = pool.filter((r) => !r.adjectiveName);
  if (pool.length === 0) return undefined;
  // relatives sharing a family name (every holder a person): the one holding a dated role on the article's date
  // («القذافي» in 2011) — the date, not the country, tells relatives apart, so it is tried first
  const family = pool.every((r) => r.actor.type === "person");
  if (family && date) {
    const current = holderOn(pool, date);
    if (current) return current;
  }
  // an alias only one actor holds, and only as ambiguous («لجنة مراقبة وقف إطلاق النار»), names it in an article
  // about its country
  const isLocal = (r: ActorReading, code: string) => tables.related.get(r.actor.id)?.has(code) ?? r.actor.country === code;
  const local = topCountry ? pool.filter((r) => isLocal(r, topCountry)) : [];
  if (local.length === 1 && (pool.length > 1 || !local[0]!.isDefault)) return local[0];
  // organisations sharing an alias («الحركة الشعبية»): the date rule runs only among the holders of the article's
  // country, else among those of a country it names (or of none: international bodies) — an open-ended role is no
  // reason to name another country's party
  if (!family && date) {
    const inArticle = (r: ActorReading) => {
      const codes = tables.related.get(r.actor.id) ?? new Set(r.actor.country ? [r.actor.country] : []);
      return codes.size === 0 || [...codes].some((c) => namedCountries.has(c));
    };
    const current = holderOn(local.length > 0 ? local : topCountry ? pool.filter(inArticle) : pool, date);
    if (current) return current;
  }
  return pool.find((r) => r.isDefault);
}

/**
 * The one holder with a dated role on `date`; several active: the longest in office (the family's senior figure:
 * Muammar over his sons' commands in 2011), or none when two began together.
 */
export function holderOn(pool: readonly ActorReading[], date: string): ActorReading | undefined {
  if (pool.length < 2) return undefined;
  const active = pool.filter((r) => activeOn(r.actor, date));
  if (active.length === 1) return active[0];
  if (active.length > 1) {
    const since = (r: ActorReading) => activeSince(r.actor, date) ?? "9999";
    active.sort((a, b) => since(a).localeCompare(since(b)));
    if (since(active[0]!) !== since(active[1]!)) return active[0];
  }
  return undefined;
}

/**
 * Resolves a bare institution head («الحكومة», «وزارة الخارجية», "the army") to one body:
 *   1. the body (or a proper name starting with the head: «حكومة الوحدة الوطنية») named in full nearest before it
 *      in the same paragraph;
 *   2. else the body of the article's home country, or a proper name of it the article names (most named first);
 *   3. else nothing.
 * A head followed by an adjective that names no country («البنك المركزي الأوروبي», «البرلمان العربي»), written in a
 * person's title («رئيس الحكومة»), or, in English, preceded by a capitalised word ("European Central Bank") or
 * without "the" ("army units") is no mention: nothing either.
 */
export function resolveBare(
  tables: Tables,
  hits: Hit[],
  h: number,
  bare: BareReading,
  near: Actor | undefined,
  fullCount: Map<string, number>,
  firstFull: Map<string, number>,
  home: string | undefined,
  date?: string,
): ActorReading | undefined {
  const inst = tables.institutions!;
  const hit = hits[h]!;
  if (!standsAlone(inst.index, hit, bare.patterns.some((p) => p.needsThe))) return undefined;
  const insts = new Set(bare.patterns.map((p) => p.inst));
  const anaphors = bare.patterns.some((p) => p.anaphora) ? (inst.anaphors.get(bare.key) ?? []) : [];
  const bodyOf = (a: Actor) => [...(inst.instOf.get(a.id) ?? [])].find((i) => insts.has(i));
  const make = (actor: Actor): ActorReading => {
    const i = bodyOf(actor);
    const pattern = bare.patterns.find((p) => p.inst === i) ?? bare.patterns[0]!;
    const reading: ActorReading = { kind: "actor", actor, ambiguous: true, isDefault: false, core: 0, inner: [], nested: [], generated: true, bare: true };
    if (i !== undefined && actor.country && inst.index.body(i, actor.country) === actor) reading.display = inst.index.display(i, pattern.head, actor.country);
    return reading;
  };
  if (near) return make(near);
  if (!home) return undefined;
  const local: Actor[] = [];
  for (const i of insts) {
    const a = bodyActor(inst, i, home, date);
    if (a && !local.includes(a)) local.push(a);
  }
  // a proper name starting with the head counts only when the article names it
  for (const a of anaphors) if (a.country === home && fullCount.has(a.id) && !local.includes(a)) local.push(a);
  if (!local.length) return undefined;
  local.sort(
    (a, b) =>
      (fullCount.get(b.id) ?? 0) - (fullCount.get(a.id) ?? 0) ||
      Number(anaphors.includes(a)) - Number(anaphors.includes(b)) ||
      (firstFull.get(a.id) ?? Infinity) - (firstFull.get(b.id) ?? Infinity),
  );
  return make(local[0]!);
}

export const ARABIC_ARTICLE = CLITICS.definite;

/** False when a bare head is part of a longer name or of a person's title (see `resolveBare`). */
export function standsAlone(index: InstitutionIndex, hit: Hit, needsThe: boolean): boolean {
  const { para, i, length } = hit;
  const before = i > 0 ? para.tokens[i - 1] : undefined;
  const joined = before !== undefined && para.norm.text.slice(before.end, para.tokens[i]!.start).trim() === "";
  if (needsThe && !(joined && before.text === "the")) return false;
  if (joined && before.script === 1 && hit.form === 0 && proclitics(before.text).some((f) => index.titleWords.has(f))) return false;
  const next = para.tokens[i + length];
  if (next && next.script === 1 && para.norm.text.slice(para.tokens[i + length - 1]!.end, next.start).trim() === "") {
    // a nisba adjective (ال…ي / ال…ية) that is no country and no generic qualifier names another body
    const t = next.text;
    if (t.startsWith(ARABIC_ARTICLE) && /(ي|يه)$/.test(t) && !index.qualifiers.has(t) && !para.readingsAt[i + length]?.some((r) => r.kind === "country")) return false;
  }
  const prev = i > 0 ? para.tokens[i - 1] : undefined;
  if (prev && prev.script === 2 && para.norm.text.slice(prev.end, para.tokens[i]!.start).trim() === "") {
    const first = para.text[para.norm.toSource[prev.start]!] ?? "";
    if (first !== first.toLowerCase() && prev.text !== "the" && !para.readingsAt[i - 1]) return false;
  }
  return true;
}

/**
 * True when an international organisation's name is only part of an unknown body's name: «بعثة الأمم المتحدة
 * لمساعدة العراق» names UNAMI, "the United Nations mission in Iraq" too, not the UN itself.
 */
export function partOfUnknownBody(bodyWords: Tables["bodyWords"], hit: Hit, reading: ActorReading): boolean {
  if (reading.actor.type !== "international_org") return false;
  const { para, i, length } = hit;
  const prev = i > 0 ? para.tokens[i - 1] : undefined;
  if (prev && prev.script === 1 && !para.readingsAt[i - 1] && para.norm.text.slice(prev.end, para.tokens[i]!.start).trim() === "") {
    if (proclitics(prev.text).some((f) => bodyWords.ar.has(f))) return true;
  }
  const next = para.tokens[i + length];
  return !!next && next.script === 2 && !para.readingsAt[i + length] && bodyWords.en.has(next.text) && para.norm.text.slice(para.tokens[i + length - 1]!.end, next.start).trim() === "";
}

export const ROLE_STOP = /[.!?\u061f\u061b;:\n]/;

export const ROLE_COMMA = /[,\u060c]/;

/**
 * The title phrase written before a name: going back from the name over at most `MAX_ROLE_TOKENS` words, within
 * the sentence and clause (a comma is crossed only directly before the name), stopping at a breaker word
 * (verbs of saying, particles); the role is the text from the leftmost title word found to the name.
 */
export function roleBefore(tables: Tables, para: Para, nameStart: number, actorId: string): string | undefined {
  const { tokens, norm, text } = para;
  let from = nameStart;
  for (let k = nameStart - 1; k >= 0 && nameStart - k <= MAX_ROLE_TOKENS; k--) {
    const gap = norm.text.slice(tokens[k]!.end, tokens[k + 1]!.start);
    if (ROLE_STOP.test(gap.replace(/\./g, ""))) break;
    if (gap.includes(".") && !(tables.rankWords.has(tokens[k]!.text) || tokens[k]!.text.length === 1)) break;
    if (ROLE_COMMA.test(gap) && k + 1 !== nameStart) break;
    // another person's name ends the title; a title written as this person's alias («رئيس حكومة الوحدة الوطنية،
    // عبد الحميد الدبيبة») belongs to it
    if (para.covered[k] === 3 && !para.readingsAt[k]!.some((r) => r.kind === "actor" && r.actor.id === actorId)) break;
    if (proclitics(tokens[k]!.text).some((f) => tables.breakers.has(f))) break;
    from = k;
  }
  for (let q = from; q < nameStart; q++) {
    const m = longestMatch(tables.titles, tokens, q);
    // a role starts with a rank or an office word, never with a qualifier such as «أول»
    if (!m || q + m.length > nameStart || m.values.every((v) => v === "qualifier")) continue;
    const forms = tokens[q]!.script === 1 ? proclitics(tokens[q]!.text) : [tokens[q]!.text];
    const skip = Math.max(0, tokens[q]!.text.length - forms[m.form]!.length);
    const start = norm.toSource[tokens[q]!.start + skip]!;
    let end = sourceEnd(text, norm, tokens[nameStart - 1]!.end);
    if (text[end] === "." && tokens[nameStart - 1]!.script === 2) end++; // keep the stop of "Gen."
    const role = text.slice(start, end).replace(/[\s,\u060c]+$/u, "");
    return role || undefined;
  }
  return undefined;
}

/** What one hit names once resolved. */
export interface Resolution {
  place?: PlaceEntry;
  /** The country the hit's words name (recorded before its actor: countries are listed in order of first mention). */
  country?: string;
  /** The actor the hit names, and the tokens its mention covers (a bare head's generic qualifier included). */
  actor?: { reading: ActorReading; length: number };
  /** An alias that names no one here: its tokens return to this cover level, free text for discovery. */
  free?: number;
}

/** Phases 4–5 for hit `h`: its place, its country and its actor, each resolved in context. */
export function resolveHit(tables: Tables, hits: readonly Hit[], h: number, ctx: Context, date: string | undefined): Resolution {
  const hit = hits[h]!;
  const { para, i, length } = hit;
  const out: Resolution = {};
  const actorReadings = hit.readings.filter((r): r is ActorReading => r.kind === "actor");
  const countryCodes = [...new Set(hit.readings.flatMap((r) => (r.kind === "country" ? r.codes : [])))];
  const placeReadings = hit.readings.filter((r): r is PlaceReading => r.kind === "place").sort((a, b) => a.order - b.order);

  // places, then countries: a place read through context (the Libyan checkpoint «السلفادور») hides a country
  // reading of another country at the same span
  let place: PlaceEntry | undefined = placeReadings.find((r) => ctx.contextCount.has(r.place.country))?.place;
  const placeByContext = place !== undefined;
  place ??= placeReadings.find((r) => r.place.when !== "context")?.place;
  if (place) out.place = place;
  const roleReading = hit.readings.find((r): r is RoleReading => r.kind === "role");
  if (roleReading) {
    const holder = resolveRole(tables, hits as Hit[], h, roleReading, date, ctx.fullCount, ctx.home);
    if (holder) out.actor = { reading: { kind: "actor", actor: holder, ambiguous: false, isDefault: false, core: 0, inner: [], nested: [], role: true }, length };
    return out;
  }
  const bareReading = hit.readings.find((r): r is BareReading => r.kind === "bare");
  const reading = bareReading
    ? resolveBare(tables, hits as Hit[], h, bareReading, ctx.bareNear.get(h), ctx.fullCount, ctx.firstFull, ctx.home, date)
    : actorReadings.length === 0
      ? undefined
      : actorReadings.length === 1 && (!actorReadings[0]!.ambiguous || hit.quoted)
        ? actorReadings[0]!
        : resolveHolder(tables, hits as Hit[], h, actorReadings, ctx.nearHolder.get(h), ctx.fullCount, ctx.firstFull, ctx.topCountry, ctx.contextCount, date);
  // a word that is a person's name here («السوداني» for Mohammed Shia al-Sudani) names no country
  const countryHidden = (placeByContext && place && !countryCodes.includes(place.country)) || reading?.actor.type === "person";
  if (countryCodes.length > 0 && !countryHidden) out.country = pickCode(ctx, countryCodes);
  if (!reading || partOfUnknownBody(tables.bodyWords, hit, reading)) {
    // an alias that names no one here («بن سلمان» in «عبدالعزيز بن سلمان») is free text for discovery
    if (actorReadings.length || bareReading) out.free = countryCodes.length || placeReadings.length ? 1 : 0;
    return out;
  }
  // a bare head with a generic qualifier is written with it: «الحكومة الاتحادية», «وزارة المالية الاتحادية»
  const next = reading.bare ? para.tokens[i + length] : undefined;
  // (an Arabic qualifier agrees with the head: «انتخابات مجلس النواب المقبلة» qualifies the elections)
  const agrees = next === undefined || next.script !== 1 || !bareReading || bareReading.patterns.some((p) => (p.gender === "f") === next.text.endsWith(TA_MARBUTA_FOLDED));
  const qualified =
    next !== undefined && agrees && !para.readingsAt[i + length] && !!tables.institutions?.index.qualifiers.has(next.text) && para.norm.text.slice(para.tokens[i + length - 1]!.end, next.start).trim() === "";
  out.actor = { reading, length: qualified ? length + 1 : length };
  return out;
}

/** The feminine ending as folded text writes it (ة → ه at every fold level). */
const TA_MARBUTA_FOLDED = "ه";

/** A partial date as a sort key where a year or month ends after every day in it ("2023-06" > "2023-06-30"). */
function endKey(date: string): string {
  return date.length < 10 ? `${date}~` : date;
}

/**
 * The holder of a title before `date`: a former holder the article names in full, else the tenure that ended last
 * before it (of the article's home country when several countries' holders qualify); none when two people's
 * tenures ended together or the last holder is back in office.
 */
export function previousHolder(tenures: readonly Tenure[], date: string, home: string | undefined, named: ReadonlyMap<string, number> = new Map()): Actor | undefined {
  let ended = tenures.filter((t) => t.to !== undefined && !heldOn(t, date) && date > t.to.slice(0, date.length));
  if (home) {
    const local = ended.filter((t) => t.actor.country === home);
    if (local.length) ended = local;
  }
  if (ended.length === 0) return undefined;
  // a former holder the article names in full is the one meant («المالكي … رئيس الوزراء السابق»)
  const inArticle = [...new Set(ended.map((t) => t.actor))].filter((a) => named.has(a.id));
  if (inArticle.length === 1 && !holdersOn(tenures, date).includes(inArticle[0]!)) return inArticle[0];
  const last = ended.reduce((a, b) => (endKey(b.to!) > endKey(a.to!) ? b : a));
  const tied = new Set(ended.filter((t) => endKey(t.to!) === endKey(last.to!)).map((t) => t.actor));
  if (tied.size !== 1) return undefined;
  // a previous holder back in office is the current one, not "the former"
  return holdersOn(tenures, date).includes(last.actor) ? undefined : last.actor;
}
