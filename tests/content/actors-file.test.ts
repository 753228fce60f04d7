import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadActors, parseActorFile } from "../../src/content/actors-file.ts";

const entry = (id: string) => `- id: ${id}
  names: { ar: اسم, en: Name }
  type: person
  description: { ar: وصف, en: A description. }
  provenance: { added_by: test, source: test }
`;

describe("actor knowledge-base files", () => {
  it("applies defaults", () => {
    const [actor] = parseActorFile(entry("some-one"), "a.yaml");
    expect(actor?.aliases).toEqual({ ar: [], en: [] });
    expect(actor?.former_ids).toEqual([]);
    expect(actor?.provisional).toBe(false);
  });

  it("names the file, entry and field of an invalid actor", () => {
    expect(() => parseActorFile(entry("Bad Id"), "libya.yaml")).toThrow(/libya\.yaml:1: actor #1 \(Bad Id\): field `id`/);
  });

  it("rejects unknown fields (typos do not pass silently)", () => {
    expect(() => parseActorFile(`${entry("x")}  nmae: oops\n`, "b.yaml")).toThrow(/b\.yaml:6: actor #1 \(x\): field `nmae`/);
  });

  it("rejects a value an unquoted comma cut short in a flow map, naming file and line", () => {
    const text = entry("x").replace("description: { ar: وصف, en: A description. }", "description: { ar: وصف, en: Leader of Mali, Niger and Chad }");
    expect(() => parseActorFile(text, "c.yaml")).toThrow(/c\.yaml:4: `Niger and Chad` has no value/);
  });

  it("rejects a map inside a flow list of names, naming the line", () => {
    const text = entry("x").replace("  type: person", "  aliases: { en: [Mohammed bin Zayed, MBZ: ruler] }\n  type: person");
    expect(() => parseActorFile(text, "d.yaml")).toThrow(/d\.yaml:3: `MBZ` has no value/);
  });

  it("rejects an unknown key inside a role or provenance, naming its line", () => {
    const text = entry("x").replace("provenance: { added_by: test, source: test }", "provenance: { added_by: test, source: test, sauce: x }");
    expect(() => parseActorFile(text, "e.yaml")).toThrow(/e\.yaml:5: actor #1 \(x\): field `provenance.sauce`/);
  });

  it("rejects an id used twice across files, including former ids", () => {
    const dir = mkdtempSync(join(tmpdir(), "kb-"));
    writeFileSync(join(dir, "a.yaml"), entry("same"));
    writeFileSync(join(dir, "b.yaml"), entry("other").replace("  type: person", "  type: person\n  former_ids: [same]"));
    expect(() => loadActors(dir)).toThrow(/b\.yaml: actor id `same` is already used in .*a\.yaml/);
  });

  it("with a cache folder, reads each file's actors back from the cache until the file changes", () => {
    const dir = mkdtempSync(join(tmpdir(), "kb-"));
    const cacheDir = mkdtempSync(join(tmpdir(), "kb-cache-"));
    writeFileSync(join(dir, "a.yaml"), entry("first"));
    const plain = loadActors(dir);
    expect(loadActors(dir, { cacheDir })).toEqual(plain);
    const cached = readdirSync(join(cacheDir, "actors"));
    expect(cached).toHaveLength(1);
    expect(loadActors(dir, { cacheDir })).toEqual(plain);
    // A corrupt entry is ignored and rewritten.
    writeFileSync(join(cacheDir, "actors", cached[0]!), "{not json");
    expect(loadActors(dir, { cacheDir })).toEqual(plain);
    // An edited file is parsed again (and still validated).
    writeFileSync(join(dir, "a.yaml"), entry("second"));
    expect(loadActors(dir, { cacheDir }).map((a) => a.id)).toEqual(["second"]);
    writeFileSync(join(dir, "a.yaml"), `${entry("third")}  nmae: oops\n`);
    expect(() => loadActors(dir, { cacheDir })).toThrow(/a\.yaml:6: actor #1 \(third\)/);
  });
});
