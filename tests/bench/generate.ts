/**
 * Synthetic benchmark corpus: raw scraped pages written to `<dir>/inbox/`, plus a copy of the knowledge base.
 *
 * Deterministic: the same seed and article count give byte-identical files. Sentences come from
 * `templates.yaml` (written for the benchmark; nothing is copied from real pages), filled with actors from the
 * knowledge base (`content/actors/`, Zipf-like frequency, Arabic clitics sometimes prefixed), places, countries
 * and dates spread over 15 months.
 *
 * Shape (named constants below): ~75 % Arabic pages; ~30 % of article groups are multi-article pages (2–6);
 * varied layouts (doubled captions with credits, "TT" markers, bylines, datelines, related-headline blocks,
 * comment forms, © footers, header dates with their Hijri equivalent, labelled dates in Egyptian, Levantine,
 * Maghrebi and English forms, Eastern Arabic digits, ISO), some undated pages, HTML pages with JSON-LD, a few
 * pages with CRLF line ends, a BOM or Windows-1256 encoding, and ~2 % of articles copied into a second file.
 *
 * `<dir>/corpus.json` records what was generated (the truth per article), outside the inbox.
 */
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import iconv from "iconv-lite";
import { parse } from "yaml";
import { loadActors } from "../../src/content/actors-file.ts";
import type { Actor } from "../../src/schemas/actor.ts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** Share of article groups written in English. */
const ENGLISH_SHARE = 0.25;
/** Share of article groups that are multi-article pages (2–6 articles). */
const MULTI_SHARE = 0.3;
/** Extra copies of existing articles, as a share of the article count (exercises de-duplication). */
const DUPLICATE_SHARE = 0.02;
/** Articles whose page gives no publication date. */
const UNDATED_SHARE = 0.08;
/** Zipf exponent of actor frequency (rank r is drawn with weight 1 / r^s). */
const ZIPF_EXPONENT = 1.05;
/** Dates are spread over 15 months from this day. */
const FIRST_DAY = Date.UTC(2024, 7, 1);
const DAYS = 456;
/** Encoding quirks, as shares of pages. */
const CRLF_SHARE = 0.03;
const BOM_SHARE = 0.02;
const CP1256_SHARE = 0.015;
/** Files named after the outlet (spaces, Arabic letters) rather than a hash. */
const ODD_NAME_SHARE = 0.01;

export interface GenerateOptions {
  /** Distinct articles to generate (copies made for de-duplication come on top). */
  articles: number;
  seed: number | string;
  /** Content folder to create: `inbox/` and the knowledge base go inside. */
  dir: string;
  /** Where the knowledge base is read from (default: the repository's `content/`). */
  knowledgeDir?: string;
}

/** What one generated article is (the truth a run can be checked against). */
export interface ArticleTruth {
  key: string;
  lang: "ar" | "en";
  title: string;
  source: string;
  author: string | null;
  dateline: string | null;
  /** Publication date given by the page, or null when the page is undated. */
  published: string | null;
  actors: string[];
  countries: string[];
  paragraphs: number;
  files: string[];
}

export interface PageTruth {
  file: string;
  layout: string;
  lang: "ar" | "en";
  articles: string[];
  encoding: "utf-8" | "utf-8-bom" | "windows-1256";
  crlf: boolean;
  duplicate: boolean;
}

export interface CorpusSummary {
  seed: string;
  articles: number;
  duplicates: number;
  files: number;
  bytes: number;
  byLang: Record<string, number>;
  byLayout: Record<string, number>;
  multiArticlePages: number;
  undatedArticles: number;
  htmlPages: number;
  actorsInKnowledgeBase: number;
  actorsUsed: number;
  pages: PageTruth[];
  truth: ArticleTruth[];
}

// ---------------------------------------------------------------------------------------------------------------
// Deterministic randomness

/** 128-bit seed hash (cyrb128) for sfc32. */
function seedState(seed: string): [number, number, number, number] {
  let h1 = 1779033703, h2 = 3144134277, h3 = 1013904242, h4 = 2773480762;
  for (let i = 0; i < seed.length; i++) {
    const k = seed.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  return [(h1 ^ h2 ^ h3 ^ h4) >>> 0, (h2 ^ h1) >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0];
}

/** Small seeded PRNG (sfc32) with the helpers the generator needs. */
export class Rng {
  a: number;
  b: number;
  c: number;
  d: number;
  constructor(seed: string) {
    [this.a, this.b, this.c, this.d] = seedState(seed);
    for (let i = 0; i < 12; i++) this.next();
  }
  next(): number {
    this.a >>>= 0; this.b >>>= 0; this.c >>>= 0; this.d >>>= 0;
    let t = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    t = (t + this.d) | 0;
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }
  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[Math.floor(this.next() * items.length)]!;
  }
  /** Index drawn from cumulative weights. */
  weighted(cumulative: readonly number[]): number {
    const x = this.next() * cumulative[cumulative.length - 1]!;
    let lo = 0, hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  }
}

function cumulate(weights: number[]): number[] {
  let sum = 0;
  return weights.map((w) => (sum += w));
}

// ---------------------------------------------------------------------------------------------------------------
// Vocabulary

interface LangVocab {
  outlets: string[];
  reporters: string[];
  sections: string[];
  nav: string[];
  credits: string[];
  related_labels: string[];
  comment_form: string[];
  share: string[];
  footer: string[];
  weekdays: string[];
  topics: string[];
  titles: string[];
  subtitles: string[];
  leads: string[];
  sentences: string[];
  crossheads: string[];
  captions: string[];
}
interface Templates {
  ar: LangVocab & {
    byline_cities: string[];
    breaking: string[];
    summary_label: string;
    unnamed_sources: string[];
    quotes: string[];
    quote_frames: string[];
  };
  en: LangVocab & { dateline_cities: string[]; wire_tags: string[] };
  months: Record<"egyptian" | "levantine" | "maghrebi" | "moroccan" | "english" | "english_short" | "hijri", string[]>;
  dates: {
    ar_published: Array<{ label: string; pattern: string; eastern?: boolean }>;
    ar_header: string[];
    en_published: string[];
  };
  places: Array<{ ar: string; en: string; country: string }>;
  countries: Array<{ code: string; ar: string; en: string; weight: number }>;
  fallback_actors: Array<{ id: string; ar: string; en: string; type: string }>;
}

