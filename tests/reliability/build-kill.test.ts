/**
 * Atomic publishing, end to end (issue 17): `build` killed with SIGKILL in the site, search and cards stages leaves
 * the previous `dist/` exactly as it was (every byte, every mtime), a failed build does too, the next build recovers,
 * and two builds of one output folder started together run one after the other. Publishing itself (the swap, its
 * recovery, the cross-device fallback) is unit-tested in tests/pipeline/publish.test.ts.
 *
 * Kept short for CI: one complete build, one kill per stage, one failed build, one recovering build and a pair of
 * concurrent builds, over the four-article fixture site.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishPaths } from "../../src/pipeline/publish.ts";
import { ROOT, snapshot, startCli, type SnapshotEntry } from "./helpers.ts";
import { sharedFixtureSite } from "../fixtures/site/shared-build.ts";

const FIXTURE_CONTENT = join(ROOT, "tests/fixtures/site/content");
const TEMP_MARKER = ".marsad-tmp-";

/** Every file under `dir`, relative paths. */
function walk(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((p) => statSync(join(dir, p)).isFile());
}

interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

function finish(child: ReturnType<typeof startCli>): Promise<Ended> {
  return new Promise((resolve, reject) => {
    let stderr = "";
    child.stdout.resume();
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stderr }));
  });
}

/** Starts `build` and SIGKILLs it as soon as `ready()` holds (polled every few ms). */
async function killWhen(env: NodeJS.ProcessEnv, ready: () => boolean): Promise<Ended> {
  const child = startCli(["build", "--skip-ingest"], env);
  const poll = setInterval(() => {
    let now = false;
    try {
      now = ready();
    } catch {
      // folder being renamed
    }
    if (now) {
      clearInterval(poll);
      child.kill("SIGKILL");
    }
  }, 3);
  const ended = await finish(child);
  clearInterval(poll);
  return ended;
}

