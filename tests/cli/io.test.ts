/**
 * Terminal output (issue 17): names printed by the CLI come from scraped files and hand edits; a name must neither
 * drive the terminal (ESC sequences set the window title or clear the screen) nor forge a line of its own.
 */
import { describe, expect, it } from "vitest";
import { safeText } from "../../src/cli/io.ts";

describe("safeText", () => {
  it("shows control characters as escapes: no ESC, BEL, CR or LF reaches the terminal", () => {
    const name = "page\u001b]0;pwned\u0007\u001b[2J.txt";
    const shown = safeText(name);
    expect(shown).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(shown).toBe("page\\u{1b}]0;pwned\\u{7}\\u{1b}[2J.txt");
  });

  it("keeps a forged line on the line of the name", () => {
    const shown = safeText("a.txt: ok\nbuild: done in 0.1s\r");
    expect(shown.split("\n")).toHaveLength(1);
    expect(shown).toContain("\\u{a}build: done");
  });

  it("shows bidi controls, separators and lone surrogates harmlessly, and leaves Arabic alone", () => {
    expect(safeText("\u202egnp.exe\u2028x")).toBe("\\u{202e}gnp.exe\\u{2028}x");
    expect(safeText("a\ud800b")).toBe("a\ufffdb");
    expect(safeText("خبر عاجل.txt")).toBe("خبر عاجل.txt");
  });
});
