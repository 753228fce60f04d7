import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeBytes } from "../../src/ingest/decode.ts";

const FIXTURES = new URL("../fixtures/ingest/decode/", import.meta.url);
const read = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(name, FIXTURES)));

type Expected =
  | { ok: true; encoding: string; text: string; warnings: number }
  | { ok: false; reason: string };

describe("decodeBytes: fixture files", () => {
  const expected = JSON.parse(readFileSync(new URL("expected.json", FIXTURES), "utf8")) as Record<string, Expected>;
  const arabic = readFileSync(new URL("utf8.txt", FIXTURES), "utf8");
  const files = readdirSync(FIXTURES).filter((f) => f !== "expected.json" && f !== "README.md");

  it("has an expectation for every fixture file", () => expect(files.sort()).toEqual(Object.keys(expected).sort()));

  for (const [file, want] of Object.entries(expected)) {
    it(file, () => {
      const got = decodeBytes(read(file));
      if (!want.ok) {
        expect(got.ok).toBe(false);
        if (!got.ok) expect(got.reason.startsWith(want.reason)).toBe(true);
        return;
      }
      expect(got.ok).toBe(true);
      if (!got.ok) return;
      expect(got.encoding).toBe(want.encoding);
      expect(got.text).toBe(want.text === "arabic" ? arabic : want.text);
      expect(got.warnings).toHaveLength(want.warnings);
      expect(got.text).not.toContain("\uFFFD");
      expect(got.text).not.toContain("\uFEFF");
    });
  }
});

describe("decodeBytes: generated cases", () => {
  const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

  it("warns about the dropped tail of a truncated 3-byte character", () => {
    const bytes = utf8("نص «مقتطع»").subarray(0, -1); // » is 2 bytes in UTF-8; cut its last byte
    const got = decodeBytes(bytes);
    expect(got.ok && got.text).toBe("نص «مقتطع");
    expect(got.ok && got.warnings[0]).toMatch(/truncated UTF-8/);
  });

  it("keeps damaged UTF-8 as UTF-8 with a warning, never silently", () => {
    const body = utf8("سطر عربي سليم تماما وطويل بما يكفي ".repeat(5));
    const bytes = new Uint8Array([...body.subarray(0, 20), 0xff, ...body.subarray(20)]);
    const got = decodeBytes(bytes);
    expect(got.ok).toBe(true);
    if (got.ok) {
      expect(got.encoding).toBe("utf-8");
      expect(got.warnings.join(" ")).toMatch(/invalid UTF-8: 1 bad byte sequence/);
    }
  });

  it("reads Windows-1256 with Arabic punctuation and English words", () => {
    const text = "المصدر: Reuters، الأحد؟ نعم.\nسطر ثان";
    const got = decodeBytes(new Uint8Array(iconv.encode(text, "win1256")));
    expect(got.ok && got.encoding).toBe("windows-1256");
    expect(got.ok && got.text).toBe(text);
  });

  it("reads an English page with a few Windows-1252 curly quotes, with a warning", () => {
    const text = `${"The minister said the talks would resume next week in Tripoli. ".repeat(4)}\u201Cfinal\u201D`;
    const got = decodeBytes(new Uint8Array(iconv.encode(text, "win1252")));
    expect(got.ok && got.text).toBe(text);
    expect(got.ok && got.warnings).toHaveLength(1);
  });

  it("refuses Latin-1 bytes that are neither UTF-8 nor Arabic", () => {
    const got = decodeBytes(new Uint8Array(iconv.encode("Ça coûte très cher à Zürich, déjà été ", "latin1")));
    expect(got.ok).toBe(false);
    if (!got.ok) expect(got.reason).toMatch(/^undecodable/);
  });

  it("treats NUL bytes in a non-UTF-16 file as binary", () => {
    const got = decodeBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 0x08, 0, 0x41, 0x42, 0x43, 0, 0x99, 0]));
    expect(got.ok).toBe(false);
    if (!got.ok) expect(got.reason).toMatch(/^binary file \(NUL/);
  });

  it("round-trips any text through UTF-8, UTF-8 with BOM and UTF-16 with BOM", () => {
    const alphabet = fc.constantFrom(
      ..."abc XYZ 123 \n\r\t«»،؛؟".split(""),
      ..."ابتثجحخدذرزسشصضطظعغفقكلمنهوي".split(""),
      "\u064B", "\u064E", "\u0650", "\u0651", "\u0652", "\u0653", "\u0654", "\u0670", "\u0301", "\u0327",
      "\u1100", "\u1161", "\u2126", "\uFB50", "\u{1F600}", "é", "e",
    );
    fc.assert(
      fc.property(fc.array(alphabet, { minLength: 1, maxLength: 60 }), (chars) => {
        const text = `x${chars.join("")}`;
        const expected = text.replace(/\r\n?/g, "\n").normalize("NFC");
        const encoded = utf8(text);
        const variants: Uint8Array[] = [
          encoded,
          new Uint8Array([0xef, 0xbb, 0xbf, ...encoded]),
          new Uint8Array(Buffer.from(`\uFEFF${text}`, "utf16le")),
        ];
        for (const bytes of variants) {
          const got = decodeBytes(bytes);
          expect(got.ok && got.text).toBe(expected);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("never throws on arbitrary bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const got = decodeBytes(bytes);
        if (got.ok) expect(got.text).not.toMatch(/\r/);
        else expect(got.reason.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });
});

