import { describe, expect, it } from "vitest";
import { neutraliseBidiInNames } from "../../src/pipeline/bidi-controls.ts";
import { stripBidiControls } from "../../src/lib/text-safety.ts";

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
      summary: "\u202Ebody",
    });
    expect(out).toMatchObject({ title: "gnp.exe", source: null, captions: ["ca"], body: ["\u202Ebody"], summary: "body" });
    expect(out.actors[0]?.ar).toBe("اسم");
  });

  it("the site cleans titles and summaries of hand-edited files too", async () => {
    const { siteArticle } = await import("../../src/content/read-content.ts");
    const base = { id: "a", lang: "ar" as const, title: "\u202Eعنوان", subtitle: null, source: null, author: null, dateline: null, published: null, seen: null, captions: [], actors: [], countries: [], places: [], mentions: [], sources: [], secondary: false, body: ["\u202Eنص"] };
    const out = siteArticle({ ...base, summary: "\u202Eنص", summary_en: "\u202Dlead" });
    expect(out).toMatchObject({ title: "عنوان", summary: "نص", summary_en: "lead", body: ["\u202Eنص"] });
    expect("title_en" in out).toBe(false);
  });
});
