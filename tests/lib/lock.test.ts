/**
 * The lock between ingests (and between Astro builds): a process killed at any moment must never leave a lock that
 * makes the next run wait. The kill-9 loop in tests/reliability/kill.test.ts once caught an ingest killed between
 * creating the lock folder and writing its pid: the next ingest waited for the stale limit (an hour). Waiting for a
 * live owner is covered by the two concurrent ingests of tests/reliability/kill.test.ts.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { acquireLock, withLock } from "../../src/lib/lock.ts";

/** The pid of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(child.stdout);
}

const options = { staleMs: 60 * 60 * 1000 };

describe("acquireLock", () => {
  it("holds a folder naming this process, and leaves nothing behind on release", () => {
    const dir = mkdtempSync(join(tmpdir(), "marsad-lock-"));
    const path = join(dir, ".lock");
    const seen = withLock(path, options, () => readFileSync(join(path, "pid"), "utf8"));
    expect(seen).toBe(String(process.pid));
    expect(readdirSync(dir)).toEqual([]);
  });

  it("takes over a lock whose owner died", () => {
    const dir = mkdtempSync(join(tmpdir(), "marsad-lock-"));
    const path = join(dir, ".lock");
    mkdirSync(path);
    writeFileSync(join(path, "pid"), String(deadPid()));
    const release = acquireLock(path, options);
    expect(readFileSync(join(path, "pid"), "utf8")).toBe(String(process.pid));
    release();
    expect(readdirSync(dir)).toEqual([]);
  });

  it("takes over an ownerless lock folder, and removes the temporary folder of a process killed before its rename", () => {
    const dir = mkdtempSync(join(tmpdir(), "marsad-lock-"));
    const path = join(dir, ".lock");
    mkdirSync(path);
    const old = new Date(Date.now() - 60_000);
    utimesSync(path, old, old);
    const killed = `${path}.${deadPid()}.tmp`;
    mkdirSync(killed);
    writeFileSync(join(killed, "pid"), "1");
    const release = acquireLock(path, options);
    expect(existsSync(killed)).toBe(false);
    release();
    expect(readdirSync(dir)).toEqual([]);
  });
});
