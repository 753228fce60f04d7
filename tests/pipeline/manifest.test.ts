import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { moduleSources } from "../../src/lib/code-version.ts";
import { pipelineFingerprint } from "../../src/pipeline/manifest.ts";

describe("pipelineFingerprint", () => {
  it("covers the ingest run's code and lexicons, not the site's or the cards'", () => {
    const sources = moduleSources(new URL("../../src/pipeline/ingest-run.ts", import.meta.url)).map((href) => href.replace(/^.*\/src\//, ""));
    expect(sources).toContain("ingest/lexicon/boilerplate.yaml");
    expect(sources).toContain("entities/tagger.ts");
    expect(sources).toContain("text/clitics.yaml");
    expect(sources.filter((path) => /^(site|cards|pages|components|layouts)\//.test(path))).toEqual([]);
  });

  it("changes with the knowledge base", () => {
    const content = mkdtempSync(join(tmpdir(), "marsad-fingerprint-"));
    mkdirSync(join(content, "actors"));
    writeFileSync(join(content, "actors", "a.yaml"), "[]\n");
    const before = pipelineFingerprint(content);
    expect(pipelineFingerprint(content)).toBe(before);
    writeFileSync(join(content, "actors", "a.yaml"), "[] # edited\n");
    expect(pipelineFingerprint(content)).not.toBe(before);
  });
});
