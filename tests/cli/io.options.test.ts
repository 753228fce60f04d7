/**
 * The shared option reader (node:util parseArgs), "did you mean", and progress on a terminal and in logs.
 */
import { Writable } from "node:stream";
import { describe, expect, it, vi } from "vitest";
import { editDistance, heartbeat, info, parseFlags, progress, progressText, suggest, UsageError, withVerbosity, type Io } from "../../src/cli/io.ts";

function sink(isTTY: boolean) {
  let text = "";
  const stderr = Object.assign(
    new Writable({
      write(chunk, _enc, cb) {
        text += String(chunk);
        cb();
      },
    }),
    { isTTY },
  );
  return { stderr, text: () => text };
}

describe("parseFlags", () => {
  it("reads --flag, --flag=value, --flag value, short common flags and --", () => {
    const r = parseFlags(["a", "--items=x.json", "--min", "3", "-q", "--", "--not-an-option"], { items: "string", min: "string" });
    expect(r.positionals).toEqual(["a", "--not-an-option"]);
    expect(r.flags).toMatchObject({ items: "x.json", min: "3", quiet: true });
  });

  it("collects a repeatable option and refuses others given twice", () => {
    expect(parseFlags(["--alias", "a", "--alias=b"], { alias: { type: "string", multiple: true } }).flags.alias).toEqual(["a", "b"]);
    expect(() => parseFlags(["--id", "a", "--id", "b"], { id: "string" })).toThrow(/given twice/);
  });

  it("suggests the nearest option for a typo, and nothing for a far one", () => {
    expect(() => parseFlags(["--forse"], { force: "boolean" })).toThrow(/unknown option --forse; did you mean --force\?/);
    expect(() => parseFlags(["--zzzzzzzz"], { force: "boolean" })).toThrow(/^unknown option --zzzzzzzz$/);
    expect(() => parseFlags(["--x"], {})).toThrow(UsageError);
  });

  it("refuses positionals beyond maxPositionals", () => {
    expect(() => parseFlags(["dist"], {}, { maxPositionals: 0 })).toThrow(/takes no arguments/);
    expect(parseFlags(["--help", "dist"], {}, { maxPositionals: 0 }).flags.help).toBe(true);
  });

  it("edit distance and suggestions", () => {
    expect(editDistance("build", "biuld")).toBe(2);
    expect(editDistance("", "abc")).toBe(3);
    expect(suggest("extrct", ["extract", "ingest"])).toBe("extract");
    expect(suggest("xy", ["ingest"])).toBeUndefined();
  });
});

describe("verbosity", () => {
  it("--quiet silences summaries and progress; --verbose is kept", () => {
    const s = sink(false);
    const base: Io = { stdout: s.stderr, stderr: s.stderr, cwd: "/", env: {}, now: () => 0 };
    const quiet = withVerbosity(base, { quiet: true });
    info(quiet, "summary");
    progress({ ...quiet, now: () => 1e9 }, "ingest")(1, 10);
    expect(s.text()).toBe("");
    info(withVerbosity(base, { verbose: true }), "summary");
    expect(s.text()).toBe("summary\n");
  });
});

describe("progress", () => {
  it("draws a bar in place on a terminal and ends its line when done", () => {
    const s = sink(true);
    let t = 0;
    const tick = progress({ stderr: s.stderr, now: () => t }, "cards");
    tick(1, 4);
    t += 500;
    tick(2, 4);
    t += 500;
    tick(4, 4);
    expect(s.text()).toMatch(/^\rcards \[#{6}-{18}\]  25% 1\/4\rcards \[#{12}-{12}\]  50% 2\/4\rcards \[#{24}\] 100% 4\/4\n$/);
  });

  it("writes a plain line every few seconds without a terminal", () => {
    const s = sink(false);
    let t = 0;
    const tick = progress({ stderr: s.stderr, now: () => t }, "ingest");
    for (let i = 1; i <= 100; i++) {
      t += 200; // 20 s in all
      tick(i, 100);
    }
    const lines = s.text().trim().split("\n");
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines.length).toBeLessThanOrEqual(4);
    expect(lines[0]).toMatch(/^ingest: \d+\/100 \(\d+%\)$/);
    expect(s.text()).not.toMatch(/\r/);
  });

  it("shows a count when the total is unknown", () => {
    expect(progressText("site", 120, 0, true)).toBe("site: 120 done");
  });
});

describe("heartbeat", () => {
  it("says a stage that cannot count is still working, every few seconds in logs, and stops", () => {
    vi.useFakeTimers();
    try {
      const s = sink(false);
      const stop = heartbeat({ stderr: s.stderr }, "search");
      vi.advanceTimersByTime(11_000);
      stop();
      vi.advanceTimersByTime(20_000);
      expect(s.text().trim().split("\n")).toEqual([expect.stringMatching(/^search: working… \d+s$/), expect.stringMatching(/^search: working… \d+s$/)]);
      const quiet = sink(false);
      heartbeat({ stderr: quiet.stderr, verbosity: "quiet" }, "search");
      vi.advanceTimersByTime(20_000);
      expect(quiet.text()).toBe("");
    } finally {
      vi.useRealTimers();
    }
  });
});
