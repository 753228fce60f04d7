import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { astroEnv, withBuildLock } from "../../src/cli/astro-build.ts";

describe("the build lock", () => {
  it("is held during the build and released after, even on error", () => {
    const root = mkdtempSync(join(tmpdir(), "lock-"));
    const lock = join(root, "node_modules/.cache/marsad/astro-build.lock");
    expect(withBuildLock(root, () => existsSync(lock))).toBe(true);
    expect(existsSync(lock)).toBe(false);
    expect(() => withBuildLock(root, () => { throw new Error("boom"); })).toThrow("boom");
    expect(existsSync(lock)).toBe(false);
  });

  it("takes over a lock left by a process that died", () => {
    const root = mkdtempSync(join(tmpdir(), "lock-"));
    const lock = join(root, "node_modules/.cache/marsad/astro-build.lock");
    mkdirSync(lock, { recursive: true });
    writeFileSync(join(lock, "pid"), "999999999");
    expect(withBuildLock(root, () => 42)).toBe(42);
  });
});

describe("astroEnv", () => {
  it("drops the variables Vite reads as import.meta.env, keeps the rest", () => {
    const env = astroEnv({ MODE: "test", DEV: "1", PROD: "", SSR: "1", BASE_URL: "/", MARSAD_BASE: "/x/", PATH: "/bin" });
    expect(env).toEqual({ MARSAD_BASE: "/x/", PATH: "/bin" });
  });
});
