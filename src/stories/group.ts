/**
 * Grouping articles into stories: one news development as reported across outlets, languages and days.
 *
 * Deterministic and incremental:
 * 1. Articles that already carry a story keep it; every other article is placed in order of (day, id), so a
 *    story's first article comes first and the story takes its id (ties: the smallest id). Stored articles are
 *    read only when they are within the window of a new one.
 * 2. Blocking: an article is compared only with placed articles within `GROUP.windowDays` days that share a key
 *    with it (an actor or place id, a name skeleton, an event concept or one of its rarer words), looked up in a
 *    per-day index, and only with the `GROUP.maxCandidates` sharing the most keys: never all pairs of the corpus.
 * 3. Evidence for a pair: text similarity (tf-idf cosine over clitic-aware normalised words in one language; over
 *    consonant skeletons of names and event concepts across Arabic and English), shared actors and places, shared
 *    figures, less a penalty when one leads with a development (a hearing, a vote) the other never names. A pair
 *    links when its score clears the join bar, which rises with the days between the two.
 * 4. The article joins the story of its strongest link; stories of this run that it also links merge into the
 *    earliest. A stored story is never renamed or merged, and no story spans more than `GROUP.maxSpanDays`.
 */
import { features, type Features, type StoryInput } from "./features.ts";
import { storiesLexicon, type StoriesLexicon } from "./lexicon.ts";
import { GROUP } from "./settings.ts";

export type { StoryInput } from "./features.ts";

/** A weighted sparse vector with its norm. */
interface Vector {
  /** Term numbers, ascending. */
  ids: Int32Array;
  weights: Float64Array;
  norm: number;
}

export interface Node {
  f: Features;
  words: Vector;
  /** Name skeletons and event concepts: what an Arabic and an English article can share. */
  cross: Vector;
  entities: Vector;
  /** The term numbers this article is indexed and looked up under. */
  keys: number[];
  story: string | undefined;
}

/**
 * Story id per article id. `articles` may list copies of one article (same id) and articles already assigned
 * (`story` set, kept); every other article joins an existing story or starts its own.
 */
export function groupStories(articles: readonly StoryInput[], lexicon: StoriesLexicon = storiesLexicon()): Map<string, string> {
  const byId = new Map<string, StoryInput>();
  for (const a of articles) {
    const known = byId.get(a.id);
    if (!known || (!known.story && a.story)) byId.set(a.id, a);
  }
  const result = new Map<string, string>();
  const fresh = [...byId.values()].filter((a) => !a.story);
  if (fresh.length === 0) {
    for (const a of byId.values()) result.set(a.id, a.story!);
    return result;
  }
  // Only articles within the window of a new article can matter: assigned ones further away are not read.
  const freshDays = new Set<number | null>();
  const considered: StoryInput[] = [];
  for (const a of fresh) freshDays.add(dayOfInput(a));
  const near = (day: number | null): boolean => {
    if (day === null) return freshDays.has(null);
    for (let d = day - GROUP.windowDays; d <= day + GROUP.windowDays; d++) if (freshDays.has(d)) return true;
    return false;
  };
  for (const a of byId.values()) {
    if (a.story) {
      result.set(a.id, a.story);
      if (!near(dayOfInput(a))) continue;
    }
    considered.push(a.load ? a.load() : a);
  }

  const nodes = buildNodes(considered, lexicon);

  // per-day index of placed articles: day → key → nodes
  const index = new Map<number | null, Map<number, Node[]>>();
  const place = (node: Node): void => {
    let byKey = index.get(node.f.day);
    if (!byKey) index.set(node.f.day, (byKey = new Map()));
    for (const k of node.keys) {
      const list = byKey.get(k);
      if (!list) byKey.set(k, [node]);
      else if (list.length < GROUP.maxPosting) list.push(node);
    }
  };
  const stories = new StoryUnion();
  for (const a of byId.values()) if (a.story) stories.addStored(a.story, dayOfInput(a));
  for (const node of nodes) if (node.story) place(node);

  const order = nodes.filter((node) => !node.story).sort(byDayThenId);
  for (const node of order) {
    // count the keys each placed article in the window shares, then score only the best-sharing few
    const hits = new Map<Node, number>();
    const days = node.f.day === null ? [null] : range(node.f.day - GROUP.windowDays, node.f.day + GROUP.windowDays);
    for (const day of days) {
      const byKey = index.get(day);
      if (!byKey) continue;
      for (const k of node.keys) {
        const list = byKey.get(k);
        if (list) for (const other of list) hits.set(other, (hits.get(other) ?? 0) + 1);
      }
    }
    const candidates = [...hits].sort((x, y) => y[1] - x[1] || (x[0].f.id < y[0].f.id ? -1 : 1)).slice(0, GROUP.maxCandidates);
    // every story this article clears the bar with: the article links them, so stories started in this run merge
    // (under the earliest); a stored story is never renamed, so two stored stories stay apart
    // (a story never spans more than `maxSpanDays`: a new day's report of a long affair is a new development)
    const links: Array<{ root: string; margin: number; id: string }> = [];
    for (const [other] of candidates) {
      const gap = node.f.day === null || other.f.day === null ? 0 : Math.abs(node.f.day - other.f.day);
      const margin = pairScore(node, other) - (GROUP.joinScore + GROUP.perDay * gap);
      if (margin < 0) continue;
      const root = stories.find(other.story!);
      if (stories.fits(root, node.f.day)) links.push({ root, margin, id: other.f.id });
    }
    // strongest link first (ties: the smaller article id); stored stories before new ones
    links.sort((x, y) => Number(stories.isStored(y.root)) - Number(stories.isStored(x.root)) || y.margin - x.margin || (x.id < y.id ? -1 : 1));
    let story = links[0]?.root;
    if (story === undefined) stories.add((story = node.f.id), node.f.day);
    else {
      stories.extend(story, node.f.day);
      for (const { root } of links.slice(1)) if (!stories.isStored(root) && stories.fitsTogether(story, root)) story = stories.union(story, root);
    }
    node.story = story;
    place(node);
  }
  for (const node of order) result.set(node.f.id, stories.find(node.story!));
  return result;
}

