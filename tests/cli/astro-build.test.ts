import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { astroBuild, astroEnv, orderAstroBuild, startAstroChild, withBuildLock } from "../../src/cli/astro-build.ts";

const ROOT = resolve(import.meta.dirname, "../..");

describe("the build lock", () => {
  it("is held during the build and released after, even on error", () => {
    const root = mkdtempSync(join(tmpdir(), "lock-"));
    const lock = join(root, "node_modules/.cache/marsad/astro-build.lock");
    expect(withBuildLock(root, () => existsSync(lock))).toBe(true);
    expect(existsSync(lock)).toBe(false);
    expect(() => withBuildLock(root, () => { throw new Error("boom"); })).toThrow("boom");
    expect(existsSync(lock)).toBe(false);
  });

  it("takes over a lock left by a process that died", () => {
    const root = mkdtempSync(join(tmpdir(), "lock-"));
    const lock = join(root, "node_modules/.cache/marsad/astro-build.lock");
    mkdirSync(lock, { recursive: true });
    writeFileSync(join(lock, "pid"), "999999999");
    expect(withBuildLock(root, () => 42)).toBe(42);
  });
});

describe("astroEnv", () => {
  it("drops the variables Vite reads as import.meta.env, keeps the rest", () => {
    const env = astroEnv({ MODE: "test", DEV: "1", PROD: "", SSR: "1", BASE_URL: "/", MARSAD_BASE: "/x/", PATH: "/bin" });
    expect(env).toEqual({ MARSAD_BASE: "/x/", PATH: "/bin" });
  });
});

/**
 * A site of its own, inside the repository so that `astro` resolves (as tests/fixtures/site/shared-build.ts): two
 * keyed pages, a page without a key that warns on stderr, and an endpoint; `BREAK_PAGE` makes a page throw.
 */
