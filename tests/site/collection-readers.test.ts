/**
 * A build fills the content collections only when a module of the site reads them (src/site/collection-readers.ts):
 * the site's own source does not, the collections fixture's page does (tests/site/collections.test.ts builds it).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { readsCollections } from "../../src/site/collection-readers.ts";

const ROOT = resolve(import.meta.dirname, "../..");

/** A `src/` folder holding `files` (path → text). */
function src(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "marsad-readers-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const config = { "content.config.ts": 'import { defineCollection } from "astro:content";\n' };

describe("readsCollections", () => {
  it("is false for the site's own source (its pages look up the model) and true for the collections fixture", () => {
    expect(readsCollections(join(ROOT, "src"))).toBe(false);
    expect(readsCollections(join(ROOT, "tests/fixtures/collections-site/src"))).toBe(true);
  });

  it("sees a static or dynamic import in a page, layout or component, not the configuration or a comment", () => {
    expect(readsCollections(src({ ...config, "env.d.ts": "// virtual modules (`astro:content`…)\n" }))).toBe(false);
    expect(readsCollections(src({ ...config, "pages/list.astro": '---\nimport { getCollection } from "astro:content";\n---\n' }))).toBe(true);
    expect(readsCollections(src({ ...config, "components/List.astro": "---\nimport { getEntry } from 'astro:content'\n---\n" }))).toBe(true);
    expect(readsCollections(src({ ...config, "lib/data.ts": 'export const load = () => import("astro:content");\n' }))).toBe(true);
    expect(readsCollections(join(tmpdir(), "marsad-no-such-folder"))).toBe(false);
  });
});
