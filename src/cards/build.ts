/**
 * All the cards of a build, rendered in parallel and cached.
 *
 * Stages: plan (pure: validate specs, compute each card's cache key and paths) → place cached cards (a hard link to
 * the published copy of `<cacheDir>/cards/<key>.png`, see `place`) → render the rest on a pool of worker threads → write each new
 * PNG to the cache, then place it (a cache that cannot be written costs only speed). Every write is a temporary file renamed into place, so an
 * interrupted build never leaves a truncated PNG in the cache or in `dist/`.
 *
 * The cache key covers everything that changes a card's pixels: the spec, TEMPLATE_VERSION, the bytes of the
 * font files and the versions of satori, resvg, harfbuzzjs and bidi-js. An unchanged rebuild renders nothing.
 */
import { createHash } from "node:crypto";
import { existsSync, linkSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, type BigIntStats, type Stats } from "node:fs";
import { availableParallelism } from "node:os";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { copyFileAtomic, removeStaleTemps, writeFileAtomic, writeFileAtomicAsync } from "../lib/atomic.ts";
import type { CarryOver } from "../lib/carry-over.ts";
import { CardSpec, type CardSpecInput } from "../schemas/card.ts";
import { cacheValueBytes, readCacheValue } from "../lib/cache.ts";
import { moduleVersion } from "../lib/code-version.ts";
import { z } from "zod";
import { FONT_FILES, TEMPLATE_VERSION } from "./version.ts";
import type { FromWorker, ToWorker } from "./worker.ts";

export interface RenderCardsOptions {
  /** Site output folder (`dist`); cards go to `<outDir>/cards/<spec.path>.png`. */
  outDir: string;
  /** Cache folder; rendered cards are kept under `<cacheDir>/cards/<key>.png`. */
  cacheDir: string;
  /** Worker threads. Default: available cores. 0 renders on the calling thread (debugging, tiny runs). */
  workers?: number;
  /** Called after each card, cached or rendered. */
  onProgress?: (done: number, total: number) => void;
  /** Told once when rendered cards could not be written to the cache (a full disk): they are published anyway. */
  onCacheError?: (message: string) => void;
  /**
   * A rebuild staging only what changed (src/lib/carry-over.ts; `outDir` is then the staging folder): a cached card
   * the published site already has (its published copy, linked there by an earlier build) is carried over.
   */
  carry?: CarryOver;
  /**
   * More than FEW_CARDS to render wait for this to settle (the build's site stage, when the card stage starts during
   * it): a rebuild's few cards render while Astro renders pages, but a first build's thousands would add their
   * workers' CPU and memory to Astro's. The cached cards are placed meanwhile.
   */
  manyAfter?: Promise<unknown>;
}

export interface RenderCardsResult {
  total: number;
  rendered: number;
  cached: number;
  seconds: number;
}

/** Smallest batch worth one more worker (start-up ≈ 0.5 s of CPU, a card ≈ 25 ms, all threads counted). */
const CARDS_PER_WORKER = 8;
/**
 * Most cards rendered before `manyAfter` settles: about 1.5 s of CPU, what the other CPU has to spare while Astro
 * renders a one-article rebuild's pages (3–4 s at 10,000 articles); a rebuild renders a dozen or two.
 */
const FEW_CARDS = 64;

/** The libraries whose versions change the rendering. */
const RENDER_PACKAGES = ["satori", "@resvg/resvg-js", "harfbuzzjs", "bidi-js"];

/** Version of an installed package, from the package.json above its entry point (some packages do not export it). */
function packageVersion(name: string): string {
  let dir = dirname(fileURLToPath(import.meta.resolve(name)));
  while (dir !== dirname(dir)) {
    const file = join(dir, "package.json");
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
      if (pkg.name === name) return pkg.version ?? "0";
    }
    dir = dirname(dir);
  }
  return "unknown";
}

let fingerprint: string | undefined;

