import { describe, expect, it } from "vitest";
import { z } from "zod";
import { alternation, loadLexicon } from "../../src/ingest/lexicon/load.ts";
import { NAMES, NamesLexicon } from "../../src/ingest/lexicon/names.ts";

describe("ingest lexicons", () => {
  it("loads names.yaml", () => {
    expect(NAMES.byline_name_joiners).toContain("bin");
    expect(NAMES.byline_place_words.at).toEqual(["in"]);
  });

  it("rejects an empty list instead of matching nothing", () => {
    const ok = { byline_name_joiners: ["al"], title_name_particles: ["al"], byline_place_words: { at: ["in"], from: ["from"] }, slide_counter_of: ["of"] };
    expect(NamesLexicon.safeParse(ok).success).toBe(true);
    expect(NamesLexicon.safeParse({ ...ok, title_name_particles: [] }).success).toBe(false);
    expect(NamesLexicon.safeParse({ ...ok, extra: ["x"] }).success).toBe(false);
  });

  it("names the file and the entry when a lexicon does not fit its schema", () => {
    expect(() => loadLexicon("names.yaml", z.object({ other: z.array(z.string()) }).strict())).toThrow(/src\/ingest\/lexicon\/names\.yaml: field `other`/);
  });

  it("builds alternations longest first, with phrases matching any blanks", () => {
    const re = new RegExp(`^(?:${alternation(["in", "based in", "a.b"])})$`, "u");
    expect(re.test("based   in")).toBe(true);
    expect(re.test("a.b")).toBe(true);
    expect(re.test("axb")).toBe(false);
  });
});
