/**
 * Render worker (one per pool slot in build.ts): receives a parsed CardSpec, answers `{ png }` or `{ error }`.
 * Fonts and the layout engine load once per worker, on the first card.
 */
import { parentPort } from "node:worker_threads";
import { renderCard } from "./render.ts";
import type { CardSpec } from "./spec.ts";

const port = parentPort;
if (!port) throw new Error("src/cards/worker.ts runs as a worker thread, started by renderCards()");

port.on("message", (spec: CardSpec) => {
  renderCard(spec).then(
    // Transfer the PNG's buffer instead of copying it back to the main thread.
    (png) => port.postMessage({ png }, [png.buffer as ArrayBuffer]),
    (error: unknown) => port.postMessage({ error: error instanceof Error ? error.message : String(error) }),
  );
});
