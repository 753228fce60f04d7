/**
 * The site's article cache (issue 17): keyed by each file's content hash, not its size and mtime. An edit of the same
 * length whose mtime is restored (`cp -p`, `rsync -t`, backups do that) kept the old title in pages, feeds and cards.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { deserialize, serialize } from "node:v8";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { articleFile, serializeArticle } from "../../src/content/article-file.ts";
import type { Article } from "../../src/schemas/article.ts";
import { articleDigest, articlesUnchanged, loadArticles, readArticlesCached, readStoredStories, recordWrittenArticles } from "../../src/content/article-cache.ts";
import { assignStories } from "../../src/stories/index.ts";
import { article as build } from "../fixtures/site/builders.ts";

const article = (title: string): Article =>
  build("cached-1", { lang: "en", title, source: "Wire", published: "2025-03-01", body: ["A paragraph."] });

describe("the site's article cache", () => {
  it("sees an equal-length edit whose modification time was restored", () => {
    const { settings } = cacheFolders();
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

/** The cache folder of `settings` and its shard files. */
/** A fresh temporary folder with an (empty) articles folder and a cache folder beside it. */
function cacheFolders(): { dir: string; settings: { articlesDir: string; cacheDir: string } } {
  const dir = mkdtempSync(join(tmpdir(), "marsad-cache-"));
  const settings = { articlesDir: join(dir, "articles"), cacheDir: join(dir, "cache") };
  mkdirSync(settings.articlesDir);
  return { dir, settings };
}

function shards(cacheDir: string): { folder: string; files: string[] } {
  const [name] = readdirSync(join(cacheDir, "site"));
  const folder = join(cacheDir, "site", name!);
  return { folder, files: readdirSync(folder).filter((f) => /^\d+\.v8$/.test(f)).map((f) => join(folder, f)) };
}

/** The entries of a shard file (V8's serialisation format, lib/cache.ts `readCacheValue`). */
function shardEntries<T>(file: string): Record<string, T> {
  return (deserialize(readFileSync(file)) as { files: Record<string, T> }).files;
}

describe("the stat signature of a settled file", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("is kept once the file has settled, and an equal-length edit with its mtime restored still changes it", () => {
    const { settings } = cacheFolders();
    const file = join(settings.articlesDir, "cached-1.md");
    writeFileSync(file, serializeArticle(article("Old title here")));
    const stamp = new Date("2025-03-01T12:00:00Z");
    utimesSync(file, stamp, stamp);
    // Just written: no signature (it could change again within the clock's tick); the bytes are hashed.
    expect(loadArticles(settings, { warn: () => {} })[0]!.title).toBe("Old title here");
    const entries = () => shards(settings.cacheDir).files.flatMap((f) => Object.values(shardEntries<{ stat?: string }>(f)));
    expect(entries()[0]!.stat).toBeUndefined();
    // Ten seconds on, it has settled: the signature is recorded.
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 10_000 });
    expect(loadArticles(settings, { warn: () => {} })[0]!.title).toBe("Old title here");
    expect(entries()[0]!.stat).toMatch(/^\d+:\d+:\d+:\d+:\d+$/);
    // A later edit of the same length with the old mtime: the change time is new, so the file is read again.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 30);
    writeFileSync(file, serializeArticle(article("New title here")));
    utimesSync(file, stamp, stamp);
    expect(loadArticles(settings, { warn: () => {} })[0]!.title).toBe("New title here");
  });
});

