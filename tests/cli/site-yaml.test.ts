/**
 * site.yaml errors name the field (an unknown key too) and keep the YAML parser's excerpt with line and column.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSettings } from "../../src/config.ts";

function load(yaml: string): () => unknown {
  const dir = mkdtempSync(join(tmpdir(), "site-yaml-"));
  writeFileSync(join(dir, "site.yaml"), yaml);
  return () => loadSettings(dir, { MARSAD_CONTENT_DIR: dir });
}

describe("site.yaml errors", () => {
  it("name an unknown key, with the nearest known key", () => {
    expect(load("tittle:\n  ar: مرصد\n  en: Marsad\n")).toThrow(/site\.yaml: field `tittle`: unknown key; did you mean `title`\?/);
    expect(load("colour: red\n")).toThrow(/field `colour`: unknown key \(known keys: url, base, /);
  });

  it("list every problem, each with its field", () => {
    let message = "";
    try {
      load("latest: -1\nbase: a b\n")();
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split("\n")).toHaveLength(2);
    expect(message).toMatch(/field `latest`: /);
    expect(message).toMatch(/field `base`: segment `a b`/);
  });

  it("keep the YAML syntax error's line, column and excerpt", () => {
    let message = "";
    try {
      load("title:\n  ar: مرصد\n en: [Marsad\n")();
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/site\.yaml: not valid YAML: .*line 3, column \d+/);
    expect(message).toMatch(/\n\s+en: \[Marsad/);
  });
});
