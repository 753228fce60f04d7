/**
 * The site's article cache (issue 17): keyed by each file's content hash, not its size and mtime. An edit of the same
 * length whose mtime is restored (`cp -p`, `rsync -t`, backups do that) kept the old title in pages, feeds and cards.
 */
import { mkdirSync, mkdtempSync, readdirSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { serializeArticle } from "../../src/content/article-file.ts";
import type { Article } from "../../src/schemas/article.ts";
import { loadArticles } from "../../src/content/article-cache.ts";
import { article as build } from "../fixtures/site/builders.ts";

const article = (title: string): Article =>
  build("cached-1", { lang: "en", title, source: "Wire", published: "2025-03-01", body: ["A paragraph."] });

describe("the site's article cache", () => {
  it("sees an equal-length edit whose modification time was restored", () => {
    const dir = mkdtempSync(join(tmpdir(), "marsad-cache-"));
    const settings = { articlesDir: join(dir, "articles"), cacheDir: join(dir, "cache") };
    mkdirSync(settings.articlesDir);
    const file = join(settings.articlesDir, "cached-1.md");
    writeFileSync(file, serializeArticle(article("Old title here")));
    const stamp = new Date("2025-03-01T12:00:00Z");
    utimesSync(file, stamp, stamp);
    const before = statSync(file);
    expect(loadArticles(settings, { warn: () => {} })[0]!.title).toBe("Old title here");
    // Same length, same mtime: only the bytes differ.
    writeFileSync(file, serializeArticle(article("New title here")));
    utimesSync(file, stamp, stamp);
    expect(statSync(file).size).toBe(before.size);
    expect(statSync(file).mtimeMs).toBe(before.mtimeMs);
    expect(loadArticles(settings, { warn: () => {} })[0]!.title).toBe("New title here");
    // And an unchanged file is still served from the cache (same result, nothing reported).
    expect(loadArticles(settings, { warn: () => {} })[0]!.title).toBe("New title here");
  });
});

describe("a cache of another format", () => {
  it("is read as empty: every file is parsed again", () => {
    const dir = mkdtempSync(join(tmpdir(), "marsad-cache-"));
    const settings = { articlesDir: join(dir, "articles"), cacheDir: join(dir, "cache") };
    mkdirSync(settings.articlesDir);
    writeFileSync(join(settings.articlesDir, "cached-1.md"), serializeArticle(article("A title")));
    expect(loadArticles(settings, { warn: () => {} })[0]!.title).toBe("A title");
    const caches = readdirSync(join(settings.cacheDir, "site"));
    expect(caches).toHaveLength(1);
    // An older or foreign layout: no articles beside the stamps (read as it was, this threw).
    writeFileSync(join(settings.cacheDir, "site", caches[0]!), JSON.stringify({ files: { "cached-1.md": { id: "cached-1", stamp: "x" } } }));
    expect(loadArticles(settings, { warn: () => {} }).map((a) => a.title)).toEqual(["A title"]);
  });
});

describe("a cache that cannot be written", () => {
  it("costs only speed: articles are read all the same", () => {
    const dir = mkdtempSync(join(tmpdir(), "marsad-cache-"));
    const settings = { articlesDir: join(dir, "articles"), cacheDir: join(dir, "cache") };
    mkdirSync(settings.articlesDir);
    writeFileSync(join(settings.articlesDir, "cached-1.md"), serializeArticle(article("A title")));
    // The cache folder is a file: every write into it fails, as on a full or read-only disk.
    writeFileSync(settings.cacheDir, "not a folder");
    expect(loadArticles(settings, { warn: () => {} })[0]!.title).toBe("A title");
  });
});
