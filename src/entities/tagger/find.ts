/**
 * Phases 1–2 of tagging, finding mentions: each paragraph folded with an offset map and tokenised, then matched
 * leftmost-longest against the trie, with institution bodies composed from a head and a country at the same pass;
 * readings the context rules out (an outlet filing the story, a platform as channel, a capital as location) are
 * dropped here (`keepMentions`).
 */
import type { HeadPattern, InstitutionIndex } from "../institutions.ts";
import { type MatchSpan, type MentionTables, isDateline, isInAddress, isDatelineOutlet, isOrdinaryWords, isPeriod, isPlainLocation, isPlatformChannel } from "../mentions.ts";
import { normaliseWithMap, proclitics } from "../normalise.ts";
import { ABBREVIATIONS } from "../sentences.ts";
import { type Token, tokenizeForMatch } from "../tokens.ts";
import { CONJUNCTIONS } from "../../text/clitics.ts";
import { type TrieMatch, type TrieNode, joinable, longestMatch, mayHaveProclitic, mayStart, mayStartArabic } from "../trie.ts";
import { type ActorReading, type BareReading, type CountryReading, type Hit, type InstitutionTables, type Para, type Reading, type Tables, isQuoted, lettersOf, sourceSpan } from "./readings.ts";
import { bodyActor, ownerOn } from "./tables.ts";

/** A body's name found in text: tokens `[start, start + length)`, the country at `country`. */
export interface Composition {
  length: number;
  /** Proclitic form of the first token (0 = as written). */
  form: number;
  inst: number;
  head: number;
  code: string;
  country: { offset: number; length: number };
}

/** The country named at token `k` (no proclitic), with its length and default code. */
export type Accept = (values: Reading[], start: number, length: number) => Reading[];

export function countryAt(
  trie: TrieNode<Reading>,
  tokens: readonly Token[],
  k: number,
  joins: Uint8Array | undefined,
  accept: Accept | undefined,
  continued: boolean,
): { length: number; code: string } | null {
  if (k >= tokens.length || (continued && joins && !joins[k])) return null;
  const m = longestMatch(trie, tokens, k, (vs, start, length) => (accept ? accept(vs, start, length) : vs).filter((v) => v.kind === "country" || v.kind === "blocker"), joins);
  if (!m || m.form !== 0 || !m.values.every((v) => v.kind === "country")) return null;
  return { length: m.length, code: (m.values[0] as CountryReading).codes[0]! };
}

/** True for an Arabic nisba adjective with the article in a gender: «اللبنانية» (f), «اللبناني» (m). */
export function isAdjective(token: Token, gender: "m" | "f"): boolean {
  const t = token.text;
  if (token.script !== 1 || !t.startsWith("ال")) return false;
  return gender === "f" ? t.endsWith("يه") : t.endsWith("ي");
}

/** A head pattern found at a token: its length in tokens, its patterns, the proclitic form of its first token. */
export interface HeadMatch {
  length: number;
  values: HeadPattern[];
  form: number;
}

/** Every head pattern starting at token `i`, longest first, with the proclitic form of the first token. */
export function headsAt(index: InstitutionIndex, tokens: readonly Token[], i: number, joins: Uint8Array | undefined): HeadMatch[] {
  const first = tokens[i]!;
  const forms = first.script === 1 && mayHaveProclitic(first.text) ? proclitics(first.text) : [first.text];
  const out: HeadMatch[] = [];
  forms.forEach((f, form) => {
    let node = index.trie.next.get(f);
    let j = i + 1;
    while (node) {
      if (node.values.length) out.push({ length: j - i, values: node.values, form });
      if (j >= tokens.length || node.next.size === 0 || (joins && !joins[j])) break;
      node = node.next.get(tokens[j]!.text);
      j++;
    }
  });
  return out.sort((a, b) => b.length - a.length || a.form - b.form);
}

/** True when `after` follows at token `k`. */
export function followedBy(tokens: readonly Token[], k: number, after: string[], joins: Uint8Array | undefined): boolean {
  return after.every((t, n) => tokens[k + n]?.text === t && (!joins || joins[k + n]));
}

/**
 * The longest body name starting with a head at token `i` («الحكومة اللبنانية», «وزارة الكهرباء في جمهورية
 * العراق», «حكومة مالي», "government of Lebanon"), or null.
 */
