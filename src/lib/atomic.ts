/**
 * Atomic file writes: write a temporary file next to the target, flush it, then rename over the target.
 * A crash (even `kill -9`) leaves either the old file or the new one, never a half-written one.
 */
import { closeSync, constants, copyFileSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { mkdir, open, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { spawnSync } from "node:child_process";
import { processAlive as alive } from "./process.ts";

/** Temporary files are dot-files (ignored by content loaders) tagged with this marker. */
const TEMP_MARKER = ".marsad-tmp-";

/** How a write is made durable. */
export interface AtomicWriteOptions {
  /**
   * Flush the data to disk before the rename (default). Caches pass false: after a power cut they may come back
   * empty, which a cache reader treats as a miss, and the flush of a large cache costs more than rebuilding it.
   */
  flush?: boolean;
}

/** A temporary name beside `path`: a dot-file with the writer's pid and the marker `removeStaleTemps` knows. */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}${TEMP_MARKER}${process.pid}-${Math.random().toString(36).slice(2, 10)}`);
}

/** Writes `data` to `path` atomically, creating the folder if needed. */
export function writeFileAtomic(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): void {
  writeFilesAtomic([{ path, data }], options);
}

/**
 * Writes many files atomically: every temporary file first, then one flush for all, then the renames. For more
 * than one file the flush is `sync -f` (Linux `syncfs`: one call flushes the folder's file system, ≈ 0.2 s for
 * 2,000 articles here, against ≈ 1–2 s for an fsync per file); otherwise, or where that command is missing or
 * fails, each file is fsynced. A crash leaves each target either old or new; temporaries left behind are removed
 * by `removeStaleTemps`.
 */
export function writeFilesAtomic(files: ReadonlyArray<{ path: string; data: string | Uint8Array }>, options: AtomicWriteOptions = {}): void {
  const temps: Array<{ temp: string; path: string }> = [];
  try {
    for (const { path, data } of files) {
      const dir = dirname(path);
      mkdirSync(dir, { recursive: true });
      const temp = tempPathFor(path);
      const fd = openSync(temp, "wx", 0o644);
      temps.push({ temp, path });
      try {
        const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
        let offset = 0;
        while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
      } finally {
        closeSync(fd);
      }
    }
    if (options.flush !== false) {
      const synced = temps.length > 1 && syncFileSystems([...new Set(temps.map((t) => dirname(t.temp)))]);
      if (!synced) for (const { temp } of temps) fsyncFile(temp);
    }
  } catch (error) {
    for (const { temp } of temps) rmSync(temp, { force: true });
    throw error;
  }
  for (const { temp, path } of temps) renameSync(temp, path);
}

/**
 * `writeFileAtomic` without blocking the thread: the write, the fsync (≈ 8 ms of waiting per file here) and the
 * rename run on libuv's pool, so a caller feeding worker threads (the card stage) keeps feeding them and several
 * files sync at once.
 */
export async function writeFileAtomicAsync(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = tempPathFor(path);
  const file = await open(temp, "wx", 0o644);
  try {
    await file.writeFile(data);
    if (options.flush !== false) await file.sync();
  } catch (error) {
    await file.close();
    await rm(temp, { force: true });
    throw error;
  }
  await file.close();
  await rename(temp, path);
}

/**
 * Copies `from` to `dest` atomically: a copy (a reflink where the file system has them) under a temporary name,
 * renamed into place. Never a hard link: a copy that shares its inode with the source lets anything that rewrites
 * one change the other (a published card poisoning the card cache).
 */
export function copyFileAtomic(from: string, dest: string): void {
  mkdirSync(dirname(dest), { recursive: true });
  const temp = tempPathFor(dest);
  try {
    copyFileSync(from, temp, constants.COPYFILE_FICLONE);
    renameSync(temp, dest);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

function fsyncFile(path: string): void {
  const fd = openSync(path, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Flushes the file systems holding `dirs` with `sync -f`; false when that is not available here. */
function syncFileSystems(dirs: string[]): boolean {
  if (process.platform !== "linux") return false;
  const run = spawnSync("sync", ["-f", ...dirs], { stdio: "ignore", timeout: 120_000 });
  return run.error === undefined && run.status === 0;
}

/** A temporary file of a live process is left alone for this long (it is being written; a build takes minutes). */
const LIVE_TEMP_GRACE_MS = 60 * 60 * 1000;

/**
 * Removes temporary files left in `dir` by an interrupted run. Returns how many were removed. A temporary file whose
 * writer is still running (another build sharing the card cache) is kept: deleting it would fail that writer's
 * rename. Unless it is over an hour old (its pid was reused).
 */
export function removeStaleTemps(dir: string): number {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names)
    if (name.startsWith(".") && name.includes(TEMP_MARKER)) {
      const pid = Number(/^(\d+)-/.exec(name.slice(name.indexOf(TEMP_MARKER) + TEMP_MARKER.length))?.[1] ?? 0);
      if (pid && alive(pid)) {
        try {
          if (Date.now() - statSync(join(dir, name)).mtimeMs < LIVE_TEMP_GRACE_MS) continue;
        } catch {
          continue; // renamed meanwhile
        }
      }
      rmSync(join(dir, name), { force: true });
      removed++;
    }
  return removed;
}
