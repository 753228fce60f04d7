/**
 * Input stamps (src/pipeline/input-stamps.ts): an input whose page and sidecar places keep the stat signature
 * recorded with its hash is not read again; any write to them (an equal-length edit with its mtime restored, a
 * sidecar added) is seen, a page changed just now is always read, and an unreadable stamps file is ignored with a
 * warning.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterEach, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/main.ts";
import { inputSignature, inputStampsFile, readInputStamps, templatesDigest, writeInputStamps } from "../../src/pipeline/input-stamps.ts";

const root = process.cwd();
const PAGE =
  "Harbor authority reopens the southern port\n\nPORT CITY (Wire) - The harbor authority reopened the southern port on Monday after a week of repairs to its main quay, officials said.\n\nDock workers said the first cargo ships were expected to berth by noon, once inspections of the quay were complete.\n";
/** Later than any file these tests write: every file counts as settled. */
const LATER = () => Date.now() + 600_000;
const pause = () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 30);

afterEach(() => {
  vi.useRealTimers();
});

describe("inputSignature", () => {
  it("is none for a page changed just now, and changes with any write to the page or a sidecar appearing", () => {
    const dir = mkdtempSync(join(tmpdir(), "marsad-stamps-"));
    const page = join(dir, "port.txt");
    writeFileSync(page, PAGE);
    expect(inputSignature(page, Date.now())).toBeUndefined();
    const first = inputSignature(page, LATER());
    expect(first).toBeDefined();
    expect(inputSignature(page, LATER())).toBe(first);
    // Same length, mtime restored: the change time still moves.
    const { mtime } = { mtime: new Date("2025-01-01T00:00:00Z") };
    utimesSync(page, mtime, mtime);
    const restored = inputSignature(page, LATER());
    pause();
    writeFileSync(page, PAGE.replace("Monday", "Friday"));
    utimesSync(page, mtime, mtime);
    expect(inputSignature(page, LATER())).not.toBe(restored);
    const before = inputSignature(page, LATER());
    writeFileSync(join(dir, "port.meta.json"), "{}");
    expect(inputSignature(page, LATER())).not.toBe(before);
    expect(inputSignature(join(dir, "missing.txt"), LATER())).toBeUndefined();
  });
});

describe("the stamps file", () => {
  it("is ignored with a warning when unreadable, and when it was made with other templates", () => {
    const dir = mkdtempSync(join(tmpdir(), "marsad-stamps-"));
    const file = inputStampsFile(join(dir, "cache"), join(dir, "content"));
    const templates = templatesDigest(new TextEncoder().encode("version: 1\n"));
    writeInputStamps(file, templates, new Map([["inbox/a.txt", { stat: "1:2:3:4:5|-|-|-", hash: "abc" }]]));
    expect(readInputStamps(file, templates, (m) => expect.fail(m)).get("inbox/a.txt")?.hash).toBe("abc");
    expect(readInputStamps(file, templatesDigest(null), (m) => expect.fail(m)).size).toBe(0);
    writeFileSync(file, "{ not json");
    const warnings: string[] = [];
    expect(readInputStamps(file, templates, (m) => warnings.push(m)).size).toBe(0);
    expect(warnings).toEqual([expect.stringContaining("unreadable input stamps")]);
  });
});

async function ingest(content: string, cache: string): Promise<{ processed: number; unchanged_inputs: number }> {
  const sink = () => new Writable({ write: (_c, _e, cb) => cb() });
  let out = "";
  const code = await main(["ingest", "--json", "--quiet"], {
    stdout: new Writable({ write: (c, _e, cb) => ((out += String(c)), cb()) }),
    stderr: sink(),
    cwd: root,
    env: { MARSAD_CONTENT_DIR: content, MARSAD_CACHE_DIR: cache, MARSAD_INGEST_WORKERS: "0" },
    now: () => 0,
  });
  expect(code).toBe(0);
  return JSON.parse(out);
}

describe("ingest with input stamps", () => {
  it("records settled inputs, and still processes a page edited to the same length with its mtime restored, or given a sidecar", { timeout: 120_000 }, async () => {
    const content = mkdtempSync(join(tmpdir(), "marsad-stamps-"));
    const cache = join(content, "cache");
    cpSync(join(root, "content", "actors"), join(content, "actors"), { recursive: true });
    cpSync(join(root, "content", "countries"), join(content, "countries"), { recursive: true });
    const inbox = join(content, "inbox");
    mkdirSync(inbox);
    const page = join(inbox, "port.txt");
    writeFileSync(page, PAGE);
    vi.useFakeTimers({ toFake: ["Date"], now: LATER() });

    expect((await ingest(content, cache)).processed).toBe(1);
    const file = inputStampsFile(cache, content);
    expect(existsSync(file)).toBe(true);
    expect(Object.keys((JSON.parse(readFileSync(file, "utf8")) as { inputs: object }).inputs)).toHaveLength(1);
    expect(await ingest(content, cache)).toMatchObject({ processed: 0, unchanged_inputs: 1 });

    const mtime = new Date("2025-01-01T00:00:00Z");
    utimesSync(page, mtime, mtime);
    expect(await ingest(content, cache)).toMatchObject({ processed: 0, unchanged_inputs: 1 });
    pause();
    writeFileSync(page, PAGE.replace("Monday", "Friday"));
    utimesSync(page, mtime, mtime);
    expect((await ingest(content, cache)).processed).toBe(1);
    expect((await ingest(content, cache)).processed).toBe(0);

    writeFileSync(join(inbox, "port.json"), JSON.stringify({ url: "https://wire.example/port-3" }));
    expect((await ingest(content, cache)).processed).toBe(1);
    expect((await ingest(content, cache)).processed).toBe(0);
  });
});
