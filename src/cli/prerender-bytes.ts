/**
 * Rendered pages handed to Astro's writer as the bytes they are. With the incremental build on, Astro's prerenderer
 * (core/app/prerender.js `renderForPrerender`) reads each rendered page inside the scope that collects its metadata
 * and wraps the bytes in a new `Response`, which copies them; Astro's writer then reads that `Response` again, a
 * second copy. At 10,000 articles that was two more copies of half a gigabyte of pages and feeds, with the garbage
 * they leave, on the thread that renders. Here the page is read once, in Astro's own metadata scope, and handed on in
 * a `Response` whose `arrayBuffer()` returns those bytes (src/lib/bytes-response.ts): what Astro writes is the same.
 * Pages and feeds that are bytes-backed already (src/site/astro-page-responses.ts) are not read at all.
 *
 * It reaches two things that are not Astro's public API: the default prerenderer's `app`, and the metadata collector
 * (`collectPrerenderMetadata`). On an Astro without them, the default prerenderer renders, as before.
 */
import module from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import type { AstroPrerenderer } from "astro";
import { BytesResponse, NULL_BODY_STATUSES, bytesOf } from "../lib/bytes-response.ts";

type Render = AstroPrerenderer["render"];
type RenderResult = Awaited<ReturnType<Render>>;
interface PrerenderApp {
  render(request: Request, options: { routeData: unknown }): Promise<Response>;
  logger: unknown;
}
type Collect = <T>(fn: () => Promise<T>, logger: unknown) => Promise<{ value: T; metadata: unknown }>;
type EnsureScope = () => unknown;

/** Astro's metadata collector and render scope, from its files; null on an Astro that has them elsewhere. */
export async function astroCollector(): Promise<{ collect: Collect; ensureScope: EnsureScope } | null> {
  try {
    const astroDir = dirname(module.createRequire(import.meta.url).resolve("astro/package.json"));
    const file = (path: string): string => pathToFileURL(join(astroDir, "dist", "core", "render-scope", path)).href;
    const { collectPrerenderMetadata } = (await import(file("collect.js"))) as { collectPrerenderMetadata?: Collect };
    const { ensureAsyncRenderScope } = (await import(file("node-scope.js"))) as { ensureAsyncRenderScope?: EnsureScope };
    return typeof collectPrerenderMetadata === "function" && typeof ensureAsyncRenderScope === "function" ? { collect: collectPrerenderMetadata, ensureScope: ensureAsyncRenderScope } : null;
  } catch {
    return null;
  }
}

/** `base` (Astro's default prerenderer) rendering as above when the incremental build collects metadata. */
export function bytesPrerenderer(base: AstroPrerenderer): AstroPrerenderer {
  let collector: Promise<{ collect: Collect; ensureScope: EnsureScope } | null> | undefined;
  const render: Render = async (request, options) => {
    const app = (base as { app?: PrerenderApp }).app;
    const found = options.collectMetadata && typeof app?.render === "function" ? await (collector ??= astroCollector()) : null;
    if (!found || !app) return base.render(request, options);
    found.ensureScope();
    const { value: response, metadata } = await found.collect(async () => {
      const rendered = await app.render(request, { routeData: options.routeData });
      // A page or feed already bytes-backed (src/site/astro-page-responses.ts, src/site/xml-response.ts) goes on as it is.
      if (bytesOf(rendered) !== null) return rendered;
      const init = { status: rendered.status, statusText: rendered.statusText, headers: rendered.headers };
      return rendered.body === null || NULL_BODY_STATUSES.has(rendered.status) ? new Response(null, init) : new BytesResponse(await rendered.arrayBuffer(), init);
    }, app.logger);
    return { response, metadata } as RenderResult;
  };
  return {
    name: base.name,
    ...(base.setup ? { setup: () => base.setup!() } : {}),
    getStaticPaths: () => base.getStaticPaths(),
    render,
    ...(base.collectStaticImages ? { collectStaticImages: () => base.collectStaticImages!() } : {}),
    ...(base.teardown ? { teardown: () => base.teardown!() } : {}),
  };
}