describe("a cache of another format", () => {
  it("is read as empty, with a warning: every file is parsed again", () => {
    const { settings } = cacheFolders();
    writeFileSync(join(settings.articlesDir, "cached-1.md"), serializeArticle(article("A title")));
    expect(loadArticles(settings, { warn: () => {} })[0]!.title).toBe("A title");
    const { files } = shards(settings.cacheDir);
    expect(files).toHaveLength(1);
    // An older or foreign layout: no articles beside the stamps (read as it was, this threw).
    writeFileSync(files[0]!, JSON.stringify({ files: { "cached-1.md": { id: "cached-1", stamp: "x" } } }));
    const warnings: string[] = [];
    expect(loadArticles(settings, { warn: (m) => warnings.push(m) }).map((a) => a.title)).toEqual(["A title"]);
    expect(warnings).toEqual([expect.stringContaining("unreadable article cache")]);
  });

  it("a truncated shard is ignored with a warning, not a crash, and written again", () => {
    const { settings } = cacheFolders();
    writeFileSync(join(settings.articlesDir, "cached-1.md"), serializeArticle(article("A title")));
    loadArticles(settings, { warn: () => {} });
    const { files } = shards(settings.cacheDir);
    writeFileSync(files[0]!, readFileSync(files[0]!).subarray(0, 40));
    const warnings: string[] = [];
    expect(loadArticles(settings, { warn: (m) => warnings.push(m) }).map((a) => a.title)).toEqual(["A title"]);
    expect(warnings).toHaveLength(1);
    // Written again: the next read is quiet.
    expect(loadArticles(settings, { warn: (m) => expect.fail(m) }).map((a) => a.title)).toEqual(["A title"]);
  });

  it("the single-file cache of earlier versions is removed once the shards are written", () => {
    const { settings } = cacheFolders();
    writeFileSync(join(settings.articlesDir, "cached-1.md"), serializeArticle(article("A title")));
    loadArticles(settings, { warn: () => {} });
    const { folder } = shards(settings.cacheDir);
    writeFileSync(`${folder}.json`, "{}");
    writeFileSync(join(settings.articlesDir, "cached-2.md"), serializeArticle({ ...article("Another title"), id: "cached-2" }));
    loadArticles(settings, { warn: () => {} });
    expect(existsSync(`${folder}.json`)).toBe(false);
  });
});