describe("build killed or failing in each stage", () => {
  let work: string;
  let env: NodeJS.ProcessEnv;
  let out: string;
  let reference: Record<string, SnapshotEntry>;
  /** The files of the build that recovered after the kills. */
  let recovered: string[] = [];

  beforeAll(async () => {
    // Inside the repository: see outDirInRepo in hostile.test.ts (Astro's prerender bundle for outside folders).
    const base = join(ROOT, "node_modules/.cache/marsad-reliability");
    mkdirSync(base, { recursive: true });
    work = mkdtempSync(join(base, "build-kill-"));
    cpSync(FIXTURE_CONTENT, join(work, "content"), { recursive: true });
    out = join(work, "site", "dist");
    env = {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      HOME: process.env.HOME ?? "/tmp",
      MARSAD_CONTENT_DIR: join(work, "content"),
      MARSAD_OUT_DIR: out,
      MARSAD_CACHE_DIR: join(work, "cache"),
      ASTRO_TELEMETRY_DISABLED: "1",
    };
    // The reference: the run's shared build of the fixture site (browser tests serve the same one), copied with its
    // cache, rather than a build of its own (builds of one repository queue on one lock).
    const shared = sharedFixtureSite();
    cpSync(shared.outDir, out, { recursive: true });
    cpSync(shared.cacheDir, env.MARSAD_CACHE_DIR!, { recursive: true });
    reference = snapshot(out);
  }, 600_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it("the complete build published pages, search and cards, and nothing else beside dist/", () => {
    const files = walk(out);
    expect(files).toContain("index.html");
    expect(files.some((f) => f.startsWith("ar/pagefind/"))).toBe(true);
    expect(files.some((f) => f.startsWith("cards/") && f.endsWith(".png"))).toBe(true);
    expect(files.filter((f) => f.includes(TEMP_MARKER))).toEqual([]);
    expect(readdirSync(join(work, "site"))).toEqual(["dist"]);
  });

  const paths = () => publishPaths(out);
  const stages: Array<[string, () => boolean]> = [
    // Astro has started writing pages into the staging folder.
    ["site", () => readdirSync(paths().staging).length > 0],
    ["search", () => existsSync(join(paths().staging, "ar", "pagefind"))],
    ["cards", () => existsSync(join(paths().staging, "cards"))],
  ];

  it.each(stages)("killed in the %s stage, leaves the previous dist/ exactly as it was", { timeout: 300_000 }, async (stage, ready) => {
    // A cold card cache, so that the cards stage renders (and lasts long enough to be interrupted).
    if (stage === "cards") rmSync(join(env.MARSAD_CACHE_DIR!, "cards"), { recursive: true, force: true });
    const ended = await killWhen(env, ready);
    expect(ended.signal, `the build ended before its ${stage} stage: ${ended.stderr}`).toBe("SIGKILL");
    expect(snapshot(out)).toEqual(reference);
  });

  it("failing (a bad setting) leaves dist/ as it was and names the field", { timeout: 120_000 }, async () => {
    const bad = join(work, "content-bad");
    cpSync(join(work, "content"), bad, { recursive: true });
    writeFileSync(join(bad, "site.yaml"), "url: javascript:alert(1)\n");
    const ended = await finish(startCli(["build", "--skip-ingest"], { ...env, MARSAD_CONTENT_DIR: bad }));
    expect(ended.code).toBe(1);
    expect(ended.stderr).toMatch(/`url`/);
    expect(snapshot(out)).toEqual(reference);
  });

  it("the next build recovers: complete site, no leftovers, no temporary files, the same bytes", { timeout: 300_000 }, async () => {
    const ended = await finish(startCli(["build", "--skip-ingest"], env));
    expect(ended.code, ended.stderr).toBe(0);
    expect(readdirSync(join(work, "site"))).toEqual(["dist"]);
    const files = walk(out);
    expect(files.filter((f) => f.includes(TEMP_MARKER))).toEqual([]);
    expect(files.sort()).toEqual(Object.entries(reference).filter(([, e]) => e.kind === "file").map(([p]) => p).sort());
    // A build is deterministic: another build of the same content (other folders, caches left by killed builds)
    // publishes the same bytes, the search index aside (Pagefind names its fragments by content and run).
    const now = snapshot(out);
    const differing = files.filter((f) => !/(^|\/)pagefind(-\d+)?\//.test(f) && now[f]?.content !== reference[f]?.content);
    expect(differing).toEqual([]);
    recovered = files;
  });

  it("two builds of one output started together run one after the other, and publish a complete site", { timeout: 600_000 }, async () => {
    rmSync(join(env.MARSAD_CACHE_DIR!, "cards"), { recursive: true, force: true });
    const runs = await Promise.all([finish(startCli(["build", "--skip-ingest"], env)), finish(startCli(["build", "--skip-ingest"], env))]);
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    expect(runs.some((r) => r.stderr.includes("waiting for another build")), runs.map((r) => r.stderr).join("\n")).toBe(true);
    const files = walk(out);
    expect(files.filter((f) => f.includes(TEMP_MARKER))).toEqual([]);
    // The same files as the build just before (compared with that one, not the first: pages change while this runs
    // when the templates are being edited).
    expect(files.sort()).toEqual([...recovered].sort());
    for (const f of files.filter((p) => p.includes("pagefind"))) expect(statSync(join(out, f)).size, relative(out, join(out, f))).toBeGreaterThan(0);
    expect(readdirSync(join(work, "site"))).toEqual(["dist"]);
  });

  // Issue 17: output on another file system always failed (EXDEV: Astro renames files out of `<repo>/.astro/`).
  const shm = "/dev/shm";
  const otherDevice = existsSync(shm) && statSync(shm).dev !== statSync(ROOT).dev;
  it.runIf(otherDevice)("publishes over an output folder on another file system (no EXDEV)", { timeout: 300_000 }, async () => {
    const parent = mkdtempSync(join(shm, "marsad-exdev-"));
    try {
      const other = { ...env, MARSAD_OUT_DIR: join(parent, "dist") };
      mkdirSync(join(parent, "dist"));
      writeFileSync(join(parent, "dist", "stale.html"), "from an older build");
      const ended = await finish(startCli(["build", "--skip-ingest", "--no-cards"], other));
      expect(ended.code, ended.stderr).toBe(0);
      expect(existsSync(join(parent, "dist", "stale.html"))).toBe(false);
      expect(readdirSync(parent)).toEqual(["dist"]);
      expect(walk(join(parent, "dist"))).toContain("index.html");
      expect(existsSync(join(parent, "dist", "ar", "pagefind", "parts.json"))).toBe(true);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });
});
