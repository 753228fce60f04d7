import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { emitFrontmatter, type FrontmatterValue, yamlString } from "../../src/content/frontmatter-yaml.ts";

/** Strings that break naive YAML: indicators, keywords, numbers, breaks, quotes, bidi and zero-width marks. */
const HOSTILE = [
  "", " ", "-", "- item", "---", "...", "? q", ": x", "a: b", "a:", "a #b", "#c", "&anchor", "*alias", "!tag", "|", ">",
  "'", '"', "'quoted'", '"quoted"', "%YAML", "@x", "`x`", "{a: 1}", "[1, 2]", "null", "Null", "~", "true", "False",
  "yes", "NO", "on", "off", "y", "n", "1", "-1", "+1", "1.5", ".5", "1e3", "0x1F", "0o17", ".inf", "-.inf", ".nan",
  "2025-09-03", "2025-09-03T10:00:00Z", "12:30", "line\nbreak", "tab\there", "cr\rhere", "trailing ", " leading",
  "back\\slash", "\u2028sep", "para\u2029", "\u0085next", "\ufeffbom", "\u202eRLO\u202c", "zero\u200bwidth", "\u0000nul",
  "\u007fdel", "عنوان: فيه نقطتان", "«اقتباس»", "منصة «إكس", "<script>alert(1)</script>", "javascript:alert(1)",
  "{{ x }}", "${x}", "a\tb: c", "😀 emoji", "\ud83d", "x".repeat(5000),
];

/** Keys are schema field names in practice; YAML caps implicit keys at 1,024 characters. */
const KEYS = HOSTILE.filter((k) => k.length < 1024);

const value: fc.Arbitrary<FrontmatterValue> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }).filter((d) => !Object.is(d, -0)),
    fc.constantFrom(...HOSTILE),
    fc.string({ unit: "binary" }),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), fc.string()), tie("value"), { maxKeys: 4 }),
  ),
})).value as fc.Arbitrary<FrontmatterValue>;

describe("emitFrontmatter", () => {
  it("reads back as the same data with the yaml parser, hostile strings included", () => {
    for (const s of HOSTILE) {
      const data = { s, list: [s, [s], { [KEYS.includes(s) ? s : "k"]: s }] };
      expect(parse(emitFrontmatter(data)), JSON.stringify(s)).toEqual(data);
    }
    fc.assert(
      fc.property(fc.dictionary(fc.oneof(fc.string(), fc.constantFrom(...KEYS)), value, { maxKeys: 6 }), (data) => {
        expect(parse(emitFrontmatter(data)) ?? {}).toEqual(data);
      }),
      { numRuns: 2000, seed: 7 },
    );
  });

  it("keeps ordinary words, names and dates plain and quotes what a reader could take for something else", () => {
    expect(yamlString("خليفة حفتر")).toBe("خليفة حفتر");
    expect(yamlString("Khalifa Haftar")).toBe("Khalifa Haftar");
    expect(yamlString("2025-09-03")).toBe("2025-09-03");
    expect(yamlString("no")).toBe('"no"');
    expect(yamlString("1.5")).toBe('"1.5"');
    expect(yamlString("a: b")).toBe('"a: b"');
    expect(yamlString("\u2028")).toBe('"\\u2028"');
    expect(emitFrontmatter({ a: [], b: {}, c: [{ id: "x", count: 1 }], d: ["yes please"] })).toBe("a: []\nb: {}\nc:\n  - id: x\n    count: 1\nd:\n  - yes please\n");
  });
});