let templatesCache: Templates | undefined;
export function loadTemplates(): Templates {
  templatesCache ??= parse(readFileSync(join(ROOT, "tests/bench/templates.yaml"), "utf8")) as Templates;
  return templatesCache;
}

interface PoolActor {
  id: string;
  person: boolean;
  country?: string;
  /** Full names usable on first mention: canonical name first. */
  ar: string[];
  en: string[];
  /** Short forms usable after a full mention. */
  arShort: string[];
  enShort: string[];
  roles: Actor["roles"];
}

/** Actors of one kind with Zipf weights, overall and per home country. */
interface Ranked {
  list: PoolActor[];
  cum: number[];
  byCountry: Map<string, { list: PoolActor[]; cum: number[] }>;
}

interface Pool {
  all: Ranked;
  persons: Ranked;
  others: Ranked;
  kbSize: number;
}

/** Latin-script aliases are not used in Arabic text and vice versa. */
const ARABIC_LETTER = /[\u0600-\u06ff]/;

const zipf = (n: number): number[] => cumulate(Array.from({ length: n }, (_, r) => 1 / Math.pow(r + 1, ZIPF_EXPONENT)));

function rank(list: PoolActor[]): Ranked {
  const byCountry = new Map<string, { list: PoolActor[]; cum: number[] }>();
  for (const a of list) {
    if (!a.country) continue;
    const entry = byCountry.get(a.country) ?? { list: [], cum: [] };
    entry.list.push(a);
    byCountry.set(a.country, entry);
  }
  for (const entry of byCountry.values()) entry.cum = zipf(entry.list.length);
  return { list, cum: zipf(list.length), byCountry };
}

function buildPool(actors: Actor[], templates: Templates, rng: Rng): Pool {
  const pool: PoolActor[] = actors.map((a) => ({
    id: a.id,
    person: a.type === "person",
    ...(a.country ? { country: a.country } : {}),
    ar: [a.names.ar, ...a.aliases.ar.filter((s) => ARABIC_LETTER.test(s))],
    en: [a.names.en, ...a.aliases.en.filter((s) => !ARABIC_LETTER.test(s))],
    arShort: a.ambiguous_aliases.filter((s) => ARABIC_LETTER.test(s)),
    enShort: a.ambiguous_aliases.filter((s) => !ARABIC_LETTER.test(s)),
    roles: a.roles,
  }));
  const kbSize = pool.length;
  for (const f of templates.fallback_actors) {
    const person = f.type === "person";
    if (pool.some((p) => p.person === person)) continue;
    pool.push({ id: f.id, person, ar: [f.ar], en: [f.en], arShort: [], enShort: [], roles: [] });
  }
  // The rank order (hence who is frequent) depends on the seed, not on file order.
  rng.shuffle(pool);
  return { all: rank(pool), persons: rank(pool.filter((p) => p.person)), others: rank(pool.filter((p) => !p.person)), kbSize };
}

// ---------------------------------------------------------------------------------------------------------------
// Dates

const EASTERN_DIGITS = "٠١٢٣٤٥٦٧٨٩";
const toEastern = (s: string): string => s.replace(/[0-9]/g, (d) => EASTERN_DIGITS[Number(d)]!);
const pad2 = (n: number): string => String(n).padStart(2, "0");
const isoDay = (t: number): string => new Date(t).toISOString().slice(0, 10);

const hijriFormat = new Intl.DateTimeFormat("en-u-ca-islamic-umalqura-nu-latn", {
  timeZone: "UTC",
  day: "numeric",
  month: "numeric",
  year: "numeric",
});

