import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";

function capture() {
  let out = "";
  let err = "";
  const stream = (write: (s: string) => void) =>
    new Writable({
      write(chunk, _enc, cb) {
        write(String(chunk));
        cb();
      },
    });
  const io = {
    stdout: stream((s) => (out += s)),
    stderr: stream((s) => (err += s)),
    cwd: process.cwd(),
    env: {},
    now: () => 0,
  };
  return { io, out: () => out, err: () => err };
}

describe("briefing CLI", () => {
  it("lists commands with --help", async () => {
    const c = capture();
    expect(await main(["--help"], c.io)).toBe(0);
    expect(c.out()).toMatch(/extract[\s\S]*ingest[\s\S]*build[\s\S]*actors/);
  });

  it("fails with one line and status 2 on an unknown command", async () => {
    const c = capture();
    expect(await main(["frobnicate"], c.io)).toBe(2);
    expect(c.err().trim().split("\n")).toHaveLength(1);
    expect(c.err()).toMatch(/unknown command "frobnicate"/);
  });

  it.each(["extract", "ingest", "build"])("%s --help prints its usage", async (name) => {
    const c = capture();
    expect(await main([name, "--help"], c.io)).toBe(0);
    expect(c.out()).toMatch(new RegExp(`Usage: .*${name === "build" ? "build" : name}`));
  });

  it("extract without inputs is a usage error", async () => {
    const c = capture();
    expect(await main(["extract"], c.io)).toBe(2);
    expect(c.err()).toMatch(/^briefing extract: extract needs at least one file or folder/);
  });

  it("rejects unknown options", async () => {
    const c = capture();
    expect(await main(["ingest", "--frob"], c.io)).toBe(2);
    expect(c.err()).toMatch(/unknown option --frob/);
  });
});
