/**
 * Builds the fixture site (tests/fixtures/site/content) into a fresh temporary directory the way the real build
 * does: `astro build` with the content and output directories from the environment, then the search index.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { runAstroBuild } from "../../src/cli/astro-build.ts";
import { buildSearchIndex } from "../../src/site/search-index.ts";

export const ROOT = resolve(import.meta.dirname, "../..");
export const FIXTURE_CONTENT = join(ROOT, "tests/fixtures/site/content");

export interface BuiltSite {
  outDir: string;
  base: string;
  buildSeconds: number;
  searchPages: number;
}

/**
 * Where test builds go. Inside the repository on purpose: for an outDir outside the working directory, Astro puts
 * its prerender bundle in `<repo>/.astro/.prerender/`, shared by every such build, so two builds running at once
 * (tests in parallel, a benchmark) delete each other's chunks. Inside the repository it stays in the outDir.
 */
export const BUILDS = join(ROOT, "node_modules/.cache/marsad/site-tests");

/**
 * Runs `astro build` for `contentDir` into a new directory (optionally under a base path) and indexes it (in parts
 * of at most `pagesPerBundle` articles, to test merged search on a small site).
 */
export async function buildSite(options: { contentDir?: string; base?: string; search?: boolean; pagesPerBundle?: number } = {}): Promise<BuiltSite> {
  mkdirSync(BUILDS, { recursive: true });
  const outDir = mkdtempSync(join(BUILDS, "out-"));
  const base = options.base ?? "/";
  const started = performance.now();
  const status = runAstroBuild(
    ROOT,
    {
      // runAstroBuild drops Vite's own variables (MODE, DEV, PROD…) that Vitest puts into process.env.
      ...process.env,
      NODE_ENV: "production",
      MARSAD_CONTENT_DIR: options.contentDir ?? FIXTURE_CONTENT,
      MARSAD_OUT_DIR: outDir,
      MARSAD_BASE: base,
      // A cache of its own: the content store of one build is never read by another.
      MARSAD_CACHE_DIR: `${outDir}-cache`,
    },
    ["ignore", "pipe", "inherit"],
  );
  if (status !== 0) throw new Error(`astro build of ${options.contentDir ?? FIXTURE_CONTENT} failed (exit ${status})`);
  const buildSeconds = (performance.now() - started) / 1000;
  const searchPages = options.search === false ? 0 : (await buildSearchIndex(outDir, { pagesPerBundle: options.pagesPerBundle })).pages;
  return { outDir, base, buildSeconds, searchPages };
}

/** Deletes a test build and its cache. */
export function removeSite(site: BuiltSite | undefined): void {
  if (!site) return;
  rmSync(site.outDir, { recursive: true, force: true });
  rmSync(`${site.outDir}-cache`, { recursive: true, force: true });
}