/**
 * Stories as a union-find: stories started in this run may merge (the root is the one started first, i.e. with the
 * earliest first article); stored stories are roots for good.
 */
class StoryUnion {
  private readonly parent = new Map<string, string>();
  private readonly rank = new Map<string, number>();
  private readonly stored = new Set<string>();
  /** First and last day of each root story's dated articles. */
  private readonly span = new Map<string, [number, number]>();

  addStored(id: string, day: number | null): void {
    this.stored.add(id);
    this.extend(id, day);
  }
  add(id: string, day: number | null): void {
    if (!this.rank.has(id)) this.rank.set(id, this.rank.size);
    this.extend(id, day);
  }
  isStored(id: string): boolean {
    return this.stored.has(id);
  }
  extend(root: string, day: number | null): void {
    if (day === null) return;
    const s = this.span.get(root);
    if (!s) this.span.set(root, [day, day]);
    else this.span.set(root, [Math.min(s[0], day), Math.max(s[1], day)]);
  }
  /** True when an article of `day` keeps the story within `GROUP.maxSpanDays`. */
  fits(root: string, day: number | null): boolean {
    const s = this.span.get(root);
    return !s || day === null || Math.max(s[1], day) - Math.min(s[0], day) <= GROUP.maxSpanDays;
  }
  fitsTogether(a: string, b: string): boolean {
    const sa = this.span.get(a);
    const sb = this.span.get(b);
    return !sa || !sb || Math.max(sa[1], sb[1]) - Math.min(sa[0], sb[0]) <= GROUP.maxSpanDays;
  }
  find(id: string): string {
    let root = id;
    for (let up = this.parent.get(root); up !== undefined; up = this.parent.get(root)) root = up;
    for (let at = id; at !== root; ) {
      const up = this.parent.get(at)!;
      this.parent.set(at, root);
      at = up;
    }
    return root;
  }
  /** Merges two stories and returns the surviving id (a stored one, else the one started first). */
  union(a: string, b: string): string {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return ra;
    if (this.stored.has(ra) && this.stored.has(rb)) return ra;
    const keep = this.stored.has(ra) ? ra : this.stored.has(rb) ? rb : this.rank.get(ra)! <= this.rank.get(rb)! ? ra : rb;
    const gone = keep === ra ? rb : ra;
    this.parent.set(gone, keep);
    const s = this.span.get(gone);
    if (s) {
      this.extend(keep, s[0]);
      this.extend(keep, s[1]);
    }
    return keep;
  }
}

/** The parts of a pair's evidence, for calibration and tests. */
export function pairEvidence(a: Node, b: Node): ReturnType<typeof evidence> & { score: number } {
  return { ...evidence(a, b), score: pairScore(a, b) };
}

