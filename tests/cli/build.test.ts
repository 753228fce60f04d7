/**
 * Honest builds: invalid article files stop the build (all listed, with file, field and line) unless --keep-going;
 * a site without its own url is warned about; Astro's messages are summarised with counts; --no-cards and
 * --no-search leave no og:image and a search page that says so.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { astroOutputReader } from "../../src/cli/astro-build.ts";
import { astroSummary, missingUrlWarning, runBuild } from "../../src/cli/build.ts";
import type { Io } from "../../src/cli/io.ts";
import { loadSettings } from "../../src/config.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const FIXTURE = join(ROOT, "tests/fixtures/site/content");

function capture(env: NodeJS.ProcessEnv) {
  let out = "";
  let err = "";
  const stream = (write: (s: string) => void) =>
    new Writable({
      write(chunk, _enc, cb) {
        write(String(chunk));
        cb();
      },
    });
  const io: Io = { stdout: stream((s) => (out += s)), stderr: stream((s) => (err += s)), cwd: ROOT, env, now: () => performance.now() };
  return { io, out: () => out, err: () => err };
}

/** A copy of the site fixture with two broken article files, and where its build goes. */
function brokenContent(): { env: NodeJS.ProcessEnv; out: string } {
  const dir = mkdtempSync(join(tmpdir(), "cli-build-"));
  const content = join(dir, "content");
  cpSync(FIXTURE, content, { recursive: true });
  const good = readFileSync(join(content, "articles", "doha-ceasefire-talks.md"), "utf8");
  writeFileSync(join(content, "articles", "bad-date.md"), good.replace("id: doha-ceasefire-talks", "id: bad-date").replace("published: 2024-08-14", "published: someday"));
  writeFileSync(join(content, "articles", "bad-lang.md"), good.replace("id: doha-ceasefire-talks", "id: bad-lang").replace("lang: ar", "lang: fr"));
  const out = join(dir, "dist");
  return { out, env: { MARSAD_CONTENT_DIR: content, MARSAD_OUT_DIR: out, MARSAD_CACHE_DIR: join(dir, "cache"), ASTRO_TELEMETRY_DISABLED: "1", PATH: process.env.PATH } };
}

describe("build: invalid content", () => {
  it("fails before building, listing every invalid file with its field and line, and leaves no output", async () => {
    const { env, out } = brokenContent();
    const c = capture(env);
    expect(await runBuild(["--skip-ingest"], c.io)).toBe(1);
    expect(c.err()).toMatch(/invalid: .*bad-date\.md: frontmatter field `published`: .*\(line 9\)/);
    expect(c.err()).toMatch(/invalid: .*bad-lang\.md: frontmatter field `lang`: .*\(line 3\)/);
    expect(c.err()).toMatch(/2 invalid article file\(s\).*--keep-going/);
    expect(existsSync(out)).toBe(false);
  });

  it(
    "--keep-going builds without them (--json reports them); --no-cards leaves no og:image, --no-search says search is not built; the last line counts warnings",
    { timeout: 300_000 },
    async () => {
      const { env, out } = brokenContent();
      const c = capture(env);
      const status = await runBuild(["--skip-ingest", "--keep-going", "--no-cards", "--no-search", "--json"], c.io);
      expect(status, c.err()).toBe(0);
      const report = JSON.parse(c.out());
      expect(report.invalid_files).toHaveLength(2);
      expect(report.warnings).toBeGreaterThanOrEqual(3);
      expect(c.err()).toMatch(/invalid: .*bad-date\.md/);
      const last = c.err().trim().split("\n").at(-1)!;
      expect(last).toMatch(/^build: done in .*search skipped, cards skipped, [1-9]\d* warning\(s\), 0 error\(s\)/);
      const home = readFileSync(join(out, "en", "index.html"), "utf8");
      expect(home).not.toMatch(/og:image/);
      // the root edition chooser too: it shares the Arabic home page's card
      expect(readFileSync(join(out, "index.html"), "utf8")).not.toMatch(/og:image/);
      const search = readFileSync(join(out, "en", "search", "index.html"), "utf8");
      expect(search).toMatch(/Search is not built/);
      expect(existsSync(join(out, "en", "articles", "bad-date"))).toBe(false);
    },
  );
});