export function composeAt(
  index: InstitutionIndex,
  trie: TrieNode<Reading>,
  tokens: readonly Token[],
  i: number,
  joins: Uint8Array | undefined,
  accept?: Accept,
  heads: readonly HeadMatch[] = headsAt(index, tokens, i, joins),
): Composition | null {
  let best: Composition | null = null;
  for (const h of heads) {
    const j = i + h.length;
    // the country after the head is the same for each of its patterns: looked up once, when one takes a country
    let c: { length: number; code: string } | null | undefined;
    for (const p of h.values) {
      if (p.slot !== "adj" && p.slot !== "name") continue;
      if (c === undefined) c = countryAt(trie, tokens, j, joins, accept, true);
      if (!c) break;
      const last = tokens[j + c.length - 1]!;
      if (p.slot === "adj" ? !isAdjective(last, p.gender) : last.script === 1 && (isAdjective(last, "m") || isAdjective(last, "f"))) continue;
      if (!followedBy(tokens, j + c.length, p.after, joins)) continue;
      const length = h.length + c.length + p.after.length;
      if (!best || length > best.length) best = { length, form: h.form, inst: p.inst, head: p.head, code: c.code, country: { offset: h.length, length: c.length } };
    }
  }
  return best;
}

/** A country form of several words that starts with a head taking a name: «حكومة مالي». */
export function composeWithin(
  index: InstitutionIndex,
  tokens: readonly Token[],
  i: number,
  joins: Uint8Array | undefined,
  m: { length: number; values: Reading[]; form: number },
  heads: readonly HeadMatch[] = headsAt(index, tokens, i, joins),
): Composition | null {
  const codes = [...new Set(m.values.flatMap((v) => (v.kind === "country" ? v.codes : [])))];
  if (codes.length !== 1) return null;
  for (const h of heads) {
    if (h.length >= m.length || h.form !== m.form) continue;
    const p = h.values.find((v) => v.slot === "name" && v.after.length === 0);
    if (p) return { length: m.length, form: h.form, inst: p.inst, head: p.head, code: codes[0]!, country: { offset: h.length, length: m.length - h.length } };
  }
  return null;
}

/** The longest body name with an English country first ("Lebanese government", "Iraq's foreign ministry"). */
export function composeAfterCountry(index: InstitutionIndex, trie: TrieNode<Reading>, tokens: readonly Token[], i: number, joins: Uint8Array | undefined, accept?: Accept): Composition | null {
  if (tokens[i]?.script !== 2) return null;
  const c = countryAt(trie, tokens, i, joins, accept, false);
  if (!c) return null;
  let j = i + c.length;
  if (tokens[j]?.text === "s" && (!joins || joins[j])) j++; // Iraq's
  if (j >= tokens.length || (joins && !joins[j])) return null;
  const heads = headsAt(index, tokens, j, joins).filter((h) => h.form === 0);
  for (const h of heads) {
    const p = h.values.find((v) => v.slot === "pre");
    if (p) return { length: j - i + h.length, form: 0, inst: p.inst, head: p.head, code: c.code, country: { offset: 0, length: c.length } };
  }
  return null;
}

/** The bare head at token `i` (the longest), or null. */
export function bareAt(
  index: InstitutionIndex,
  tokens: readonly Token[],
  i: number,
  joins: Uint8Array | undefined,
  heads: readonly HeadMatch[] = headsAt(index, tokens, i, joins),
): { length: number; form: number; reading: BareReading } | null {
  for (const h of heads) {
    const patterns = h.values.filter((p) => p.slot === "none");
    if (patterns.length) return { length: h.length, form: h.form, reading: { kind: "bare", patterns, key: patterns[0]!.before.join(" ") } };
  }
  return null;
}

/** The readings of a match that remain mentions in their context (see mentions.ts). */
export function keepMentions(t: MentionTables, span: MatchSpan, values: Reading[]): Reading[] {
  let ordinary: boolean | undefined;
  let location: boolean | undefined;
  if (isInAddress(span)) return [];
  return values.filter((v) => {
    if (v.kind === "actor") {
      if (v.actor.type === "media" && isDatelineOutlet(t, span)) return false;
      if (isPlatformChannel(t, span, v.actor.id)) return false;
      if (v.actor.type === "government" && isPeriod(t, span)) return false;
      return !(ordinary ??= isOrdinaryWords(t, span));
    }
    if (v.kind === "country" && v.metonym) return !(location ??= isPlainLocation(t, span));
    return true;
  });
}

