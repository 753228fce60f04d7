/**
 * Extraction worker (started by extract-parallel.ts): builds a tagger from the lexicons it is given, says
 * `{ ready }`, then answers each batch `{ from, pages }` with the per-page results `{ from, results }`.
 */
import * as nodeModule from "node:module";
import { parentPort, workerData } from "node:worker_threads";
import type { EntityLexicons } from "../entities/index.ts";
import type { RawPage } from "../ingest/index.ts";
import type { PageExtract } from "./extract.ts";

export type ToExtractWorker = { from: number; pages: RawPage[] };
export type FromExtractWorker = { ready: true } | { from: number; results: PageExtract[] } | { error: string };

const port = parentPort;
if (!port) throw new Error("src/pipeline/extract-worker.ts runs as a worker thread, started by extractPagesParallel()");

// Compiled code of our modules is cached across runs (see src/cards/worker.ts): a worker starts faster.
nodeModule.enableCompileCache?.();
try {
  const { createTagger } = await import("../entities/index.ts");
  const { extractPage } = await import("./extract.ts");
  const tagger = createTagger((workerData as { lexicons: EntityLexicons }).lexicons);
  port.on("message", (batch: ToExtractWorker) => {
    try {
      port.postMessage({ from: batch.from, results: batch.pages.map((page) => extractPage(page, tagger)) } satisfies FromExtractWorker);
    } catch (error) {
      port.postMessage({ error: error instanceof Error ? error.message : String(error) } satisfies FromExtractWorker);
    }
  });
  port.postMessage({ ready: true } satisfies FromExtractWorker);
} catch (error) {
  port.postMessage({ error: error instanceof Error ? error.message : String(error) } satisfies FromExtractWorker);
}
