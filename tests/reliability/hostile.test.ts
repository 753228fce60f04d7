/**
 * Hostile content: pages whose titles, captions, bylines and bodies carry script injections, URL schemes, Markdown
 * and JSX/Astro look-alikes, YAML breakers, entities, bidi overrides, zero-width characters and huge words
 * (tests/fixtures/reliability/hostile/, see make.ts there). They are ingested and built into a site; the built HTML
 * must contain no executable injected markup, titles and names must carry no bidi override, a CSP must forbid
 * inline scripts, and headless Chromium must see no dialog, no injected-script error and no `window.__pwned`.
 * Two builds of the same content must be byte-identical.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseArticle } from "../../src/content/article-file.ts";
import { createTagger, loadEntityLexicons } from "../../src/entities/index.ts";
import type { RawPage } from "../../src/ingest/index.ts";
import { extractPages } from "../../src/pipeline/extract.ts";
import type { Article } from "../../src/schemas/article.ts";
import { auditHtml, comparable, visibleText, type Finding } from "./html-audit.ts";
import { contentEnv, FIXTURES, makeContentDir, ROOT, runCli, snapshot } from "./helpers.ts";

interface HostileCase {
  file: string;
  name: string;
  lang: "ar" | "en";
  payload: string;
  kind: "text" | "html";
}

const HOSTILE = join(FIXTURES, "hostile");
const cases: HostileCase[] = JSON.parse(readFileSync(join(HOSTILE, "cases.json"), "utf8"));
const ORIGIN = "https://marsad.example.org";
/** Files the built-site checks rely on: a renamed one fails those checks by name instead of skipping them all. */
const SITE_FILES = ["astro.config.mjs", "src/pages/[lang]/articles/[id].astro"];

/**
 * A build output folder inside the repository. With an out dir outside the working directory Astro puts its
 * prerender bundle in `<root>/.astro/.prerender/` (astro/dist/core/build/common.js getOutDirWithinCwd), a folder
 * every such build shares: concurrent builds (other test files, the benchmark) then fail with missing chunks.
 */
const createdOutDirs: string[] = [];
function outDirInRepo(name: string): string {
  const base = join(ROOT, "node_modules/.cache/marsad-reliability");
  mkdirSync(base, { recursive: true });
  const dir = mkdtempSync(join(base, `${name}-`));
  createdOutDirs.push(dir);
  return join(dir, "dist");
}

/** Every file under `dir`, relative paths sorted. */
function walk(dir: string): string[] {
  const out: string[] = [];
  const go = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) go(p);
      else out.push(relative(dir, p));
    }
  };
  go(dir);
  return out;
}

