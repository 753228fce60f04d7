/**
 * Pages handed to Astro's writer as the bytes they are (src/cli/prerender-bytes.ts): the same bytes and the same
 * incremental-build metadata as Astro's own prerenderer gives, without copying the page again; Astro's own
 * prerenderer when there is no metadata to collect or no app to render with.
 */
import type { AstroPrerenderer } from "astro";
import { describe, expect, it } from "vitest";
import { astroCollector, bytesPrerenderer } from "../../src/cli/prerender-bytes.ts";
import { BytesResponse, bytesOf } from "../../src/lib/bytes-response.ts";

type RenderOptions = Parameters<AstroPrerenderer["render"]>[1];
const page = "<p lang=\"ar\">مرصد</p>";
const route = { route: "/[lang]/", component: "src/pages/[lang]/index.astro" } as unknown as RenderOptions["routeData"];

/** Astro's render scope, as its content runtime reaches it to record what a page read. */
const recordEntry = (key: string): void => {
  const scope = (globalThis as Record<symbol, { getStore(): { contentEntries: Set<string> } | undefined } | undefined>)[Symbol.for("astro:render-scope")];
  scope?.getStore()?.contentEntries.add(key);
};

/** Astro's default prerenderer as the wrapper sees it: `app` (set up), and its own render, counted. */
function fakeBase(calls: string[], app = true): AstroPrerenderer & { app?: unknown } {
  return {
    name: "astro:default",
    getStaticPaths: async () => [],
    render: async () => {
      calls.push("base");
      return new Response(page);
    },
    ...(app
      ? {
          app: {
            logger: { warn: () => calls.push("warned") },
            render: async (request: Request) => {
              calls.push(`app ${new URL(request.url).pathname}`);
              recordEntry("articles:a1");
              return new Response(page, { status: 200, headers: { "content-type": "text/html" } });
            },
          },
        }
      : {}),
  };
}

describe("bytesPrerenderer", () => {
  it("finds Astro's metadata collector in the Astro installed (else every page would take Astro's copying path)", async () => {
    expect(await astroCollector()).not.toBeNull();
  });

  it("renders with Astro's app in its metadata scope, and hands the page on as bytes with the entries it read", async () => {
    const calls: string[] = [];
    const p = bytesPrerenderer(fakeBase(calls));
    const result = await p.render(new Request("https://x.example/ar/"), { routeData: route, collectMetadata: true });
    expect(result).not.toBeInstanceOf(Response);
    const { response, metadata } = result as Exclude<typeof result, Response>;
    expect(response).toBeInstanceOf(BytesResponse);
    expect(new TextDecoder().decode(await response.arrayBuffer())).toBe(page);
    expect(response.headers.get("content-type")).toBe("text/html");
    expect(metadata?.contentEntryKeys).toEqual(["articles:a1"]);
    expect(calls).toEqual(["app /ar/"]);
  });

  it("leaves the render to Astro's prerenderer when no metadata is collected, or when it has no app", async () => {
    const calls: string[] = [];
    const response = await bytesPrerenderer(fakeBase(calls)).render(new Request("https://x.example/ar/"), { routeData: route, collectMetadata: false });
    expect(await (response as Response).text()).toBe(page);
    await bytesPrerenderer(fakeBase(calls, false)).render(new Request("https://x.example/ar/"), { routeData: route, collectMetadata: true });
    expect(calls).toEqual(["base", "base"]);
  });

  it("hands on a page that is bytes-backed already as it is, without reading it", async () => {
    const base = fakeBase([]);
    const bytes = new TextEncoder().encode(page);
    const rendered = new BytesResponse(bytes, { status: 200, headers: { "content-type": "text/html" } });
    (base.app as { render: () => Promise<Response> }).render = async () => rendered;
    const result = await bytesPrerenderer(base).render(new Request("https://x.example/ar/"), { routeData: route, collectMetadata: true });
    const { response } = result as Exclude<typeof result, Response>;
    expect(response).toBe(rendered);
    expect(bytesOf(response)).toBe(bytes.buffer);
  });

  it("keeps a response without a body as Astro's does", async () => {
    const base = fakeBase([]);
    (base.app as { render: () => Promise<Response> }).render = async () => new Response(null, { status: 204 });
    const result = await bytesPrerenderer(base).render(new Request("https://x.example/ar/"), { routeData: route, collectMetadata: true });
    const { response } = result as Exclude<typeof result, Response>;
    expect(response.status).toBe(204);
    expect(response.body).toBeNull();
  });
});
