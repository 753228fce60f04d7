/**
 * A lock between processes: a folder created atomically (mkdir), holding the owner's pid. A lock left by a process
 * that died (`kill -9`) or held for longer than `staleMs` is taken over; otherwise the caller waits its turn.
 */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

const POLL_MS = 250;

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes the lock at `path` (waiting while another live process holds it) and returns its release function.
 * `onWait` is called once when the lock is busy, e.g. to tell the user why nothing happens.
 */
export function acquireLock(path: string, options: { staleMs: number; onWait?: (ownerPid: number) => void }): () => void {
  mkdirSync(dirname(path), { recursive: true });
  let told = false;
  for (;;) {
    try {
      mkdirSync(path);
      writeFileSync(join(path, "pid"), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      let owner = 0;
      try {
        owner = Number(readFileSync(join(path, "pid"), "utf8"));
      } catch {
        // Being created right now: wait for the pid file.
      }
      let age = 0;
      try {
        age = Date.now() - statSync(path).mtimeMs;
      } catch {
        continue;
      }
      if ((owner && !alive(owner)) || age > options.staleMs) rmSync(path, { recursive: true, force: true });
      else {
        if (!told && owner) options.onWait?.(owner);
        told = true;
        sleep(POLL_MS);
      }
    }
  }
  return () => rmSync(path, { recursive: true, force: true });
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
