/**
 * The site build's file writes, off the thread that renders. Astro writes each rendered page with an awaited
 * `mkdir` and `writeFile` (an open, a write and a close): four calls handed to libuv's thread pool, each costing the
 * rendering thread a hand-over and a wake-up. On the 2-core VM of the benchmark that was about 9 s of the Astro
 * process's thread at 10,000 articles (37,000 pages and feeds), more than the calls themselves. Here one worker
 * thread makes them, synchronously and in order, and says when each is done: the rendering thread posts one message
 * per page and goes on rendering the pages in flight (astro.config.mjs `build.concurrency`).
 *
 * The page's bytes are copied into the message (the renderer keeps its own for the incremental cache); a copy of a
 * page costs less than one of the calls it replaces. Jobs run in the order they are posted, so a cache entry
 * linked to a page (`linkIntoCache`) is made after the page is written.
 *
 * Who uses it: the Astro child (src/cli/astro-child.ts) starts it and has Astro's writer use it
 * (src/site/astro-page-writes.ts); the incremental cache's links (src/site/astro-cache-links.ts) find it under a
 * global symbol, as the config's modules may be loaded twice (by Astro, then by Vite).
 */
import { Worker } from "node:worker_threads";
import { fileURLToPath } from "node:url";

/** A job for the worker (src/site/page-writer-worker.ts). Paths are file-system paths. */
export type WriteJob =
  | { kind: "page"; folder: string; file: string; body: string | Uint8Array }
  /** Makes `cached` the file `published` (a hard link, or a copy where links fail): see `linkPublishedIntoCache`. */
  | { kind: "cache-link"; published: string; cached: string; absent: boolean };

/** What the worker says: the ids of jobs done, and the failures with what failed. */
export interface JobsDone {
  done: number[];
  failed: Array<{ id: number; message: string; code?: string }>;
}

/** The name of the global slot the writer is published in (see above), also read by Astro's rewritten generator. */
export const PAGE_WRITER_SLOT = "marsad.page-writer";
const SLOT = Symbol.for(PAGE_WRITER_SLOT);

export class PageWriter {
  readonly #worker: Worker;
  readonly #waiting = new Map<number, { resolve: () => void; reject: (error: Error) => void; what: string }>();
  #next = 0;
  #broken: Error | null = null;
  #drained: (() => void) | null = null;

  // No execArgv of the process's own (`--cpu-prof`, `--input-type`): the worker only writes files.
  constructor(worker: Worker = new Worker(new URL("./page-writer-worker.ts", import.meta.url), { execArgv: [] })) {
    this.#worker = worker;
    // Referenced only while a job waits: an idle writer never keeps the process alive, a busy one always does.
    worker.unref();
    worker.on("message", (message: JobsDone) => {
      for (const id of message.done) this.#settle(id, null);
      for (const failure of message.failed) {
        const what = this.#waiting.get(failure.id)?.what ?? "a file";
        this.#settle(failure.id, Object.assign(new Error(`cannot write ${what}: ${failure.message}`), failure.code ? { code: failure.code } : {}));
      }
    });
    const breakAll = (error: Error) => {
      this.#broken ??= error;
      for (const id of [...this.#waiting.keys()]) this.#settle(id, new Error(`cannot write ${this.#waiting.get(id)!.what}: ${this.#broken.message}`));
    };
    worker.on("error", breakAll);
    worker.on("exit", (code) => breakAll(new Error(`the page writer stopped (exit code ${code})`)));
  }

  /** Writes `body` to `file`, making `folder` (and its parents) first, as Astro's writer does. URLs may be file URLs. */
  writePage(folder: string | URL, file: string | URL, body: string | Uint8Array): Promise<void> {
    const path = typeof file === "string" ? file : fileURLToPath(file);
    return this.#post({ kind: "page", folder: typeof folder === "string" ? folder : fileURLToPath(folder), file: path, body }, path);
  }

  /** Makes the cache entry `cached` share the written page `published` (after the page's own write job). */
  linkIntoCache(published: string, cached: string, absent: boolean): Promise<void> {
    return this.#post({ kind: "cache-link", published, cached, absent }, cached);
  }

  /** Stops the worker once every job is done; jobs posted after this fail. */
  async close(): Promise<void> {
    if (this.#waiting.size > 0) await new Promise<void>((drained) => (this.#drained = drained));
    this.#broken ??= new Error("the page writer is closed");
    await this.#worker.terminate();
  }

  #post(job: WriteJob, what: string): Promise<void> {
    if (this.#broken) return Promise.reject(new Error(`cannot write ${what}: ${this.#broken.message}`));
    const id = this.#next++;
    return new Promise<void>((resolve, reject) => {
      if (this.#waiting.size === 0) this.#worker.ref();
      this.#waiting.set(id, { resolve, reject, what });
      this.#worker.postMessage({ id, job });
    });
  }

  #settle(id: number, error: Error | null): void {
    const waiting = this.#waiting.get(id);
    if (!waiting) return;
    this.#waiting.delete(id);
    if (error) waiting.reject(error);
    else waiting.resolve();
    if (this.#waiting.size > 0) return;
    this.#worker.unref();
    this.#drained?.();
    this.#drained = null;
  }
}

/** The writer this process's build writes through, if one was installed. */
export function installedPageWriter(): PageWriter | null {
  return ((globalThis as Record<symbol, unknown>)[SLOT] as PageWriter | undefined) ?? null;
}

/** Makes `writer` the one Astro's writer and the cache links use (null removes it). */
export function installPageWriter(writer: PageWriter | null): void {
  if (writer) (globalThis as Record<symbol, unknown>)[SLOT] = writer;
  else delete (globalThis as Record<symbol, unknown>)[SLOT];
}
