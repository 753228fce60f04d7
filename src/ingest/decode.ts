/**
 * Decode: raw bytes of a scraped page → text (NFC, LF line ends), or a reason why the file is not text.
 *
 * Cascade:
 *   1. empty input                                   → "empty file"
 *   2. byte-order mark: UTF-8, UTF-16 LE, UTF-16 BE  → decode by the mark
 *   3. NUL bytes: UTF-16 without a mark when the NULs sit on one byte parity and the result reads as text;
 *      otherwise                                     → "binary file (…)"
 *   4. valid UTF-8                                   → UTF-8 (unless mostly control characters → binary)
 *   5. UTF-8 cut inside its last character           → UTF-8 without the broken tail, with a warning
 *   6. mostly valid UTF-8 with a few bad bytes       → UTF-8 with U+FFFD, with a warning saying so
 *   7. Windows-1256 when it decodes to mostly Arabic letters, or when the text is ASCII but for a few
 *      legacy punctuation bytes (curly quotes, dashes), with a warning
 *   8. anything else                                 → "undecodable: …"
 * Never throws; the text is otherwise verbatim.
 */
import { SETTINGS as INGEST_SETTINGS } from "./settings.ts";

/** Encodings the decoder reports. */
export type TextEncodingName = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "windows-1256";

/** Result of {@link decodeBytes}. */
export type DecodeResult =
  | { ok: true; text: string; encoding: TextEncodingName; warnings: string[] }
  | { ok: false; reason: string };

const SETTINGS = INGEST_SETTINGS.decode;

const utf8Fatal = new TextDecoder("utf-8", { fatal: true });
const utf8Lenient = new TextDecoder("utf-8");

/**
 * Decodes one raw input file.
 * @param bytes the file's bytes, never modified
 */
export function decodeBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, reason: "empty file" };
  const warnings: string[] = [];
  const byBom = decodeByBom(bytes);
  if (byBom) return finish(byBom.text, byBom.encoding, warnings);

  const sniff = bytes.subarray(0, SETTINGS.sniffBytes);
  if (bytes.indexOf(0) !== -1) {
    const utf16 = guessUtf16(bytes, sniff);
    if (utf16) return finish(utf16.text, utf16.encoding, warnings);
    return { ok: false, reason: `binary file (NUL bytes at offset ${bytes.indexOf(0)})` };
  }
  const control = controlShare(sniff);
  if (control > SETTINGS.maxControlShare) {
    return { ok: false, reason: `binary file (${Math.round(control * 100)}% control characters)` };
  }

  const text = tryDecode(utf8Fatal, bytes);
  if (text !== null) return finish(text, "utf-8", warnings);

  const scan = scanUtf8(bytes);
  if (scan.truncatedAt !== null) {
    const kept = tryDecode(utf8Fatal, bytes.subarray(0, scan.truncatedAt));
    if (kept !== null) {
      const dropped = bytes.length - scan.truncatedAt;
      warnings.push(`truncated UTF-8 at end of file: dropped the last ${dropped} byte(s) of an incomplete character`);
      return finish(kept, "utf-8", warnings);
    }
  }
  if (scan.multiByte >= SETTINGS.damagedUtf8Ratio * scan.invalid) {
    warnings.push(
      `invalid UTF-8: ${scan.invalid} bad byte sequence(s) replaced with U+FFFD (first at byte ${scan.firstInvalid}); ` +
        "check the scraper's encoding",
    );
    return finish(utf8Lenient.decode(bytes), "utf-8", warnings);
  }
  const cp1256 = new TextDecoder("windows-1256").decode(bytes);
  const { arabicShare, nonAsciiShare } = nonAsciiProfile(cp1256);
  if (arabicShare >= SETTINGS.cp1256ArabicShare) {
    warnings.push("legacy Windows-1256 encoding detected and converted to Unicode");
    return finish(cp1256, "windows-1256", warnings);
  }
  if (nonAsciiShare <= SETTINGS.strayByteShare) {
    // Mostly ASCII with a few legacy bytes (Windows-1252 curly quotes, dashes): 1256 maps those the same way.
    warnings.push(`${scan.invalid} non-UTF-8 byte(s) in mostly ASCII text, read as Windows-1256 punctuation`);
    return finish(cp1256, "windows-1256", warnings);
  }
  return {
    ok: false,
    reason: `undecodable: not UTF-8, UTF-16 or Windows-1256 Arabic (first invalid UTF-8 byte at ${scan.firstInvalid})`,
  };
}