/** Everything but the spec that goes into a cache key, computed once per process. */
export function renderFingerprint(): string {
  if (!fingerprint) {
    const hash = createHash("sha256");
    hash.update(`template ${TEMPLATE_VERSION}\n`);
    for (const [kind, weights] of Object.entries(FONT_FILES))
      for (const [weight, file] of Object.entries(weights))
        hash.update(`font ${kind} ${weight} ${createHash("sha256").update(readFileSync(file)).digest("hex")}\n`);
    for (const name of RENDER_PACKAGES) hash.update(`package ${name} ${packageVersion(name)}\n`);
    fingerprint = hash.digest("hex");
  }
  return fingerprint;
}

/**
 * JSON with every object's keys sorted, at every depth (a replacer list of the top-level keys would also filter the
 * keys of nested objects, such as the palette's). A flat spec serialises exactly as it did with that list.
 */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/** Cache key of one card: the fingerprint and the spec (palette included) with its keys in a fixed order. */
export function cacheKey(spec: CardSpec): string {
  const canonical = canonicalJson(spec);
  return createHash("sha256").update(renderFingerprint()).update(canonical).digest("hex").slice(0, 32);
}

interface PlannedCard {
  /** The validated spec; for a card planned from the memo (`CardPlans`), parsed only when asked for (to render it). */
  readonly spec: CardSpec;
  /** Its path as the spec gives it (`spec.path`). */
  path: string;
  key: string;
  cacheFile: string;
  /** Its path in the site, `cards/<spec.path>.png`. */
  rel: string;
  outFile: string;
}

/**
 * A spec as the site stage wrote it (one line of JSON, see src/site/load.ts `writeCardSpecs`): planned through the
 * memo of earlier builds (`CardPlans`) without being parsed when its text is one seen before.
 */
export type WrittenSpec = string;

/**
 * What planning a written spec gave in earlier builds, by its text: the card's cache key and path. Planning is
 * parsing, validating and hashing every spec (0.6 s for 26,000 cards at 10,000 articles, most of a rebuild's card
 * stage); the same text always plans the same (for one renderer and one version of this code, `fingerprint`).
 */
const CardPlans = z.object({ fingerprint: z.string(), plans: z.map(z.string(), z.tuple([z.string(), z.string()])) });
type CardPlans = z.infer<typeof CardPlans>;
const PLANS_FILE = "card-plans.v8";

function plansFingerprint(): string {
  return `${renderFingerprint()} ${moduleVersion(import.meta.url) ?? "bundled"}`;
}

/** The memo of earlier plans in `cacheDir` (empty when missing, stale or unreadable: it only saves work). */
function readPlans(cacheDir: string): CardPlans["plans"] {
  const read = readCacheValue(join(cacheDir, PLANS_FILE), CardPlans);
  return typeof read !== "string" && read.data.fingerprint === plansFingerprint() ? read.data.plans : new Map();
}

/** Keeps the plans of this build's written specs (a write that fails costs only the next build's planning). */
function writePlans(cacheDir: string, plans: CardPlans["plans"]): void {
  try {
    writeFileAtomic(join(cacheDir, PLANS_FILE), cacheValueBytes({ fingerprint: plansFingerprint(), plans } satisfies CardPlans), { flush: false });
  } catch {
    // Planned again next time.
  }
}

/**
 * The share of a build's specs that may be missing from the memo before it is written again: a one-article rebuild
 * plans some 20 new specs of 26,000 (10,000 articles), and writing the 5 MB memo cost more (0.1-0.2 s) than planning
 * those again (about 25 µs each) in each of the following builds until a few hundred have gathered.
 */
const PLANS_MISSED_SHARE = 0.02;

/**
 * Whether the memo should be written again: more than a PLANS_MISSED_SHARE of this build's specs were not in it, or
 * more than as many of its plans are of specs no longer written (it would only grow).
 */
export function plansStale(memo: ReadonlyMap<string, unknown>, learnt: ReadonlyMap<string, unknown>): boolean {
  const allowed = learnt.size * PLANS_MISSED_SHARE;
  let missed = 0;
  for (const text of learnt.keys()) if (!memo.has(text) && ++missed > allowed) return true;
  return memo.size - (learnt.size - missed) > allowed;
}

/**
 * Pure planning: validated specs with their keys and paths. Two cards with one output path is an error. A written
 * spec whose text is in `memo` is not parsed (see `WrittenSpec`); `learnt` receives the plan of every written spec.
 */