/** The paragraphs of an article as matched, and the hits in text order. */
export interface Found {
  paras: Para[];
  hits: Hit[];
}

/** Phases 1–2 over an article's body (body only: captions and titles are not read, by the gold convention). */
export function findMentions(tables: Tables, body: readonly string[], date?: string): Found {
  const paras: Para[] = [];
  const hits: Hit[] = [];
  body.forEach((text, index) => paras.push(matchParagraph(tables, text, index, hits, date)));
  return { paras, hits };
}

/** Matches one paragraph, appending its hits; returns the paragraph with what each token is covered by. */
function matchParagraph(tables: Tables, text: string, index: number, hits: Hit[], date: string | undefined): Para {
  const norm = normaliseWithMap(text);
  const tokens = tokenizeForMatch(norm.text, CONJUNCTIONS);
  const para: Para = { index, text, norm, tokens, covered: new Uint8Array(tokens.length), readingsAt: [] };
  // case-sensitive forms (US, UK) are checked against the letters as written
  const accept = (values: Reading[], start: number, length: number): Reading[] => {
    if (!values.some((v) => v.exact)) return values;
    const [s, e] = sourceSpan(para, start, start + length);
    const letters = lettersOf(text.slice(s, e));
    return values.filter((v) => !v.exact || v.exact === letters);
  };
  const joins = joinable(norm.text, tokens, ABBREVIATIONS);
  const filter = tables.startFilter;
  // end of the last role title seen («رئيس الحكومة العراقية»): a generated body inside one is part of a person's
  // title, not a mention of the body
  let roleEnd = 0;
  const inst = tables.institutions;
  for (let i = 0; i < tokens.length; ) {
    // most words start no phrase: reject them from their letters, without building or hashing strings
    const tok = tokens[i]!;
    const mainMay = tok.script === 1 ? mayStartArabic(filter, tok.text) : mayStart(filter, tok.text, 0);
    const headMay = inst !== null && (tok.script === 1 ? mayStartArabic(inst.index.startFilter, tok.text) : mayStart(inst.index.startFilter, tok.text, 0));
    if (!mainMay && !headMay) {
      i++;
      continue;
    }
    let m = mainMay ? longestMatch(tables.trie, tokens, i, accept, joins) : null;
    // a role title («وزير الخارجية التركي») is recorded without consuming its words: what its words name (the
    // country, an organisation: «مدير الموساد») is matched as if it were not there
    if (m && m.values.every((v) => v.kind === "role")) {
      hits.push({ para, i, length: m.length, form: m.form, quoted: false, readings: m.values });
      roleEnd = Math.max(roleEnd, i + m.length);
      m = longestMatch(tables.trie, tokens, i, (vs, start, length) => accept(vs, start, length).filter((v) => v.kind !== "role"), joins);
    }
    // an institution body («الحكومة اللبنانية», "Iraq's army") when longer than what the lexicon matches here
    if (inst) {
      const used = matchInstitution(inst, tables.trie, para, i, m, headMay, i < roleEnd, roleEnd, accept, joins, hits, date);
      if (used > 0) {
        i += used;
        continue;
      }
    }
    if (!m) {
      i++;
      continue;
    }
    i += recordMatch(tables, para, i, m, hits);
  }
  return para;
}

type Match = TrieMatch<Reading>;

/**
 * An institution body composed at token `i` (head + country, country's head, a country form starting with a head)
 * when longer than the trie's match `m`, or a bare head where nothing matched: records it and returns the tokens it
 * covers, 0 when none. A body inside a role title only counts its country.
 */
