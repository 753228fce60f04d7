/** Search snippets quote only the words readers see, marking clitic forms of the query's words. */
import { describe, expect, it } from "vitest";
import { HIDDEN_TOKENS_MARK, snippet, visibleContent } from "../../src/site/search-excerpt.ts";

const text = (segments: ReturnType<typeof snippet>) => segments.map((s) => s.text).join("");

describe("search snippets", () => {
  it("never quotes the hidden block of normalised tokens", () => {
    const content = `التقى رئيس المجلس بالمبعوث في بنغازي أمس. ${HIDDEN_TOKENS_MARK} رييس نغازي مجلس`;
    expect(visibleContent(content)).toBe("التقى رئيس المجلس بالمبعوث في بنغازي أمس");
    const s = snippet(content, "بنغازي");
    expect(text(s)).not.toContain("نغازي مجلس");
    expect(text(s)).not.toContain(HIDDEN_TOKENS_MARK);
    expect(s.filter((x) => x.mark).map((x) => x.text)).toEqual(["بنغازي"]);
  });

  it("marks a clitic form of a query word, with context around the first match", () => {
    const words = Array.from({ length: 40 }, (_, i) => `w${i}`);
    words[20] = "لحفتر";
    const s = snippet(words.join(" "), "حفتر");
    expect(s.find((x) => x.mark)?.text).toBe("لحفتر");
    expect(text(s).startsWith("… w12 ")).toBe(true);
  });

  it("quotes the text after the title the result already shows", () => {
    const s = snippet("Source. Haftar meets envoy. Haftar met the envoy in Benghazi on Monday", "haftar", "Haftar meets envoy");
    expect(text(s)).toBe("Haftar met the envoy in Benghazi on Monday");
  });

  it("keeps English words apart and marks them case-insensitively", () => {
    const s = snippet("The Rapid Support Forces said on Monday", "rapid support forces");
    expect(text(s)).toBe("The Rapid Support Forces said on Monday");
    expect(s.filter((x) => x.mark).map((x) => x.text)).toEqual(["Rapid", "Support", "Forces"]);
  });
});
