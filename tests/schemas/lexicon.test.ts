import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Bilingual, LexiconError, lexiconOnce, loadLexiconFile, nonEmptyRecord, parseLexicon, Words } from "../../src/schemas/lexicon.ts";

const Schema = z.object({ ranks: Bilingual, extra: Words.optional(), map: nonEmptyRecord(z.number()).optional() }).strict();

describe("lexicon atoms and loader", () => {
  it("parses a valid lexicon", () => {
    expect(parseLexicon(Schema, "ranks:\n  ar: [لواء]\n  en: [General]\n", "t.yaml")).toEqual({ ranks: { ar: ["لواء"], en: ["General"] } });
  });

  it("names the file, the field and its line for an empty group", () => {
    const text = "# titles\nranks:\n  ar: []\n  en: [General]\n";
    expect(() => parseLexicon(Schema, text, "titles.yaml")).toThrow(LexiconError);
    expect(() => parseLexicon(Schema, text, "titles.yaml")).toThrow("titles.yaml: field `ranks.ar` (line 3): an empty group is an error");
  });

  it("rejects an empty word, an empty map and an unknown key", () => {
    expect(() => parseLexicon(Schema, "ranks: {ar: [''], en: [x]}\n", "t.yaml")).toThrow(/t\.yaml: field `ranks\.ar\.0` \(line 1\)/);
    expect(() => parseLexicon(Schema, "ranks: {ar: [a], en: [x]}\nmap: {}\n", "t.yaml")).toThrow(/field `map` \(line 2\): an empty group is an error/);
    expect(() => parseLexicon(Schema, "ranks: {ar: [a], en: [x]}\nother: 1\n", "t.yaml")).toThrow(/t\.yaml: field `\(root\)` \(line 1\)/);
  });

  it("names the line and column of a YAML syntax error", () => {
    expect(() => parseLexicon(Schema, "ranks:\n  ar: [a\n  en: b\n", "t.yaml")).toThrow(/t\.yaml: not valid YAML \(line \d+, column \d+\)/);
  });

  it("reads a file once, naming it when it is missing", () => {
    const dir = mkdtempSync(join(tmpdir(), "marsad-lexicon-"));
    const url = pathToFileURL(join(dir, "x.yaml"));
    expect(() => loadLexiconFile(Schema, url)).toThrow(/x\.yaml: cannot be read \(ENOENT\)/);
    writeFileSync(url, "ranks: {ar: [a], en: [b]}\n");
    const load = lexiconOnce(Schema, url);
    expect(load().ranks.ar).toEqual(["a"]);
    writeFileSync(url, "ranks: {ar: [c], en: [d]}\n");
    expect(load().ranks.ar).toEqual(["a"]);
  });
});