/** Features and weighted vectors of `articles`, word weights from how many of them use each word. */
export function buildNodes(articles: readonly StoryInput[], lexicon: StoriesLexicon = storiesLexicon()): Node[] {
  const feats = articles.map((a) => features(a, lexicon));
  // Terms are renumbered in order of first use over the articles sorted by id: the numbers (which break ties
  // between equally weighted keys) then depend on these articles only, not on what the process saw before.
  const local = new Map<number, number>();
  const df: number[] = [];
  const renumber = (id: number): number => {
    let k = local.get(id);
    if (k === undefined) {
      local.set(id, (k = local.size));
      df.push(0);
    }
    return k;
  };
  const canonical = feats.map((_, i) => i).sort((x, y) => (feats[x]!.id < feats[y]!.id ? -1 : feats[x]!.id > feats[y]!.id ? 1 : x - y));
  const terms: Array<{ words: Array<[number, number]>; cross: Array<[number, number]>; entities: Array<[number, number]> }> = new Array(feats.length);
  for (const i of canonical) {
    const f = feats[i]!;
    const t = {
      words: [...f.words].map(([id, count]): [number, number] => [renumber(id), count]),
      cross: [...f.cross].map((id): [number, number] => [renumber(id), 1]),
      entities: [...f.entities].map((id): [number, number] => [renumber(id), 1]),
    };
    for (const list of [t.words, t.cross, t.entities]) for (const [k] of list) df[k]!++;
    terms[i] = t;
  }
  const n = feats.length;
  const idf = (id: number): number => Math.log((n + 1) / (df[id]! + 1)) + 1;
  return feats.map((f, i) => {
    const words = vector(terms[i]!.words, idf, true);
    const cross = vector(terms[i]!.cross, idf, false);
    const entities = vector(terms[i]!.entities, idf, false);
    return { f, words, cross, entities, keys: blockingKeys(entities, words, cross, df), story: articles[i]!.story };
  });
}

/** Evidence that two articles report the same development (0 = none). */
function pairScore(a: Node, b: Node): number {
  const e = evidence(a, b);
  return e.text + GROUP.entityWeight * e.entities + GROUP.numberWeight * e.figures - (e.development ? GROUP.developmentPenalty : 0);
}

function evidence(a: Node, b: Node): { text: number; entities: number; figures: number; development: boolean } {
  const text = a.f.lang === b.f.lang ? cosine(a.words, b.words) : cosine(a.cross, b.cross);
  // one or two shared ids (a capital, one organisation) say less than their cosine between two short sets
  let shared = 0;
  for (const k of a.f.entities) if (b.f.entities.has(k)) shared++;
  const entities = cosine(a.entities, b.entities) * Math.min(1, shared / GROUP.fullEntities);
  let figures = 0;
  for (const x of a.f.figures) if (b.f.figures.has(x)) figures = 1;
  // a development one article leads with and the other never names: a new step (the hearing after the attack)
  const development = newStep(a.f, b.f) || newStep(b.f, a.f);
  return { text, entities, figures, development };
}

/** `a` leads with development concepts of which `b` names none (directly or by a concept naming it). */
function newStep(a: Features, b: Features): boolean {
  if (a.leads.size === 0) return false;
  for (const c of a.leads) if (b.steps.has(c)) return false;
  return true;
}

/** A weighted vector over term numbers, sorted by term. */
function vector(terms: Array<[number, number]>, idf: (id: number) => number, counted: boolean): Vector {
  terms.sort((x, y) => x[0] - y[0]);
  const ids = new Int32Array(terms.length);
  const weights = new Float64Array(terms.length);
  let sum = 0;
  terms.forEach(([id, count], k) => {
    // sub-linear term frequency: a word repeated in a long lead is not proportionally more telling
    const w = (counted ? 1 + Math.log(count) : 1) * idf(id);
    ids[k] = id;
    weights[k] = w;
    sum += w * w;
  });
  return { ids, weights, norm: Math.sqrt(sum) };
}

function cosine(a: Vector, b: Vector): number {
  if (!a.norm || !b.norm) return 0;
  let dot = 0;
  let i = 0;
  let j = 0;
  const ai = a.ids;
  const bi = b.ids;
  while (i < ai.length && j < bi.length) {
    const x = ai[i]!;
    const y = bi[j]!;
    if (x === y) dot += a.weights[i++]! * b.weights[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return dot / (a.norm * b.norm);
}

/** Keys to block on: every entity, and the rarer words and skeletons (common ones would list everything). */
function blockingKeys(entities: Vector, words: Vector, cross: Vector, df: number[]): number[] {
  const keys = [...entities.ids];
  const rare = (v: Vector): void => {
    // a word no other article has cannot find a partner: the highest-weighted shared ones are the keys
    const shared: number[] = [];
    for (let k = 0; k < v.ids.length; k++) if (df[v.ids[k]!]! > 1) shared.push(k);
    shared.sort((x, y) => v.weights[y]! - v.weights[x]! || v.ids[x]! - v.ids[y]!);
    for (const k of shared.slice(0, GROUP.blockTerms)) keys.push(v.ids[k]!);
  };
  rare(words);
  rare(cross);
  return keys;
}

function byDayThenId(a: Node, b: Node): number {
  const da = a.f.day ?? Number.POSITIVE_INFINITY;
  const db = b.f.day ?? Number.POSITIVE_INFINITY;
  return da - db || (a.f.id < b.f.id ? -1 : a.f.id > b.f.id ? 1 : 0);
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let d = from; d <= to; d++) out.push(d);
  return out;
}

function dayOfInput(a: StoryInput): number | null {
  const date = a.published ?? a.seen;
  if (!date) return null;
  const t = Date.parse(`${date.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(t) ? null : Math.round(t / 86_400_000);
}
