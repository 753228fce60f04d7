import { describe, expect, it } from "vitest";
import { parseStoriesLexicon, storiesLexicon } from "../../src/stories/index.ts";

describe("stories lexicon", () => {
  it("loads and validates the shipped lexicon", () => {
    const lexicon = storiesLexicon();
    expect(lexicon.agencies.ar.length).toBeGreaterThan(0);
    for (const c of lexicon.developments) expect(lexicon.concepts).toHaveProperty(c);
  });

  it("rejects an empty group and an unknown development, naming the file and field", () => {
    const good = storiesLexicon();
    const text = (patch: object) => JSON.stringify({ ...good, ...patch });
    expect(() => parseStoriesLexicon(text({ agencies: { ar: [], en: ["AP"] } }), "x.yaml")).toThrow(/x\.yaml: field `agencies\.ar` \(line \d+\): an empty group is an error/);
    expect(() => parseStoriesLexicon(text({ developments: ["nope"] }), "x.yaml")).toThrow(/x\.yaml: field `developments`: not a concept: nope/);
    expect(() => parseStoriesLexicon(text({ namedBy: { attack: ["resolution"] } }), "x.yaml")).toThrow(/x\.yaml: field `namedBy`: not a development or concept: attack/);
    expect(() => parseStoriesLexicon(text({ namedBy: { vote: ["nope"] } }), "x.yaml")).toThrow(/field `namedBy`: not a development or concept: nope/);
  });
});