function tinySite(): string {
  const parent = join(ROOT, "node_modules/.cache/marsad/astro-child-tests");
  mkdirSync(parent, { recursive: true });
  const root = mkdtempSync(join(parent, "site-"));
  const files: Record<string, string> = {
    "package.json": '{ "type": "module" }\n',
    "astro.config.mjs": "export default { build: { format: \"directory\" }, experimental: { incrementalBuild: true } };\n",
    "src/pages/index.astro": '---\nconsole.warn("tiny: a warning from the page code");\n---\n<p>home</p>\n',
    "src/pages/[id].astro":
      '---\nexport function getStaticPaths() {\n  return ["a", "b"].map((id) => ({ params: { id }, cacheKey: `key-${id}` }));\n}\n' +
      'if (process.env.BREAK_PAGE) throw new Error("tiny: a broken page");\n---\n<p>{Astro.params.id}</p>\n',
    "src/pages/feed.xml.ts": 'export const GET = () => new Response("<feed/>");\n',
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe("astroBuild", () => {
  it("runs Astro at log level warn, with the counts from the child; --verbose shows Astro's page lines", async () => {
    const root = tinySite();
    try {
      const lines: string[] = [];
      const progress: unknown[] = [];
      const cold = await astroBuild(root, process.env, { onLine: (line) => lines.push(line), onProgress: (p) => progress.push(p) });
      expect(cold.status, cold.messages.tail.join("\n")).toBe(0);
      expect(cold.messages.counts).toEqual({ outputs: 4, rendered: 4, reused: 0, pages: 3 });
      // Warnings are still read (here the page code's, on stderr), and no line per page is printed.
      expect(cold.messages.warnings).toEqual([{ text: "tiny: a warning from the page code", count: 1 }]);
      expect(lines.filter((l) => /[├└]─/.test(l))).toEqual([]);
      expect(lines.some((l) => /\[build\]/.test(l))).toBe(false);

      // Again: the keyed pages come from the incremental build's cache.
      const verbose: string[] = [];
      const warm = await astroBuild(root, process.env, { verbose: true, onLine: (line) => verbose.push(line) });
      expect(warm.messages.counts).toEqual({ outputs: 4, rendered: 2, reused: 2, pages: 3 });
      expect(verbose.filter((l) => /[├└]─ \/a\//.test(l))).toHaveLength(1);

      const forced = await astroBuild(root, process.env, { force: true });
      expect(forced.messages.counts).toMatchObject({ rendered: 4, reused: 0 });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 120_000);

  it("builds with a child started ahead, which holds no lock until ordered to build, and starts another once it is used", async () => {
    const root = tinySite();
    try {
      const started = startAstroChild(root, process.env);
      // Not locked while it loads Astro: another holder takes the lock at once.
      expect(withBuildLock(root, () => true)).toBe(true);
      const built = await astroBuild(root, process.env, { started });
      expect(built.status, built.messages.tail.join("\n")).toBe(0);
      expect(built.messages.counts).toEqual({ outputs: 4, rendered: 4, reused: 0, pages: 3 });
      expect(existsSync(join(root, "dist/a/index.html"))).toBe(true);
      await started.cancel();
      const again = await astroBuild(root, process.env, { started });
      expect(again.messages.counts).toMatchObject({ rendered: 2, reused: 2 });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 120_000);

  it("bundles a gated build's site at once, and lists its pages only once the content is ready", async () => {
    const root = tinySite();
    // A page listed from a content file that does not exist yet (as articles ingest has yet to write).
    mkdirSync(join(root, "src/pages/items"));
    writeFileSync(
      join(root, "src/pages/items/[id].astro"),
      '---\nimport { readFileSync } from "node:fs";\nexport function getStaticPaths() {\n  return readFileSync("items.txt", "utf8").trim().split("\\n").map((id) => ({ params: { id } }));\n}\n---\n<p>{Astro.params.id}</p>\n',
    );
    try {
      const lines: string[] = [];
      const bundled = Promise.withResolvers<void>();
      const site = await orderAstroBuild(root, process.env, { verbose: true, onLine: (line) => (lines.push(line), /built in/.test(line) && bundled.resolve()) }, { gated: true });
      // Holds the build lock from the order.
      expect(existsSync(join(root, "node_modules/.cache/marsad/astro-build.lock"))).toBe(true);
      await bundled.promise;
      await new Promise((done) => setTimeout(done, 1500));
      // Bundled, and waiting: no page listed, nothing rendered.
      expect(lines.some((l) => /static routes/.test(l))).toBe(false);
      writeFileSync(join(root, "items.txt"), "x\ny\n");
      site.contentReady();
      const built = await site.result;
      expect(built.status, built.messages.tail.join("\n")).toBe(0);
      expect(readFileSync(join(root, "dist/items/y/index.html"), "utf8")).toContain("<p>y</p>");
      expect(existsSync(join(root, "node_modules/.cache/marsad/astro-build.lock"))).toBe(false);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 120_000);

  it("stops a gated build whose content never comes: no page rendered, the lock released", async () => {
    const root = tinySite();
    try {
      const lines: string[] = [];
      const site = await orderAstroBuild(root, process.env, { verbose: true, onLine: (line) => lines.push(line) }, { gated: true });
      await site.stop();
      expect((await site.result).status).toBe(0);
      expect(lines.some((l) => /static routes/.test(l))).toBe(false);
      expect(existsSync(join(root, "dist/a/index.html"))).toBe(false);
      expect(existsSync(join(root, "node_modules/.cache/marsad/astro-build.lock"))).toBe(false);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 120_000);

  it("ends a child started ahead without a build when cancelled", async () => {
    const root = tinySite();
    try {
      const started = startAstroChild(root, process.env);
      await started.cancel();
      expect(existsSync(join(root, "dist"))).toBe(false);
      expect(existsSync(join(root, "node_modules/.cache/marsad/astro-build.lock"))).toBe(false);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 60_000);

  it("fails with Astro's error, and no counts, when a page throws", async () => {
    const root = tinySite();
    try {
      const broken = await astroBuild(root, { ...process.env, BREAK_PAGE: "1" });
      expect(broken.status).not.toBe(0);
      expect(broken.messages.counts).toBeNull();
      expect(broken.messages.errors.map((e) => e.text).join("\n")).toMatch(/tiny: a broken page/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 120_000);
});
