/**
 * What may not reach a published file. XML 1.0 forbids most C0 controls, U+FFFE/U+FFFF and lone surrogates: one BEL
 * in a scraped title once made 16 of 18 feed files malformed. HTML treats the same characters (and the other
 * noncharacters and C1 controls) as parse errors. They never carry meaning in news text, so they are removed from
 * every text the site reads (articles, knowledge base) and again in the feed writer. Tab, line feed and carriage
 * return stay. Bidi embeddings and overrides are removed from names (they can make a name display as other text,
 * see `stripBidiControls`); article bodies keep theirs, rendered inside `dir="auto"` blocks.
 */

/**
 * Explicit bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): in a scraped title or name they
 * can make it display as different text (an RLO reverses what follows).
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** Removes explicit bidi embedding, override and isolate characters. */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, "");
}

/** C0 controls but tab/LF/CR, DEL and C1, lone surrogates (one code point each with /u), and the 66 noncharacters. */
const INVALID =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF\uFDD0-\uFDEF\uFFFE\uFFFF\u{1FFFE}\u{1FFFF}\u{2FFFE}\u{2FFFF}\u{3FFFE}\u{3FFFF}\u{4FFFE}\u{4FFFF}\u{5FFFE}\u{5FFFF}\u{6FFFE}\u{6FFFF}\u{7FFFE}\u{7FFFF}\u{8FFFE}\u{8FFFF}\u{9FFFE}\u{9FFFF}\u{AFFFE}\u{AFFFF}\u{BFFFE}\u{BFFFF}\u{CFFFE}\u{CFFFF}\u{DFFFE}\u{DFFFF}\u{EFFFE}\u{EFFFF}\u{FFFFE}\u{FFFFF}\u{10FFFE}\u{10FFFF}]/gu;
/** The same test without the global flag (no lastIndex state). */
const HAS_INVALID = new RegExp(INVALID.source, "u");

/** `text` without the characters no XML or HTML document may contain. */
export function removeInvalidChars(text: string): string {
  return HAS_INVALID.test(text) ? text.replace(INVALID, "") : text;
}

/**
 * `value` with every string in it (deeply: arrays and plain objects) cleaned by `clean`; the same object when nothing
 * changed, so clean content costs one regex test per string.
 */
export function cleanStrings<T>(value: T, clean: (text: string) => string = removeInvalidChars): T {
  if (typeof value === "string") return clean(value) as T;
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((v) => {
      const c = cleanStrings(v, clean);
      if (c !== v) changed = true;
      return c;
    });
    return (changed ? out : value) as T;
  }
  if (value !== null && typeof value === "object") {
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const c = cleanStrings(v, clean);
      if (c !== v) changed = true;
      out[k] = c;
    }
    return (changed ? out : value) as T;
  }
  return value;
}

/** A name (knowledge base, outlet, title): invalid characters and bidi controls removed. */
export function cleanName(text: string): string {
  return stripBidiControls(removeInvalidChars(text));
}

/** Control characters (C0 with ESC, BEL, CR and LF; DEL; C1), line/paragraph separators and bidi controls. */
const UNSAFE_IN_TERMINAL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from outside (file names, ids, reasons quoting a page) made safe for one line of terminal output: control
 * and bidi characters are shown as `\u{…}` escapes, so a file name can neither drive the terminal (window title,
 * clear screen) nor forge a line such as "build: done", and lone surrogates become U+FFFD.
 */
export function terminalText(text: string): string {
  return text.toWellFormed().replace(UNSAFE_IN_TERMINAL, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}