function matchInstitution(
  inst: InstitutionTables,
  trie: Tables["trie"],
  para: Para,
  i: number,
  m: Match | null,
  headMay: boolean,
  inTitle: boolean,
  roleEnd: number,
  accept: Accept,
  joins: Uint8Array | undefined,
  hits: Hit[],
  date: string | undefined,
): number {
  const tokens = para.tokens;
  // the heads at `i`, found once for the three readings below
  const heads = headMay ? headsAt(inst.index, tokens, i, joins) : [];
  let comp = headMay ? composeAt(inst.index, trie, tokens, i, joins, accept, heads) : null;
  // a country form that starts with a head names the body («حكومة مالي», «جيش مالي»: «مالي» alone is no form)
  const within = !comp && headMay && m && m.length > 1 && m.values.every((v) => v.kind === "country") ? composeWithin(inst.index, tokens, i, joins, m, heads) : null;
  comp ??= within;
  if (m && m.values.every((v) => v.kind === "country")) {
    const pre = composeAfterCountry(inst.index, trie, tokens, i, joins, accept);
    if (pre && (!comp || pre.length > comp.length)) comp = pre;
  }
  const actor = comp && (!m || comp.length > m.length || comp === within) ? bodyActor(inst, comp.inst, comp.code, date) : null;
  const owned = comp !== null && ownerOn(inst, comp.inst, comp.code, date) !== undefined;
  if (comp && actor && inTitle && i + comp.length <= roleEnd && !owned) {
    // its country still counts; its words are no one's name for discovery
    const country: CountryReading = { kind: "country", codes: [comp.code] };
    const c0 = i + comp.country.offset;
    para.covered.fill(1, i, i + comp.length);
    for (let k = c0; k < c0 + comp.country.length; k++) para.readingsAt[k] = [country];
    hits.push({ para, i: c0, length: comp.country.length, form: 0, quoted: false, readings: [country] });
    return comp.length;
  }
  if (comp && actor) {
    const reading: ActorReading = {
      kind: "actor",
      actor,
      ambiguous: false,
      isDefault: false,
      core: 0,
      inner: [{ offset: comp.country.offset, length: comp.country.length, codes: [comp.code] }],
      nested: [],
      generated: true,
    };
    if (!owned) reading.display = inst.index.display(comp.inst, comp.head, comp.code);
    para.covered.fill(2, i, i + comp.length);
    for (let k = i; k < i + comp.length; k++) para.readingsAt[k] = [reading];
    hits.push({ para, i, length: comp.length, form: comp.form, quoted: false, readings: [reading] });
    return comp.length;
  }
  const bare = !m && headMay && !inTitle ? bareAt(inst.index, tokens, i, joins, heads) : null;
  if (bare) {
    para.covered.fill(2, i, i + bare.length);
    for (let k = i; k < i + bare.length; k++) para.readingsAt[k] = [bare.reading];
    hits.push({ para, i, length: bare.length, form: bare.form, quoted: false, readings: [bare.reading] });
    return bare.length;
  }
  return 0;
}

/**
 * Records the trie's match at token `i`, without the readings its context rules out (none left: its words are
 * covered and nothing is recorded); returns the tokens it covers.
 */
function recordMatch(tables: Tables, para: Para, i: number, m: Match, hits: Hit[]): number {
  const { norm, tokens, index } = para;
  // readings the context rules out: an outlet filing the story, a platform as channel, a capital as location
  if (tables.mentions) {
    const values = keepMentions(tables.mentions, { text: norm.text, tokens, i, length: m.length, form: m.form, paragraph: index, quoted: isQuoted(para, i, i + m.length) }, m.values);
    if (values.length === 0) {
      para.covered.fill(1, i, i + m.length);
      return m.length;
    }
    if (values.length !== m.values.length) m.values = values;
  }
  // a role title is read only where nothing else is: an alias or a country form of the same words wins
  if (m.values.some((v) => v.kind === "role")) m.values = m.values.filter((v) => v.kind !== "role");
  const cover = m.values.some((v) => v.kind === "actor" && v.actor.type === "person") ? 3 : m.values.some((v) => v.kind === "actor") ? 2 : 1;
  para.covered.fill(cover, i, i + m.length);
  for (let k = i; k < i + m.length; k++) para.readingsAt[k] = m.values;
  if (!m.values.some((v) => v.kind === "blocker")) {
    const hit: Hit = { para, i, length: m.length, form: m.form, quoted: isQuoted(para, i, i + m.length), readings: m.values };
    if (index === 0 && i === 0 && tables.mentions && m.values.some((v) => v.kind === "place") && isDateline(tables.mentions, { text: norm.text, tokens, i, length: m.length, form: m.form, paragraph: 0, quoted: false })) hit.dateline = true;
    hits.push(hit);
  }
  return m.length;
}
