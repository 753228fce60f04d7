/**
 * Builds the fixture site (tests/fixtures/site/content) into a fresh temporary directory the way the real build
 * does: `astro build` with the content and output directories from the environment, then the search index.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { buildSearchIndex } from "../../src/site/search-index.ts";

export const ROOT = resolve(import.meta.dirname, "../..");
export const FIXTURE_CONTENT = join(ROOT, "tests/fixtures/site/content");

export interface BuiltSite {
  outDir: string;
  base: string;
  buildSeconds: number;
  searchPages: number;
}

/** Runs `astro build` for `contentDir` into a new temp dir (optionally under a base path) and indexes it. */
export async function buildSite(options: { contentDir?: string; base?: string; search?: boolean } = {}): Promise<BuiltSite> {
  const outDir = mkdtempSync(join(tmpdir(), "marsad-site-"));
  const base = options.base ?? "/";
  const started = performance.now();
  execFileSync(join(ROOT, "node_modules/.bin/node"), [join(ROOT, "node_modules/astro/bin/astro.mjs"), "build", "--silent"], {
    cwd: ROOT,
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: "1",
      MARSAD_CONTENT_DIR: options.contentDir ?? FIXTURE_CONTENT,
      MARSAD_OUT_DIR: outDir,
      MARSAD_BASE: base,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const buildSeconds = (performance.now() - started) / 1000;
  const searchPages = options.search === false ? 0 : (await buildSearchIndex(outDir)).pages;
  return { outDir, base, buildSeconds, searchPages };
}
