import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { codeVersion, moduleSources, moduleVersion } from "../../src/lib/code-version.ts";

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

describe("moduleSources", () => {
  /** entry.ts → sub/b.ts → c.ts and b's data file and folder; a type import, a comment and a package left out. */
  function tree(): string {
    const dir = mkdtempSync(join(tmpdir(), "marsad-module-sources-"));
    mkdirSync(join(dir, "sub", "lexicon"), { recursive: true });
    writeFileSync(
      join(dir, "entry.ts"),
      ['import { b } from "./sub/b.ts";', 'import type { T } from "./types.ts";', 'import { z } from "zod";', '/** e.g. `from "./example.ts"` */', "export const e = b;"].join("\n"),
    );
    writeFileSync(join(dir, "types.ts"), "export type T = 1;\n");
    writeFileSync(
      join(dir, "sub", "b.ts"),
      ['export { c } from "../c.ts";', 'const words = new URL("./words.yaml", import.meta.url);', 'const lex = new URL("./lexicon/", import.meta.url);', "export const b = 1;"].join("\n"),
    );
    writeFileSync(join(dir, "c.ts"), "export const c = 1;\n");
    writeFileSync(join(dir, "sub", "words.yaml"), "- a\n");
    writeFileSync(join(dir, "sub", "lexicon", "x.yaml"), "- x\n");
    return dir;
  }

  it("follows relative imports and the data files a module reads beside itself", () => {
    const dir = tree();
    const rel = moduleSources(pathToFileURL(join(dir, "entry.ts"))).map((u) => u.slice(pathToFileURL(dir).href.length + 1));
    expect(rel).toEqual(["c.ts", "entry.ts", "sub/b.ts", "sub/lexicon/x.yaml", "sub/words.yaml"]);
  });

  it("gives a version that changes when an imported module or data file changes", () => {
    const dir = tree();
    const entry = pathToFileURL(join(dir, "entry.ts"));
    const before = moduleVersion(entry);
    expect(before).toMatch(/^[0-9a-f]{16}$/);
    writeFileSync(join(dir, "types.ts"), "export type T = 2;\n");
    expect(moduleVersion(entry)).toBe(before);
    writeFileSync(join(dir, "sub", "lexicon", "x.yaml"), "- y\n");
    const after = moduleVersion(entry);
    expect(after).not.toBe(before);
    writeFileSync(join(dir, "c.ts"), "export const c = 2;\n");
    expect(moduleVersion(entry)).not.toBe(after);
  });

  it("is unversioned when the entry cannot be read (bundled code)", () => {
    expect(moduleVersion(pathToFileURL(join(tmpdir(), "marsad-no-such-dir", "x.ts")))).toBeUndefined();
  });
});
