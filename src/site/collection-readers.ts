/**
 * Whether the site reads its content collections at all: a module under its `src/` (a page, layout or component of
 * yours) that imports `astro:content`, other than the collections' own configuration. The site's own pages never do
 * (they look up the model, src/components/site-data.ts), and Astro bundles the store only into pages that import it;
 * yet filling the store made it differ on every rebuild (actor entries carry counts), and Astro then serialised the
 * whole store again (devalue, 8 MB at 10,000 articles): about a second of each rebuild for a store nobody read.
 * So the build fills the collections only when a module reads them (src/content.config.ts); `astro dev` always does.
 */
import { readdirSync, readFileSync } from "node:fs";
import { basename, extname, join } from "node:path";

/** Files that can import a module: Astro components, scripts and MDX. */
const SOURCE_EXTENSIONS = new Set([".astro", ".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs", ".md", ".mdx", ".svelte", ".vue"]);

/** An import of the `astro:content` module, static or dynamic (its name in quotes after `from` or `import`). */
const IMPORTS_CONTENT = /\b(?:from|import)\s*\(?\s*["']astro:content["']/;

/** True when a module under `srcDir` other than the collections' configuration (`content.config.*`) imports `astro:content`. */
export function readsCollections(srcDir: string): boolean {
  let entries;
  try {
    entries = readdirSync(srcDir, { recursive: true, withFileTypes: true });
  } catch {
    return false;
  }
  for (const e of entries) {
    if (!e.isFile() || !SOURCE_EXTENSIONS.has(extname(e.name)) || basename(e.name).startsWith("content.config.")) continue;
    let text: string;
    try {
      text = readFileSync(join(e.parentPath, e.name), "utf8");
    } catch {
      continue;
    }
    if (IMPORTS_CONTENT.test(text)) return true;
  }
  return false;
}
