import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { codeVersion } from "../../src/pipeline/code-version.ts";

describe("codeVersion", () => {
  it("changes with the sources' text, and is undefined when one cannot be read", () => {
    const dir = mkdtempSync(join(tmpdir(), "marsad-code-version-"));
    const from = pathToFileURL(join(dir, "caller.ts"));
    writeFileSync(join(dir, "a.ts"), "export const a = 1;\n");
    const before = codeVersion(from, ["./a.ts"]);
    expect(before).toMatch(/^[0-9a-f]{16}$/);
    expect(codeVersion(from, ["./a.ts"])).toBe(before);
    writeFileSync(join(dir, "a.ts"), "export const a = 2;\n");
    expect(codeVersion(from, ["./a.ts"])).not.toBe(before);
    expect(codeVersion(from, ["./a.ts", "./missing.ts"])).toBeUndefined();
  });
});