export function planCards(
  inputs: ReadonlyArray<CardSpecInput | WrittenSpec>,
  opts: Pick<RenderCardsOptions, "outDir" | "cacheDir">,
  memo: ReadonlyMap<string, readonly [key: string, path: string]> = new Map(),
  learnt?: Map<string, [key: string, path: string]>,
): PlannedCard[] {
  const seen = new Set<string>();
  const json = (text: string, index: number): unknown => {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new Error(`card spec ${index + 1}: not JSON (${(error as Error).message})`);
    }
  };
  return inputs.map((input, index) => {
    const known = typeof input === "string" ? memo.get(input) : undefined;
    let parsed: CardSpec | undefined;
    let key: string;
    let path: string;
    if (known) [key, path] = known;
    else {
      parsed = CardSpec.parse(typeof input === "string" ? json(input, index) : input);
      [key, path] = [cacheKey(parsed), parsed.path];
    }
    if (typeof input === "string") learnt?.set(input, [key, path]);
    if (seen.has(path)) throw new Error(`two cards share the path "${path}": give each page its own card path`);
    seen.add(path);
    const rel = `cards/${path}.png`;
    return {
      get spec(): CardSpec {
        return (parsed ??= CardSpec.parse(json(input as string, index)));
      },
      path,
      key,
      cacheFile: join(opts.cacheDir, "cards", `${key}.png`),
      rel,
      outFile: join(opts.outDir, rel),
    };
  });
}

/**
 * A published copy is taken for its cache entry's when their modification times are this close: utimes stores the
 * time it is given with float rounding (whole milliseconds when given a Date), so an exact comparison re-copied about
 * one card in six on every build. A tool rewriting a published card does so long after the entry was written.
 */
const SAME_MTIME_MS = 1;

/** The folders a card stage has made already (one mkdir per folder, not per card). */
type MadeDirs = Set<string>;

/**
 * Puts a cached PNG at `dest` as a hard link to its published copy `<pool>/<key>.png`, a copy of the cache entry
 * made once, or as a plain copy where a link cannot be made (another file system). Copying every card was the card
 * stage's largest cost on a rebuild: 12.8 s for 22,000 cards against 1.6 s linked (ext4, 68 KB files). The cache
 * entry itself is never linked: a tool that rewrites a published card in place changes the published copy, not the
 * cache, and the next build sees it (its modification time is no longer the cache entry's) and copies the entry
 * again. `entry` is the cache entry's stat when the caller has it.
 */
