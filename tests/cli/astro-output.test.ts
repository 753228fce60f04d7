/**
 * What `build` reports as rendered and reused (src/cli/astro-build.ts `astroOutputReader`): the counts come from the
 * Astro child's own summary line (src/cli/astro-child.ts), not from Astro's page lines, which a build at log level
 * "warn" does not print.
 */
import { describe, expect, it } from "vitest";
import { astroOutputReader } from "../../src/cli/astro-build.ts";
import { parseChildLine, progressLine, summaryLine } from "../../src/cli/astro-child.ts";

describe("astroOutputReader", () => {
  it("takes the counts from the child's summary line: every output, those rendered, the rest reused", () => {
    const reader = astroOutputReader();
    const kinds = [
      "16:04:19 [WARN] [build] a warning",
      "marsad-astro progress {\"rendered\":3,\"paths\":null}",
      "marsad-astro progress {\"rendered\":4,\"paths\":9}",
      "marsad-astro summary {\"paths\":9,\"rendered\":4,\"pages\":7}",
    ].map((line) => reader.feed(line));
    expect(kinds).toEqual(["warn", "child", "child", "child"]);
    expect(reader.progress()).toEqual({ rendered: 4, paths: 9 });
    const result = reader.result();
    expect(result.counts).toEqual({ outputs: 9, rendered: 4, reused: 5, pages: 7 });
    // The child's lines are neither messages nor part of the tail shown for a failure.
    expect(result.warnings).toEqual([{ text: "[build] a warning", count: 1 }]);
    expect(result.tail).toEqual(["16:04:19 [WARN] [build] a warning"]);
  });

  it("has no counts without a summary line (a failed or killed build), whatever page lines Astro printed", () => {
    const reader = astroOutputReader();
    for (const line of [
      "16:04:21   ├─ /ar/index.html (+12ms)",
      "16:04:21   ├─ /ar/actors/y/rss.xml  (restored)",
      "16:04:30 [build] 2 page(s) built in 11s",
      "marsad-astro progress {\"rendered\":1,\"paths\":2}",
    ])
      reader.feed(line);
    expect(reader.result().counts).toBeNull();
  });

  it("reads a line of the child's only on stdout, and only when it is well formed", () => {
    const reader = astroOutputReader();
    expect(reader.feed("marsad-astro summary {\"paths\":2,\"rendered\":1,\"pages\":1}", true)).toBe("warn");
    expect(reader.feed("marsad-astro summary {\"paths\":-1}")).toBe("other");
    expect(reader.feed("marsad-astro summary not json")).toBe("other");
    expect(reader.result().counts).toBeNull();
  });
});

describe("the child's lines", () => {
  it("are read back as written", () => {
    const counts = { paths: 12, rendered: 5, pages: 10 };
    expect(parseChildLine(progressLine(counts))).toEqual({ kind: "progress", progress: { rendered: 5, paths: 12 } });
    expect(parseChildLine(summaryLine(counts)!)).toEqual({ kind: "summary", summary: { paths: 12, rendered: 5, pages: 10 } });
    expect(parseChildLine("12:00:00 [build] Complete!")).toBeNull();
  });

  it("have no summary while a count is missing (Astro never listed its paths through the counting prerenderer)", () => {
    expect(summaryLine({ paths: null, rendered: 0, pages: 3 })).toBeNull();
    expect(summaryLine({ paths: 3, rendered: 3, pages: null })).toBeNull();
  });
});
