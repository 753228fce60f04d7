/**
 * The site's fast article reader must give exactly what parseArticle gives, for every file: articles the serializer
 * writes (fixtures, real content, generated edge cases) and hand-edited YAML outside its subset (which it hands
 * to parseArticle), including the error for a broken file.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { articleFile, parseArticle, serializeArticle } from "../../src/content/article-file.ts";
import type { Article } from "../../src/schemas/article.ts";
import { parseSubset, readArticleFile } from "../../src/content/fast-frontmatter.ts";

const ROOT = join(import.meta.dirname, "../..");

function both(text: string, file = "x.md"): { slow: unknown; fast: unknown } {
  const run = (f: (t: string, n: string) => Article) => {
    try {
      return f(text, file);
    } catch (error) {
      return { error: (error as Error).message };
    }
  };
  return { slow: run(parseArticle), fast: run(readArticleFile) };
}

const base: Article = {
  id: "a-1",
  lang: "ar",
  title: "عنوان",
  subtitle: null,
  source: null,
  author: null,
  dateline: null,
  published: "2024-08-15",
  seen: null,
  body: ["فقرة."],
  captions: [],
  actors: [],
  countries: ["LY"],
  places: [],
  mentions: [],
  sources: [],
  secondary: false,
};

describe("readArticleFile", () => {
  for (const dir of ["tests/fixtures/site/content/articles", "content/articles"]) {
    it(`matches parseArticle on every file of ${dir}`, () => {
      const abs = join(ROOT, dir);
      if (!existsSync(abs)) return;
      for (const name of readdirSync(abs).filter((f) => f.endsWith(".md"))) {
        const { slow, fast } = both(readFileSync(join(abs, name), "utf8"), name);
        expect(fast, name).toEqual(slow);
      }
    });
  }

  it("matches parseArticle on generated articles with awkward strings", () => {
    // Strings that push YAML quoting: indicators, colons, hashes, quotes, escapes, digits, keywords, unicode.
    const awkward = fc.oneof(
      fc.string(),
      fc.constantFrom("null", "true", "False", "~", "-", "- x", "-x", "1e5", "0x1F", "0o17", ".5", "12", "007", "2024-08-15", "a: b", "a #b", "#x", "'q'", '"q"', "\\", "x\\ny", "@x", "`x`", "%x", "&x", "*x", "!x", "|", ">", "[a]", "{a}", " lead", "trail ", "«حفتر»: قال", "\u200fعربي", "tab\there"),
      fc.stringMatching(/^[\u0621-\u064a :«»."'#\-0-9]{0,30}$/),
    );
    const nullable = fc.option(awkward, { nil: null });
    const article = fc.record({
      title: nullable,
      subtitle: nullable,
      source: nullable,
      author: nullable,
      dateline: nullable,
      captions: fc.array(awkward, { maxLength: 3 }),
      sentence: awkward,
      role: fc.option(awkward, { nil: undefined }),
      title_en: fc.option(awkward, { nil: undefined }),
      summary: fc.option(nullable, { nil: undefined }),
      story: fc.option(fc.stringMatching(/^[a-z0-9-]{1,20}$/), { nil: undefined }),
      index: fc.nat(),
      body: fc.array(fc.oneof(awkward, fc.constantFrom("a\n\nb", "  \n ", "x\r\ny", "\u2028p", "p\u00a0", "\ufeffp")), { minLength: 1, maxLength: 4 }),
    });
    fc.assert(
      fc.property(article, (a) => {
        const input: Article = {
          ...base,
          title: a.title,
          subtitle: a.subtitle,
          source: a.source,
          author: a.author,
          dateline: a.dateline,
          captions: a.captions,
          mentions: [{ ref: "x", paragraph: 0, start: a.index, end: a.index + 1, surface: "ف", sentence: a.sentence, ...(a.role ? { role: a.role } : {}) }],
          sources: [{ source: a.source, file: "f.txt", index: a.index }],
          body: a.body,
          ...(a.title_en ? { title_en: a.title_en } : {}),
          ...(a.summary !== undefined ? { summary: a.summary } : {}),
          ...(a.story !== undefined ? { story: a.story } : {}),
        };
        let file: ReturnType<typeof articleFile>;
        try {
          file = articleFile(input);
        } catch {
          return; // not a valid article: nothing to read
        }
        const { slow, fast } = both(file.text);
        expect(fast).toEqual(slow);
        // What ingest records in the site's article cache (as JSON) is what reading the file gives.
        expect(JSON.parse(JSON.stringify(file.article))).toStrictEqual(JSON.parse(JSON.stringify(slow)));
      }),
      { numRuns: 400, seed: 20251125 },
    );
  });

  it("gives the YAML parser's verdict for adversarial keys (`__proto__`, prototype names, keys past 1,024 characters)", () => {
    // Issue 17: the fast reader honoured a `__proto__:` block (which injected `title_en`) and accepted a
    // 200,000-character key that the YAML parser rejects.
    const serialized = serializeArticle(base);
    const lines = serialized.split("\n");
    const close = lines.indexOf("---", 1);
    const key = fc.oneof(
      fc.constantFrom("__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "__defineGetter__", "valueOf", "title_en", "id"),
      fc.integer({ min: 990, max: 1040 }).map((n) => "k".repeat(n)),
      fc.constant("k".repeat(200_000)),
    );
    const value = fc.oneof(
      fc.constantFrom(" injected", " null", " []", " {}", ' "x"', ""),
      fc.constantFrom("\n  title_en: injected", "\n  title: injected\n  lang: en", "\n  - a\n  - b", "\n  __proto__:\n    title_en: deep"),
    );
    const placed = fc.record({ key, value, at: fc.integer({ min: 1, max: close }), nested: fc.boolean() });
    fc.assert(
      fc.property(placed, ({ key, value, at, nested }) => {
        const copy = [...lines];
        // At the top level, or inside the first mention (a mapping in a sequence), where keys sit deeper.
        const indent = nested && copy.some((l) => l.startsWith("  - ref:")) ? "    " : "";
        const where = indent ? copy.findIndex((l) => l.startsWith("  - ref:")) + 1 : at;
        copy.splice(where, 0, `${indent}${key}:${value.replaceAll("\n  ", `\n  ${indent}`)}`);
        const text = copy.join("\n");
        const { slow, fast } = both(text);
        expect(JSON.stringify(fast)).toBe(JSON.stringify(slow));
        expect(fast).toEqual(slow);
        if (!("error" in (fast as object))) expect(Object.getPrototypeOf(fast)).toBe(Object.prototype);
      }),
      { numRuns: 150, seed: 20261206 },
    );
    // The two cases of the issue, pinned.
    const proto = both(serialized.replace("lang: ar", "__proto__:\n  title_en: injected\nlang: ar"));
    expect(proto.fast).toEqual(proto.slow);
    expect((proto.fast as Article).title_en).toBeUndefined();
    const long = both(serialized.replace("lang: ar", `${"k".repeat(200_000)}: v\nlang: ar`));
    expect(long.fast).toEqual(long.slow);
    expect(long.fast).toMatchObject({ error: expect.stringMatching(/1024/) });
  });

  it("hands YAML outside its subset to parseArticle, errors included", () => {
    const serialized = serializeArticle(base);
    const variants = [
      serialized.replace("lang: ar", "lang: ar # edited by hand"),
      serialized.replace("captions: []", "captions: [one, two]"),
      serialized.replace("countries:\n  - LY", "countries: [LY, SD]"),
      serialized.replace("title: عنوان", "title: >-\n  عنوان\n  طويل"),
      serialized.replace("title: عنوان", 'title: "عنوان\n  على سطرين"'),
      serialized.replace("lang: ar", "lang: fr"),
      serialized.replace("id: a-1", "id: &anchor a-1"),
      serialized.replace("---\n\n", "---\n"),
      "no frontmatter",
      "---\nid: [\n---\n",
    ];
    for (const text of variants) {
      const { slow, fast } = both(text);
      expect(fast, text.slice(0, 80)).toEqual(slow);
    }
  });
});

describe("readArticleFile on quoted keys", () => {
  it("reads the writer's quoted `\"n\":` of event figures on the fast path, as parseArticle does", () => {
    const text = [
      "figures:",
      "  - what: killed",
      '    "n": 5',
      "  - \"n\": null",
      "    what: wounded",
    ].join("\n");
    expect(parseSubset(text)).toEqual({ figures: [{ what: "killed", n: 5 }, { n: null, what: "wounded" }] });
    const serialized = serializeArticle(base).replace("secondary: false", 'secondary: false\n"n": 3');
    const { slow, fast } = both(serialized);
    expect(fast).toEqual(slow);
  });
});
