import { describe, expect, it } from "vitest";
import { figureText, gistLine, gistPieces } from "../../src/events/gist.ts";

const actor = (en: string) => ({ ar: "—", en });

describe("gistLine", () => {
  it("writes type · place (country) · source → target · figures · date", () => {
    expect(
      gistLine({ type: "ATTACK", source_actor: actor("Saudi-led coalition"), target_actor: actor("Houthis"), place: { ar: "مأرب", en: "Marib", country: "YE" }, figures: [], date: "2024-05-01" }),
    ).toBe("Attack · Marib (Yemen) · Saudi-led coalition → Houthis · 2024-05-01");
  });

  it("joins the parties of symmetric events with «and», and writes a country-only place once", () => {
    expect(gistLine({ type: "MEET", source_actor: actor("A"), target_actor: actor("B"), place: { ar: "", en: "Egypt", country: "EG" }, figures: [], date: null })).toBe(
      "Meeting · Egypt · A and B",
    );
  });

  it("writes casualties as figures · victims · by source", () => {
    expect(
      gistLine({ type: "CASUALTIES", source_actor: actor("Israeli forces"), target_actor: actor("Palestinians"), place: null, figures: [{ what: "killed", n: 3 }, { what: "wounded", n: null }], date: null }),
    ).toBe("Casualties · 3 killed, several wounded · Palestinians · by Israeli forces");
    expect(figureText({ what: "killed", n: 80, at_least: true })).toBe("at least 80 killed");
  });

  it("writes a target with no source as a bare arrow, which the site's pieces leave out", () => {
    const e = { type: "VISIT" as const, source_actor: null, target_actor: actor("Oman"), place: null, figures: [], date: "2024-06-02" };
    expect(gistLine(e)).toBe("Visit · → Oman · 2024-06-02");
    expect(gistPieces(e, false)).toEqual({ pieces: [], names: [], figures: [] });
    expect(gistPieces(e).names).toEqual(["Oman"]);
  });
});
