import { describe, expect, it } from "vitest";
import { serializeArticle } from "../../src/content/article-file.ts";
import { emptyManifest } from "../../src/pipeline/manifest.ts";
import { planIngest, sha256, toStoredArticle } from "../../src/pipeline/plan-ingest.ts";
import type { ExtractedArticle } from "../../src/schemas/article.ts";

const make = (id: string, file: string, body: string[]): ExtractedArticle => ({
  file,
  index: 0,
  id,
  lang: "ar",
  title: "عنوان",
  subtitle: null,
  source: null,
  author: null,
  dateline: null,
  published: null,
  seen: null,
  body,
  captions: [],
  actors: [],
  countries: [],
  places: [],
  mentions: [],
  sources: [{ source: null, file, index: 0 }],
  secondary: false,
});

const body = ["فقرة أولى طويلة بما يكفي لتكون فقرة من مقال.", "فقرة ثانية من المقال نفسه."];
const pathFor = (id: string) => `/c/${id}.md`;

describe("planning an ingest", () => {
  it("writes new articles and records them in the manifest", () => {
    const plan = planIngest({
      articles: [make("a1", "x.txt", body)],
      processed: { "inbox/x.txt": { hash: "h", articles: ["a1"] } },
      manifest: emptyManifest(),
      pathFor,
      readCurrent: () => undefined,
    });
    expect(plan.writes.map((w) => w.id)).toEqual(["a1"]);
    expect(plan.manifest.inputs["inbox/x.txt"]?.articles).toEqual(["a1"]);
    expect(plan.manifest.articles.a1?.written).toBe(sha256(plan.writes[0]!.text));
  });

  it("is idempotent: identical files are left alone", () => {
    const first = planIngest({ articles: [make("a1", "x.txt", body)], processed: {}, manifest: emptyManifest(), pathFor, readCurrent: () => undefined });
    const text = first.writes[0]!.text;
    const again = planIngest({ articles: [make("a1", "x.txt", body)], processed: {}, manifest: first.manifest, pathFor, readCurrent: () => text });
    expect(again.writes).toEqual([]);
    expect(again.unchanged).toEqual(["a1"]);
  });

  it("never overwrites a hand-edited file: kept silently when ingest output is unchanged, conflict when it changed", () => {
    const first = planIngest({ articles: [make("a1", "x.txt", body)], processed: {}, manifest: emptyManifest(), pathFor, readCurrent: () => undefined });
    const edited = first.writes[0]!.text.replace("id: a1", "id: a1\ntitle_en: An editor's title");
    const same = planIngest({ articles: [make("a1", "x.txt", body)], processed: {}, manifest: first.manifest, pathFor, readCurrent: () => edited });
    expect(same.writes).toEqual([]);
    expect(same.edited).toEqual(["a1"]);
    expect(same.conflicts).toEqual([]);
    const changed = make("a1", "x.txt", body);
    changed.title = "عنوان معدل";
    const conflict = planIngest({ articles: [changed], processed: {}, manifest: first.manifest, pathFor, readCurrent: () => edited });
    expect(conflict.writes).toEqual([]);
    expect(conflict.conflicts.map((c) => c.id)).toEqual(["a1"]);
    expect(conflict.manifest.articles.a1?.written).toBe(first.manifest.articles.a1?.written);
  });

  it("adopts a file a crashed run wrote before the manifest (same text)", () => {
    const article = make("a1", "x.txt", body);
    const text = serializeArticle(toStoredArticle(article, article.sources));
    const plan = planIngest({ articles: [article], processed: {}, manifest: emptyManifest(), pathFor, readCurrent: () => text });
    expect(plan.writes).toEqual([]);
    expect(plan.manifest.articles.a1?.written).toBe(sha256(text));
  });

  it("merges a copy of a stored article from a new input into the stored id, listing both sources", () => {
    const first = planIngest({ articles: [make("a1", "x.txt", body)], processed: {}, manifest: emptyManifest(), pathFor, readCurrent: () => undefined });
    const copy = make("a1", "y.txt", body);
    const plan = planIngest({
      articles: [copy],
      processed: { "inbox/y.txt": { hash: "h2", articles: ["a1"] } },
      manifest: first.manifest,
      pathFor,
      readCurrent: () => first.writes[0]!.text,
    });
    expect(plan.writes).toHaveLength(1);
    expect(plan.manifest.articles.a1?.sources.map((s) => s.file)).toEqual(["x.txt", "y.txt"]);
  });
});
