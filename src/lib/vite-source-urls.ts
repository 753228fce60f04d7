/**
 * A Vite plugin so that our modules that read a data file beside themselves (`new URL("./clitics.yaml",
 * import.meta.url)`: lexicons, the clitic table, worker scripts) work once bundled by the Astro build.
 *
 * Server chunks: Vite leaves that expression as it is, so it pointed beside the chunk (`.prerender/chunks/
 * clitics.yaml`, ENOENT) and the first page importing such a module failed the build. The URL is made absolute, to
 * the file in src/; the server chunks only run during the build, on this machine.
 *
 * Browser chunks (the search page folds queries with the text model's clitic table): there is no file system, and
 * `node:fs` is an empty stub, so loading the table threw on the search page. A lexicon loaded with
 * `loadLexiconFile(Schema, new URL("./x.yaml", import.meta.url))` is parsed here, at build time, and inlined as data
 * validated by the same schema when the page loads (`lexiconData`).
 */
import { readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { parse } from "yaml";

/** `new URL("./x" | "../x", import.meta.url)` with a literal relative path. */
const BESIDE = /new URL\(\s*(["'])(\.{1,2}\/[^"'`$]*)\1\s*,\s*import\.meta\.url\s*\)/g;

/** `code` of the module at `file` with every URL of a file beside it made absolute (unchanged when there is none). */
export function absoluteSourceUrls(code: string, file: string): string {
  return code.replace(BESIDE, (_, _quote: string, rel: string) => {
    const href = pathToFileURL(resolve(dirname(file), rel)).href;
    return `new URL(${JSON.stringify(rel.endsWith("/") && !href.endsWith("/") ? `${href}/` : href)})`;
  });
}

/** `loadLexiconFile(Schema, new URL("./x.yaml", import.meta.url))` with a literal path. */
const LEXICON_LOAD = /\bloadLexiconFile\(\s*([\w$.]+)\s*,\s*new URL\(\s*(["'])(\.{1,2}\/[^"'`$]+\.ya?ml)\2\s*,\s*import\.meta\.url\s*\)\s*\)/g;

/**
 * `code` of the module at `file` with every lexicon it loads from a file beside it inlined as parsed data, for a
 * bundle without a file system (unchanged when there is none). `lexiconModule` is the path of src/schemas/lexicon.ts.
 */
export function inlineLexicons(code: string, file: string, lexiconModule: string, root: string = process.cwd()): string {
  let inlined = false;
  const out = code.replace(LEXICON_LOAD, (_, schema: string, _quote: string, rel: string) => {
    const path = resolve(dirname(file), rel);
    inlined = true;
    const data: unknown = parse(readFileSync(path, "utf8"));
    return `__marsadLexiconData(${schema}, ${JSON.stringify(data)}, ${JSON.stringify(relative(root, path))})`;
  });
  return inlined ? `import { lexiconData as __marsadLexiconData } from ${JSON.stringify(lexiconModule)};\n${out}` : code;
}

/** The plugin, for modules under `srcDir` (the project's own code; packages resolve their files themselves). */
export function sourceUrls(srcDir: string) {
  const prefix = srcDir.endsWith(sep) ? srcDir : `${srcDir}${sep}`;
  const lexiconModule = join(srcDir, "schemas", "lexicon.ts");
  return {
    name: "marsad:source-urls",
    enforce: "pre" as const,
    transform(code: string, id: string, options?: { ssr?: boolean }) {
      if (!id.startsWith(prefix) || !/\.(ts|mts|js|mjs)$/.test(id) || !code.includes("import.meta.url")) return null;
      const out = options?.ssr ? absoluteSourceUrls(code, id) : inlineLexicons(code, id, lexiconModule, dirname(srcDir));
      return out === code ? null : { code: out, map: null };
    },
  };
}
