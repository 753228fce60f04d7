/**
 * Extraction over many pages on every core: worker threads clean and tag batches of pages (each with its own
 * tagger, built from the lexicons the caller loaded), and the calling thread joins the results in page order and
 * merges duplicates, so the output is the same as `extractPages` on one thread, byte for byte.
 *
 * Small runs stay on the calling thread: a worker costs about half a second to start (modules and tagger).
 * A worker that dies hands its unfinished batches back to the calling thread; nothing is lost.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { createTagger, type EntityLexicons, type Tagger } from "../entities/index.ts";
import type { RawPage } from "../ingest/index.ts";
import { combinePageExtracts, extractPage, type ExtractOutput, type PageExtract } from "./extract.ts";
import type { FromExtractWorker, ToExtractWorker } from "./extract-worker.ts";

/** Pages per message to a worker: large enough to amortise messaging, small enough to balance the load. */
const BATCH_PAGES = 16;
/** Fewer pages than this per worker and starting workers costs more than it saves. */
const MIN_PAGES_PER_WORKER = 150;
/** Most workers started, whatever the machine. */
const MAX_WORKERS = 8;

export interface ParallelOptions {
  /** Worker threads; default: one per core when the run is large enough (see MIN_PAGES_PER_WORKER). 0 or 1: none. */
  workers?: number;
  onWarning?: (file: string, message: string) => void;
  /** Called with pages done and pages in all. */
  onProgress?: (done: number, total: number) => void;
}

/** How many workers a run of `pages` pages gets. `MARSAD_INGEST_WORKERS` overrides the default. */
export function workerCount(pages: number, requested?: number, env: NodeJS.ProcessEnv = process.env): number {
  const fromEnv = env.MARSAD_INGEST_WORKERS === undefined ? undefined : Number(env.MARSAD_INGEST_WORKERS);
  const wanted = requested ?? (fromEnv !== undefined && Number.isInteger(fromEnv) && fromEnv >= 0 ? fromEnv : undefined);
  if (wanted !== undefined) return Math.min(wanted, MAX_WORKERS, Math.ceil(pages / BATCH_PAGES));
  return Math.min(availableParallelism(), MAX_WORKERS, Math.floor(pages / MIN_PAGES_PER_WORKER));
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

  if (workers <= 1) onThisThread(0, pages.length);
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
          worker.postMessage({ from, pages: pages.slice(from, to).map((p) => ({ file: p.file, bytes: p.bytes })) } satisfies ToExtractWorker);
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
    await Promise.all(Array.from({ length: workers }, runWorker));
    // Batches a failed worker held, and any never sent because every worker failed.
    for (const [from, to] of [...orphaned, ...batches.slice(next)]) onThisThread(from, to);
  }
  return combinePageExtracts(
    pages.map((page, i) => ({ file: page.file, extract: results[i]! })),
    options.onWarning,
  );
}
