/**
 * Imports point down the data flow only: ingest → entities → stories/events → pipeline → site → cards, with the CLI
 * on top. The base folders (lib, text, schemas, content readers, settings) may be imported from anywhere and import
 * only each other. A stage importing from a later one (the site from the CLI, ingest from the site…) fails here,
 * type-only imports included: they tie the meaning of one stage to another just the same.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");

/** Rank of each top-level place under src/: a file may import ranks up to its own; base (0) only base. */
const RANK: Record<string, number> = {
  lib: 0,
  text: 0,
  schemas: 0,
  content: 0,
  "config.ts": 0,
  "env.d.ts": 0,
  ingest: 1,
  entities: 2,
  stories: 3,
  events: 3,
  pipeline: 4,
  site: 5,
  components: 5,
  pages: 5,
  layouts: 5,
  i18n: 5,
  styles: 5,
  "content.config.ts": 5,
  cards: 6,
  cli: 7,
};

/**
 * Known leaks still to fix, each with its reason. An entry no longer needed fails the test too, so the list only
 * shrinks.
 */
const KNOWN: Record<string, string> = {};

/** Relative module specifiers of a source text: static imports and re-exports, side-effect and dynamic imports. */
export function importsOf(code: string): string[] {
  const text = code.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  const out: string[] = [];
  const pattern = /\bfrom\s*["'](\.{1,2}\/[^"']+)["']|\bimport\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g;
  for (const m of text.matchAll(pattern)) out.push((m[1] ?? m[2])!);
  return out;
}

/** The place (first path segment under src/) of a repository path, or undefined outside src/. */
function placeOf(path: string): string | undefined {
  const parts = path.split("/");
  return parts[0] === "src" ? parts[1] : undefined;
}

/** Every import of `files` (repository path → text) that points up the flow, as `from -> to`. */
export function upwardImports(files: ReadonlyMap<string, string>): { up: string[]; unknown: string[] } {
  const up: string[] = [];
  const unknown: string[] = [];
  for (const [path, code] of files) {
    const from = placeOf(path)!;
    for (const spec of importsOf(code)) {
      const target = normalize(join(dirname(path), spec)).split("\\").join("/");
      const to = placeOf(target);
      if (to === undefined) continue;
      const [rf, rt] = [RANK[from], RANK[to]];
      if (rf === undefined || rt === undefined) unknown.push(`${path} -> ${target}`);
      else if (rt > rf) up.push(`${path} -> ${target}`);
    }
  }
  return { up, unknown };
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(path);
    return /\.(ts|mts|mjs|js|astro)$/.test(d.name) ? [path] : [];
  });
}

describe("imports point down the data flow", () => {
  it("has no stage importing from a later one (but the known leaks listed here)", () => {
    const files = new Map(sourceFiles(join(ROOT, "src")).map((f) => [relative(ROOT, f).split("\\").join("/"), readFileSync(f, "utf8")]));
    const { up, unknown } = upwardImports(files);
    expect(unknown, "a folder under src/ with no rank: add it to RANK").toEqual([]);
    expect(up.filter((edge) => !(edge in KNOWN)), "imports from a later stage").toEqual([]);
    expect(Object.keys(KNOWN).filter((edge) => !up.includes(edge)), "fixed leaks still listed in KNOWN: remove them").toEqual([]);
  });

  it("catches an upward import, a type-only one and a dynamic one, and ignores comments", () => {
    const files = new Map([
      ["src/ingest/a.ts", 'import { x } from "../site/model.ts";\n// import { y } from "../cards/b.ts";\n'],
      ["src/entities/b.ts", 'import type { T } from "../pipeline/extract.ts";\nimport { f } from "../ingest/a.ts";\n'],
      ["src/lib/c.ts", 'const m = await import("../text/fold.ts");\nexport { z } from "../entities/b.ts";\n'],
      ["src/site/d.ts", 'import { s } from "../lib/c.ts";\nimport { CardSpec } from "../cards/spec.ts";\n'],
      ["src/weird/e.ts", 'import { s } from "../lib/c.ts";\n'],
    ]);
    expect(upwardImports(files)).toEqual({
      up: ["src/ingest/a.ts -> src/site/model.ts", "src/entities/b.ts -> src/pipeline/extract.ts", "src/lib/c.ts -> src/entities/b.ts", "src/site/d.ts -> src/cards/spec.ts"],
      unknown: ["src/weird/e.ts -> src/lib/c.ts"],
    });
  });
});
