/**
 * Stat signatures: whether a file is still the one a cache saw, without reading it (the article reader, ingest's
 * inputs and the search stage's pages each keep one per file).
 *
 * Racy files: a file changed in place within the clock tick of its last write keeps its times. A signature counts
 * only when the file was last written `SETTLED_MS` before the scan began, so any later write gives it newer times
 * (Git's "racily clean" entries, the same way round); an unsettled file is read, and signed next time.
 */
import type { BigIntStats } from "node:fs";

/** Coarser than any file system's time step (FAT's is 2 s; ext4 and overlayfs take the kernel's coarse clock, a few ms). */
export const SETTLED_MS = 2000;

/**
 * What a signature holds besides device, inode, size and modification time:
 * - `edited`: the change time, for files people edit (articles, inbox pages). The kernel sets it on every write and it
 *   cannot be restored, unlike the modification time (`cp -p`, `rsync -t`), so an edit of the same length with its
 *   mtime restored still changes the signature.
 * - `linked`: the birth time instead, for files the build restores by hard links (making a link sets the change time,
 *   which would make every restored page look new); it tells a new file given a freed inode's number from the old one
 *   (where the file system keeps birth times; elsewhere it is 0).
 */
export type SignatureKind = "edited" | "linked";

/** Nanoseconds since the epoch before which a file must last have changed to be settled, for a scan begun at `nowMs`. */
export function settledBefore(nowMs: number): bigint {
  return BigInt(nowMs - SETTLED_MS) * 1_000_000n;
}

/** The signature of a file from its `stat` (`{ bigint: true }`), and whether it had settled before `before` (ns). */
export function statSignature(stat: BigIntStats, before: bigint, kind: SignatureKind): { signature: string; settled: boolean } {
  if (kind === "edited") {
    return { signature: `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`, settled: stat.mtimeNs < before && stat.ctimeNs < before };
  }
  return { signature: `${stat.dev}:${stat.ino}:${stat.birthtimeNs}:${stat.size}:${stat.mtimeNs}`, settled: stat.mtimeNs < before };
}
