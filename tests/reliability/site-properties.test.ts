/**
 * Property-based checks of the site-side stages with arbitrary text (issue 17: the fuzzer reached the cleaner and
 * tagger only): whatever an article or a name holds, feeds stay well-formed XML, the card layout gets bounded text,
 * terminal lines stay one line, and any accepted date gives a bounded timeline.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planCards } from "../../src/cards/build.ts";
import { CARD_TEXT_LIMITS } from "../../src/schemas/card.ts";
import { IsoDate } from "../../src/schemas/common.ts";
import { rssXml } from "../../src/site/feeds.ts";
import { buildTimeline } from "../../src/site/model.ts";
import { cleanStrings, removeInvalidChars, terminalText } from "../../src/lib/text-safety.ts";

/** Characters XML 1.0 allows (its Char production), anchored. */
const XML_CHARS = /^[\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
/** Any UTF-16 text: lone surrogates, controls and noncharacters included. */
const anyText = fc.string({ unit: "binary", maxLength: 60 });
const RUNS = { numRuns: 300, seed: 20261206 };

describe("site stages under arbitrary text", () => {
  it("feeds are XML-clean and keep their element structure", () => {
    fc.assert(
      fc.property(fc.array(anyText, { minLength: 5, maxLength: 5 }), ([title, description, item, summary, category]) => {
        const xml = rssXml({
          title: title!,
          description: description!,
          site: "https://marsad.example.org/ar/",
          customData: "<language>ar</language>",
          items: [{ title: item!, link: "https://marsad.example.org/ar/articles/a/", description: summary!, categories: [category!] }],
        });
        expect(xml).toMatch(XML_CHARS);
        // Markup comes only from the writer: every `<` opens one of its elements.
        expect(xml.match(/<(?!\/?(rss|channel|title|description|link|language|item|guid|category)\b|\?xml)/g)).toBeNull();
      }),
      RUNS,
    );
  });

  it("cleaning is complete and idempotent", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.oneof(anyText, fc.array(anyText))), (value) => {
        const clean = cleanStrings(value);
        expect(JSON.stringify(clean).replace(/\\u[0-9a-f]{4}/g, (e) => String.fromCharCode(parseInt(e.slice(2), 16)))).toMatch(XML_CHARS);
        expect(cleanStrings(clean)).toBe(clean);
        for (const v of Object.values(clean)) for (const s of [v].flat()) expect(removeInvalidChars(s)).toBe(s);
      }),
      RUNS,
    );
  });

  it("terminal text is one line without control characters", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const shown = terminalText(text);
        expect(shown).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
        expect(shown.isWellFormed()).toBe(true);
      }),
      RUNS,
    );
  });

  it("card texts are bounded whatever their length", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 3000 }), fc.nat(5000), (text, repeat) => {
        const long = text.repeat(1 + (repeat % 7));
        const [card] = planCards([{ path: "ar/x", lang: "ar", kind: "article", title: long, meta: [long], chips: [long], siteName: long, alt: "x" }], { outDir: "/d", cacheDir: "/c" });
        expect(card!.spec.title.length).toBeLessThanOrEqual(CARD_TEXT_LIMITS.title);
        expect(card!.spec.meta[0]!.length).toBeLessThanOrEqual(CARD_TEXT_LIMITS.line);
        expect(card!.spec.siteName.length).toBeLessThanOrEqual(CARD_TEXT_LIMITS.line);
      }),
      { numRuns: 100, seed: 20261206 },
    );
  });

  it("any accepted date gives a timeline of bounded size", () => {
    const accepted = fc.date({ min: new Date("1700-01-01T00:00:00Z"), max: new Date("2400-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)).filter((d) => IsoDate.safeParse(d).success);
    fc.assert(
      fc.property(fc.array(accepted, { minLength: 1, maxLength: 20 }), (days) => {
        const timeline = buildTimeline(days);
        expect(timeline.buckets.length).toBeLessThanOrEqual(400 * 12);
      }),
      { numRuns: 200, seed: 20261206 },
    );
  });
});
