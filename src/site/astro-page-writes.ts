/**
 * Has Astro's build write its pages through the page writer (src/site/page-writer.ts), off the rendering thread.
 *
 * Astro's static generator (`astro/dist/core/build/generate.js`) writes each rendered page with
 * `await nodeFs.promises.mkdir(result.outFolder, …)` then `await nodeFs.promises.writeFile(result.outFile, result.body)`.
 * A module hook of the Astro child (Node's `module.registerHooks`, installed before Astro is imported) rewrites those
 * two lines, when the module is loaded, into one call of the installed writer, or of the same two calls when there is
 * none. On an Astro whose generator reads otherwise, nothing is changed and a warning says so once: pages are the
 * same, only slower to write.
 */
import module from "node:module";
import { PAGE_WRITER_SLOT } from "./page-writer.ts";

/** Astro's static generator, by its URL inside the package. */
const GENERATOR = /\/astro\/dist\/core\/build\/generate\.js$/;
/** Its two writes of a rendered page (Astro 7.3). */
const PAGE_WRITES = /await nodeFs\.promises\.mkdir\(result\.outFolder, \{ recursive: true \}\);\s*await nodeFs\.promises\.writeFile\(result\.outFile, result\.body\);/;
const WRITER = `globalThis[Symbol.for(${JSON.stringify(PAGE_WRITER_SLOT)})]`;

/** `code` of Astro's generator writing pages through the installed page writer; null when its writes are not found. */
export function withPageWriter(code: string): string | null {
  if (!PAGE_WRITES.test(code)) return null;
  return code.replace(
    PAGE_WRITES,
    () =>
      `if (${WRITER}) await ${WRITER}.writePage(result.outFolder, result.outFile, result.body);\n` +
      `  else { await nodeFs.promises.mkdir(result.outFolder, { recursive: true }); await nodeFs.promises.writeFile(result.outFile, result.body); }`,
  );
}

/** True for the URL of Astro's static generator. */
export function isAstroGenerator(url: string): boolean {
  return GENERATOR.test(url.split("?")[0]!);
}

/**
 * Installs the module hook in this process (before Astro is imported). False when this Node has no
 * `module.registerHooks` (Node before 22.15): Astro then writes its pages itself.
 */
export function hookAstroPageWrites(warn: (text: string) => void = (text) => process.stderr.write(`marsad: ${text}\n`)): boolean {
  if (typeof module.registerHooks !== "function") return false;
  let warned = false;
  module.registerHooks({
    load(url, context, nextLoad) {
      const loaded = nextLoad(url, context);
      if (!isAstroGenerator(url) || loaded.source === undefined) return loaded;
      const code = typeof loaded.source === "string" ? loaded.source : Buffer.from(loaded.source as Uint8Array).toString("utf8");
      const rewritten = withPageWriter(code);
      if (rewritten === null) {
        if (!warned) warn(`${url} writes its pages otherwise than Astro 7.3: they are written on the rendering thread (slower, still correct)`);
        warned = true;
        return loaded;
      }
      return { ...loaded, source: rewritten };
    },
  });
  return true;
}
