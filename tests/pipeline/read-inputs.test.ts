import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findInputs, readInput } from "../../src/pipeline/read-inputs.ts";

describe("finding inputs", () => {
  it("walks folders in sorted order, reads .txt/.html, ignores READMEs, reports the rest", () => {
    const dir = mkdtempSync(join(tmpdir(), "inbox-"));
    mkdirSync(join(dir, "sub"));
    writeFileSync(join(dir, "b page.txt"), "x");
    writeFileSync(join(dir, "a;$(rm -rf).html"), "x");
    writeFileSync(join(dir, "sub", "صفحة.txt"), "x");
    writeFileSync(join(dir, "README.md"), "docs");
    writeFileSync(join(dir, "photo.jpg"), "x");
    symlinkSync("/etc/hostname", join(dir, "link.txt"));
    const { inputs, skipped } = findInputs([dir], dir);
    expect(inputs.map((i) => i.file)).toEqual(["a;$(rm -rf).html", "b page.txt", "صفحة.txt"]);
    expect(skipped).toEqual([
      { file: "link.txt", reason: "symbolic link (not followed)" },
      { file: "photo.jpg", reason: "not a .txt or .html file" },
    ]);
  });

  it("reports a missing path instead of throwing", () => {
    const { inputs, skipped } = findInputs(["/nonexistent/x.txt"], "/");
    expect(inputs).toEqual([]);
    expect(skipped[0]?.reason).toMatch(/cannot read: ENOENT/);
  });

  it("reads bytes verbatim", () => {
    const dir = mkdtempSync(join(tmpdir(), "inbox-"));
    writeFileSync(join(dir, "a.txt"), Buffer.from([0xef, 0xbb, 0xbf, 0x41]));
    const read = readInput({ path: join(dir, "a.txt"), file: "a.txt" });
    expect(read.ok && [...read.page.bytes]).toEqual([0xef, 0xbb, 0xbf, 0x41]);
  });
});
