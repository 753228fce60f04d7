import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import type { Io } from "../../src/cli/io.ts";

function capture(options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  let out = "";
  let err = "";
  const stream = (write: (s: string) => void) =>
    new Writable({
      write(chunk, _enc, cb) {
        write(String(chunk));
        cb();
      },
    });
  const io: Io = {
    stdout: stream((s) => (out += s)),
    stderr: stream((s) => (err += s)),
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? {},
    now: () => 0,
  };
  return { io, out: () => out, err: () => err };
}

/** An empty project folder with its own content folder (nothing of the repository is read or written). */
function emptyProject(siteYaml?: string): { cwd: string; env: NodeJS.ProcessEnv } {
  const cwd = mkdtempSync(join(tmpdir(), "cli-main-"));
  mkdirSync(join(cwd, "content"));
  if (siteYaml !== undefined) writeFileSync(join(cwd, "content", "site.yaml"), siteYaml);
  return { cwd, env: { MARSAD_CACHE_DIR: join(cwd, "cache") } };
}

const COMMANDS = ["extract", "ingest", "build", "actors", "events"];

describe("briefing CLI", () => {
  it("lists commands, the common options and the exit codes with --help", async () => {
    const c = capture();
    expect(await main(["--help"], c.io)).toBe(0);
    expect(c.out()).toMatch(/extract[\s\S]*ingest[\s\S]*build[\s\S]*actors/);
    expect(c.out()).toMatch(/--quiet[\s\S]*--verbose/);
    expect(c.out()).toMatch(/0 done, 1 content problems.*2 usage/);
    // Every command name stands apart from its summary, however long the name.
    for (const name of ["extract", "ingest", "build", "actors", "templates", "events"]) expect(c.out()).toMatch(new RegExp(`^  ${name}  +\\S`, "m"));
  });

  it("fails with one line, status 2 and a suggestion on an unknown command", async () => {
    const c = capture();
    expect(await main(["biuld"], c.io)).toBe(2);
    expect(c.err().trim().split("\n")).toHaveLength(1);
    expect(c.err()).toMatch(/unknown command "biuld"; did you mean build\?/);
    const far = capture();
    expect(await main(["frobnicate"], far.io)).toBe(2);
    expect(far.err()).not.toMatch(/did you mean/);
  });

  it.each(COMMANDS)("%s --help prints its usage", async (name) => {
    const c = capture();
    expect(await main([name, "--help"], c.io)).toBe(0);
    expect(c.out()).toMatch(new RegExp(`Usage: .*${name}`));
  });

  it.each(["--version", "extract --version", "build --quiet --version", "actors queue --version"])("`%s` prints the package version", async (args) => {
    const c = capture();
    expect(await main(args.split(" "), c.io)).toBe(0);
    expect(c.out()).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it("extract without inputs is a usage error", async () => {
    const c = capture();
    expect(await main(["extract"], c.io)).toBe(2);
    expect(c.err()).toMatch(/^briefing extract: extract needs at least one file or folder/);
  });

  it("extract on a missing folder says so and exits 1, as ingest does", async () => {
    const p = emptyProject();
    for (const command of ["extract", "ingest"]) {
      const c = capture(p);
      expect(await main([command, "no/such/folder"], c.io)).toBe(1);
      expect(c.err()).toMatch(/no such file or folder: no\/such\/folder/);
    }
  });

  it.each(COMMANDS.map((name) => [name, name === "actors" ? ["actors", "queue", "--jsno"] : [name, "--jsno"]] as const))(
    "%s rejects an unknown option with a suggestion (exit 2)",
    async (_name, args) => {
      const c = capture();
      expect(await main([...args], c.io)).toBe(2);
      expect(c.err()).toMatch(/unknown option --jsno; did you mean --json\?/);
    },
  );

  it.each([
    [["build", "some/dir"], /takes no arguments, but was given "some\/dir"/],
    [["build", "-x"], /unknown option -x/],
    [["events", "--items"], /option --items needs a value/],
    [["events", "--items", "--compact"], /option --items needs a value/],
    [["build", "--no-cards=yes"], /option --no-cards takes no value/],
    [["build", "--quiet", "--verbose"], /--quiet and --verbose cannot be used together/],
  ])("%j is a usage error", async (args, message) => {
    const c = capture();
    expect(await main(args, c.io)).toBe(2);
    expect(c.err()).toMatch(message);
  });

  it("build -v means --verbose, not a silent full build of something else", async () => {
    // Fails on the site.yaml before any stage runs, and --verbose adds the stack trace.
    const p = emptyProject("tittle: x\n");
    const c = capture(p);
    expect(await main(["build", "-v"], c.io)).toBe(1);
    expect(c.err()).toMatch(/field `tittle`: unknown key; did you mean `title`\?/);
    expect(c.err()).toMatch(/\n\s+at /);
  });

  it("accepts the common options before the command name", async () => {
    const c = capture();
    expect(await main(["--quiet", "build", "--help"], c.io)).toBe(0);
    expect(c.out()).toMatch(/Usage: .*build/);
  });

  it("help <command> shows that command's usage", async () => {
    const c = capture();
    expect(await main(["help", "ingest"], c.io)).toBe(0);
    expect(c.out()).toMatch(/Usage: .*ingest/);
  });
});
