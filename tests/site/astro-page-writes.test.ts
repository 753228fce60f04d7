/**
 * The module hook that has Astro's static generator write pages through the page writer
 * (src/site/astro-page-writes.ts): the installed Astro's generator is rewritten, the rewritten lines write through
 * the writer when one is installed and as Astro did otherwise, and an Astro that writes otherwise gets one warning.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { isAstroGenerator, withPageWriter } from "../../src/site/astro-page-writes.ts";

const generator = join(dirname(createRequire(import.meta.url).resolve("astro/package.json")), "dist", "core", "build", "generate.js");
const work = mkdtempSync(join(tmpdir(), "page-writes-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Astro 7.3's two writes, as a function of the file-system module and the render result. */
const ASTRO_WRITES = `await nodeFs.promises.mkdir(result.outFolder, { recursive: true });
  await nodeFs.promises.writeFile(result.outFile, result.body);`;
const AsyncFunction = (async () => {}).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<void>;

describe("withPageWriter", () => {
  it("rewrites the installed Astro's generator, once, and nothing else of it", () => {
    const code = readFileSync(generator, "utf8");
    const out = withPageWriter(code);
    expect(out).not.toBeNull();
    expect(out!.split(".writePage(result.outFolder, result.outFile, result.body)").length - 1).toBe(1);
    expect(out!.length - code.length).toBeLessThan(400);
    // Undoing the rewrite (the writer's branch dropped, the two writes on their lines again) gives Astro's code back.
    expect(out!.replace(/if \(globalThis[^\n]*\n\s*else \{ (.*) \}/, "$1")).toBe(code.replace(/\n\s*await nodeFs\.promises\.writeFile/, " await nodeFs.promises.writeFile"));
  });

  it("writes through the installed writer, or as Astro did without one", async () => {
    const rewritten = withPageWriter(ASTRO_WRITES)!;
    const write = new AsyncFunction("nodeFs", "result", rewritten);
    const calls: string[] = [];
    const nodeFs = {
      promises: {
        mkdir: async (folder: string) => void calls.push(`mkdir ${folder}`),
        writeFile: async (file: string, body: string) => void calls.push(`writeFile ${file} ${body}`),
      },
    };
    const result = { outFolder: "/out/a", outFile: "/out/a/index.html", body: "<p>a</p>" };
    await write(nodeFs, result);
    expect(calls).toEqual(["mkdir /out/a", "writeFile /out/a/index.html <p>a</p>"]);

    calls.length = 0;
    const slot = Symbol.for("marsad.page-writer");
    (globalThis as Record<symbol, unknown>)[slot] = { writePage: async (...args: string[]) => void calls.push(`writePage ${args.join(" ")}`) };
    try {
      await write(nodeFs, result);
    } finally {
      delete (globalThis as Record<symbol, unknown>)[slot];
    }
    expect(calls).toEqual(["writePage /out/a /out/a/index.html <p>a</p>"]);
  });

  it("leaves a generator that writes otherwise alone", () => {
    expect(withPageWriter("await fs.writeFile(file, body);")).toBeNull();
  });
});

describe("isAstroGenerator", () => {
  it("knows Astro's generator by its URL, query or not, and nothing else", () => {
    expect(isAstroGenerator("file:///p/node_modules/astro/dist/core/build/generate.js")).toBe(true);
    expect(isAstroGenerator("file:///p/node_modules/astro/dist/core/build/generate.js?v=2")).toBe(true);
    expect(isAstroGenerator("file:///p/node_modules/astro/dist/core/build/index.js")).toBe(false);
    expect(isAstroGenerator("file:///p/src/generate.js")).toBe(false);
  });
});

describe("hookAstroPageWrites", () => {
  it("rewrites the generator when Node loads it, and warns once for one that writes otherwise", () => {
    const astro = (name: string, code: string) => {
      const file = join(work, name, "node_modules/astro/dist/core/build/generate.js");
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, code);
      return pathToFileURL(file).href;
    };
    const current = astro("current", `export async function write(nodeFs, result) {\n  ${ASTRO_WRITES}\n}`);
    const other = astro("other", "export async function write(nodeFs, result) { await nodeFs.promises.writeFile(result.outFile, result.body); }");
    const other2 = astro("other2", "export async function write() {}");
    const hook = pathToFileURL(join(import.meta.dirname, "../../src/site/astro-page-writes.ts")).href;
    const script = `import { hookAstroPageWrites } from ${JSON.stringify(hook)};
      hookAstroPageWrites();
      const calls = [];
      globalThis[Symbol.for("marsad.page-writer")] = { writePage: async (folder, file) => calls.push(file) };
      const fs = { promises: { mkdir: async () => calls.push("mkdir"), writeFile: async (file) => calls.push("fs " + file) } };
      for (const url of ${JSON.stringify([current, other, other2])}) await (await import(url)).write(fs, { outFolder: "/o", outFile: url.includes("current") ? "/o/current" : "/o/other", body: "" });
      console.log(JSON.stringify(calls));`;
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8", timeout: 20_000 });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(["/o/current", "fs /o/other"]);
    const warnings = run.stderr.split("\n").filter((line) => line.startsWith("marsad: "));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("other/node_modules/astro/dist/core/build/generate.js");
  });
});
