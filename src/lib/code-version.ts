/**
 * A short hash of the source files a cached result depends on: a cache entry carries it, so a change to that code is
 * never hidden by the cache (the actor-file cache, the site's article cache and its search text all use it).
 * `moduleVersion` finds those files itself, from the module's imports.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";

/**
 * Hash of the files `rels`, relative to `from` (the caller's `import.meta.url`); undefined when one cannot be read
 * (code bundled without its sources next to it), so the caller can decide what an unversioned cache may hold.
 */
export function codeVersion(from: string | URL, rels: readonly string[]): string | undefined {
  const hash = createHash("sha256");
  try {
    for (const rel of rels) hash.update(rel).update(readFileSync(new URL(rel, from)));
  } catch {
    return undefined;
  }
  return hash.digest("hex").slice(0, 16);
}

/** Relative module specifiers (`from "./x.ts"`, `import "./x.ts"`, `import("./x.ts")`) and data files read beside the module (`new URL("./x.yaml", import.meta.url)`). */
const LOCAL_REFERENCE = /(?:\bfrom\s*|\bimport\s*\(?\s*)["'](\.{1,2}\/[^"']+)["']|new URL\(\s*["'](\.{1,2}\/[^"']*)["']\s*,\s*import\.meta\.url\s*\)/g;

/**
 * The source files `entry` depends on: itself, every module it imports by a relative path (transitively), and the
 * data files and folders those modules read beside themselves. Packages are left out (their versions change with
 * the lock file, not with our code). When `entry` cannot be read (bundled code), just `[entry]`, which
 * `codeVersion` then reports as unversioned. Hand-kept lists of sources went stale: this is computed.
 */
export function moduleSources(entry: string | URL): string[] {
  const seen = new Set<string>();
  const visit = (url: URL): void => {
    if (seen.has(url.href)) return;
    seen.add(url.href);
    let text: string;
    try {
      text = readFileSync(url, "utf8");
    } catch {
      // A reference that is not there (a path built at run time) is not a source; a missing entry is kept so that
      // codeVersion reports the code as unversioned.
      if (url.href !== root.href) seen.delete(url.href);
      return;
    }
    if (!/\.(ts|mts|js|mjs)$/.test(url.pathname)) return;
    for (const m of withoutComments(text).matchAll(LOCAL_REFERENCE)) {
      const target = new URL(m[1] ?? m[2]!, url);
      if (m[2] !== undefined && target.pathname.endsWith("/")) {
        for (const name of listFiles(target)) seen.add(new URL(name, target).href);
      } else visit(target);
    }
  };
  const root = new URL(entry);
  visit(root);
  return [...seen].sort();
}

/**
 * Comments and type-only imports removed (roughly: enough that an example path in a doc comment is not a reference,
 * and that a type, erased at run time, does not tie a cache to a whole other stage).
 */
function withoutComments(code: string): string {
  return code
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/^\s*\/\/.*$/gm, "")
    .replace(/\b(?:import|export)\s+type\s[^;]*?from\s*["'][^"']+["']/g, "");
}

function listFiles(dir: URL): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => d.name)
      .sort();
  } catch {
    return [];
  }
}

/** `codeVersion` of `moduleSources(entry)`: changes whenever the code (or data) `entry` runs on changes. */
export function moduleVersion(entry: string | URL): string | undefined {
  return codeVersion(entry, moduleSources(entry));
}
