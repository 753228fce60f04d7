import { describe, expect, it } from "vitest";
import { neutraliseBidiInNames, stripBidiControls } from "../../src/pipeline/bidi-controls.ts";

describe("bidi controls in titles and names", () => {
  it("strips overrides, embeddings and isolates but keeps marks and text", () => {
    expect(stripBidiControls("abc\u202Edcba\u202C \u2067x\u2069 \u200F")).toBe("abcdcba x \u200F");
  });

  it("cleans every name field and leaves the body verbatim", () => {
    const out = neutraliseBidiInNames({
      title: "\u202Egnp.exe",
      subtitle: null,
      source: "\u202D",
      author: null,
      dateline: null,
      captions: ["c\u2066a\u2069"],
      actors: [{ id: "x", ar: "\u202Eاسم", en: "Name", type: "person" as const }],
      places: [],
      body: ["\u202Ebody"],
    });
    expect(out).toMatchObject({ title: "gnp.exe", source: null, captions: ["ca"], body: ["\u202Ebody"] });
    expect(out.actors[0]?.ar).toBe("اسم");
  });
});