describe("the cache's shards", () => {
  const many = (settings: { articlesDir: string }, count: number) => {
    mkdirSync(settings.articlesDir, { recursive: true });
    for (let i = 0; i < count; i++)
      writeFileSync(join(settings.articlesDir, `a-${i}.md`), serializeArticle({ ...article(`Title number ${i}`), id: `a-${i}` }));
  };

  it("a JSON shard of earlier versions is read, then written again in the current format", () => {
    const dir = mkdtempSync(join(tmpdir(), "marsad-cache-"));
    const settings = { articlesDir: join(dir, "articles"), cacheDir: join(dir, "cache") };
    many(settings, 6);
    loadArticles(settings, { warn: () => {} });
    const { folder, files } = shards(settings.cacheDir);
    // As an earlier version left it: the same shard as JSON.
    const legacy = files[0]!.replace(/\.v8$/, ".json");
    writeFileSync(legacy, JSON.stringify(deserialize(readFileSync(files[0]!))));
    rmSync(files[0]!);
    const read = readArticlesCached(settings, { warn: (m) => expect.fail(m) });
    expect(read.articles.map((a) => a.id).sort()).toEqual(["a-0", "a-1", "a-2", "a-3", "a-4", "a-5"]);
    read.save();
    expect(existsSync(files[0]!)).toBe(true);
    expect(existsSync(legacy)).toBe(false);
    expect(readdirSync(folder).filter((f) => f.endsWith(".json"))).toEqual(["index.json"]);
  });

  it("a read that changed one file rewrites its shard only; a stale entry of it is never reused", () => {
    const dir = mkdtempSync(join(tmpdir(), "marsad-cache-"));
    const settings = { articlesDir: join(dir, "articles"), cacheDir: join(dir, "cache") };
    many(settings, 40);
    loadArticles(settings, { warn: () => {} });
    const { files } = shards(settings.cacheDir);
    expect(files.length).toBeGreaterThan(10);
    const times = new Map(files.map((f) => [f, statSync(f).mtimeMs]));
    const before = new Map(files.map((f) => [f, readFileSync(f).toString("base64")]));
    writeFileSync(join(settings.articlesDir, "a-7.md"), serializeArticle({ ...article("Title changed 7"), id: "a-7" }));
    const read = loadArticles(settings, { warn: () => {} });
    expect(read.find((a) => a.id === "a-7")!.title).toBe("Title changed 7");
    const changed = files.filter((f) => readFileSync(f).toString("base64") !== before.get(f));
    expect(changed).toHaveLength(1);
    expect(files.filter((f) => statSync(f).mtimeMs !== times.get(f))).toEqual(changed);
    // Back to the old bytes: the stamp is the old one again, and the article is the old one, not the cached edit.
    writeFileSync(join(settings.articlesDir, "a-7.md"), serializeArticle({ ...article("Title number 7"), id: "a-7" }));
    expect(loadArticles(settings, { warn: () => {} }).find((a) => a.id === "a-7")!.title).toBe("Title number 7");
  });

  it("a removed file leaves the cache with its shard", () => {
    const dir = mkdtempSync(join(tmpdir(), "marsad-cache-"));
    const settings = { articlesDir: join(dir, "articles"), cacheDir: join(dir, "cache") };
    many(settings, 5);
    loadArticles(settings, { warn: () => {} });
    rmSync(join(settings.articlesDir, "a-3.md"));
    expect(loadArticles(settings, { warn: () => {} }).map((a) => a.id).sort()).toEqual(["a-0", "a-1", "a-2", "a-4"]);
    const cached = shards(settings.cacheDir).files.flatMap((f) => Object.keys(shardEntries(f)));
    expect(cached.sort()).toEqual(["a-0.md", "a-1.md", "a-2.md", "a-4.md"]);
  });

  it("recordWrittenArticles writes the shards of the files it records, and the next read parses nothing", () => {
    const dir = mkdtempSync(join(tmpdir(), "marsad-cache-"));
    const settings = { articlesDir: join(dir, "articles"), cacheDir: join(dir, "cache") };
    many(settings, 30);
    loadArticles(settings, { warn: () => {} });
    const { files } = shards(settings.cacheDir);
    const before = new Map(files.map((f) => [f, readFileSync(f).toString("base64")]));
    const path = join(settings.articlesDir, "a-new.md");
    const { article: stored, text } = articleFile({ ...article("A new title"), id: "a-new" });
    writeFileSync(path, text);
    recordWrittenArticles(settings, [{ path, article: stored }]);
    const after = shards(settings.cacheDir).files;
    expect(after.filter((f) => readFileSync(f).toString("base64") !== before.get(f))).toHaveLength(1);
    const read = readArticlesCached(settings, { warn: (m) => expect.fail(m) });
    expect(read.articles.find((a) => a.id === "a-new")!.title).toBe("A new title");
    const times = after.map((f) => statSync(f).mtimeMs);
    read.save();
    expect(after.map((f) => statSync(f).mtimeMs)).toEqual(times);
  });
});

describe("a cache that cannot be written", () => {
  it("costs only speed: articles are read all the same", () => {
    const { settings } = cacheFolders();
    writeFileSync(join(settings.articlesDir, "cached-1.md"), serializeArticle(article("A title")));
    // The cache folder is a file: every write into it fails, as on a full or read-only disk.
    writeFileSync(settings.cacheDir, "not a folder");
    expect(loadArticles(settings, { warn: () => {} })[0]!.title).toBe("A title");
  });
});

