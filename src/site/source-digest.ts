/**
 * A digest of the site's source (`src/` and the Astro configuration): part of every page key (src/site/page-keys.ts),
 * so a change to the code that renders pages renders every page again, whatever Astro's own module-graph hash sees
 * (the site model's code is imported at run time, outside the bundle); and of the card-spec memo's keys
 * (src/site/load.ts), so a change to the card code works every card out again.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export function sourceDigest(root: string): string {
  const hash = createHash("sha256");
  const files = readdirSync(join(root, "src"), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
  for (const file of [...files, join(root, "astro.config.mjs")]) hash.update(file.slice(root.length)).update("\0").update(readFileSync(file)).update("\0");
  return hash.digest("hex");
}
