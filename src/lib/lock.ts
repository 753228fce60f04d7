/**
 * A lock between processes: a folder holding the owner's pid. The folder is made complete under a temporary name and
 * renamed into place (atomic, and refused while a lock with its pid file is there), so a lock never exists without
 * its owner: a process killed at any point leaves either no lock or one naming a dead pid. A lock whose owner died
 * (`kill -9`), or held for longer than `staleMs`, is taken over; otherwise the caller waits its turn.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { processAlive as alive } from "./process.ts";

const POLL_MS = 250;
/** An ownerless lock folder (left by an older version, or a release caught half-way) is taken over after this. */
const OWNERLESS_GRACE_MS = 2000;

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Temporary lock folders of processes that died before renaming theirs into place. */
function removeDeadTemps(path: string): void {
  const prefix = `${basename(path)}.`;
  for (const name of readdirSync(dirname(path))) {
    const m = name.startsWith(prefix) ? /^(\d+)\.(tmp|released)$/.exec(name.slice(prefix.length)) : null;
    if (m && (m[2] === "released" || !alive(Number(m[1])))) rmSync(join(dirname(path), name), { recursive: true, force: true });
  }
}

/** Tries once to put a complete lock folder in place. */
function tryTake(path: string): boolean {
  const tmp = `${path}.${process.pid}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp);
  writeFileSync(join(tmp, "pid"), String(process.pid));
  try {
    renameSync(tmp, path);
    return true;
  } catch (error) {
    rmSync(tmp, { recursive: true, force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOTEMPTY" || code === "EEXIST" || code === "EPERM" || code === "EACCES" || code === "EISDIR") return false;
    throw error;
  }
}

/**
 * Removes the abandoned lock at `path` that named `owner`. Renamed aside first and checked: when another waiter has
 * meanwhile taken over and put its own lock in place, that lock is put back rather than deleted.
 */
function takeOver(path: string, owner: number): void {
  const aside = `${path}.${process.pid}.released`;
  try {
    renameSync(path, aside);
  } catch {
    return; // gone already
  }
  let found = 0;
  try {
    found = Number(readFileSync(join(aside, "pid"), "utf8"));
  } catch {
    // ownerless
  }
  if (found && found !== owner && alive(found)) {
    try {
      renameSync(aside, path);
      return;
    } catch {
      // the place was taken again: that process holds the lock now
    }
  }
  rmSync(aside, { recursive: true, force: true });
}

/**
 * Takes the lock at `path` (waiting while another live process holds it) and returns its release function.
 * `onWait` is called once when the lock is busy, e.g. to tell the user why nothing happens.
 */
export function acquireLock(path: string, options: { staleMs: number; onWait?: (ownerPid: number) => void }): () => void {
  mkdirSync(dirname(path), { recursive: true });
  removeDeadTemps(path);
  let told = false;
  while (!tryTake(path)) {
    let owner = 0;
    try {
      owner = Number(readFileSync(join(path, "pid"), "utf8"));
    } catch {
      // No pid file: an ownerless folder, or one being released right now.
    }
    let age = 0;
    try {
      age = Date.now() - statSync(path).mtimeMs;
    } catch {
      continue; // released meanwhile
    }
    if ((owner && !alive(owner)) || (!owner && age > OWNERLESS_GRACE_MS) || age > options.staleMs) {
      takeOver(path, owner);
      continue;
    }
    if (!told && owner) options.onWait?.(owner);
    told = true;
    sleep(POLL_MS);
  }
  return () => {
    // Renamed away first, so that no other process ever sees this lock half-deleted.
    const released = `${path}.${process.pid}.released`;
    try {
      renameSync(path, released);
    } catch {
      return;
    }
    rmSync(released, { recursive: true, force: true });
  };
}

/** Runs `f` holding the lock at `path`. */
export function withLock<T>(path: string, options: { staleMs: number; onWait?: (ownerPid: number) => void }, f: () => T): T {
  const release = acquireLock(path, options);
  try {
    return f();
  } finally {
    release();
  }
}