describe("articlesUnchanged (the build's check of its content, from the cache's index)", () => {
  it("is true only when every file is one the cache holds, unchanged, with no id twice", () => {
    const dir = mkdtempSync(join(tmpdir(), "marsad-cache-"));
    const settings = { articlesDir: join(dir, "articles"), cacheDir: join(dir, "cache") };
    expect(articlesUnchanged(settings)).toBe(false);
    mkdirSync(settings.articlesDir);
    writeFileSync(join(settings.articlesDir, "cached-1.md"), serializeArticle(article("A title")));
    expect(articlesUnchanged(settings)).toBe(false);
    loadArticles(settings, { warn: () => {} });
    expect(articlesUnchanged(settings)).toBe(true);
    // An edit of the same length.
    writeFileSync(join(settings.articlesDir, "cached-1.md"), serializeArticle(article("B title")));
    expect(articlesUnchanged(settings)).toBe(false);
    loadArticles(settings, { warn: () => {} });
    expect(articlesUnchanged(settings)).toBe(true);
    // An invalid file, then a second file with the same id: each is something to report.
    writeFileSync(join(settings.articlesDir, "broken.md"), "---\nid: [\n---\n");
    expect(articlesUnchanged(settings)).toBe(false);
    loadArticles(settings, { warn: () => {} });
    expect(articlesUnchanged(settings)).toBe(false);
    rmSync(join(settings.articlesDir, "broken.md"));
    writeFileSync(join(settings.articlesDir, "copy.md"), serializeArticle(article("C title")));
    loadArticles(settings, { warn: () => {} });
    expect(articlesUnchanged(settings)).toBe(false);
    rmSync(join(settings.articlesDir, "copy.md"));
    loadArticles(settings, { warn: () => {} });
    expect(articlesUnchanged(settings)).toBe(true);
    // A corrupt index is no short cut.
    writeFileSync(join(shards(settings.cacheDir).folder, "index.json"), "{");
    expect(articlesUnchanged(settings)).toBe(false);
  });

  it("stays true after ingest records the files it wrote", () => {
    const { settings } = cacheFolders();
    writeFileSync(join(settings.articlesDir, "cached-1.md"), serializeArticle(article("A title")));
    loadArticles(settings, { warn: () => {} });
    const path = join(settings.articlesDir, "a-new.md");
    const { article: stored, text } = articleFile({ ...article("A new title"), id: "a-new" });
    writeFileSync(path, text);
    expect(articlesUnchanged(settings)).toBe(false);
    recordWrittenArticles(settings, [{ path, article: stored }]);
    expect(articlesUnchanged(settings)).toBe(true);
  });
});

describe("readStoredStories (a one-article ingest's stored articles, read in part)", () => {
  const dated = (id: string, day: number, story?: string): Article =>
    build(id, { lang: "en", title: `Report ${id}`, source: "Wire", published: `2025-03-${String(day).padStart(2, "0")}`, body: [`Port strike ${id} halts shipping.`], ...(story ? { story } : {}) });
  const setup = () => {
    const { settings } = cacheFolders();
    for (let i = 1; i <= 20; i++) writeFileSync(join(settings.articlesDir, `s-${i}.md`), articleFile(dated(`s-${i}`, i, i % 3 ? `s-${i - (i % 3)}` : undefined)).text);
    return settings;
  };

  it("gives the whole read's ids, stories and order, and loads only the articles grouping compares", () => {
    const settings = setup();
    expect(readStoredStories(settings)).toBeNull(); // no cache index yet: the caller reads the cache whole
    loadArticles(settings, { warn: () => {} });
    const whole = readArticlesCached(settings, { warn: () => {} }).articles.map((a) => ({ ...a, story: a.story ?? a.id }));
    for (const pass of [1, 2]) {
      // the first pass parses every file for the story index, the second reads it
      const partly = readStoredStories(settings)!;
      expect(partly.map((a) => [a.id, a.story])).toEqual(whole.map((a) => [a.id, a.story]));
      const loaded: string[] = [];
      const counted = partly.map((a) => ({ ...a, load: () => (loaded.push(a.id), a.load!()) }));
      const fresh = () => [{ ...dated("new-1", 10), story: undefined as string | undefined }];
      const [a, b] = [fresh(), fresh()];
      assignStories(a, counted);
      assignStories(b, whole);
      expect(a[0]!.story).toBe(b[0]!.story);
      // days 7-13 only (the window of a day-10 article)
      expect(loaded.sort()).toEqual(["s-10", "s-11", "s-12", "s-13", "s-7", "s-8", "s-9"]);
      expect(counted.find((x) => x.id === "s-12")!.load()).toMatchObject({ title: "Report s-12", body: whole.find((x) => x.id === "s-12")!.body, story: "s-12" });
      expect(pass).toBeGreaterThan(0);
    }
  });

  it("picks up a file ingest recorded since, and gives up (null) when the folder changed behind the cache", () => {
    const settings = setup();
    loadArticles(settings, { warn: () => {} });
    readStoredStories(settings);
    const path = join(settings.articlesDir, "s-99.md");
    const { article: stored, text } = articleFile(dated("s-99", 5, "s-3"));
    writeFileSync(path, text);
    recordWrittenArticles(settings, [{ path, article: stored }]);
    expect(readStoredStories(settings)!.find((a) => a.id === "s-99")).toMatchObject({ story: "s-3", published: "2025-03-05" });
    writeFileSync(join(settings.articlesDir, "s-100.md"), articleFile(dated("s-100", 5)).text);
    expect(readStoredStories(settings)).toBeNull();
    // a file removed behind the cache: its index still names it
    rmSync(join(settings.articlesDir, "s-100.md"));
    expect(readStoredStories(settings)).not.toBeNull();
    rmSync(join(settings.articlesDir, "s-4.md"));
    expect(readStoredStories(settings)).toBeNull();
  });
});

