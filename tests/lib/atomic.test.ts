import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { removeStaleTemps, writeFileAtomic } from "../../src/lib/atomic.ts";

/** The pid of a process that has exited. */
function deadPid(): number {
  return Number(spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout);
}

describe("atomic writes", () => {
  it("creates folders, replaces the file and leaves no temporary file", () => {
    const dir = mkdtempSync(join(tmpdir(), "atomic-"));
    const path = join(dir, "sub", "a.md");
    writeFileAtomic(path, "one");
    writeFileAtomic(path, "two");
    expect(readFileSync(path, "utf8")).toBe("two");
    expect(readdirSync(join(dir, "sub"))).toEqual(["a.md"]);
  });

  it("removes temporaries left by an interrupted run, and nothing else", () => {
    const dir = mkdtempSync(join(tmpdir(), "atomic-"));
    writeFileSync(join(dir, `.a.md.marsad-tmp-${deadPid()}-abc`), "partial");
    writeFileSync(join(dir, "a.md"), "kept");
    writeFileSync(join(dir, ".manifest.json"), "{}");
    expect(removeStaleTemps(dir)).toBe(1);
    expect(readdirSync(dir).sort()).toEqual([".manifest.json", "a.md"]);
  });

  it("keeps the temporaries of a process still writing them (two builds sharing one card cache)", () => {
    const dir = mkdtempSync(join(tmpdir(), "atomic-"));
    const live = `.b.png.marsad-tmp-${process.ppid}-abc`;
    writeFileSync(join(dir, live), "being written");
    writeFileSync(join(dir, `.c.png.marsad-tmp-${deadPid()}-abc`), "left by a killed run");
    expect(removeStaleTemps(dir)).toBe(1);
    expect(readdirSync(dir)).toEqual([live]);
  });
});
