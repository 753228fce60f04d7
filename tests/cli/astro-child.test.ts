/**
 * How the Astro child counts a build (src/cli/astro-child.ts): a prerenderer around Astro's own counting the paths
 * it lists and the pages it renders, and `astro:build:done` for Astro's page count; and how it reads its build order.
 */
import type { AstroPrerenderer } from "astro";
import { describe, expect, it } from "vitest";
import { Readable } from "node:stream";
import { buildOrderLine, countingIntegration, countingPrerenderer, lineReader, readBuildOrder, replaceEnv, type BuildCounts } from "../../src/cli/astro-child.ts";

type PathWithRoute = Awaited<ReturnType<AstroPrerenderer["getStaticPaths"]>>[number];

function fakePrerenderer(pathnames: string[], calls: string[]): AstroPrerenderer {
  return {
    name: "fake",
    setup: async () => void calls.push("setup"),
    getStaticPaths: async () => pathnames.map((pathname) => ({ pathname, route: {} }) as PathWithRoute),
    render: async (request) => {
      calls.push(`render ${new URL(request.url).pathname}`);
      return new Response("<p></p>");
    },
    teardown: async () => void calls.push("teardown"),
  };
}

describe("countingPrerenderer", () => {
  it("counts the distinct paths listed (one trailing slash does not make another) and the pages rendered", async () => {
    const calls: string[] = [];
    const counts: BuildCounts = { paths: null, rendered: 0, pages: null };
    const p = countingPrerenderer(fakePrerenderer(["/ar/", "/ar", "/en/", "/en/rss.xml"], calls), counts);
    await p.setup!();
    expect(counts.paths).toBeNull();
    expect(await p.getStaticPaths()).toHaveLength(4);
    expect(counts.paths).toBe(3);
    const response = await p.render(new Request("http://x.test/ar/"), { routeData: {} as never });
    expect(await (response as Response).text()).toBe("<p></p>");
    await p.teardown!();
    expect(counts.rendered).toBe(1);
    expect(calls).toEqual(["setup", "render /ar/", "teardown"]);
    expect(p.name).toBe("fake");
  });

  it("sets up and lists pages only once `ready` has settled", async () => {
    const calls: string[] = [];
    const ready = Promise.withResolvers<void>();
    const p = countingPrerenderer(fakePrerenderer(["/ar/"], calls), { paths: null, rendered: 0, pages: null }, ready.promise);
    const setUp = p.setup!();
    const listed = p.getStaticPaths();
    await new Promise((done) => setTimeout(done, 20));
    expect(calls).toEqual([]);
    ready.resolve();
    await setUp;
    expect(await listed).toHaveLength(1);
    expect(calls).toEqual(["setup"]);
  });

  it("leaves out the optional steps Astro's prerenderer does not have", () => {
    const { setup: _s, teardown: _t, ...bare } = fakePrerenderer([], []);
    const p = countingPrerenderer(bare, { paths: null, rendered: 0, pages: null });
    expect(p.setup).toBeUndefined();
    expect(p.teardown).toBeUndefined();
    expect(p.collectStaticImages).toBeUndefined();
  });
});

describe("countingIntegration", () => {
  it("wraps the prerenderer Astro gives it, and takes Astro's page count when the build is done", async () => {
    const counts: BuildCounts = { paths: null, rendered: 0, pages: null };
    const hooks = countingIntegration(counts).hooks;
    let set: unknown;
    await hooks["astro:build:start"]!({ setPrerenderer: (p: unknown) => (set = p), logger: {} } as never);
    expect(typeof set).toBe("function");
    const wrapped = (set as (base: AstroPrerenderer) => AstroPrerenderer)(fakePrerenderer(["/a/", "/b/"], []));
    await wrapped.getStaticPaths();
    expect(counts.paths).toBe(2);
    await hooks["astro:build:done"]!({ pages: [{ pathname: "a/" }], dir: new URL("file:///x/"), assets: new Map(), logger: {} } as never);
    expect(counts.pages).toBe(1);
  });
});

describe("readBuildOrder", () => {
  const order = { env: { PATH: "/bin", MARSAD_OUT_DIR: "/tmp/out" }, force: false, verbose: true, gated: true };
  const read = (chunks: string[]) => readBuildOrder(lineReader(Readable.from(chunks)));

  it("reads the order from the first line, in whatever pieces it comes, and leaves the next line to be read", async () => {
    const input = lineReader(Readable.from([buildOrderLine(order).slice(0, 10), `${buildOrderLine(order).slice(10)}content-`, "ready\n"]));
    expect(await readBuildOrder(input)).toEqual(order);
    expect(await input.next()).toBe("content-ready");
    expect(await input.next()).toBeNull();
  });

  it("is null when the input ends without an order", async () => {
    expect(await read([])).toBeNull();
    expect(await read(["\n"])).toBeNull();
  });

  it("fails naming what is wrong with a line that is not an order", async () => {
    await expect(read(["{not json\n"])).rejects.toThrow("the build order on stdin is not JSON");
    await expect(read(['{"env":{"A":1},"force":false,"verbose":false,"gated":false}\n'])).rejects.toThrow("env.A");
    await expect(read(['{"env":{}}\n'])).rejects.toThrow("force");
    await expect(read(['{"env":{},"force":false,"verbose":false}\n'])).rejects.toThrow("gated");
  });
});

describe("replaceEnv", () => {
  it("leaves exactly the order's variables", () => {
    const env: NodeJS.ProcessEnv = { KEEP: "old", DROP: "x" };
    replaceEnv(env, { KEEP: "new", ADD: "y" });
    expect(env).toEqual({ KEEP: "new", ADD: "y" });
  });
});
