/**
 * Properties of the cleaner (`cleanPage`) and the tagger over generated scraped text (fast-check, ~200 runs each):
 * never throws, body verbatim and in input order, deterministic, idempotent on its own output, and mention
 * offsets that point at their surface text inside their sentence.
 */
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createTagger, loadEntityLexicons } from "../../src/entities/index.ts";
import { cleanPage, type RawPage } from "../../src/ingest/index.ts";
import { extractPages } from "../../src/pipeline/extract.ts";
import { lineArb, nameArb, pageTextArb, proseArb } from "./arbitraries.ts";
import { normalisedText, ROOT } from "./helpers.ts";
import { extractedRecord, mentionProblems, pageResultProblems, schemaProblems, verbatimProblems } from "./invariants.ts";

const RUNS = Number(process.env.MARSAD_PROPERTY_RUNS ?? 200);
const lexicons = loadEntityLexicons(join(ROOT, "content"));
const tagger = createTagger(lexicons);
/** Arabic and English names of actors (a bounded sample keeps shrinking readable). */
const NAMES = [
  ...new Set(
    lexicons.actors.flatMap((a) => [a.names.ar, ...a.aliases.ar.slice(0, 2), a.names.en]).filter((n) => n.length < 40),
  ),
].slice(0, 300);
const COUNTRY_WORDS = ["ليبيا", "السودان", "مصر", "تونس", "الليبي", "السودانية", "المصري", "Libya", "Sudan", "Egypt", "طرابلس", "الخرطوم"];
const ALL_NAMES = [...NAMES, ...COUNTRY_WORDS];

const page = (text: string, file = "page.txt"): RawPage => ({ file, bytes: new Uint8Array(Buffer.from(text, "utf8")) });
const params = { numRuns: RUNS } as const;

describe("cleanPage properties", () => {
  it("never throws, and its result has the contract's shape", () => {
    fc.assert(
      fc.property(pageTextArb(ALL_NAMES), fc.constantFrom("page.txt", "page.html"), (text, file) => {
        const result = cleanPage(page(text, file));
        expect(pageResultProblems(result)).toEqual([]);
        if (result.ok) expect(result.articles.flatMap((a) => schemaProblems(extractedRecord(file, a, tagger.tag(a))))).toEqual([]);
      }),
      params,
    );
  });

  it("keeps every body paragraph verbatim (decoded, NFC, LF) and in input line order", () => {
    let withArticles = 0;
    fc.assert(
      fc.property(pageTextArb(ALL_NAMES), (text) => {
        const result = cleanPage(page(text));
        if (!result.ok) return;
        if (result.articles.length) withArticles++;
        const decoded = normalisedText(text);
        expect(result.articles.flatMap((a) => verbatimProblems(decoded, a))).toEqual([]);
      }),
      params,
    );
    // The generator must really produce articles, or the property says nothing.
    expect(withArticles).toBeGreaterThan(RUNS / 4);
  });

  it("is deterministic: the same input twice gives identical JSON (cleanPage and the whole extraction)", () => {
    fc.assert(
      fc.property(pageTextArb(ALL_NAMES), (text) => {
        expect(JSON.stringify(cleanPage(page(text)))).toBe(JSON.stringify(cleanPage(page(text))));
        const once = extractPages([page(text)], tagger);
        const twice = extractPages([page(text)], tagger);
        expect(JSON.stringify({ ...twice, candidates: [...twice.candidates] })).toBe(JSON.stringify({ ...once, candidates: [...once.candidates] }));
      }),
      params,
    );
  });

  it("is idempotent: a page made of an article's own title and body lines gives the same body again", () => {
    let checked = 0;
    fc.assert(
      fc.property(pageTextArb(ALL_NAMES), (text) => {
        const result = cleanPage(page(text));
        if (!result.ok) return;
        for (const a of result.articles) {
          if (!a.title) continue;
          checked++;
          const again = cleanPage(page([a.title, "", ...a.body.flatMap((p) => [p, ""])].join("\n")));
          expect(again.ok).toBe(true);
          if (!again.ok) return;
          expect(again.articles.map((b) => b.body), `title ${JSON.stringify(a.title)}`).toEqual([a.body]);
        }
      }),
      params,
    );
    expect(checked).toBeGreaterThan(RUNS / 4);
  });
});

describe("tagger properties", () => {
  const bodyArb = fc.array(fc.oneof({ weight: 4, arbitrary: proseArb(ALL_NAMES) }, { weight: 1, arbitrary: lineArb(ALL_NAMES, 20) }), {
    minLength: 1,
    maxLength: 8,
  });

  it("never throws; mention offsets point at the surface text, inside a verbatim sentence", () => {
    let mentions = 0;
    fc.assert(
      fc.property(bodyArb, fc.constantFrom("ar", "en") as fc.Arbitrary<"ar" | "en">, fc.option(lineArb(ALL_NAMES, 10), { nil: null }), (body, lang, title) => {
        const tags = tagger.tag({ lang, title, body });
        mentions += tags.mentions.length;
        expect(mentionProblems(body, tags)).toEqual([]);
      }),
      params,
    );
    expect(mentions).toBeGreaterThan(RUNS);
  });

  it("finds a known name with a clitic at the offsets where it was written", () => {
    fc.assert(
      fc.property(proseArb(ALL_NAMES), nameArb(NAMES.filter((n) => /[\u0600-\u06FF]/.test(n))), proseArb(ALL_NAMES), (before, name, after) => {
        const paragraph = `${before} ${name} ${after}`;
        const tags = tagger.tag({ lang: "ar", title: null, body: [paragraph] });
        expect(mentionProblems([paragraph], tags)).toEqual([]);
      }),
      params,
    );
  });

  it("tags the body of every cleaned article with valid offsets", () => {
    fc.assert(
      fc.property(pageTextArb(ALL_NAMES), (text) => {
        const result = cleanPage(page(text));
        if (!result.ok) return;
        for (const a of result.articles) expect(mentionProblems(a.body, tagger.tag(a))).toEqual([]);
      }),
      params,
    );
  });
});
