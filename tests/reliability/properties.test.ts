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
import { cleanArticlePageArb, lineArb, nameArb, pageTextArb, proseArb } from "./arbitraries.ts";
import { normalisedText, ROOT } from "./helpers.ts";
import { extractedRecord, mentionProblems, pageResultProblems, schemaProblems, verbatimProblems } from "./invariants.ts";

const RUNS = Number(process.env.MARSAD_PROPERTY_RUNS ?? 200);
/** Fixed by default so the suite is reproducible; set MARSAD_PROPERTY_SEED to explore (tests/fuzz/hunt.ts runs more). */
const SEED = Number(process.env.MARSAD_PROPERTY_SEED ?? 20250301);
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
const params = { numRuns: RUNS, seed: SEED } as const;
/** The page a reader would make of an article: its title, a blank line, its paragraphs separated by blank lines. */
const ownPage = (a: { title: string | null; body: string[] }) => [a.title, "", ...a.body.flatMap((p) => [p, ""])].join("\n");

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

  it("is idempotent: a page made of a clean article's own title and body lines gives the same body again", () => {
    let checked = 0;
    fc.assert(
      fc.property(cleanArticlePageArb(ALL_NAMES), (text) => {
        const result = cleanPage(page(text));
        if (!result.ok) return;
        for (const a of result.articles) {
          // A title and a single paragraph without byline or date is not an article to the cleaner (a guard
          // against teasers), so one-paragraph articles are not re-extractable from title + body alone.
          if (!a.title || a.body.length < 2) continue;
          checked++;
          const again = cleanPage(page(ownPage(a)));
          expect(again.ok && again.articles.map((b) => b.body), `title ${JSON.stringify(a.title)}`).toEqual([a.body]);
        }
      }),
      params,
    );
    expect(checked).toBeGreaterThan(RUNS / 2);
  });

  // Known limitation (found by tests/fuzz/hunt.ts, `idem` over junk-laden pages): whether a short, unpunctuated line
  // is a crosshead (kept in the body) or the next article's headline depends on the blank-line layout around it, so
  // re-extracting an article whose body kept such a line splits it. Marked `fails` so it flips when it is fixed.
  it.fails("is idempotent on an article whose body kept a headline-like line (src/ingest classify/assemble)", () => {
    const text =
      "\nالحكومة ٠ آ\n\nالحكومة \u202A. الحكومة الحكومة. الحكومة \u202A. تنظيم الدولة الإسلامية الحكومة.\n\n" +
      "الحكومة الحكومة. الحكومة. الحكومة Reuters. الحكومة الحكومة الحكومة.\n\nالحكومة\nالحكومة تنظيم الدولة الإسلامية ٠ الحكومة\n\n" +
      "الحكومة الحكومة. ، 😀. الحكومة ،. تنظيم الدولة الإسلامية الحكومة الحكومة.\n\nالحكومة Reuters. تنظيم الدولة الإسلامية. الحكومة تنظيم الدولة الإسلامية.\n";
    const first = cleanPage(page(text));
    expect(first.ok && first.articles.length).toBe(1);
    const a = first.ok ? first.articles[0]! : undefined;
    expect(a?.body).toHaveLength(6); // "الحكومة" and the headline-like line stayed in the body
    const again = cleanPage(page(ownPage(a!)));
    expect(again.ok && again.articles.map((b) => b.body)).toEqual([a!.body]); // actually: split into two articles
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
