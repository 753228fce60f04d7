import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { readArticlesCached } from "../../src/content/article-cache.ts";
import { readArticles } from "../../src/content/read-content.ts";
import { articleSearchText } from "../../src/text/search-text.ts";

const root = process.cwd();

function setup() {
  const content = mkdtempSync(join(tmpdir(), "marsad-ingest-"));
  cpSync(join(root, "content", "actors"), join(content, "actors"), { recursive: true });
  cpSync(join(root, "content", "countries"), join(content, "countries"), { recursive: true });
  const inbox = join(content, "inbox");
  cpSync(join(root, "tests", "fixtures", "cli", "inbox"), inbox, { recursive: true });
  return { content, inbox, articles: join(content, "articles") };
}

async function run(argv: string[], content: string, env: Record<string, string> = {}) {
  let out = "";
  let err = "";
  const sink = (f: (s: string) => void) => new Writable({ write: (c, _e, cb) => (f(String(c)), cb()) });
  const code = await main(argv, {
    stdout: sink((s) => (out += s)),
    stderr: sink((s) => (err += s)),
    cwd: root,
    env: { MARSAD_CONTENT_DIR: content, ...env },
    now: () => 0,
  });
  return { code, out, err };
}

const snapshot = (dir: string) =>
  Object.fromEntries(readdirSync(dir).map((f) => [f, { text: readFileSync(join(dir, f), "utf8"), mtime: statSync(join(dir, f)).mtimeMs }]));

describe("ingest command", () => {
  it("writes articles, accounts for every input, and a second run changes nothing", async () => {
    const { content, articles } = setup();
    const first = await run(["ingest", "--json"], content);
    expect(first.code).toBe(0);
    const report = JSON.parse(first.out);
    expect(report.files).toBe(3);
    expect(report.skipped).toEqual([{ file: "empty.txt", reason: "empty file" }]);
    expect(report.written.length).toBeGreaterThanOrEqual(2);
    expect(first.err).toMatch(/ingest: 3 file\(s\) read .* written/);
    const before = snapshot(articles);
    const second = JSON.parse((await run(["ingest", "--json"], content)).out);
    expect(second.processed).toBe(0);
    expect(second.unchanged_inputs).toBe(3);
    expect(second.skipped).toEqual([{ file: "empty.txt", reason: "empty file" }]);
    expect(snapshot(articles)).toEqual(before);
  });

  it("processes only a new input and keeps a hand-edited article", async () => {
    const { content, inbox, articles } = setup();
    await run(["ingest"], content);
    const [name] = readdirSync(articles).filter((f) => f.endsWith(".md"));
    const path = join(articles, name!);
    const edited = readFileSync(path, "utf8").replace(/^---\n/, "---\ntitle_en: An editor's own title\n");
    writeFileSync(path, edited);
    writeFileSync(
      join(inbox, "new.txt"),
      "Talks resume in Geneva\n\nGENEVA (Wire) - Delegations met on Monday to resume talks on a ceasefire, officials said, after weeks of delay.\n\nThe United Nations envoy said the sides agreed to meet again next week to discuss a prisoner exchange and humanitarian access.\n",
    );
    const report = JSON.parse((await run(["ingest", "--json", "--force"], content)).out);
    expect(report.processed).toBe(4);
    expect(readFileSync(path, "utf8")).toBe(edited);
    const again = JSON.parse((await run(["ingest", "--json"], content)).out);
    expect(again.processed).toBe(0);
  });

  it("leaves the site's article cache holding exactly what reading the written files gives", async () => {
    const { content, inbox, articles } = setup();
    const cacheDir = join(content, "cache");
    const settings = { articlesDir: articles, cacheDir };
    await run(["ingest"], content, { MARSAD_CACHE_DIR: cacheDir });
    const quiet = { warn: (m: string) => expect.fail(m) };
    const read = () => readArticlesCached(settings, quiet).articles.sort((a, b) => a.id.localeCompare(b.id));
    const fresh = () => readArticles(articles, quiet).sort((a, b) => a.id.localeCompare(b.id));
    expect(fresh().length).toBeGreaterThanOrEqual(2);
    expect(read()).toEqual(fresh());
    // The build after ingest parses nothing: every file's stamp is in the cache, so it has no shard to write.
    const [folder] = readdirSync(join(cacheDir, "site")).map((f) => join(cacheDir, "site", f));
    const shardFiles = readdirSync(folder!).filter((f) => /^\d+\.v8$/.test(f)).map((f) => join(folder!, f));
    expect(shardFiles.length).toBeGreaterThan(0);
    const stamps = shardFiles.map((f) => statSync(f).mtimeMs);
    const cached = readArticlesCached(settings, quiet);
    cached.save();
    expect(shardFiles.map((f) => statSync(f).mtimeMs)).toEqual(stamps);
    // Search text too, computed once by ingest.
    for (const article of fresh()) expect(cached.searchText.get(article.id)).toBe(articleSearchText(article));
    // A later ingest of one more page adds to the cache, and a hand edit is noticed by its stamp.
    writeFileSync(
      join(inbox, "new.txt"),
      "Talks resume in Geneva\n\nGENEVA (Wire) - Delegations met on Monday to resume talks on a ceasefire, officials said, after weeks of delay.\n\nThe United Nations envoy said the sides agreed to meet again next week to discuss a prisoner exchange and humanitarian access.\n",
    );
    await run(["ingest"], content, { MARSAD_CACHE_DIR: cacheDir });
    const [name] = readdirSync(articles).filter((f) => f.endsWith(".md"));
    const path = join(articles, name!);
    writeFileSync(path, readFileSync(path, "utf8").replace(/^---\n/, "---\ntitle_en: Edited by hand\n"));
    expect(read()).toEqual(fresh());
    expect(read().some((a) => a.title_en === "Edited by hand")).toBe(true);
  });

  it("--quiet says nothing on stderr; --verbose names each article written", async () => {
    const { content } = setup();
    const quiet = await run(["ingest", "--quiet"], content);
    expect(quiet.code).toBe(0);
    expect(quiet.err).toBe("");
    const { content: other } = setup();
    const verbose = await run(["ingest", "-v", "--json"], other);
    const report = JSON.parse(verbose.out);
    for (const id of report.written) expect(verbose.err).toContain(`  wrote ${id}\n`);
    expect(verbose.err).toMatch(/ingest: 3 file\(s\) read/);
  });

  it("reports a missing input path as a content problem (exit 1, like extract)", async () => {
    const { content } = setup();
    const r = await run(["ingest", "/nonexistent/inbox"], content);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/no such file or folder/);
  });
});
