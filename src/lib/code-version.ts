/**
 * A short hash of the source files a cached result depends on: a cache entry carries it, so a change to that code is
 * never hidden by the cache (the actor-file cache, the site's article cache and its search text all use it).
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

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
