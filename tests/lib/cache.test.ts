import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { digestCache, digestKey } from "../../src/lib/cache.ts";

const isNumber = (v: unknown): v is number => typeof v === "number";

describe("digestCache", () => {
  it("computes a value once per inputs and code version, and again when either changes", () => {
    const dir = join(mkdtempSync(join(tmpdir(), "marsad-cache-")), "c");
    let calls = 0;
    const compute = () => ++calls;
    const v1 = digestCache({ dir, version: "v1", accept: isNumber });
    expect(v1.through(["a"], compute)).toBe(1);
    expect(v1.through(["a"], compute)).toBe(1);
    expect(calls).toBe(1);
    expect(v1.through(["b"], compute)).toBe(2);
    expect(digestCache({ dir, version: "v2", accept: isNumber }).through(["a"], compute)).toBe(3);
    expect(readdirSync(dir).sort()).toEqual([`${digestKey("v1", "a")}.json`, `${digestKey("v1", "b")}.json`, `${digestKey("v2", "a")}.json`].sort());
  });

  it("computes again when an entry is corrupt or of the wrong shape", () => {
    const dir = mkdtempSync(join(tmpdir(), "marsad-cache-"));
    const cache = digestCache({ dir, version: "v", accept: isNumber });
    writeFileSync(cache.fileFor(["x"]), "{not json");
    expect(cache.through(["x"], () => 7)).toBe(7);
    writeFileSync(cache.fileFor(["y"]), JSON.stringify("a string"));
    expect(cache.through(["y"], () => 8)).toBe(8);
    expect(cache.through(["y"], () => 9)).toBe(8);
  });

  it("still returns the value when the cache cannot be written", () => {
    const file = join(mkdtempSync(join(tmpdir(), "marsad-cache-")), "a-file");
    writeFileSync(file, "");
    expect(digestCache({ dir: join(file, "sub"), version: "v", accept: isNumber }).through(["x"], () => 5)).toBe(5);
  });
});
