/**
 * Extraction over many pages on every core: the calling thread and worker threads take batches of pages in turn
 * and clean and tag them (each thread with its own tagger, built from the lexicons the caller loaded); the calling
 * thread then joins the results in page order and merges duplicates, so the output is the same as `extractPages`
 * on one thread, byte for byte.
 *
 * A worker needs one to two seconds to start (modules and tagger); the calling thread works meanwhile, so extra
 * threads never make a run slower than one thread, and small runs start none. A worker that dies hands its
 * unfinished batch back to the calling thread; nothing is lost.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { createTagger, type EntityLexicons, type Tagger } from "../entities/index.ts";
import type { RawPage } from "../ingest/index.ts";
import type { StoryInput } from "../stories/index.ts";
import { combinePageExtracts, extractPage, type ExtractOutput, type PageExtract } from "./extract.ts";
import type { FromExtractWorker, ToExtractWorker } from "./extract-worker.ts";

/** Pages per message to a worker: large enough to amortise messaging, small enough to balance the load. */
const BATCH_PAGES = 16;
/** Fewer pages than this per worker and starting workers costs more than it saves. */
const MIN_PAGES_PER_WORKER = 150;
/** Most workers started, whatever the machine. */
const MAX_WORKERS = 8;

export interface ParallelOptions {
  /** Worker threads besides the calling thread; default: one per other core when the run is large enough. */
  workers?: number;
  onWarning?: (file: string, message: string) => void;
  /** Called with pages done and pages in all. */
  onProgress?: (done: number, total: number) => void;
  /** Articles already stored, with their stories: new articles join these stories or start their own. */
  existing?: readonly StoryInput[];
}

/** How many workers a run of `pages` pages gets. `MARSAD_INGEST_WORKERS` overrides the default. */
export function workerCount(pages: number, requested?: number, env: NodeJS.ProcessEnv = process.env): number {
  const fromEnv = env.MARSAD_INGEST_WORKERS === undefined ? undefined : Number(env.MARSAD_INGEST_WORKERS);
  const wanted = requested ?? (fromEnv !== undefined && Number.isInteger(fromEnv) && fromEnv >= 0 ? fromEnv : undefined);
  if (wanted !== undefined) return Math.min(wanted, MAX_WORKERS, Math.ceil(pages / BATCH_PAGES));
  return Math.max(0, Math.min(availableParallelism() - 1, MAX_WORKERS, Math.floor(pages / MIN_PAGES_PER_WORKER) - 1));
}

/** Extracts `pages` (read already) with worker threads when that pays; same result as `extractPages`. */
export async function extractPagesParallel(pages: RawPage[], lexicons: EntityLexicons, options: ParallelOptions = {}): Promise<ExtractOutput> {
  const workers = workerCount(pages.length, options.workers);
  const results: Array<PageExtract | undefined> = new Array(pages.length);
  let done = 0;
  let tagger: Tagger | undefined;
  const onThisThread = (from: number, to: number): void => {
    tagger ??= createTagger(lexicons);
    for (let i = from; i < to; i++) {
      results[i] = extractPage(pages[i]!, tagger);
      options.onProgress?.(++done, pages.length);
    }
  };

  if (workers === 0) onThisThread(0, pages.length);
  else {
    const batches: Array<[number, number]> = [];
    for (let from = 0; from < pages.length; from += BATCH_PAGES) batches.push([from, Math.min(pages.length, from + BATCH_PAGES)]);
    const orphaned: Array<[number, number]> = [];
    let next = 0;
    const runWorker = (): Promise<void> =>
      new Promise((resolve) => {
        const worker = new Worker(new URL("./extract-worker.ts", import.meta.url), { workerData: { lexicons } });
        let current: [number, number] | undefined;
        let finished = false;
        const finish = (): void => {
          if (finished) return;
          finished = true;
          if (current) orphaned.push(current);
          current = undefined;
          void worker.terminate();
          resolve();
        };
        const send = (): void => {
          current = batches[next++];
          if (!current) return finish();
          const [from, to] = current;
          worker.postMessage({ from, pages: pages.slice(from, to).map((p) => ({ file: p.file, bytes: p.bytes, ...(p.sidecar ? { sidecar: p.sidecar } : {}) })) } satisfies ToExtractWorker);
        };
        worker.on("message", (message: FromExtractWorker) => {
          if ("ready" in message) return send();
          if ("error" in message) {
            options.onWarning?.("(extract worker)", `${message.error}; its pages are done on the main thread`);
            return finish();
          }
          message.results.forEach((r, k) => {
            results[message.from + k] = r;
            options.onProgress?.(++done, pages.length);
          });
          current = undefined;
          send();
        });
        worker.on("error", (error) => {
          options.onWarning?.("(extract worker)", `${error.message}; its pages are done on the main thread`);
          finish();
        });
        worker.on("exit", finish);
      });
    const running = Promise.all(Array.from({ length: workers }, runWorker));
    // This thread takes batches too, yielding between them so workers' results and requests are handled.
    for (let batch = batches[next++]; batch; batch = batches[next++]) {
      onThisThread(batch[0], batch[1]);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await running;
    // A batch a failed worker held.
    for (const [from, to] of orphaned) onThisThread(from, to);
  }
  return combinePageExtracts(
    pages.map((page, i) => ({ file: page.file, extract: results[i]! })),
    options.onWarning,
    options.existing,
  );
}
