/**
 * A Vite plugin for the site build: Astro's page renderer hands each rendered page over as a bytes-backed response
 * (src/lib/bytes-response.ts) instead of the Fetch API's `Response`, which copies the page into a stream when it is
 * made and again when Astro's writer reads it. At 10,000 articles that is 30,000 pages, about 470 MB: the copies,
 * their streams and their garbage were about 4% of the build's rendering thread in its profile.
 *
 * Astro's renderer (`astro/dist/runtime/server/render/page.js`) makes its responses with `new Response(body, init)`;
 * the plugin has it call `pageResponse(body, init)` there, which makes the same response, bytes-backed when the body
 * is bytes (any other body, a stream, gets the Fetch API's own). It applies to builds only: `astro dev` serves pages
 * as Astro does. On an Astro whose renderer reads otherwise, nothing is changed and a warning says so once: pages are
 * the same, only slower to write.
 */
import { join } from "node:path";

/** Astro's page renderer, by its path inside the package. */
const PAGE_RENDERER = /[\\/]astro[\\/]dist[\\/]runtime[\\/]server[\\/]render[\\/]page\.js$/;
const NEW_RESPONSE = /\bnew Response\(/g;

/** `code` of Astro's page renderer calling `pageResponse` from `factoryModule` for its responses; null when it makes none. */
export function withPageResponses(code: string, factoryModule: string): string | null {
  if (!code.match(NEW_RESPONSE)) return null;
  return `import { pageResponse as __marsadPageResponse } from ${JSON.stringify(factoryModule)};\n${code.replace(NEW_RESPONSE, "__marsadPageResponse(")}`;
}

/** The plugin; `srcDir` is the project's src/ (where src/lib/bytes-response.ts is). */
export function astroPageResponses(srcDir: string, warn: (text: string) => void = (text) => process.stderr.write(`marsad: ${text}\n`)) {
  const factoryModule = join(srcDir, "lib", "bytes-response.ts");
  let warned = false;
  return {
    name: "marsad:page-responses",
    apply: "build" as const,
    transform(code: string, id: string) {
      if (!PAGE_RENDERER.test(id.split("?")[0]!)) return null;
      const out = withPageResponses(code, factoryModule);
      if (out === null && !warned) {
        warned = true;
        warn(`${id} makes no \`new Response(\`: pages are written through the Fetch API's copies (slower, still correct)`);
      }
      return out === null ? null : { code: out, map: null };
    },
  };
}