/** Fills a date pattern for a UTC day-time `t`. */
function formatDate(pattern: string, t: number, lang: "ar" | "en", templates: Templates): string {
  const date = new Date(t);
  const month = date.getUTCMonth();
  const parts = hijriFormat.formatToParts(date);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? "0");
  const values: Record<string, string> = {
    d: String(date.getUTCDate()),
    dd: pad2(date.getUTCDate()),
    mm: pad2(month + 1),
    yyyy: String(date.getUTCFullYear()),
    HH: pad2(date.getUTCHours()),
    MI: pad2(date.getUTCMinutes()),
    weekday: (lang === "ar" ? templates.ar : templates.en).weekdays[date.getUTCDay()]!,
    hd: String(part("day")),
    hmonth: templates.months.hijri[part("month") - 1] ?? "",
    hy: String(part("year")),
    "month:dual": `${templates.months.levantine[month]} / ${templates.months.egyptian[month]}`,
  };
  return pattern.replace(/\{([a-z_:]+)\}/gi, (whole, key: string) => {
    if (key in values) return values[key]!;
    if (key.startsWith("month:")) {
      const names = templates.months[key.slice(6) as keyof Templates["months"]];
      if (names) return names[month]!;
    }
    return whole;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Articles

interface Caption {
  text: string;
  credit: string;
}

interface ArticleDoc {
  key: string;
  lang: "ar" | "en";
  title: string;
  subtitle: string | null;
  outlet: string;
  author: string | null;
  /** City written with the byline or at the start of the body. */
  city: string;
  /** Day-time of publication (ms, UTC), always set; `dated` says whether pages show it. */
  time: number;
  dated: boolean;
  /** Paragraphs; a crosshead is a short paragraph of its own. */
  body: string[];
  captions: Caption[];
  actors: Set<string>;
  countries: Set<string>;
}

/** Fills templates for one article, keeping its cast of actors so names recur within it. */
class Composer {
  rng: Rng;
  pool: Pool;
  templates: Templates;
  lang: "ar" | "en";
  time: number;
  focus: string;
  cast: PoolActor[] = [];
  places: Array<{ ar: string; en: string; country: string }> = [];
  mentioned = new Set<string>();
  actors = new Set<string>();
  countries = new Set<string>();

  constructor(rng: Rng, pool: Pool, templates: Templates, lang: "ar" | "en", time: number) {
    this.rng = rng;
    this.pool = pool;
    this.templates = templates;
    this.lang = lang;
    this.time = time;
    const lead = pool.all.list[rng.weighted(pool.all.cum)]!;
    this.cast.push(lead);
    const countryCum = cumulate(templates.countries.map((c) => c.weight));
    this.focus = lead.country && templates.countries.some((c) => c.code === lead.country)
      ? lead.country
      : templates.countries[rng.weighted(countryCum)]!.code;
    for (let i = rng.int(1, 3); i > 0; i--) this.cast.push(this.draw(rng.chance(0.5)));
    // A few places the article is about, mostly in its country.
    const local = rng.shuffle(templates.places.filter((p) => p.country === this.focus));
    this.places = [...local.slice(0, 2), rng.pick(templates.places)];
  }

  /** A new actor: usually one from the article's country (Zipf within it), otherwise from anywhere. */
  draw(person: boolean): PoolActor {
    const ranked = person ? this.pool.persons : this.pool.others;
    const local = ranked.byCountry.get(this.focus);
    if (local && this.rng.chance(0.7)) return local.list[this.rng.weighted(local.cum)]!;
    if (ranked.list.length === 0) return this.pool.all.list[this.rng.weighted(this.pool.all.cum)]!;
    return ranked.list[this.rng.weighted(ranked.cum)]!;
  }

  /** An actor of the wanted kind, usually from the cast; `avoid` keeps two slots of a sentence distinct. */
  actor(kind: "P" | "O" | "A", avoid: Set<string>): PoolActor {
    const fits = (a: PoolActor) => (kind === "A" || (kind === "P") === a.person) && !avoid.has(a.id);
    const inCast = this.cast.filter(fits);
    if (inCast.length && this.rng.chance(0.8)) return this.rng.pick(inCast);
    for (let tries = 0; tries < 6; tries++) {
      const a = this.draw(kind === "A" ? this.rng.chance(0.5) : kind === "P");
      if (fits(a)) {
        if (!this.cast.includes(a)) this.cast.push(a);
        return a;
      }
    }
    return this.rng.pick(this.pool.all.list);
  }

  /** Surface form: a full name on first mention, then sometimes an alias or a bare short form. */
  surface(a: PoolActor, withRole: boolean): string {
    const names = this.lang === "ar" ? a.ar : a.en;
    const short = this.lang === "ar" ? a.arShort : a.enShort;
    let name: string;
    if (!this.mentioned.has(a.id)) name = this.rng.chance(0.7) ? names[0]! : this.rng.pick(names);
    else if (short.length && this.rng.chance(0.25)) name = this.rng.pick(short);
    else name = this.rng.chance(0.55) ? names[0]! : this.rng.pick(names);
    this.mentioned.add(a.id);
    this.actors.add(a.id);
    if (withRole && a.roles.length) {
      const day = isoDay(this.time);
      const current = a.roles.filter((r) => (!r.from || r.from <= day) && (!r.to || r.to >= day));
      const role = this.rng.pick(current.length ? current : a.roles);
      return `${this.lang === "ar" ? role.title.ar : role.title.en} ${name}`;
    }
    return name;
  }

  place(avoid?: string): { ar: string; en: string; country: string } {
    const own = this.places.filter((p) => p.ar !== avoid);
    const p = own.length && this.rng.chance(0.85) ? this.rng.pick(own) : this.rng.pick(this.templates.places.filter((x) => x.ar !== avoid));
    this.countries.add(p.country);
    return p;
  }

  country(avoid?: string): string {
    const c = this.rng.chance(0.6) && avoid !== this.focus
      ? this.templates.countries.find((x) => x.code === this.focus)!
      : this.rng.pick(this.templates.countries.filter((x) => x.code !== avoid));
    this.countries.add(c.code);
    return c.code;
  }

  /** Fills one template. */
  fill(template: string): string {
    const vocab = this.lang === "ar" ? this.templates.ar : this.templates.en;
    const bound = new Map<string, PoolActor>();
    const used = new Set<string>();
    const places = new Map<string, { ar: string; en: string }>();
    const countryCodes = new Map<string, string>();
    const topics = new Map<string, string>();
    return template.replace(/\{([A-Za-z_]+\d?)(\+role)?(?:\|([^}]+))?\}/g, (whole, slot: string, role?: string, clitic?: string) => {
      let text: string;
      const kind = slot[0] as "P" | "O" | "A";
      if (/^[POA]\d?$/.test(slot)) {
        let a = bound.get(slot);
        if (!a) {
          a = this.actor(kind, used);
          bound.set(slot, a);
          used.add(a.id);
        }
        text = this.surface(a, role !== undefined);
      } else if (slot === "city" || slot === "city2") {
        const other = places.get(slot === "city" ? "city2" : "city");
        const p = places.get(slot) ?? this.place(other?.ar);
        places.set(slot, p);
        text = this.lang === "ar" ? p.ar : p.en;
      } else if (slot === "country" || slot === "country2") {
        const code = countryCodes.get(slot) ?? this.country(countryCodes.get(slot === "country" ? "country2" : "country"));
        countryCodes.set(slot, code);
        const c = this.templates.countries.find((x) => x.code === code)!;
        text = this.lang === "ar" ? c.ar : c.en;
      } else if (slot === "topic" || slot === "topic2") {
        const t = topics.get(slot) ?? this.rng.pick(vocab.topics.filter((x) => x !== topics.get(slot === "topic" ? "topic2" : "topic")));
        topics.set(slot, t);
        text = t;
      } else if (slot === "weekday") text = this.rng.pick(vocab.weekdays);
      else if (slot === "n") text = String(this.rng.int(2, 40));
      else if (slot === "big") text = String(this.rng.int(12, 480) * 10);
      else if (slot === "pct") text = String(this.rng.int(3, 45));
      else if (slot === "org_ar_source") text = this.rng.pick(this.templates.ar.unnamed_sources);
      else if (slot === "quote") text = this.fill(this.rng.pick(this.templates.ar.quotes));
      else return whole;
      if (!clitic) return text;
      // ل + ال → لل (للجيش); other clitics attach as they are (والجيش، بالجيش).
      if (clitic.endsWith("ل") && text.startsWith("ال")) return `${clitic}${text.slice(1)}`;
      return `${clitic}${text}`;
    });
  }
}

function composeArticle(key: string, rng: Rng, pool: Pool, templates: Templates, lang: "ar" | "en"): ArticleDoc {
  const vocab = lang === "ar" ? templates.ar : templates.en;
  const day = FIRST_DAY + rng.int(0, DAYS - 1) * 86_400_000;
  const time = day + rng.int(6, 22) * 3_600_000 + rng.int(0, 59) * 60_000;
  const c = new Composer(rng, pool, templates, lang, time);
  const title = c.fill(rng.pick(vocab.titles));
  const subtitle = rng.chance(0.35) ? c.fill(rng.pick(vocab.subtitles)) : null;
  const body: string[] = [c.fill(rng.pick(vocab.leads))];
  const count = rng.int(3, 9);
  const sentences = rng.shuffle([...vocab.sentences]);
  let next = 0;
  for (let i = 0; i < count; i++) {
    if (i === Math.floor(count / 2) && count >= 6 && rng.chance(0.3)) body.push(rng.pick(vocab.crossheads));
    const parts: string[] = [];
    for (let s = rng.int(1, 3); s > 0; s--) {
      if (lang === "ar" && rng.chance(0.12)) parts.push(c.fill(rng.pick(templates.ar.quote_frames)));
      else parts.push(c.fill(sentences[next++ % sentences.length]!));
    }
    body.push(parts.join(" "));
  }
  const captions: Caption[] = [];
  for (let i = rng.chance(0.8) ? rng.int(1, 2) : 0; i > 0; i--) {
    captions.push({ text: c.fill(rng.pick(vocab.captions)), credit: rng.pick(vocab.credits) });
  }
  const city = lang === "ar" ? rng.pick(templates.ar.byline_cities) : rng.pick(templates.en.dateline_cities);
  return {
    key,
    lang,
    title,
    subtitle,
    outlet: rng.pick(vocab.outlets),
    author: rng.chance(0.75) ? rng.pick(vocab.reporters) : null,
    city,
    time,
    dated: !rng.chance(UNDATED_SHARE),
    body,
    captions,
    actors: c.actors,
    countries: c.countries,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Page layouts: each returns the page text and what the page shows as author and dateline for each article.

interface Rendered {
  text: string;
  html: boolean;
  /** Per article: the dateline the page shows (null when none). */
  datelines: Array<string | null>;
}

interface LayoutContext {
  rng: Rng;
  templates: Templates;
  pool: Pool;
}

type Layout = (docs: ArticleDoc[], ctx: LayoutContext) => Rendered;

function relatedHeadlines(ctx: LayoutContext, lang: "ar" | "en", count: number): string[] {
  const vocab = lang === "ar" ? ctx.templates.ar : ctx.templates.en;
  const c = new Composer(ctx.rng, ctx.pool, ctx.templates, lang, FIRST_DAY + ctx.rng.int(0, DAYS) * 86_400_000);
  return Array.from({ length: count }, () => c.fill(ctx.rng.pick(vocab.titles)));
}

function arPublished(doc: ArticleDoc, ctx: LayoutContext, preferred?: number): string {
  const formats = ctx.templates.dates.ar_published;
  const f = preferred !== undefined && ctx.rng.chance(0.7) ? formats[preferred]! : ctx.rng.pick(formats);
  const text = `${f.label}${formatDate(f.pattern, doc.time, "ar", ctx.templates)}`;
  return f.eastern ? toEastern(text) : text;
}

function enPublished(doc: ArticleDoc, ctx: LayoutContext): string {
  return formatDate(ctx.rng.pick(ctx.templates.dates.en_published), doc.time, "en", ctx.templates);
}

function captionLines(doc: ArticleDoc, double: boolean): string[] {
  return doc.captions.flatMap((c) => (double ? [`${c.text} ${c.credit}`, `${c.text} ${c.credit}`] : [`${c.text} ${c.credit}`]));
}

function footer(ctx: LayoutContext, lang: "ar" | "en", outlet: string, year: number): string[] {
  const vocab = lang === "ar" ? ctx.templates.ar : ctx.templates.en;
  return vocab.footer.filter(() => ctx.rng.chance(0.6)).map((l) => l.replace("{yyyy}", String(year)).replace("{outlet}", outlet));
}

/** A newspaper page dump: headline, doubled captions, "TT", headline again, byline "city: name", "نُشر: …". */
const asharq: Layout = (docs, ctx) => {
  const lines: string[] = [];
  const datelines: Array<string | null> = [];
  for (const doc of docs) {
    lines.push(doc.title, "");
    if (doc.subtitle) lines.push(doc.subtitle, "");
    const lead = doc.captions[0];
    const caps = lead ? [`${lead.text} ${lead.credit}`, `${lead.text} ${lead.credit}`] : [];
    lines.push(...caps, "TT", "", doc.title, "", ...caps);
    lines.push(`${doc.city}: ${doc.author ?? `«${doc.outlet}»`}`);
    datelines.push(doc.city);
    if (doc.dated) lines.push(arPublished(doc, ctx, 0));
    lines.push("");
    doc.body.forEach((p, i) => {
      lines.push(p, "");
      const extra = doc.captions[1];
      if (i === 3 && extra) lines.push(`${extra.text} ${extra.credit}`, "");
    });
    lines.push("");
  }
  lines.push(ctx.rng.pick(ctx.templates.ar.related_labels), "", ...relatedHeadlines(ctx, "ar", ctx.rng.int(3, 6)));
  return { text: lines.join("\n"), html: false, datelines };
};

/** A portal page: header date with its Hijri equivalent, navigation, section, headline, outlet, body, related, ©. */
const portal: Layout = (docs, ctx) => {
  const doc = docs[0]!;
  const seen = doc.time + ctx.rng.int(0, 20) * 86_400_000;
  const lines: string[] = [
    formatDate(ctx.rng.pick(ctx.templates.dates.ar_header), seen, "ar", ctx.templates),
    ...ctx.rng.shuffle([...ctx.templates.ar.breaking]).slice(0, 2),
    ctx.templates.ar.nav.slice(0, ctx.rng.int(4, 9)).join("  "),
    ctx.rng.pick(ctx.templates.ar.sections),
    "",
    doc.title,
    "",
  ];
  if (doc.subtitle) lines.push(doc.subtitle, "");
  lines.push(doc.outlet, "");
  if (doc.dated) lines.push(arPublished(doc, ctx), "");
  for (const c of captionLines(doc, false)) lines.push(c, "");
  let dateline: string | null = null;
  doc.body.forEach((p, i) => {
    if (i === 0 && ctx.rng.chance(0.4)) {
      dateline = doc.city;
      lines.push(`${doc.city} - ${p}`, "", "");
    } else lines.push(p, "", "");
  });
  lines.push(ctx.rng.pick(ctx.templates.ar.related_labels), ...relatedHeadlines(ctx, "ar", ctx.rng.int(3, 8)).map((h) => `  • ${h}`), "");
  if (ctx.rng.chance(0.5)) lines.push(...ctx.templates.ar.comment_form, "");
  lines.push(...footer(ctx, "ar", doc.outlet, new Date(seen).getUTCFullYear()));
  return { text: lines.join("\n"), html: false, datelines: [dateline] };
};

/** An aggregator: "outlet:" and a crawl stamp, then per article a headline, "تاريخ النشر: …", headline again, body. */
const aggregator: Layout = (docs, ctx) => {
  const first = docs[0]!;
  const crawl = first.time + ctx.rng.int(30, 400) * 86_400_000;
  const lines: string[] = [`${first.outlet}:`, `${new Date(crawl).toISOString().slice(0, 19).replace("T", "@")} GMT`, ""];
  const datelines: Array<string | null> = [];
  for (const doc of docs) {
    lines.push(doc.title, "");
    if (doc.dated) lines.push(arPublished(doc, ctx, 7), "");
    lines.push(doc.title, "");
    const dl = ctx.rng.chance(0.3) ? doc.city : null;
    datelines.push(dl);
    doc.body.forEach((p, i) => lines.push(i === 0 && dl ? `${dl} - ${p}` : p, ""));
    if (doc.author && ctx.rng.chance(0.5)) lines.push(`بقلم: ${doc.author}`, "");
    lines.push("");
  }
  lines.push(ctx.rng.pick(ctx.templates.ar.related_labels), ...relatedHeadlines(ctx, "ar", ctx.rng.int(4, 10)).map((h) => `  • ${h}`));
  return { text: lines.join("\n"), html: false, datelines };
};

/** A summary-first page: bullet summary, then the body one paragraph per line with no blank lines; date last. */
const summary: Layout = (docs, ctx) => {
  const doc = docs[0]!;
  const lines: string[] = [ctx.templates.ar.summary_label];
  for (const p of doc.body.slice(0, 2)) lines.push(`- **${ctx.rng.pick(ctx.templates.ar.topics)}**: ${p.split("،")[0]}.`);
  lines.push(...doc.body);
  if (doc.dated) lines.push(arPublished(doc, ctx));
  return { text: lines.join("\n"), html: false, datelines: [null] };
};

/** A regional portal: local clock header, headline, deck, caption without credit, "city ـ name", body, dated teasers. */
const regional: Layout = (docs, ctx) => {
  const doc = docs[0]!;
  const lines: string[] = [`توقيت ${doc.city} المحلي ${pad2(ctx.rng.int(0, 23))}:${pad2(ctx.rng.int(0, 59))}:00 آخر تحديث`, `  ${doc.outlet} -`, "", doc.title, ""];
  if (doc.subtitle) lines.push(doc.subtitle, "", `  ${doc.outlet} - ${doc.subtitle}`, "");
  for (const c of doc.captions.slice(0, 1)) lines.push(c.text);
  lines.push(doc.author ? `${doc.city} ـ ${doc.author}` : `${doc.city} ـ ${doc.outlet}`, "");
  if (doc.dated) lines.push(arPublished(doc, ctx), "");
  for (const p of doc.body) lines.push(` ${p}`, "");
  for (const h of relatedHeadlines(ctx, "ar", ctx.rng.int(2, 5))) {
    const t = doc.time - ctx.rng.int(1, 300) * 86_400_000;
    lines.push(formatDate(ctx.templates.dates.ar_header[3]!, t, "ar", ctx.templates), "", h, "");
  }
  lines.push(...footer(ctx, "ar", doc.outlet, new Date(doc.time).getUTCFullYear()));
  return { text: lines.join("\n"), html: false, datelines: [doc.city] };
};

/** An English wire page: navigation, headline, "By …", date, caption, "CITY, Mon d (Tag) - " dateline, Related, ©. */
const wire: Layout = (docs, ctx) => {
  const vocab = ctx.templates.en;
  const lines: string[] = [docs[0]!.outlet, ...vocab.nav.filter(() => ctx.rng.chance(0.7)), ""];
  const datelines: Array<string | null> = [];
  for (const doc of docs) {
    lines.push(`${ctx.rng.pick(vocab.sections)} · Latest coverage`, "", doc.title);
    if (doc.subtitle) lines.push(doc.subtitle);
    if (doc.author) lines.push(`By ${doc.author}`);
    if (doc.dated) lines.push(enPublished(doc, ctx));
    lines.push("");
    for (const c of captionLines(doc, false)) lines.push(c, ctx.rng.pick(vocab.share));
    lines.push("");
    const tag = ctx.rng.pick(vocab.wire_tags);
    const stamp = doc.dated ? `, ${ctx.templates.months.english_short[new Date(doc.time).getUTCMonth()]} ${new Date(doc.time).getUTCDate()}` : "";
    datelines.push(doc.city);
    doc.body.forEach((p, i) => {
      lines.push(i === 0 ? `${doc.city}${stamp} ${tag} - ${p}` : p, "");
      if (i === 2 && ctx.rng.chance(0.5)) lines.push("Advertisement · Scroll to continue", "");
    });
    lines.push("");
  }
  lines.push(ctx.rng.pick(vocab.related_labels), ...relatedHeadlines(ctx, "en", ctx.rng.int(3, 6)), "");
  lines.push(...footer(ctx, "en", docs[0]!.outlet, new Date(docs[0]!.time).getUTCFullYear()));
  return { text: lines.join("\n"), html: false, datelines };
};

/** An English outlet page: masthead, nav, section, headline, "By outlet", date, share line, comment form. */
const observer: Layout = (docs, ctx) => {
  const doc = docs[0]!;
  const vocab = ctx.templates.en;
  const lines: string[] = [`The ${doc.outlet}`.replace(/^The The /, "The "), vocab.nav[0]!, vocab.nav[2]!, "", ctx.rng.pick(vocab.sections), doc.title, `By ${doc.author ?? doc.outlet}`];
  if (doc.dated) lines.push(enPublished(doc, ctx));
  lines.push(vocab.share[0]!, "");
  for (const c of captionLines(doc, false)) lines.push(c, "");
  for (const p of doc.body) lines.push(p, "");
  lines.push(ctx.rng.pick(vocab.related_labels), ...relatedHeadlines(ctx, "en", ctx.rng.int(2, 5)), "");
  if (ctx.rng.chance(0.6)) lines.push(...vocab.comment_form, "");
  lines.push(...footer(ctx, "en", doc.outlet, new Date(doc.time).getUTCFullYear()));
  return { text: lines.join("\n"), html: false, datelines: [null] };
};

const escapeHtml = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** An HTML article page with JSON-LD `datePublished` (when dated), navigation, figure, aside and comment form. */
const html: Layout = (docs, ctx) => {
  const doc = docs[0]!;
  const ar = doc.lang === "ar";
  const vocab = ar ? ctx.templates.ar : ctx.templates.en;
  const offset = ctx.rng.pick(["+02:00", "+03:00", "+01:00", "Z"]);
  const d = new Date(doc.time);
  const stamp = `${d.toISOString().slice(0, 16)}:00${offset}`;
  const ld: Record<string, unknown> = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: doc.title,
    ...(doc.dated ? { datePublished: stamp } : {}),
    inLanguage: doc.lang,
    author: { "@type": doc.author ? "Person" : "Organization", name: doc.author ?? doc.outlet },
    publisher: { "@type": "Organization", name: doc.outlet },
  };
  const related = relatedHeadlines(ctx, doc.lang, ctx.rng.int(3, 6));
  const out = [
    "<!DOCTYPE html>",
    `<html lang="${doc.lang}" dir="${ar ? "rtl" : "ltr"}">`,
    "<head>",
    `<meta charset="utf-8">`,
    `<title>${escapeHtml(doc.title)} | ${escapeHtml(doc.outlet)}</title>`,
    `<meta property="og:site_name" content="${escapeHtml(doc.outlet)}">`,
    ...(doc.dated && ctx.rng.chance(0.5) ? [`<meta property="article:published_time" content="${stamp}">`] : []),
    `<script type="application/ld+json">${JSON.stringify(ld)}</script>`,
    `<script>window.dataLayer = window.dataLayer || []; window.dataLayer.push({"pageType":"article"});</script>`,
    `<style>.byline{color:#555}</style>`,
    "</head>",
    `<body class="single-post">`,
    `<header class="site-header"><nav><ul>${vocab.nav.slice(0, 6).map((n) => `<li><a href="/">${escapeHtml(n)}</a></li>`).join("")}</ul></nav></header>`,
    `<main id="main-content"><article>`,
    `<h1>${escapeHtml(doc.title)}</h1>`,
    ...(doc.subtitle ? [`<p class="deck">${escapeHtml(doc.subtitle)}</p>`] : []),
    `<div class="byline">${escapeHtml(doc.author ?? doc.outlet)}</div>`,
    ...(doc.dated ? [`<time datetime="${stamp}">${escapeHtml(ar ? arPublished(doc, ctx, 1) : enPublished(doc, ctx))}</time>`] : []),
    ...doc.captions.slice(0, 1).map((c) => `<figure><img src="/img/${doc.key}.jpg" alt=""><figcaption>${escapeHtml(`${c.text} ${c.credit}`)}</figcaption></figure>`),
    ...doc.body.map((p) => (p.length < 40 ? `<h2>${escapeHtml(p)}</h2>` : `<p>${escapeHtml(p)}</p>`)),
    `</article>`,
    `<aside class="related"><h2>${escapeHtml(ctx.rng.pick(vocab.related_labels))}</h2><ul>${related.map((h) => `<li><a href="#">${escapeHtml(h)}</a></li>`).join("")}</ul></aside>`,
    ...(ctx.rng.chance(0.5)
      ? [`<form class="comments"><h3>${escapeHtml(vocab.comment_form[0]!)}</h3><label>${escapeHtml(vocab.comment_form[1]!)}<input name="n"></label><textarea></textarea><button>${escapeHtml(vocab.comment_form[4]!)}</button></form>`]
      : []),
    `</main>`,
    `<footer>${footer(ctx, doc.lang, doc.outlet, d.getUTCFullYear()).map(escapeHtml).join(" | ")}</footer>`,
    "</body>",
    "</html>",
  ];
  return { text: out.join("\n"), html: true, datelines: [null] };
};

const LAYOUTS: Record<string, Layout> = { asharq, portal, aggregator, summary, regional, wire, observer, html };

/** Layout choices with weights, by language and by single/multi-article page. */
const LAYOUT_WEIGHTS = {
  ar: { single: { asharq: 25, portal: 20, aggregator: 12, summary: 10, regional: 15, html: 18 }, multi: { asharq: 60, aggregator: 40 } },
  en: { single: { wire: 40, observer: 30, html: 30 }, multi: { wire: 100 } },
} as const;

function chooseLayout(rng: Rng, lang: "ar" | "en", multi: boolean, avoid?: string): string {
  const table: Record<string, number> = { ...LAYOUT_WEIGHTS[lang][multi ? "multi" : "single"] };
  if (avoid && Object.keys(table).length > 1) delete table[avoid];
  const names = Object.keys(table);
  return names[rng.weighted(cumulate(names.map((n) => table[n]!)))]!;
}

// ---------------------------------------------------------------------------------------------------------------
// Corpus

interface PlannedPage {
  layout: string;
  lang: "ar" | "en";
  docs: ArticleDoc[];
  duplicate: boolean;
}

/** Encodes a page: UTF-8 mostly, sometimes with a BOM, CRLF line ends or (Arabic) Windows-1256. */
function encodePage(rng: Rng, rendered: Rendered, lang: "ar" | "en"): { bytes: Buffer; encoding: PageTruth["encoding"]; crlf: boolean } {
  let text = rendered.text + "\n";
  const crlf = !rendered.html && rng.chance(CRLF_SHARE);
  if (crlf) text = text.replace(/\n/g, "\r\n");
  if (lang === "ar" && rng.chance(CP1256_SHARE)) {
    const declared = rendered.html ? text.replace(`<meta charset="utf-8">`, `<meta charset="windows-1256">`) : text;
    const bytes = iconv.encode(declared, "win1256");
    if (iconv.decode(bytes, "win1256") === declared) return { bytes, encoding: "windows-1256", crlf };
  }
  if (rng.chance(BOM_SHARE)) return { bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]), encoding: "utf-8-bom", crlf };
  return { bytes: Buffer.from(text, "utf8"), encoding: "utf-8", crlf };
}

