/** Sidecar metadata files beside raw pages: read with their page, never as a page of their own. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findInputs, readInput } from "../../src/pipeline/read-inputs.ts";

describe("sidecar files", () => {
  it("skips a page's .json / .meta.json silently and reads it with the page", () => {
    const dir = mkdtempSync(join(tmpdir(), "inbox-"));
    writeFileSync(join(dir, "p1.txt"), "x");
    writeFileSync(join(dir, "p1.json"), '{"url": "https://example.org/p1"}');
    writeFileSync(join(dir, "p2.html"), "<p>x</p>");
    writeFileSync(join(dir, "p2.meta.json"), '{"url": "https://example.org/p2"}');
    writeFileSync(join(dir, "orphan.json"), "{}");
    const { inputs, skipped } = findInputs([dir], dir);
    expect(inputs.map((i) => i.file)).toEqual(["p1.txt", "p2.html"]);
    expect(skipped).toEqual([{ file: "orphan.json", reason: "not a .txt or .html file" }]);
    const p1 = readInput(inputs[0]!);
    const p2 = readInput(inputs[1]!);
    expect(p1.ok && p1.page.sidecar?.file).toBe("p1.json");
    expect(p2.ok && p2.page.sidecar?.file).toBe("p2.meta.json");
    expect(p1.ok && new TextDecoder().decode(p1.page.sidecar!.bytes)).toContain("example.org/p1");
  });

  it("reads a page without a sidecar as before", () => {
    const dir = mkdtempSync(join(tmpdir(), "inbox-"));
    writeFileSync(join(dir, "alone.txt"), "x");
    const read = readInput({ path: join(dir, "alone.txt"), file: "alone.txt" });
    expect(read.ok && read.page.sidecar).toBeUndefined();
  });
});
