import { describe, expect, it } from "vitest";
import { segmentLines, splitLines } from "../../src/ingest/segment.ts";

describe("segment", () => {
  it("splits on every line terminator", () => {
    expect(splitLines("a\r\nb\rc\nd\u2028e")).toEqual(["a", "b", "c", "d", "e"]);
  });

  it("keeps non-blank lines with the blank gaps around them", () => {
    const lines = segmentLines(["  first ", "", "\u00A0", "second", "third", "", ""]);
    expect(lines.map((l) => [l.index, l.lineNo, l.text, l.gapBefore, l.gapAfter])).toEqual([
      [0, 0, "first", 0, 2],
      [1, 3, "second", 2, 0],
      [2, 4, "third", 0, 2],
    ]);
  });

  it("treats zero-width and bidi marks as blank", () => {
    expect(segmentLines(["\u200F\u200B", "x"])[0]!.gapBefore).toBe(1);
  });
});
