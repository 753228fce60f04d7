import { describe, expect, it } from "vitest";
import { directionOf, levelRuns, reorderRuns, resolveBidi, textDirection, visualOrder } from "../../src/cards/bidi.ts";
import { layoutText } from "../../src/cards/lines.ts";

describe("bidi", () => {
  it("derives the paragraph direction from the card language", () => {
    expect(directionOf("ar")).toBe("rtl");
    expect(directionOf("en")).toBe("ltr");
  });

  // Visual order is left to right as on screen; Arabic runs appear reversed, numbers and Latin as written.
  it.each([
    ["قال Biden إن 3 قتلى في 10:30", "10:30 يف ىلتق 3 نإ Biden لاق"],
    ["10:30", "10:30"],
    ["2025/10/10", "2025/10/10"],
    ["في 2025/10/10", "2025/10/10 يف"],
    ["الساعة 10:30 صباحًا", "اًحابص 10:30 ةعاسلا"],
    ["١٤ نوفمبر ٢٠٢٥", "٢٠٢٥ ربمفون ١٤"],
    ["قيادة AFRICOM في أفريقيا", "ايقيرفأ يف AFRICOM ةدايق"],
  ])("keeps numbers and Latin left-to-right inside Arabic: %s", (text, visual) => {
    expect(visualOrder(text, "rtl")).toBe(visual);
  });

  it("keeps hyphenated dates as written after an Arabic letter (the plain UBA would give 10-10-2025)", () => {
    expect(visualOrder("في 2025-10-10", "rtl")).toBe("2025-10-10 يف");
  });

  it("reverses Arabic inside an English line and leaves the rest", () => {
    expect(visualOrder("Profile: خليفة حفتر today", "ltr")).toBe("Profile: رتفح ةفيلخ today");
  });

  it("gives digits an even (left-to-right) level inside right-to-left text", () => {
    const p = resolveBidi("في 10:30", "rtl");
    expect([...p.levels]).toEqual([1, 1, 1, 2, 2, 2, 2, 2]);
  });

  // A title in the other language keeps its own direction, as its page marks it (issue 15: `""general mobilisation`
  // on an Arabic card, the closing « of an Arabic title at the start of the line on an English card).
  it.each([
    ['Sudan declares "general mobilisation"', "rtl", "ltr"],
    ['"General mobilisation" declared', "rtl", "ltr"],
    ["«الدولية للهجرة» تحذر", "ltr", "rtl"],
    ["\u2066Biden\u2069 يقول", "ltr", "rtl"],
    ["2025/10/10", "rtl", "rtl"],
    ["2025/10/10", "ltr", "ltr"],
  ] as const)("takes the direction of %s's first strong letter (card direction %s)", (text, card, expected) => {
    expect(textDirection(text, card)).toBe(expected);
  });

  it("lays out an English title on an Arabic card left to right, aligned to the card's right edge", () => {
    const box = layoutText('Sudan declares "general mobilisation"', { lang: "ar", size: 48, weight: 700, lineHeight: 70, maxWidth: 1000 });
    expect(box.dir).toBe("ltr");
    expect(box.side).toBe("right");
    expect(visualOrder(box.text, box.dir)).toBe('Sudan declares "general mobilisation"');
    const ar = layoutText("«الدولية للهجرة» تحذر", { lang: "en", size: 48, weight: 700, lineHeight: 58, maxWidth: 1000 });
    expect(ar.dir).toBe("rtl");
    expect(ar.side).toBe("left");
    expect(visualOrder(ar.text, ar.dir)).toBe("رذحت »ةرجهلل ةيلودلا«");
  });

  it("keeps a list bullet on the card's side when the headline after it is isolated (as <bdi> would)", () => {
    const line = layoutText("\u2022 \u2068«الدولية للهجرة» تحذر\u2069", { lang: "en", size: 28, weight: 400, lineHeight: 34, maxWidth: 1000 });
    expect(line.dir).toBe("ltr");
    expect(visualOrder(line.text, line.dir).replace(/[\u2068\u2069]/g, "")).toBe("\u2022 رذحت »ةرجهلل ةيلودلا«");
  });

  it("reorders runs by rule L2", () => {
    const runs = levelRuns(new Uint8Array([1, 1, 2, 2, 1, 0]));
    expect(runs.map((r) => r.level)).toEqual([1, 2, 1, 0]);
    expect(reorderRuns(runs).map((r) => r.start)).toEqual([4, 2, 0, 5]);
  });
});
