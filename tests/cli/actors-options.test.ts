/**
 * The actors command through the shared option reader: --json on its edit commands, suggestions for typos.
 */
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { runActorsCommand } from "../../src/cli/actors.ts";
import { emptyQueue, updateQueue } from "../../src/entities/discover.ts";
import { writeQueue } from "../../src/pipeline/review-queue.ts";

async function run(cwd: string, ...argv: string[]) {
  let out = "";
  let err = "";
  const sink = (f: (s: string) => void) => new Writable({ write: (c, _e, cb) => (f(String(c)), cb()) });
  const code = await runActorsCommand(argv, { stdout: sink((s) => (out += s)), stderr: sink((s) => (err += s)), cwd });
  return { code, out, err };
}

function project(): string {
  const cwd = mkdtempSync(join(tmpdir(), "cli-actors-"));
  mkdirSync(join(cwd, "content/actors"), { recursive: true });
  const candidate = { key: "Candidate One", name_ar: null, suggested_en: "Candidate One", kind: "person" as const, frequency: 1, contexts: ["A sentence."] };
  writeQueue(join(cwd, "content"), updateQueue(emptyQueue(), [candidate], "article-1"));
  return cwd;
}

describe("actors options", () => {
  it("reject --json prints one JSON object", async () => {
    const r = await run(project(), "reject", "Candidate One", "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ command: "reject", message: expect.stringMatching(/^Rejected Candidate One/) });
  });

  it("suggests the nearest subcommand and option", async () => {
    const cwd = project();
    const sub = await run(cwd, "queu");
    expect(sub.code).toBe(2);
    expect(sub.err).toMatch(/unknown command "queu"; did you mean queue\?/);
    const opt = await run(cwd, "queue", "--mni", "2");
    expect(opt.code).toBe(2);
    expect(opt.err).toMatch(/unknown option --mni; did you mean --min\?/);
  });

  it("accepts the common options on every subcommand", async () => {
    const r = await run(project(), "queue", "--quiet", "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toHaveLength(1);
  });
});