/**
 * Characters a line may change on under NFC (a superset of Unicode's NFC_QC=No singletons, Hangul jamo, and all
 * combining marks). Lines without one are already NFC and are skipped: `String#normalize` runs at about
 * 100 MB/s on Arabic text, half the decode budget, while nearly all scraped lines are NFC already.
 */
const NFC_SENSITIVE =
  /[\p{M}\u0340-\u0344\u0374\u037E\u0387\u0958-\u095F\u09DC-\u09DF\u0A33\u0A36\u0A59-\u0A5E\u0B5C\u0B5D\u0F43-\u0FB9\u1100-\u11FF\u1F71-\u1FFD\u2000\u2001\u2126\u212A\u212B\u2329\u232A\u2ADC\uF900-\uFAFF\uFB1D-\uFB4E]/u;
/** Canonical combining classes of the Arabic harakat, which never compose and only reorder among themselves. */
const HARAKAT_CCC: ReadonlyMap<number, number> = new Map([
  [0x064b, 27], [0x064c, 28], [0x064d, 29], [0x064e, 30], [0x064f, 31], [0x0650, 32], [0x0651, 33], [0x0652, 34],
  [0x0670, 35],
]);
/** Per BMP code unit: 0 inert, 1 may change under NFC, ≥ 2 a haraka's combining class. Built on first use. */
let nfcTable: Uint8Array | null = null;

function getNfcTable(): Uint8Array {
  if (nfcTable) return nfcTable;
  const table = new Uint8Array(0x10000);
  for (let c = 0x300; c < 0x10000; c += 1) {
    if (c >= 0xd800 && c <= 0xdbff) table[c] = 1; // astral: let normalize decide
    else if (c >= 0xdc00 && c <= 0xdfff) continue;
    else table[c] = HARAKAT_CCC.get(c) ?? (NFC_SENSITIVE.test(String.fromCharCode(c)) ? 1 : 0);
  }
  nfcTable = table;
  return table;
}

/** Offset of the first character from which `text` may differ from its NFC form, or -1. */
function firstNfcSensitive(text: string, from: number): number {
  const table = getNfcTable();
  let previousCcc = 0;
  for (let i = from; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0x300) {
      previousCcc = 0;
      continue;
    }
    const v = table[c] as number;
    if (v === 0) previousCcc = 0;
    else if (v === 1) return i;
    else {
      // Harakat in canonical order (non-decreasing class) are already NFC.
      if (previousCcc > v) return i;
      previousCcc = v;
    }
  }
  return -1;
}

/** NFC, only on the lines that can change (NFC never composes across a line break). */
function toNfc(text: string): string {
  let out = "";
  let done = 0;
  for (let at = firstNfcSensitive(text, 0); at !== -1; at = firstNfcSensitive(text, done)) {
    const from = text.lastIndexOf("\n", at) + 1;
    const nl = text.indexOf("\n", at);
    const to = nl === -1 ? text.length : nl;
    out += text.slice(done, from) + text.slice(from, to).normalize("NFC");
    done = to;
  }
  return done === 0 ? text : out + text.slice(done);
}

/** Line ends to LF, NFC, and the empty check, shared by every path. */
function finish(text: string, encoding: TextEncodingName, warnings: string[]): DecodeResult {
  const normalised = toNfc(text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text);
  if (!/\S/.test(normalised.replace(/\uFEFF/g, ""))) return { ok: false, reason: "empty file" };
  return { ok: true, text: normalised, encoding, warnings };
}

function tryDecode(decoder: TextDecoder, bytes: Uint8Array): string | null {
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}

function decodeByBom(bytes: Uint8Array): { text: string; encoding: TextEncodingName } | null {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { text: utf8Lenient.decode(bytes.subarray(3)), encoding: "utf-8-bom" };
  // TextDecoder drops the UTF-16 mark itself; a lone surrogate becomes U+FFFD, which is rare enough to keep.
  if (a === 0xff && b === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes), encoding: "utf-16le" };
  if (a === 0xfe && b === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes), encoding: "utf-16be" };
  return null;
}

