/**
 * Runs `astro build` in a child process (telemetry off), one at a time per repository.
 *
 * Why the lock: for an output folder outside the repository, Astro keeps its prerender bundle in
 * `<repo>/.astro/.prerender/`, shared by every build of the repository, so two builds running at once (tests in
 * parallel, a benchmark next to a build) delete each other's chunks. The lock is a folder created atomically;
 * one left by a process that died is taken over.
 */
import { spawnSync, type StdioOptions } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** A build holding the lock longer than this is assumed stuck (a build of 10,000 articles takes minutes). */
const STALE_LOCK_MS = 60 * 60 * 1000;
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

/** Runs `f` holding the repository's build lock. */
export function withBuildLock<T>(root: string, f: () => T): T {
  const lock = join(root, "node_modules", ".cache", "marsad", "astro-build.lock");
  mkdirSync(dirname(lock), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, "pid"), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      let owner = 0;
      try {
        owner = Number(readFileSync(join(lock, "pid"), "utf8"));
      } catch {
        // Being created right now: wait for the pid file.
      }
      let age = 0;
      try {
        age = Date.now() - statSync(lock).mtimeMs;
      } catch {
        continue;
      }
      if ((owner && !alive(owner)) || age > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true });
      else sleep(POLL_MS);
    }
  }
  try {
    return f();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Runs `astro build` for the repository at `root`; returns its exit status. */
export function runAstroBuild(root: string, env: NodeJS.ProcessEnv, stdio: StdioOptions = ["ignore", "inherit", "inherit"]): number {
  const require = createRequire(join(root, "package.json"));
  const astroBin = join(dirname(require.resolve("astro/package.json")), "bin", "astro.mjs");
  return withBuildLock(root, () => {
    const result = spawnSync(process.execPath, [astroBin, "build", "--silent"], {
      cwd: root,
      env: { ...env, ASTRO_TELEMETRY_DISABLED: "1" },
      stdio,
    });
    return result.status ?? 1;
  });
}