describe("build: a site without its own url", () => {
  it("warns, saying what points at the placeholder", () => {
    const dir = mkdtempSync(join(tmpdir(), "cli-url-"));
    const settings = loadSettings(dir, { MARSAD_CONTENT_DIR: dir });
    const warning = missingUrlWarning(settings, {});
    expect(warning).toMatch(/no `url`.*canonical links.*feeds.*sitemap.*og:image.*https:\/\/marsad\.example\.org/);
    expect(missingUrlWarning(loadSettings(dir, { MARSAD_CONTENT_DIR: dir, MARSAD_SITE_URL: "https://a.example.net" }), { MARSAD_SITE_URL: "https://a.example.net" })).toBeNull();
    writeFileSync(join(dir, "site.yaml"), "url: https://briefs.example.net\n");
    expect(missingUrlWarning(loadSettings(dir, { MARSAD_CONTENT_DIR: dir }), {})).toBeNull();
  });
});

describe("Astro's output", () => {
  const output = [
    "12:00:00 [content] Syncing content",
    "12:00:01 [WARN] [glob-loader] The collection \"pages\" does not exist or is empty.",
    "12:00:01 [WARN] [glob-loader] The collection \"pages\" does not exist or is empty.",
    "12:00:02 [build] generating static routes",
    "  ├─ /ar/index.html (+3ms)",
    "  └─ /en/index.html (+2ms)",
    "12:00:03 [ERROR] [vite] Could not resolve \"./Missing.astro\"",
    "  in src/pages/about.astro",
    "",
    "12:00:04 [build] Complete!",
  ];

  it("is read into warnings and errors, each once with its count, and pages", () => {
    const reader = astroOutputReader();
    const kinds = output.map((l) => reader.feed(l));
    expect(kinds.filter((k) => k === "page")).toHaveLength(2);
    const r = reader.result();
    expect(r.warnings).toEqual([{ text: "[glob-loader] The collection \"pages\" does not exist or is empty.", count: 2 }]);
    expect(r.errors).toEqual([{ text: "[vite] Could not resolve \"./Missing.astro\"\n  in src/pages/about.astro", count: 1 }]);
    // Astro's page lines (--verbose) are shown, not counted: the counts are the child's (tests/cli/astro-output.test.ts).
    expect(r.counts).toBeNull();
  });

  it("counts the site code's own stderr lines as warnings, and keeps an error's details past a blank line", () => {
    const reader = astroOutputReader();
    reader.feed("12:00:01 [build] generating static routes");
    expect(reader.feed("a-1: 2031-01-01 is after today (2026-01-01); shown without that date until then.", true)).toBe("warn");
    reader.feed("12:00:02 [ERROR] [build] Failed to render /ar/", true);
    reader.feed("", true);
    reader.feed("  Stack trace:", true);
    reader.feed("    at render (src/pages/index.astro:3:1)", true);
    const r = reader.result();
    expect(r.warnings).toEqual([{ text: "a-1: 2031-01-01 is after today (2026-01-01); shown without that date until then.", count: 1 }]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.text).toMatch(/^\[build\] Failed to render \/ar\/\n  Stack trace:\n    at render/);
  });

  it("is summarised for the terminal, errors first, with counts and a cap", () => {
    const reader = astroOutputReader();
    output.forEach((l) => reader.feed(l));
    const lines = astroSummary(reader.result(), false);
    expect(lines[0]).toMatch(/^  astro error: \[vite\] Could not resolve/);
    expect(lines[1]).toMatch(/^\s{4,}in src\/pages\/about\.astro$/);
    expect(lines.at(-1)).toMatch(/^  astro warning \(×2\): \[glob-loader\] The collection "pages"/);
    const many = { warnings: Array.from({ length: 30 }, (_, i) => ({ text: `w${i}`, count: 1 })), errors: [] };
    expect(astroSummary(many, false).at(-1)).toMatch(/… and 10 more message\(s\) \(--verbose shows them all\)/);
    expect(astroSummary(many, true)).toHaveLength(30);
  });
});