describe("each article's digest (for the page keys, src/site/page-keys.ts)", () => {
  it("is the digest of the article as read and of its search text, kept in the cache and changed with the file", () => {
    const { settings } = cacheFolders();
    const file = join(settings.articlesDir, "cached-1.md");
    writeFileSync(file, serializeArticle(article("Old title here")));
    const first = readArticlesCached(settings, { warn: () => {} });
    first.save();
    const digest = first.digests.get("cached-1")!;
    expect(digest).toBe(articleDigest(first.articles[0]!, first.searchText.get("cached-1")!));
    // Kept with the entry: an unchanged file gives the same digest without making it again.
    const entries = shards(settings.cacheDir).files.flatMap((f) => Object.values(shardEntries<{ digest?: string }>(f)));
    expect(entries.map((e) => e.digest)).toEqual([digest]);
    expect(readArticlesCached(settings, { warn: () => {} }).digests.get("cached-1")).toBe(digest);
    // An edit of the file (here of its body only: the title and dates are as before) gives another.
    writeFileSync(file, serializeArticle({ ...article("Old title here"), body: ["Another paragraph."] }));
    const edited = readArticlesCached(settings, { warn: () => {} });
    expect(edited.digests.get("cached-1")).not.toBe(digest);
    expect(edited.digests.get("cached-1")).toBe(articleDigest(edited.articles[0]!, edited.searchText.get("cached-1")!));
  });

  it("is made for an entry of earlier code that has none, and for one whose search text was made by other code", () => {
    const { settings } = cacheFolders();
    writeFileSync(join(settings.articlesDir, "cached-1.md"), serializeArticle(article("A title")));
    loadArticles(settings, { warn: () => {} });
    const [shard] = shards(settings.cacheDir).files;
    const value = deserialize(readFileSync(shard!)) as { files: Record<string, { digest?: string; search?: string }>; searchVersion: string };
    const expected = Object.values(value.files)[0]!.digest;
    for (const e of Object.values(value.files)) delete e.digest;
    writeFileSync(shard!, serialize(value));
    expect(readArticlesCached(settings, { warn: () => {} }).digests.get("cached-1")).toBe(expected);
    // Search text of other code: dropped with its digest, both made again.
    for (const e of Object.values(value.files)) Object.assign(e, { search: "stale", digest: "stale" });
    writeFileSync(shard!, serialize({ ...value, searchVersion: "other" }));
    expect(readArticlesCached(settings, { warn: () => {} }).digests.get("cached-1")).toBe(expected);
  });
});
