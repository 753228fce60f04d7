import { describe, expect, it } from "vitest";
import { absoluteSourceUrls, sourceUrls } from "../../src/lib/vite-source-urls.ts";

describe("absolute source URLs in server chunks", () => {
  it("makes a data file's URL beside the module absolute, folders keeping their slash", () => {
    const code = 'const a = new URL("./clitics.yaml", import.meta.url);\nconst b = new URL(\'../events/lexicon/\', import.meta.url);';
    expect(absoluteSourceUrls(code, "/repo/src/text/clitics.ts")).toBe(
      'const a = new URL("file:///repo/src/text/clitics.yaml");\nconst b = new URL("file:///repo/src/events/lexicon/");',
    );
  });

  it("leaves computed paths, other bases and client code alone", () => {
    const code = "new URL(`./${name}`, import.meta.url); new URL(\"./x.yaml\", base);";
    expect(absoluteSourceUrls(code, "/repo/src/a.ts")).toBe(code);
    const plugin = sourceUrls("/repo/src");
    const beside = 'new URL("./x.yaml", import.meta.url)';
    expect(plugin.transform(beside, "/repo/src/a.ts", { ssr: false })).toBeNull();
    expect(plugin.transform(beside, "/repo/node_modules/p/a.js", { ssr: true })).toBeNull();
    expect(plugin.transform(beside, "/repo/src/a.ts", { ssr: true })?.code).toBe('new URL("file:///repo/src/x.yaml")');
  });
});

describe("lexicons inlined in browser chunks", () => {
  it("replaces a lexicon load from a file beside the module by its parsed data, validated on load", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const { inlineLexicons } = await import("../../src/lib/vite-source-urls.ts");
    const dir = mkdtempSync(join(tmpdir(), "marsad-inline-"));
    writeFileSync(join(dir, "words.yaml"), "# comment\nar: [في, من]\n");
    const code = 'export const W = loadLexiconFile(Words, new URL("./words.yaml", import.meta.url));';
    const out = inlineLexicons(code, join(dir, "mod.ts"), "/repo/src/schemas/lexicon.ts", dir);
    expect(out).toBe(
      'import { lexiconData as __marsadLexiconData } from "/repo/src/schemas/lexicon.ts";\nexport const W = __marsadLexiconData(Words, {"ar":["في","من"]}, "words.yaml");',
    );
    expect(inlineLexicons("const x = 1;", join(dir, "mod.ts"), "/l.ts", dir)).toBe("const x = 1;");
  });
});