describe("hostile content", () => {
  let contentDir: string;
  let inbox: string;
  let inputs: ReturnType<typeof snapshot>;
  /** Article per fixture file (after ingest). */
  const byFile = new Map<string, Article>();

  beforeAll(() => {
    contentDir = makeContentDir("hostile");
    inbox = join(contentDir, "inbox");
    for (const c of cases) copyFileSync(join(HOSTILE, c.file), join(inbox, c.file));
    // Every article gets its page (the home page lists only the latest by default).
    writeFileSync(join(contentDir, "site.yaml"), "latest: 1000\n");
    inputs = snapshot(inbox);
  });

  it(`has at least 50 cases (${cases.length})`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(50);
    for (const c of cases) expect(existsSync(join(HOSTILE, c.file)), c.file).toBe(true);
  });

  it("ingests every hostile page into an article whose file round-trips exactly", { timeout: 300_000 }, () => {
    const run = runCli(["ingest", "--json"], contentEnv(contentDir));
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.skipped, "hostile pages skipped").toEqual([]);
    const articlesDir = join(contentDir, "articles");
    for (const name of readdirSync(articlesDir).filter((n) => n.endsWith(".md"))) {
      const article = parseArticle(readFileSync(join(articlesDir, name), "utf8"), name);
      for (const s of article.sources) byFile.set(s.file, article);
    }
    expect(cases.filter((c) => !byFile.has(c.file)).map((c) => c.file), "pages without an article").toEqual([]);

    // What was stored is exactly what extraction produced: no YAML breaker changed a field's value or type.
    const tagger = createTagger(loadEntityLexicons(contentDir));
    const pages: RawPage[] = cases.map((c) => ({ file: c.file, bytes: new Uint8Array(readFileSync(join(inbox, c.file))) }));
    const extracted = extractPages(pages, tagger).articles;
    const problems: string[] = [];
    for (const a of extracted) {
      const stored = byFile.get(a.file);
      if (!stored) continue;
      for (const field of ["title", "subtitle", "author", "source", "dateline", "published", "lang", "captions"] as const)
        if (JSON.stringify(stored[field]) !== JSON.stringify(a[field])) problems.push(`${a.file} ${field}: stored ${JSON.stringify(stored[field])?.slice(0, 80)}, extracted ${JSON.stringify(a[field])?.slice(0, 80)}`);
      const body = a.body.map((p) => p.replace(/\s*[\r\n]+\s*/g, " ").trim()).filter(Boolean);
      if (JSON.stringify(stored.body) !== JSON.stringify(body)) problems.push(`${a.file} body differs after the round trip`);
    }
    expect(problems).toEqual([]);
    expect(snapshot(inbox)).toEqual(inputs);
  });

  describe("built site", () => {
    let outDir: string;
    let html: Map<string, string>;
    let articlePages: string[];

    beforeAll(() => {
      const missing = SITE_FILES.filter((f) => !existsSync(join(ROOT, f)));
      if (missing.length > 0) throw new Error(`built-site checks need ${missing.join(", ")} (renamed? update SITE_FILES)`);
      outDir = outDirInRepo("hostile");
      const env = { ...contentEnv(contentDir), MARSAD_OUT_DIR: outDir };
      const run = runCli(["build", "--no-cards"], env, { timeout: 900_000 });
      if (run.status !== 0) throw new Error(`build failed (${run.status}):\n${run.stderr.slice(-4000)}`);
      html = new Map(walk(outDir).filter((f) => f.endsWith(".html")).map((f) => [f, readFileSync(join(outDir, f), "utf8")]));
      const ids = new Set([...byFile.values()].map((a) => a.id));
      articlePages = [...html.keys()].filter((f) => {
        const m = /^(ar|en)\/articles\/([^/]+)\/index\.html$/.exec(f);
        return m && ids.has(m[2]!);
      });
    }, 900_000);

    it("has a page per hostile article in both editions", () => {
      expect(articlePages.length).toBe(2 * new Set([...byFile.values()].map((a) => a.id)).size);
    });

    /** Findings of one kind over every built page, grouped by problem. */
    function audit(kind: Finding["kind"]): string[] {
      const grouped = new Map<string, string[]>();
      for (const [file, text] of html)
        for (const f of auditHtml(file, text, ORIGIN)) if (f.kind === kind) grouped.set(f.problem, [...(grouped.get(f.problem) ?? []), f.file]);
      return [...grouped].map(([problem, files]) => `${problem} (${files.length} page(s), e.g. ${files[0]})`);
    }

    it("contains no executable injected markup and carries a strict CSP on every page", () => {
      expect(audit("markup")).toEqual([]);
    });

    // Required: "strip or neutralise bidi override characters in titles and names". An RLO/LRO in a title or name
    // reorders what the reader sees (the classic "txt.exe" spoof) wherever the title is printed: <title>, <h1>, lists,
    // Open Graph tags, card alt text. Checked on every page, outside the article body (kept verbatim by contract).
    it("has no bidi override (and no unbalanced bidi control) in titles and names", () => {
      expect(audit("bidi")).toEqual([]);
    });

    it("shows every payload as text: title and body of each hostile article are visible, escaped", () => {
      const problems: string[] = [];
      for (const c of cases) {
        const a = byFile.get(c.file);
        if (!a) continue;
        const page = html.get(`${a.lang}/articles/${a.id}/index.html`);
        if (!page) {
          problems.push(`${c.file}: no page`);
          continue;
        }
        const text = visibleText(page);
        for (const value of [a.title, ...a.body].filter((v): v is string => !!v))
          if (!text.includes(comparable(value))) problems.push(`${c.file}: ${JSON.stringify(value.slice(0, 60))} is not visible as text`);
      }
      expect(problems).toEqual([]);
    });

    it("no dialog, no injected-script error and no window.__pwned in headless Chromium", { timeout: 600_000 }, async () => {
      const { chromium } = await import("playwright-core");
      const { ensureChromium, CHROMIUM_ARGS } = await import("../browser/setup-chromium.ts");
      const { serveStatic } = await import("../browser/static-server.ts");
      const server = await serveStatic(outDir, "/");
      const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
      const problems: string[] = [];
      try {
        const context = await browser.newContext();
        const page = await context.newPage();
        let current = "";
        page.on("dialog", (d) => {
          problems.push(`${current}: dialog ${d.type()} ${JSON.stringify(d.message())}`);
          void d.dismiss().catch(() => {});
        });
        page.on("console", (m) => {
          if (m.type() === "error") problems.push(`${current}: console error ${m.text().slice(0, 200)}`);
        });
        page.on("pageerror", (e) => problems.push(`${current}: page error ${e.message.slice(0, 200)}`));
        const searchQueries = ["alert", "script", "javascript", "onerror", "الوزارة", "svg"];
        const urls = [
          ...articlePages.map((f) => `/${f.replace(/index\.html$/, "")}`),
          "/ar/",
          "/en/",
          "/ar/briefs/",
          "/en/briefs/",
          ...[...html.keys()].filter((f) => /^(ar|en)\/briefs\/\d{4}-\d\d-\d\d\/index\.html$/.test(f)).map((f) => `/${f.replace(/index\.html$/, "")}`),
          ...searchQueries.flatMap((q) => [`/ar/search/?q=${encodeURIComponent(q)}`, `/en/search/?q=${encodeURIComponent(q)}`]),
        ];
        for (const url of urls) {
          current = url;
          await page.goto(`${server.origin}${url}`, { waitUntil: "load" });
          if (url.includes("/search/")) await page.waitForFunction(() => document.getElementById("search-status")?.textContent?.trim(), null, { timeout: 10_000 }).catch(() => problems.push(`${url}: search never reported a status`));
          // Hover and focus everything once: handlers hidden behind interaction must not exist either.
          await page.evaluate(() => {
            for (const el of Array.from(document.querySelectorAll("*"))) {
              el.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
              el.dispatchEvent(new FocusEvent("focus"));
            }
          });
          await page.waitForTimeout(20);
          const state = await page.evaluate(() => ({
            pwned: (window as unknown as { __pwned?: unknown }).__pwned !== undefined,
            handlers: Array.from(document.querySelectorAll("*")).flatMap((el) => Array.from(el.attributes).filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName}[${a.name}]`)),
            frames: document.querySelectorAll("iframe, object, embed").length,
          }));
          if (state.pwned) problems.push(`${url}: window.__pwned is set`);
          if (state.handlers.length) problems.push(`${url}: event handler attributes in the DOM: ${state.handlers.slice(0, 5).join(", ")}`);
          if (state.frames) problems.push(`${url}: ${state.frames} frame/object/embed element(s) in the DOM`);
        }
        expect(urls.length).toBeGreaterThan(2 * 50);
      } finally {
        await browser.close();
        await server.close();
      }
      expect(problems).toEqual([]);
    });

    it("builds byte-identical HTML twice from the same content (no timestamps)", { timeout: 900_000 }, () => {
      const env = { ...contentEnv(contentDir), MARSAD_OUT_DIR: outDirInRepo("hostile-again") };
      const run = runCli(["build", "--no-cards", "--skip-ingest"], env, { timeout: 900_000 });
      expect(run.status, run.stderr.slice(-4000)).toBe(0);
      const second = walk(env.MARSAD_OUT_DIR!);
      const first = walk(outDir);
      const textual = (f: string) => /\.(html|xml|txt|css|js|json|svg)$/.test(f) && !/(^|\/)pagefind\//.test(f);
      expect(second.filter(textual)).toEqual(first.filter(textual));
      const differing = first.filter(textual).filter((f) => !readFileSync(join(outDir, f)).equals(readFileSync(join(env.MARSAD_OUT_DIR!, f))));
      expect(differing).toEqual([]);
    });
  });

  afterAll(() => {
    if (existsSync(inbox)) expect(snapshot(inbox)).toEqual(inputs);
    if (!process.env.MARSAD_KEEP_BUILD) for (const dir of createdOutDirs) rmSync(dir, { recursive: true, force: true });
  });
});
