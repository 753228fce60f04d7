import { describe, expect, it } from "vitest";
import { parseArticle, serializeArticle } from "../../src/content/article-file.ts";
import { ContentError } from "../../src/lib/errors.ts";
import type { Article } from "../../src/schemas/article.ts";

const article: Article = {
  id: "abc123def456",
  lang: "ar",
  title: "عنوان: فيه نقطتان --- وخط",
  subtitle: null,
  source: "مصدر",
  author: null,
  dateline: "طرابلس",
  published: "2025-11-03",
  seen: null,
  captions: ["تعليق صورة (أ.ف.ب)"],
  actors: [{ id: "khalifa-haftar", ar: "خليفة حفتر", en: "Khalifa Haftar", type: "person" }],
  countries: ["LY"],
  places: [{ ar: "طرابلس", en: "Tripoli", country: "LY" }],
  mentions: [],
  sources: [{ source: "مصدر", file: "a.txt", index: 0 }],
  secondary: false,
  body: ["الفقرة الأولى.", "---", "<script>alert(1)</script> {x}"],
};

describe("article file", () => {
  it("round-trips every field, including YAML and Markdown breakers", () => {
    const text = serializeArticle(article);
    expect(parseArticle(text, "x.md")).toEqual(article);
  });

  it("round-trips the summary and story id, and reads an article written before stories existed", () => {
    const withStory: Article = { ...article, summary: "قال: «لا» — 3.5% من 1,200.", story: "abc123def456" };
    expect(parseArticle(serializeArticle(withStory), "s.md")).toEqual(withStory);
    expect(parseArticle(serializeArticle({ ...article, summary: null }), "n.md").summary).toBeNull();
    const legacy = parseArticle(serializeArticle(article), "l.md");
    expect(legacy.story).toBeUndefined();
    expect(legacy.summary).toBeUndefined();
  });

  it("is deterministic", () => {
    expect(serializeArticle(article)).toBe(serializeArticle(structuredClone(article)));
  });

  it("names the file and the field on a bad frontmatter", () => {
    const text = serializeArticle(article).replace("published: 2025-11-03", "published: 3 Nov");
    expect(() => parseArticle(text, "content/articles/x.md")).toThrow(/content\/articles\/x\.md: frontmatter field `published`/);
  });

  it("names the line of a YAML syntax error", () => {
    const text = "---\nid: a\ntitle: [unclosed\n---\n\nbody\n";
    expect(() => parseArticle(text, "y.md")).toThrow(ContentError);
    expect(() => parseArticle(text, "y.md")).toThrow(/^y\.md(:\d+)?: frontmatter is not valid YAML/);
  });

  it("rejects a file without frontmatter", () => {
    expect(() => parseArticle("just text", "z.md")).toThrow(/z\.md:1: missing frontmatter/);
  });
});
