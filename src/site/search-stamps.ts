/**
 * What the search stage learnt of each built page (a digest of what Pagefind reads, its date), kept from one build
 * to the next by the file's stamp: device, inode, birth time, size and modification time. A rebuild restores most
 * pages from Astro's cache; a page restored by a hard link keeps its inode and times, so it is not read again, while
 * a page rendered or copied anew gets a new stamp and is read. The birth time tells a new file that was given a freed
 * inode's number from the old one (where the file system keeps it; elsewhere it is 0). The change time is left out:
 * making a link changes it.
 *
 * Racy stamps: a file changed in place within the clock tick of its last write keeps its time. A stamp is kept only
 * when the file was last written `SETTLED_NS` before the scan began, so any later write gives it a newer time (Git's
 * "racily clean" entries, the same way round). The store is tagged with the caller's code version: facts computed by
 * other code are never used.
 */
import { readFileSync, statSync } from "node:fs";
import { z } from "zod";
import { writeFileAtomic } from "../lib/atomic.ts";

/**
 * How long before a scan a file must have been last written for its stamp to be kept: coarser than any file
 * system's time step (FAT's is 2 s; ext4 and overlayfs take the kernel's coarse clock, a few ms).
 */
const SETTLED_NS = 2_000_000_000n;

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

/** A file's stamp (device, inode, birth time, size, modification time), and whether it is settled (old enough to keep). */
export function fileStamp(path: string, settledBefore: bigint): { stamp: string; settled: boolean } {
  const s = statSync(path, { bigint: true });
  return { stamp: `${s.dev}:${s.ino}:${s.birthtimeNs}:${s.size}:${s.mtimeNs}`, settled: s.mtimeNs < settledBefore };
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
  let stored: Record<string, Entry> = {};
  try {
    const parsed = options.fresh ? undefined : StampFile.safeParse(JSON.parse(readFileSync(file, "utf8")));
    if (parsed?.success && parsed.data.version === version) stored = parsed.data.pages;
  } catch {
    // Missing or unreadable: every page is read.
  }
  const seen: Record<string, Entry> = {};
  const settledBefore = (options.now ?? BigInt(Date.now()) * 1_000_000n) - SETTLED_NS;
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
      try {
        writeFileAtomic(file, `${JSON.stringify({ version, pages: seen })}\n`, { flush: false });
      } catch {
        // A read-only or full cache costs only speed.
      }
    },
  };
}
