/**
 * Runs `astro build` in a child process (telemetry off), one at a time per repository.
 *
 * Why the lock: for an output folder outside the repository, Astro keeps its prerender bundle in
 * `<repo>/.astro/.prerender/`, shared by every build of the repository, so two builds running at once (tests in
 * parallel, a benchmark next to a build) delete each other's chunks. The lock is a folder created atomically;
 * one left by a process that died is taken over.
 */
import { spawnSync, type StdioOptions } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { withLock } from "../pipeline/lock.ts";

/** A build holding the lock longer than this is assumed stuck (a build of 10,000 articles takes minutes). */
const STALE_LOCK_MS = 60 * 60 * 1000;
/** Runs `f` holding the repository's build lock. */
export function withBuildLock<T>(root: string, f: () => T): T {
  return withLock(join(root, "node_modules", ".cache", "marsad", "astro-build.lock"), { staleMs: STALE_LOCK_MS }, f);
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
