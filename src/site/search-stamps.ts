/**
 * What the search stage learnt of each built page (a digest of what Pagefind reads, its date), kept from one build
 * to the next by the file's stamp: its `linked` stat signature (src/lib/file-signature.ts: device, inode, birth time,
 * size and modification time). A rebuild restores most pages from Astro's cache; a page restored by a hard link keeps
 * its inode and times, so it is not read again, while a page rendered or copied anew gets a new stamp and is read.
 * Only settled stamps are kept (see file-signature.ts). The store is tagged with the caller's code version: facts
 * computed by other code are never used.
 */
import { statSync } from "node:fs";
import { z } from "zod";
import { readCacheFile, writeCacheFile } from "../lib/cache.ts";
import { SETTLED_MS, statSignature } from "../lib/file-signature.ts";

/** The facts of one page: the digest of what Pagefind reads of it (null: no indexed region) and its date. */
export interface PageFacts {
  region: string | null;
  date: string | null;
}

/** On disk: the code version and, by page path, `[stamp, region digest, date]`. */
const StampFile = z.object({
  version: z.string(),
  pages: z.record(z.string(), z.tuple([z.string(), z.string().nullable(), z.string().nullable()])),
});
type Entry = z.infer<typeof StampFile>["pages"][string];

/** A page's stamp, and whether it is settled (old enough to keep). */
export function fileStamp(path: string, settledBefore: bigint): { stamp: string; settled: boolean } {
  const { signature, settled } = statSignature(statSync(path, { bigint: true }), settledBefore, "linked");
  return { stamp: signature, settled };
}

/** The stored facts of a build's pages, and those this build learns (only they are saved: gone pages drop out). */
export interface PageStamps {
  /** The facts of `rel` if they were stored with this stamp. */
  get(rel: string, stamp: string): PageFacts | undefined;
  /** Records the facts of `rel` (kept only if its stamp is settled). */
  set(rel: string, stamp: { stamp: string; settled: boolean }, facts: PageFacts): void;
  /** Files last written after this (ns since the epoch) are not kept. */
  readonly settledBefore: bigint;
  /** Writes what this build saw; a failed write costs only the next build's reading. */
  save(): void;
}

/**
 * The page stamps stored in `file` by code `version` (none if it is missing, unreadable or from other code, or with
 * `fresh`). `now` (ns since the epoch) is when the scan begins.
 */
export function pageStamps(file: string, version: string, options: { fresh?: boolean; now?: bigint } = {}): PageStamps {
  // Missing, unreadable or from other code: every page is read.
  const read = options.fresh ? "missing" : readCacheFile(file, StampFile);
  const stored: Record<string, Entry> = typeof read !== "string" && read.data.version === version ? read.data.pages : {};
  const seen: Record<string, Entry> = {};
  const settledBefore = (options.now ?? BigInt(Date.now()) * 1_000_000n) - BigInt(SETTLED_MS) * 1_000_000n;
  return {
    settledBefore,
    get(rel, stamp) {
      const entry = Object.hasOwn(stored, rel) ? stored[rel] : undefined;
      if (!entry || entry[0] !== stamp) return undefined;
      seen[rel] = entry;
      return { region: entry[1], date: entry[2] };
    },
    set(rel, { stamp, settled }, facts) {
      if (settled) seen[rel] = [stamp, facts.region, facts.date];
    },
    save() {
      // A read-only or full cache costs only speed.
      writeCacheFile(file, `${JSON.stringify({ version, pages: seen })}\n`);
    },
  };
}