function bodyHash(doc: ArticleDoc): string {
  return createHash("sha256").update(`${doc.title}\n${doc.body.join("\n")}`).digest("hex");
}

/** Parsed knowledge bases, keyed by folder and the files' sizes and times (parsing takes a second or two). */
const actorCache = new Map<string, Actor[]>();

function loadPool(knowledgeDir: string, templates: Templates, rng: Rng): Pool {
  const actorsDir = join(knowledgeDir, "actors");
  let actors: Actor[] = [];
  if (existsSync(actorsDir)) {
    const stamp = readdirSync(actorsDir)
      .sort()
      .map((f) => {
        const st = statSync(join(actorsDir, f));
        return `${f}:${st.size}:${st.mtimeMs}`;
      })
      .join("|");
    const key = `${actorsDir}\0${stamp}`;
    actors = actorCache.get(key) ?? loadActors(actorsDir);
    actorCache.set(key, actors);
  }
  return buildPool(actors, templates, rng);
}

/** Copies the knowledge base (`actors/`, `countries/`, `site.yaml`, whichever exist) into the content folder. */
export function copyKnowledgeBase(knowledgeDir: string, dir: string): string[] {
  const copied: string[] = [];
  for (const name of ["actors", "countries", "site.yaml"]) {
    const from = join(knowledgeDir, name);
    if (!existsSync(from)) continue;
    cpSync(from, join(dir, name), { recursive: true });
    copied.push(name);
  }
  return copied;
}

