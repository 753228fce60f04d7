/**
 * A fixture's expected output. A missing expectation fails the test: a runner that wrote it and passed could never
 * fail. `UPDATE=1` (re)writes it from the actual output so that a reviewer reads the diff.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { it } from "vitest";

export const UPDATING = process.env.UPDATE === "1";

/** The expected text at `path`; with UPDATE=1, `actual` is written there first. */
export function expectedText(path: string | URL, actual: string): string {
  const file = typeof path === "string" ? path : fileURLToPath(path);
  if (UPDATING) writeFileSync(file, actual);
  if (!existsSync(file)) throw new Error(`${file} is missing: run with UPDATE=1 to write it from the actual output, then review it`);
  return readFileSync(file, "utf8");
}

/** The expected JSON value at `path` (written as indented JSON with UPDATE=1). */
export function expectedJson<T = unknown>(path: string | URL, actual: unknown): T {
  return JSON.parse(expectedText(path, `${JSON.stringify(actual, null, 2)}\n`)) as T;
}

/** CI runs with a copy of shared/ (the evaluation corpus) beside the clone, so there its absence is an error. */
export const UNDER_CI = process.env.CI === "true";

/**
 * Whether a block that needs evaluation data outside the repository must be skipped: the data is absent. Under CI an
 * absent path also registers a failing test (a gate that skipped silently could never fail); elsewhere it warns.
 */
export function skipWithoutData(name: string, paths: Array<string | URL>): boolean {
  const missing = paths.map((p) => (typeof p === "string" ? p : fileURLToPath(p))).filter((p) => !existsSync(p));
  if (missing.length === 0) return false;
  const message = `${name}: ${missing.join(", ")} absent`;
  if (UNDER_CI) {
    it(`${name} has its evaluation data`, () => {
      throw new Error(`${message} (CI=true: CI runs with shared/ beside the clone)`);
    });
  } else console.warn(`${message}; skipped`);
  return true;
}
