/**
 * Render worker (one per pool slot in build.ts). Says `{ ready }` once its modules are loaded (resvg among them,
 * see `tuneNativeAllocator` in build.ts), then answers each `{ id, spec }` (a validated CardSpec) with
 * `{ id, png }` or `{ id, error }`. Fonts, HarfBuzz and satori load once per worker; glyph paths are cached.
 */
import { parentPort } from "node:worker_threads";
import { drawCard } from "./draw.ts";
import type { CardSpec } from "./spec.ts";

export type ToWorker = { id: number; spec: CardSpec };
export type FromWorker = { ready: true } | { id: number; png: Uint8Array } | { id: number; error: string };

const port = parentPort;
if (!port) throw new Error("src/cards/worker.ts runs as a worker thread, started by renderCards()");

const reply = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

// One card at a time, in arrival order: the pool keeps a second spec queued here so the worker never waits.
const queue: ToWorker[] = [];
let busy = false;
async function drain(): Promise<void> {
  busy = true;
  for (let job = queue.shift(); job; job = queue.shift()) {
    try {
      const png = await drawCard(job.spec);
      // Transfer the PNG's buffer instead of copying it back to the main thread.
      reply({ id: job.id, png }, [png.buffer as ArrayBuffer]);
    } catch (error) {
      reply({ id: job.id, error: error instanceof Error ? error.message : String(error) });
    }
  }
  busy = false;
}

port.on("message", (job: ToWorker) => {
  queue.push(job);
  if (!busy) void drain();
});
reply({ ready: true });
