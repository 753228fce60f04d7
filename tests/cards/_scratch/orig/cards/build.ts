/**
 * All the cards of a build, rendered in parallel and cached.
 *
 * Stages: plan (pure: validate specs, compute each card's cache key and paths) → place cached cards (hard link,
 * or copy across file systems, from `<cacheDir>/cards/<key>.png`) → render the rest on a pool of worker threads
 * → write each new PNG to the cache, then place it. Every write is a temporary file renamed into place, so an
 * interrupted build never leaves a truncated PNG in the cache or in `dist/`.
 *
 * The cache key covers everything that changes a card's pixels: the spec, TEMPLATE_VERSION, the bytes of the
 * font files and the versions of satori, resvg, harfbuzzjs and bidi-js. An unchanged rebuild renders nothing.
 */
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { removeStaleTemps, writeFileAtomic } from "../pipeline/atomic.ts";
import { FONT_FILES } from "./shape.ts";
import { CardSpec, type CardSpecInput } from "./spec.ts";
import { TEMPLATE_VERSION } from "./template.ts";

export interface RenderCardsOptions {
  /** Site output folder (`dist`); cards go to `<outDir>/cards/<spec.path>.png`. */
  outDir: string;
  /** Cache folder; rendered cards are kept under `<cacheDir>/cards/<key>.png`. */
  cacheDir: string;
  /** Worker threads. Default: available cores. 0 renders on the calling thread (debugging, tiny runs). */
  workers?: number;
  /** Called after each card, cached or rendered. */
  onProgress?: (done: number, total: number) => void;
}

export interface RenderCardsResult {
  total: number;
  rendered: number;
  cached: number;
  seconds: number;
}

/** Smallest batch worth one more worker (start-up ≈ 0.4–1 s, a card ≈ 75 ms of CPU). */
const CARDS_PER_WORKER = 8;

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

/** Cache key of one card: the fingerprint and the spec with its keys in a fixed order. */
export function cacheKey(spec: CardSpec): string {
  const canonical = JSON.stringify(spec, Object.keys(spec).sort());
  return createHash("sha256").update(renderFingerprint()).update(canonical).digest("hex").slice(0, 32);
}

interface PlannedCard {
  spec: CardSpec;
  key: string;
  cacheFile: string;
  outFile: string;
}

/** Pure planning: validated specs with their keys and paths. Two cards with one output path is an error. */
export function planCards(inputs: readonly CardSpecInput[], opts: Pick<RenderCardsOptions, "outDir" | "cacheDir">): PlannedCard[] {
  const seen = new Set<string>();
  return inputs.map((input) => {
    const spec = CardSpec.parse(input);
    if (seen.has(spec.path)) throw new Error(`two cards share the path "${spec.path}": give each page its own card path`);
    seen.add(spec.path);
    const key = cacheKey(spec);
    return { spec, key, cacheFile: join(opts.cacheDir, "cards", `${key}.png`), outFile: join(opts.outDir, "cards", `${spec.path}.png`) };
  });
}

/** Puts a cached PNG at `dest`: hard link when possible (no copy), else copy; renamed into place either way. */
function place(cacheFile: string, dest: string): void {
  mkdirSync(dirname(dest), { recursive: true });
  try {
    // Already the same file (an earlier build linked it): nothing to do.
    const a = statSync(cacheFile);
    const b = statSync(dest);
    if (a.ino === b.ino && a.dev === b.dev) return;
  } catch {
    // dest missing: place it below.
  }
  const temp = join(dirname(dest), `.${basename(dest)}.marsad-tmp-${process.pid}-${Math.random().toString(36).slice(2, 10)}`);
  try {
    linkSync(cacheFile, temp);
  } catch {
    copyFileSync(cacheFile, temp);
  }
  try {
    renameSync(temp, dest);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** A fixed-size pool of render workers; `render` resolves with the PNG of one spec. */
class RenderPool {
  private readonly idle: Worker[] = [];
  private readonly all: Worker[] = [];
  private readonly waiting: Array<(worker: Worker) => void> = [];

  constructor(size: number) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(new URL("./worker.ts", import.meta.url));
      this.all.push(worker);
      this.idle.push(worker);
    }
  }

  private acquire(): Promise<Worker> {
    const worker = this.idle.pop();
    return worker ? Promise.resolve(worker) : new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(worker: Worker): void {
    const next = this.waiting.shift();
    if (next) next(worker);
    else this.idle.push(worker);
  }

  async render(spec: CardSpec): Promise<Uint8Array> {
    const worker = await this.acquire();
    try {
      return await new Promise<Uint8Array>((resolve, reject) => {
        const onMessage = (message: { png?: Uint8Array; error?: string }) => {
          worker.off("error", onError);
          if (message.png) resolve(message.png);
          else reject(new Error(message.error ?? "worker returned nothing"));
        };
        const onError = (error: Error) => {
          worker.off("message", onMessage);
          reject(error);
        };
        worker.once("message", onMessage);
        worker.once("error", onError);
        worker.postMessage(spec);
      });
    } finally {
      this.release(worker);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((worker) => worker.terminate()));
  }
}

/**
 * Renders every card that is not cached, places all of them under `<outDir>/cards/`. A card that fails does not
 * stop the others; the call throws at the end, naming every failed card.
 */
export async function renderCards(specs: readonly CardSpecInput[], opts: RenderCardsOptions): Promise<RenderCardsResult> {
  const started = performance.now();
  const plan = planCards(specs, opts);
  removeStaleTemps(join(opts.cacheDir, "cards"));
  const total = plan.length;
  let done = 0;
  let cached = 0;
  const progress = () => opts.onProgress?.(++done, total);

  // Cached cards first; the same key twice in one run (identical specs) renders once.
  const toRender = new Map<string, PlannedCard[]>();
  for (const card of plan) {
    if (existsSync(card.cacheFile)) {
      place(card.cacheFile, card.outFile);
      cached++;
      progress();
    } else toRender.set(card.key, [...(toRender.get(card.key) ?? []), card]);
  }

  let rendered = 0;
  const failures: string[] = [];
  if (toRender.size > 0) {
    // A worker costs about as much to start (satori, HarfBuzz, fonts) as rendering a handful of cards, so a
    // small batch gets fewer workers: one per CARDS_PER_WORKER cards, up to the requested count.
    const size = Math.max(0, Math.min(opts.workers ?? availableParallelism(), Math.ceil(toRender.size / CARDS_PER_WORKER)));
    const pool = size > 0 ? new RenderPool(size) : undefined;
    const renderOne = pool
      ? (spec: CardSpec) => pool.render(spec)
      : async (spec: CardSpec) => (await import("./render.ts")).renderCard(spec);
    try {
      await Promise.all(
        [...toRender.values()].map(async (cards) => {
          const first = cards[0] as PlannedCard;
          try {
            const png = await renderOne(first.spec);
            writeFileAtomic(first.cacheFile, png);
            rendered += cards.length;
            for (const card of cards) {
              place(card.cacheFile, card.outFile);
              progress();
            }
          } catch (error) {
            for (const card of cards) failures.push(`${card.spec.path}: ${(error as Error).message}`);
          }
        }),
      );
    } finally {
      await pool?.close();
    }
  }
  if (failures.length > 0)
    throw new Error(`${failures.length} card(s) failed to render:\n  ${failures.join("\n  ")}\nFix the spec or run with workers: 0 to debug on one thread.`);
  return { total, rendered, cached, seconds: (performance.now() - started) / 1000 };
}
