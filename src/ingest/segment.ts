/**
 * Stage "segment": text → non-blank lines, each with the number of blank lines around it.
 *
 * A paragraph is one non-empty line. Blank lines carry layout: a wide gap often separates articles, a doubled
 * caption has none. Whitespace-only lines (NBSP, zero-width marks) count as blank, because scrapers emit them
 * between paragraphs.
 */
import { trimLine } from "./text.ts";

/** One non-blank line of a page. */
export interface Line {
  /** Position among the page's non-blank lines (0-based): the index every later stage uses. */
  index: number;
  /** Line number in the decoded text (0-based), for diagnostics. */
  lineNo: number;
  /** The line trimmed of surrounding whitespace: the verbatim text articles keep. */
  text: string;
  /** Blank lines between this line and the previous non-blank one (or the page start). */
  gapBefore: number;
  /** Blank lines between this line and the next non-blank one (or the page end). */
  gapAfter: number;
  /** For HTML pages: the block element holding the line (`p`, `h1`, `li`…). */
  tag?: string;
  /** For HTML pages: what the line's element says it is (title, nav, footer, aside, figcaption, byline, time…). */
  role?: string;
}

/** Structure an HTML page gives each raw line (parallel to the raw lines). */
export interface LineHint {
  tag?: string;
  role?: string;
}

/** Splits decoded text into raw lines on any line terminator (CRLF, CR, LF, U+2028/2029, form feed). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|[\r\n\u2028\u2029\f\v]/);
}

/** Keeps the non-blank lines of `rawLines`, recording the blank gaps around each. Linear in the input. */
export function segmentLines(rawLines: readonly string[], hints?: readonly LineHint[]): Line[] {
  const out: Line[] = [];
  let gap = 0;
  for (let lineNo = 0; lineNo < rawLines.length; lineNo++) {
    const text = trimLine(rawLines[lineNo] ?? "");
    if (text === "") {
      gap++;
      continue;
    }
    const prev = out[out.length - 1];
    if (prev) prev.gapAfter = gap;
    const line: Line = { index: out.length, lineNo, text, gapBefore: gap, gapAfter: 0 };
    const hint = hints?.[lineNo];
    if (hint?.tag) line.tag = hint.tag;
    if (hint?.role) line.role = hint.role;
    out.push(line);
    gap = 0;
  }
  const last = out[out.length - 1];
  if (last) last.gapAfter = gap;
  return out;
}
