/**
 * The worker of src/site/page-writer.ts: runs the jobs it is sent, synchronously and in order, and reports them done
 * (or failed, with the error's message and code) in one message per turn of its event loop, not one per job.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { parentPort } from "node:worker_threads";
import { linkPublishedIntoCache } from "./astro-cache-links.ts";
import type { JobsDone, WriteJob } from "./page-writer.ts";

/** Runs one job. */
export function runJob(job: WriteJob): void {
  if (job.kind === "page") {
    mkdirSync(job.folder, { recursive: true });
    writeFileSync(job.file, job.body);
  } else linkPublishedIntoCache(job.published, job.cached, undefined, { absent: job.absent });
}

if (parentPort) {
  const port = parentPort;
  let report: JobsDone = { done: [], failed: [] };
  let scheduled = false;
  port.on("message", ({ id, job }: { id: number; job: WriteJob }) => {
    try {
      runJob(job);
      report.done.push(id);
    } catch (error) {
      const { message, code } = error as NodeJS.ErrnoException;
      report.failed.push({ id, message: String(message), ...(code ? { code } : {}) });
    }
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      port.postMessage(report);
      report = { done: [], failed: [] };
    });
  });
}
