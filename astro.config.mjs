// @ts-check
/**
 * Astro configuration. Every path and the base come from the project's settings (src/config.ts), so
 * MARSAD_CONTENT_DIR / MARSAD_OUT_DIR / MARSAD_BASE build any content into any directory under any sub-path.
 *
 * Where the pages get their data: the site's own pages look everything up in the site model, built once per build
 * from content/ by the framework-free reader (src/site/load.ts, with its JSON cache in MARSAD_CACHE_DIR) through
 * src/components/site-data.ts. Content collections (src/content.config.ts) are a slim projection of the same model
 * for pages you add (`getCollection("articles")`); Astro keeps their store in `cacheDir` below and bundles it only
 * into pages that import `astro:content`.
 *
 * The one integration, `marsadDev` (src/site/dev-server.ts), only acts in `astro dev`: content edits reload the
 * pages, inbox pages are ingested on the fly, and a changed site.yaml restarts the server.
 *
 * No Astro i18n routing and no sitemap integration: the editions are explicit `[lang]` routes, and the sitemap is an
 * endpoint (src/pages/sitemap-*.xml.ts) because the integration writes no `x-default` alternate.
 */
import { createHash } from "node:crypto";
import { join } from "node:path";
import { defineConfig } from "astro/config";
import { loadSettings } from "./src/config.ts";
import { linkAstroCache } from "./src/site/astro-cache-links.ts";
import { astroPageResponses } from "./src/site/astro-page-responses.ts";
import { marsadDev } from "./src/site/dev-server.ts";
import { sourceUrls } from "./src/lib/vite-source-urls.ts";

const settings = loadSettings();

// The incremental cache below shares its files with the output by hard links instead of keeping second copies
// (src/site/astro-cache-links.ts: why that is safe, and what happens on another Astro).
await linkAstroCache();

// Astro keeps the content collections' store (and Vite's dependency cache) in cacheDir. Keyed by content and output
// directories so that builds of different content (the fixture site in tests, the benchmark's synthetic site, the
// real one) never share a store, even when they run at the same time.
const key = createHash("sha256").update(`${settings.contentDir}\0${settings.outDir}`).digest("hex").slice(0, 12);

export default defineConfig({
  site: settings.site.url,
  base: settings.site.base,
  outDir: settings.outDir,
  cacheDir: join(settings.cacheDir, `astro-${key}`),
  trailingSlash: "ignore",
  compressHTML: true,
  devToolbar: { enabled: false },
  integrations: [marsadDev(settings)],
  build: {
    format: "directory",
    // Astro renders a page, then awaits its write before the next. The page writer (src/site/page-writer.ts) writes
    // on a thread of its own and says when each page is done; on a VM every such hand-over waits on a thread
    // wake-up, so many pages in flight keep the rendering thread busy meanwhile. Measured at 10,000 articles (pairs of
    // builds run side by side): 4 in flight left the rendering thread idle a third of the time; 32 took 4–7 s less
    // than 4, 128 another 3–4 s less than 32; 512 no less than 128, with 270 MB more. Output is byte-identical.
    concurrency: 128,
    // The Content-Security-Policy allows styles from 'self' only: no inline <style>.
    inlineStylesheets: "never",
  },
  experimental: {
    // Incremental builds: a page whose `cacheKey` (a digest of the data it renders, src/site/page-keys.ts) and code
    // are unchanged since the previous build is taken from Astro's cache in `cacheDir` (a hard link, see above)
    // instead of rendered again (article, story and brief pages; the others are always rendered). `build --cold`
    // renders everything.
    incrementalBuild: true,
  },
  vite: {
    // Data files our modules read beside themselves, once bundled: read from src/ by server chunks, lexicons inlined in
    // browser chunks (src/lib/vite-source-urls.ts). Rendered pages kept as bytes, not copied into streams on their
    // way to the writer (src/site/astro-page-responses.ts).
    plugins: [sourceUrls(join(settings.root, "src")), astroPageResponses(join(settings.root, "src"))],
    build: {
      // Never inline scripts or fonts as data: URLs (CSP `script-src 'self'`, and fonts cache better as files).
      assetsInlineLimit: 0,
    },
  },
});