/** BOM-less UTF-16: NULs on one parity (the high bytes of ASCII characters) and a readable result. */
function guessUtf16(bytes: Uint8Array, sniff: Uint8Array): { text: string; encoding: TextEncodingName } | null {
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sniff.length; i += 1) {
    if (sniff[i] === 0) {
      if (i % 2 === 0) even += 1;
      else odd += 1;
    }
  }
  const nuls = even + odd;
  let encoding: "utf-16le" | "utf-16be" | null = null;
  if (odd >= SETTINGS.utf16NulParity * nuls) encoding = "utf-16le";
  else if (even >= SETTINGS.utf16NulParity * nuls) encoding = "utf-16be";
  if (encoding === null) return null;
  const decoder = new TextDecoder(encoding, { fatal: true });
  const sample = tryDecode(decoder, sniff.subarray(0, sniff.length - (sniff.length % 2)));
  if (sample === null || plausibleShare(sample) < SETTINGS.plausibleText) return null;
  const text = tryDecode(decoder, bytes.subarray(0, bytes.length - (bytes.length % 2)));
  return text === null ? null : { text, encoding };
}

/** Share of characters that are ordinary text: printable ASCII, Latin, Arabic, common punctuation. */
function plausibleShare(text: string): number {
  if (text.length === 0) return 0;
  let good = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (
      c === 9 || c === 10 || c === 13 ||
      (c >= 0x20 && c < 0x7f) ||
      (c >= 0xa0 && c < 0x250) ||
      (c >= 0x600 && c < 0x780) ||
      (c >= 0x8a0 && c < 0x900) ||
      (c >= 0x2000 && c < 0x2070) ||
      (c >= 0xfb50 && c < 0xfe00) ||
      (c >= 0xfe70 && c <= 0xfeff)
    ) {
      good += 1;
    }
  }
  return good / text.length;
}

/** Share of C0 control bytes other than tab, LF, FF and CR (on the sniffed head: binary shows at once). */
function controlShare(bytes: Uint8Array): number {
  let control = 0;
  for (let i = 0; i < bytes.length; i += 1) {
    const b = bytes[i] as number;
    if ((b < 0x20 && b !== 9 && b !== 10 && b !== 12 && b !== 13) || b === 0x7f) control += 1;
  }
  return control / bytes.length;
}

/**
 * Arabic letters among non-ASCII characters (Windows-1256 Arabic text is mostly Arabic above 0x7F), and the
 * share of non-ASCII characters in the whole text.
 */
function nonAsciiProfile(text: string): { arabicShare: number; nonAsciiShare: number } {
  let nonAscii = 0;
  let arabic = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    nonAscii += 1;
    if (c >= 0x600 && c < 0x700) arabic += 1;
  }
  return {
    arabicShare: nonAscii === 0 ? 0 : arabic / nonAscii,
    nonAsciiShare: text.length === 0 ? 0 : nonAscii / text.length,
  };
}

/**
 * Walks UTF-8 structure: counts valid multi-byte characters and invalid sequences, and reports where a
 * character is cut off by the end of the file (the only damage that is just a truncated download).
 */
function scanUtf8(bytes: Uint8Array): {
  multiByte: number;
  invalid: number;
  firstInvalid: number;
  truncatedAt: number | null;
} {
  let multiByte = 0;
  let invalid = 0;
  let firstInvalid = -1;
  let truncatedAt: number | null = null;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    let ok = need > 0;
    let j = 1;
    for (; ok && j <= need; j += 1) {
      if (i + j >= bytes.length) {
        truncatedAt = invalid === 0 ? i : null;
        return { multiByte, invalid: invalid + 1, firstInvalid: firstInvalid === -1 ? i : firstInvalid, truncatedAt };
      }
      const next = bytes[i + j] as number;
      if ((next & 0xc0) !== 0x80) ok = false;
    }
    if (ok) {
      multiByte += 1;
      i += need + 1;
    } else {
      invalid += 1;
      if (firstInvalid === -1) firstInvalid = i;
      i += 1;
    }
  }
  return { multiByte, invalid, firstInvalid, truncatedAt };
}
