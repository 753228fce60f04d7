/**
 * Render worker (one per pool slot in build.ts). Says `{ ready }` once its modules are loaded (resvg among them,
 * see `tuneNativeAllocator` in build.ts), then answers each `{ id, spec }` (a validated CardSpec) with
 * `{ id, png }` or `{ id, error }`. Fonts, HarfBuzz and satori load once per worker; glyph paths are cached.
 */
import * as nodeModule from "node:module";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { parentPort } from "node:worker_threads";
import type { CardSpec } from "../schemas/card.ts";

export type ToWorker = { id: number; spec: CardSpec };
export type FromWorker = { ready: true } | { id: number; png: Uint8Array } | { id: number; error: string };

const port = parentPort;
if (!port) throw new Error("src/cards/worker.ts runs as a worker thread, started by renderCards()");

// Node's compile cache (its default place: $NODE_COMPILE_CACHE, else the OS temporary folder) keeps the
// type-stripped and compiled code of our modules and satori, checked against each source's hash: measured, our
// modules then load in ≈ 20 ms of CPU instead of ≈ 170–230 ms, in every worker of every later build.
nodeModule.enableCompileCache?.();
const { drawCard } = await import("./draw.ts");

/**
 * A young-generation GC after each card. resvg's canvas (3 MB) and its pixels handed to JS live in native memory
 * owned by tiny JS objects, freed only when a GC finds those dead; V8 does not see the native memory, so without
 * this they pile up for several cards and every card writes to fresh pages (page faults: measured ≈ 20 ms of CPU
 * per card here). A minor GC costs ≈ 0.5 ms; the finalizers run on the next turn of the event loop.
 */
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as (options: { type: "minor" }) => void;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

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
    gc({ type: "minor" });
    await nextTurn();
  }
  busy = false;
}

port.on("message", (job: ToWorker) => {
  queue.push(job);
  if (!busy) void drain();
});
reply({ ready: true });
