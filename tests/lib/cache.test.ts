import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { digestCache, digestKey, readCacheFile, writeCacheFile } from "../../src/lib/cache.ts";

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

describe("cache files of a fixed name", () => {
  const Shape = z.object({ n: z.number() });

  it("reads back what was written, and tells a missing file from a corrupt or misshapen one", () => {
    const dir = mkdtempSync(join(tmpdir(), "marsad-cache-file-"));
    const file = join(dir, "c.json");
    expect(readCacheFile(file, Shape)).toBe("missing");
    expect(writeCacheFile(file, JSON.stringify({ n: 3 }))).toBe(true);
    expect(readCacheFile(file, Shape)).toEqual({ data: { n: 3 }, text: '{"n":3}' });
    writeFileSync(file, '{"n":');
    expect(readCacheFile(file, Shape)).toBe("invalid");
    writeFileSync(file, '{"n":"3"}');
    expect(readCacheFile(file, Shape)).toBe("invalid");
  });

  it("reports a write that cannot be made instead of throwing", () => {
    const dir = mkdtempSync(join(tmpdir(), "marsad-cache-file-"));
    writeFileSync(join(dir, "plain"), "");
    expect(writeCacheFile(join(dir, "plain", "c.json"), "{}")).toBe(false);
  });
});
