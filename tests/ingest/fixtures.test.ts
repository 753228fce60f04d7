/**
 * Fixture cases: every folder `tests/fixtures/ingest/<case>/` with an `input.txt` or `input.html` is cleaned with
 * `cleanPage` and compared with its `expected.json`. `UPDATE=1` rewrites the expectations so a reviewer reads
 * the diff; a missing expectation fails. The decode, html and dates folders belong to those stages' own tests.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cleanPage } from "../../src/ingest/index.ts";
import { expectedJson } from "../expectation.ts";

const ROOT = join(import.meta.dirname, "../fixtures/ingest");
const OTHER_STAGES = new Set(["decode", "html", "dates"]);
const cases = readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory() && !OTHER_STAGES.has(d.name))
  .map((d) => d.name)
  .sort();

describe("ingest fixtures", () => {
  it("has cases", () => expect(cases.length).toBeGreaterThan(0));
  for (const name of cases) {
    it(name, () => {
      const dir = join(ROOT, name);
      const input = ["input.txt", "input.html"].find((f) => existsSync(join(dir, f)));
      if (!input) throw new Error(`${name}: add input.txt or input.html`);
      // No outlet templates: a templates file learned in the working copy must not change the expectations.
      const result = cleanPage({ file: input, bytes: new Uint8Array(readFileSync(join(dir, input))) }, { templates: new Map() });
      expect(result).toEqual(expectedJson(join(dir, "expected.json"), result));
    });
  }
});