/** Generates the corpus into `<dir>/inbox/` (plus the knowledge base and `corpus.json`) and returns its summary. */
export function generateCorpus(options: GenerateOptions): CorpusSummary {
  const seed = String(options.seed);
  const knowledgeDir = options.knowledgeDir ?? join(ROOT, "content");
  const templates = loadTemplates();
  const rng = new Rng(`${seed}/corpus`);
  const pool = loadPool(knowledgeDir, templates, new Rng(`${seed}/pool`));

  // Plan: articles in groups (one page each), then copies of a few articles in other files.
  const seen = new Set<string>();
  const planned: PlannedPage[] = [];
  const docs: ArticleDoc[] = [];
  let made = 0;
  const nextDoc = (lang: "ar" | "en"): ArticleDoc => {
    for (;;) {
      const key = `a${String(made).padStart(6, "0")}`;
      const doc = composeArticle(key, rng, pool, templates, lang);
      const h = bodyHash(doc);
      if (seen.has(h)) continue;
      seen.add(h);
      made++;
      docs.push(doc);
      return doc;
    }
  };
  while (made < options.articles) {
    const lang = rng.chance(ENGLISH_SHARE) ? "en" : "ar";
    const left = options.articles - made;
    const size = left >= 2 && rng.chance(MULTI_SHARE) ? Math.min(left, rng.int(2, 6)) : 1;
    const group = Array.from({ length: size }, () => nextDoc(lang));
    planned.push({ layout: chooseLayout(rng, lang, size > 1), lang, docs: group, duplicate: false });
  }
  const copies = options.articles >= 10 ? Math.round(options.articles * DUPLICATE_SHARE) : 0;
  for (let i = 0; i < copies; i++) {
    const original = rng.pick(docs);
    const page = planned.find((p) => p.docs.includes(original))!;
    const vocab = original.lang === "ar" ? templates.ar : templates.en;
    const copy: ArticleDoc = { ...original, outlet: rng.pick(vocab.outlets), author: rng.chance(0.5) ? original.author : null };
    planned.push({ layout: chooseLayout(rng, original.lang, false, page.layout), lang: original.lang, docs: [copy], duplicate: true });
  }
  // Interleave copies with the rest, as a scraper would deliver them.
  rng.shuffle(planned);

  // Render, then write in one place.
  const ctx: LayoutContext = { rng, templates, pool };
  const truth = new Map<string, ArticleTruth>();
  const pages: PageTruth[] = [];
  const writes: Array<{ file: string; bytes: Buffer }> = [];
  planned.forEach((page, i) => {
    const rendered = LAYOUTS[page.layout]!(page.docs, ctx);
    const { bytes, encoding, crlf } = encodePage(rng, rendered, page.lang);
    const hash = createHash("sha256").update(bytes).digest("hex").slice(0, 16);
    // A few files carry the outlet's name, spaces included, as scrapers sometimes save them.
    const stem = rng.chance(ODD_NAME_SHARE) ? `${String(i).padStart(6, "0")} ${page.docs[0]!.outlet} ${hash.slice(0, 8)}` : `${String(i).padStart(6, "0")}_${hash}`;
    const file = `${stem}.${rendered.html ? "html" : "txt"}`;
    writes.push({ file, bytes });
    pages.push({ file, layout: page.layout, lang: page.lang, articles: page.docs.map((d) => d.key), encoding, crlf, duplicate: page.duplicate });
    page.docs.forEach((doc, j) => {
      const t = truth.get(doc.key);
      if (t) {
        t.files.push(file);
        return;
      }
      truth.set(doc.key, {
        key: doc.key,
        lang: doc.lang,
        title: doc.title,
        source: doc.outlet,
        author: doc.author,
        dateline: rendered.datelines[j] ?? null,
        published: doc.dated ? isoDay(doc.time) : null,
        actors: [...doc.actors].sort(),
        countries: [...doc.countries].sort(),
        paragraphs: doc.body.length,
        files: [file],
      });
    });
  });

  const inbox = join(options.dir, "inbox");
  mkdirSync(inbox, { recursive: true });
  copyKnowledgeBase(knowledgeDir, options.dir);
  for (const w of writes) writeFileSync(join(inbox, w.file), w.bytes);

  const count = (keyOf: (p: PageTruth) => string) =>
    pages.reduce<Record<string, number>>((acc, p) => ((acc[keyOf(p)] = (acc[keyOf(p)] ?? 0) + 1), acc), {});
  const truthList = [...truth.values()].sort((a, b) => a.key.localeCompare(b.key));
  const summary: CorpusSummary = {
    seed,
    articles: truthList.length,
    duplicates: copies,
    files: pages.length,
    bytes: writes.reduce((n, w) => n + w.bytes.length, 0),
    byLang: truthList.reduce<Record<string, number>>((acc, t) => ((acc[t.lang] = (acc[t.lang] ?? 0) + 1), acc), {}),
    byLayout: count((p) => p.layout),
    multiArticlePages: pages.filter((p) => p.articles.length > 1).length,
    undatedArticles: truthList.filter((t) => t.published === null).length,
    htmlPages: pages.filter((p) => p.file.endsWith(".html")).length,
    actorsInKnowledgeBase: pool.kbSize,
    actorsUsed: new Set(truthList.flatMap((t) => t.actors)).size,
    pages,
    truth: truthList,
  };
  writeFileSync(join(options.dir, "corpus.json"), `${JSON.stringify(summary)}\n`);
  return summary;
}

/**
 * Writes one more single-article Arabic page (for the incremental-rebuild measurement) and returns its file name.
 * Distinct from the corpus and from other extra pages (its own seed stream).
 */
export function generateExtraPage(options: { seed: number | string; dir: string; index: number; knowledgeDir?: string }): string {
  const seed = String(options.seed);
  const templates = loadTemplates();
  const rng = new Rng(`${seed}/extra/${options.index}`);
  const pool = loadPool(options.knowledgeDir ?? join(ROOT, "content"), templates, new Rng(`${seed}/pool`));
  const doc = composeArticle(`x${String(options.index).padStart(6, "0")}`, rng, pool, templates, "ar");
  doc.dated = true;
  const rendered = asharq([doc], { rng, templates, pool });
  const bytes = Buffer.from(`${rendered.text}\n`, "utf8");
  const file = `extra_${String(options.index).padStart(3, "0")}_${createHash("sha256").update(bytes).digest("hex").slice(0, 16)}.txt`;
  mkdirSync(join(options.dir, "inbox"), { recursive: true });
  writeFileSync(join(options.dir, "inbox", file), bytes);
  return file;
}