function place(cacheFile: string, dest: string, pool: string, made: MadeDirs, entry?: Stats, carry?: { over: CarryOver; rel: string }): void {
  const published = join(pool, basename(cacheFile));
  // The published copy's stat (bigint, as `carry` compares inodes) serves both checks: one stat a card, not two.
  let copy: BigIntStats | undefined;
  try {
    entry ??= statSync(cacheFile);
    copy = statSync(published, { bigint: true });
    if (Math.abs(Number(copy.mtimeNs) / 1e6 - entry.mtimeMs) >= SAME_MTIME_MS || Number(copy.size) !== entry.size) throw new Error("changed");
  } catch {
    copy = undefined;
    try {
      copyFileAtomic(cacheFile, published);
      entry = statSync(cacheFile);
      // Seconds as a number (not a Date, which is rounded to the millisecond): the copy gets the entry's time.
      utimesSync(published, entry.atimeMs / 1000, entry.mtimeMs / 1000);
    } catch {
      copyFileAtomic(cacheFile, dest);
      return;
    }
  }
  if (carry?.over.carry(carry.rel, published, copy)) return;
  const dir = dirname(dest);
  if (!made.has(dir)) {
    mkdirSync(dir, { recursive: true });
    made.add(dir);
  }
  // The build writes into a new staging folder, so the card is usually not there yet: a link made at its name is
  // atomic by itself. Only a card already there is replaced through a temporary name.
  try {
    linkSync(published, dest);
    return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") {
      copyFileAtomic(cacheFile, dest);
      return;
    }
  }
  const temp = `${dest}.link-${process.pid}`;
  try {
    linkSync(published, temp);
  } catch {
    rmSync(temp, { force: true });
    copyFileAtomic(cacheFile, dest);
    return;
  }
  try {
    renameSync(temp, dest);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * resvg-js brings its own allocator, mimalloc, which by default hands freed memory back to the OS 10 ms after
 * it is freed. A card frees its 3 MB canvas and PNG buffers and allocates them again tens of ms later, so it
 * writes to fresh pages, and page faults are dear on this kind of VM (≈ 10 µs each). Measured with 200 cards on
 * one worker (which already runs a GC after each card, see worker.ts): ≈ 140 faults per card instead of ≈ 400,
 * ≈ 3–4 ms of CPU less per card. mimalloc reads its options from the environment once, when the addon is loaded,
 * so the purge delay is set to "never" just before the workers load resvg and the environment is put back once
 * they are ready. A worker keeps what it allocated at its peak (a few canvases) until it exits. If resvg is
 * already loaded in this process (or the variable is set), this changes nothing.
 */
const PURGE_DELAY = "MIMALLOC_PURGE_DELAY";

function tuneNativeAllocator(): () => void {
  const before = process.env[PURGE_DELAY];
  if (before !== undefined) return () => {};
  process.env[PURGE_DELAY] = "-1";
  let restored = false;
  return () => {
    if (!restored) delete process.env[PURGE_DELAY];
    restored = true;
  };
}

/** Cards sent ahead to each worker: one being drawn, one waiting in the worker, so it never idles between two. */
const DEPTH = 2;

interface Job {
  id: number;
  spec: CardSpec;
  resolve: (png: Uint8Array) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  inFlight: Map<number, Job>;
  alive: boolean;
}

/** A fixed-size pool of render workers; `render` resolves with the PNG of one spec. */
class RenderPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 0;

  constructor(size: number) {
    const restore = tuneNativeAllocator();
    let pending = size;
    const started = () => {
      if (--pending === 0) restore();
    };
    for (let i = 0; i < size; i++) {
      const worker = new Worker(new URL("./worker.ts", import.meta.url));
      const slot: Slot = { worker, inFlight: new Map(), alive: true };
      let ready = false;
      worker.on("message", (message: FromWorker) => {
        if ("ready" in message) {
          ready = true;
          started();
          return;
        }
        const job = slot.inFlight.get(message.id);
        if (!job) return;
        slot.inFlight.delete(message.id);
        if ("png" in message) job.resolve(message.png);
        else job.reject(new Error(message.error));
        this.pump();
      });
      const fail = (error: Error) => {
        if (!slot.alive) return;
        slot.alive = false;
        if (!ready) started();
        for (const job of slot.inFlight.values()) job.reject(error);
        slot.inFlight.clear();
        // No worker left: whatever is still queued can never render.
        if (!this.slots.some((s) => s.alive)) for (const job of this.queue.splice(0)) job.reject(error);
        else this.pump();
      };
      worker.on("error", fail);
      worker.on("exit", (code) => fail(new Error(`card render worker exited with code ${code}`)));
      this.slots.push(slot);
    }
  }

  /** Hands queued jobs to the live worker with the fewest cards in flight, up to DEPTH each. */
  private pump(): void {
    while (this.queue.length > 0) {
      let best: Slot | undefined;
      for (const slot of this.slots)
        if (slot.alive && slot.inFlight.size < DEPTH && (!best || slot.inFlight.size < best.inFlight.size)) best = slot;
      if (!best) return;
      const job = this.queue.shift() as Job;
      best.inFlight.set(job.id, job);
      best.worker.postMessage({ id: job.id, spec: job.spec } satisfies ToWorker);
    }
  }

  render(spec: CardSpec): Promise<Uint8Array> {
    return new Promise((resolve, reject) => {
      if (!this.slots.some((s) => s.alive)) return reject(new Error("no card render worker is running"));
      this.queue.push({ id: this.nextId++, spec, resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    for (const slot of this.slots) slot.alive = false;
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }
}

/**
 * Renders every card that is not cached, places all of them under `<outDir>/cards/`. A card that fails does not
 * stop the others; the call throws at the end, naming every failed card.
 */
export async function renderCards(specs: ReadonlyArray<CardSpecInput | WrittenSpec>, opts: RenderCardsOptions): Promise<RenderCardsResult> {
  const started = performance.now();
  const written = specs.some((s) => typeof s === "string");
  const memo = written ? readPlans(opts.cacheDir) : new Map<string, [string, string]>();
  const learnt = new Map<string, [string, string]>();
  const plan = planCards(specs, opts, memo, learnt);
  if (written && plansStale(memo, learnt)) writePlans(opts.cacheDir, learnt);
  removeStaleTemps(join(opts.cacheDir, "cards"));
  const publishedPool = join(opts.cacheDir, "cards-published");
  const made: MadeDirs = new Set();
  const total = plan.length;
  let done = 0;
  let cached = 0;
  const progress = () => opts.onProgress?.(++done, total);

  // Split first; the same key twice in one run (identical specs) renders once.
  const toRender = new Map<string, PlannedCard[]>();
  const hits: Array<{ card: PlannedCard; entry: Stats }> = [];
  for (const card of plan) {
    const entry = statSync(card.cacheFile, { throwIfNoEntry: false });
    if (entry) hits.push({ card, entry });
    else toRender.set(card.key, [...(toRender.get(card.key) ?? []), card]);
  }

  // Workers start now and load (≈ 0.5 s) while the cached cards are placed; a batch that waits for `manyAfter`
  // starts them after.
  // A worker costs about as much to start (satori, HarfBuzz, fonts) as rendering a couple of dozen cards, so a
  // small batch gets fewer workers: one per CARDS_PER_WORKER cards, up to the requested count.
  const size = Math.max(0, Math.min(opts.workers ?? availableParallelism(), Math.ceil(toRender.size / CARDS_PER_WORKER)));
  const waits = opts.manyAfter !== undefined && toRender.size > FEW_CARDS;
  let pool = size > 0 && !waits ? new RenderPool(size) : undefined;
  let rendered = 0;
  const failures: string[] = [];
  const cacheErrors: string[] = [];
  try {
    for (const { card, entry } of hits) {
      place(card.cacheFile, card.outFile, publishedPool, made, entry, opts.carry && { over: opts.carry, rel: card.rel });
      cached++;
      progress();
    }
    if (waits) {
      // Its failure is the caller's to report: the cards only wait for it.
      await opts.manyAfter!.catch(() => {});
      if (size > 0) pool = new RenderPool(size);
    }
    if (toRender.size > 0) {
      let renderOne: (spec: CardSpec) => Promise<Uint8Array>;
      const workers = pool;
      if (workers) renderOne = (spec) => workers.render(spec);
      else {
        const restore = tuneNativeAllocator();
        const { drawCard } = await import("./draw.ts");
        restore();
        renderOne = drawCard;
      }
      await Promise.all(
        [...toRender.values()].map(async (cards) => {
          const first = cards[0] as PlannedCard;
          try {
            const png = await renderOne(first.spec);
            let inCache = true;
            try {
              await writeFileAtomicAsync(first.cacheFile, png);
            } catch (error) {
              // A full or read-only cache costs only speed: the card is published all the same.
              inCache = false;
              cacheErrors.push((error as Error).message);
            }
            rendered += cards.length;
            for (const card of cards) {
              if (inCache) place(card.cacheFile, card.outFile, publishedPool, made);
              else await writeFileAtomicAsync(card.outFile, png);
              progress();
            }
          } catch (error) {
            for (const card of cards) failures.push(`${card.path}: ${(error as Error).message}`);
          }
        }),
      );
    }
  } finally {
    await pool?.close();
  }
  if (failures.length > 0)
    throw new Error(`${failures.length} card(s) failed to render:\n  ${failures.join("\n  ")}\nFix the spec or run with workers: 0 to debug on one thread.`);
  if (cacheErrors.length > 0) opts.onCacheError?.(`${cacheErrors.length} card(s) not cached (${cacheErrors[0]}); the next build renders them again`);
  return { total, rendered, cached, seconds: (performance.now() - started) / 1000 };
}
