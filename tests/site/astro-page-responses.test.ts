/**
 * The Vite plugin that has Astro's page renderer make bytes-backed responses (src/site/astro-page-responses.ts): it
 * rewrites the installed Astro's renderer, only that module, only in builds, and says so when it cannot.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { astroPageResponses, withPageResponses } from "../../src/site/astro-page-responses.ts";

const renderer = join(dirname(createRequire(import.meta.url).resolve("astro/package.json")), "dist", "runtime", "server", "render", "page.js");

describe("withPageResponses", () => {
  it("has every response of the installed Astro's page renderer made by pageResponse (else pages take the copying path)", () => {
    const code = readFileSync(renderer, "utf8");
    const out = withPageResponses(code, "/src/lib/bytes-response.ts");
    expect(out).not.toBeNull();
    expect(out).not.toMatch(/\bnew Response\(/);
    expect(out!.split("__marsadPageResponse(").length - 1).toBe(code.split("new Response(").length - 1);
    expect(out!.startsWith('import { pageResponse as __marsadPageResponse } from "/src/lib/bytes-response.ts";\n')).toBe(true);
  });

  it("leaves a module that makes no response alone", () => {
    expect(withPageResponses("export const x = Response;", "/f.ts")).toBeNull();
  });
});

describe("astroPageResponses", () => {
  it("transforms Astro's page renderer only, in builds only, and warns once when the renderer reads otherwise", () => {
    const warnings: string[] = [];
    const plugin = astroPageResponses("/p/src", (text) => warnings.push(text));
    expect(plugin.apply).toBe("build");
    const id = "/p/node_modules/astro/dist/runtime/server/render/page.js";
    expect(plugin.transform("return new Response(body, init);", id)?.code).toContain('from "/p/src/lib/bytes-response.ts"');
    expect(plugin.transform("return new Response(body, init);", "/p/node_modules/astro/dist/runtime/server/endpoint.js")).toBeNull();
    expect(plugin.transform("return render(body);", `${id}?v=1`)).toBeNull();
    expect(plugin.transform("return render(body);", id)).toBeNull();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("page.js");
  });
});
