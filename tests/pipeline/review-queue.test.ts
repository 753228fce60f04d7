/**
 * The review queue file is editors' data, often under version control: a build that finds nothing new leaves it
 * untouched (same bytes, same modification time); a new candidate rewrites it.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Candidate } from "../../src/entities/index.ts";
import { queuePath, readQueue, recordCandidates } from "../../src/pipeline/review-queue.ts";

const candidate = (key: string): Candidate => ({ key, name_ar: null, suggested_en: key, kind: "person", frequency: 1, contexts: [`${key} said so.`] });

describe("recordCandidates", () => {
  let dir = "";
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("rewrites the queue only when its content changes", () => {
    dir = mkdtempSync(join(tmpdir(), "marsad-queue-"));
    recordCandidates(dir, new Map([["a1", [candidate("jane doe")]]]));
    const file = queuePath(dir);
    const first = readFileSync(file, "utf8");
    // An old mtime makes any rewrite visible, however fast the test runs.
    const old = new Date("2020-01-01T00:00:00Z");
    utimesSync(file, old, old);

    // The same article again (a re-ingest, a rebuild after a pipeline change): nothing new.
    recordCandidates(dir, new Map([["a1", [candidate("jane doe")]]]));
    expect(readFileSync(file, "utf8")).toBe(first);
    expect(statSync(file).mtimeMs).toBe(old.getTime());

    recordCandidates(dir, new Map([["a2", [candidate("john roe")]]]));
    expect(statSync(file).mtimeMs).not.toBe(old.getTime());
    expect(readQueue(dir).candidates.map((c) => c.key).sort()).toEqual(["jane doe", "john roe"]);
  });
});
