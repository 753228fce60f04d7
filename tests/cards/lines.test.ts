import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { resolveBidi } from "../../src/cards/bidi.ts";
import { breakLines, layoutText, normaliseText } from "../../src/cards/lines.ts";
import { getFont, pathOfLine, shapeLine } from "../../src/cards/shape.ts";

const LONG =
  "قال مسؤولون في الأمم المتحدة إن الاشتباكات العنيفة في طرابلس أسفرت عن مقتل 3 أشخاص على الأقل وإصابة العشرات مساء الأحد 2025/10/10 وسط مخاوف من اتساع رقعة القتال إلى أحياء أخرى في العاصمة الليبية خلال الأيام المقبلة";
/** Every end and control point of SVG path data (M/L/Q/C/Z, absolute or relative), in absolute coordinates. */
function absolutePoints(d: string): Array<[number, number]> {
  const points: Array<[number, number]> = [];
  let x = 0;
  let y = 0;
  let sx = 0;
  let sy = 0;
  for (const [, cmd = "", args = ""] of d.matchAll(/([MmLlQqCcZz])([^MmLlQqCcZz]*)/g)) {
    if (cmd === "Z" || cmd === "z") {
      x = sx;
      y = sy;
      continue;
    }
    const nums = [...args.matchAll(/-?(?:\d+\.?\d*|\.\d+)/g)].map((m) => Number(m[0]));
    const rel = cmd === cmd.toLowerCase();
    const group = { m: 2, l: 2, q: 4, c: 6 }[cmd.toLowerCase() as "m" | "l" | "q" | "c"];
    for (let i = 0; i + group <= nums.length; i += group) {
      const pts: Array<[number, number]> = [];
      for (let k = 0; k < group; k += 2) pts.push([(nums[i + k] ?? 0) + (rel ? x : 0), (nums[i + k + 1] ?? 0) + (rel ? y : 0)]);
      points.push(...pts);
      [x, y] = pts[pts.length - 1] as [number, number];
      if (cmd.toLowerCase() === "m" && i === 0) [sx, sy] = [x, y];
    }
  }
  return points;
}

const base = { size: 56, weight: 700 as const, lineHeight: 80, maxWidth: 900 };

describe("line breaking", () => {
  it("breaks at spaces only, every line within the box, covering every word", () => {
    const box = layoutText(LONG, { ...base, lang: "ar" });
    expect(box.lines.length).toBeGreaterThan(3);
    for (const line of box.lines) {
      expect(line.shaped.width).toBeLessThanOrEqual(base.maxWidth);
      expect(box.text[line.start - 1] ?? " ").toBe(" ");
      expect(box.text[line.end] ?? " ").toBe(" ");
    }
    expect(box.lines.map((l) => box.text.slice(l.start, l.end)).join(" ")).toBe(normaliseText(LONG));
  });

  it("ellipsises the third line at a word boundary", () => {
    const box = layoutText(LONG, { ...base, lang: "ar", maxLines: 3 });
    expect(box.lines).toHaveLength(3);
    expect(box.truncated).toBe(true);
    expect(box.text.endsWith("…")).toBe(true);
    const kept = box.text.slice(0, -1);
    expect(LONG.startsWith(kept)).toBe(true);
    expect(LONG[kept.length]).toBe(" ");
    for (const line of box.lines) expect(line.shaped.width).toBeLessThanOrEqual(base.maxWidth);
  });

  it("does not truncate text that fits", () => {
    const box = layoutText("خليفة حفتر", { ...base, lang: "ar", maxLines: 3 });
    expect(box.truncated).toBe(false);
    expect(box.lines).toHaveLength(1);
  });

  it("aligns the start edge: right in Arabic, left in English", () => {
    const ar = layoutText("سلام", { ...base, lang: "ar" });
    const en = layoutText("Peace", { ...base, lang: "en" });
    const [lineAr] = ar.lines;
    expect((lineAr?.x ?? 0) + (lineAr?.shaped.width ?? 0)).toBeCloseTo(base.maxWidth, 6);
    expect(en.lines[0]?.x).toBe(0);
  });

  it("never splits a time, a date or a Latin word in mixed text", () => {
    const text = "قال Biden إن 3 قتلى في 10:30 يوم 2025/10/10";
    const box = layoutText(text, { ...base, lang: "ar", maxWidth: 400 });
    const pieces = box.lines.map((l) => box.text.slice(l.start, l.end));
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.join(" ")).toBe(text);
    for (const token of ["Biden", "10:30", "2025/10/10"]) expect(pieces.some((p) => p.includes(token))).toBe(true);
  });

  it("breaks exactly where shaping every candidate line would (the summed-word shortcut changes nothing)", () => {
    const fixture = JSON.parse(readFileSync(new URL("../fixtures/cards/specs.json", import.meta.url), "utf8")) as Array<{ lang: "ar" | "en"; title: string; meta?: string[] }>;
    const texts = [LONG, ...fixture.flatMap((s) => [s.title, ...(s.meta ?? [])].map((t) => [t, s.lang] as const)).map(([t]) => t)];
    for (const raw of texts)
      for (const lang of ["ar", "en"] as const)
        for (const [size, maxWidth] of [
          [96, 1042],
          [56, 1042],
          [28, 400],
          [50, 333],
        ] as const) {
          const text = normaliseText(raw);
          const paragraph = resolveBidi(text, lang === "ar" ? "rtl" : "ltr");
          const opts = { lang, size, weight: 700 as const, lineHeight: size, maxWidth };
          const all = [...text.matchAll(/[^ ]+/g)].map((m) => [m.index, m.index + m[0].length] as [number, number]);
          const width = (a: number, b: number) => shapeLine(paragraph, lang, a, b, size, 700).width;
          if (all.some(([a, b]) => width(a, b) > maxWidth)) continue; // overlong words: cut by graphemes, tested below
          const expected: Array<[number, number]> = [];
          for (let i = 0; i < all.length; ) {
            let j = i + 1;
            while (j < all.length && width((all[i] as [number, number])[0], (all[j] as [number, number])[1]) <= maxWidth) j++;
            expected.push([(all[i] as [number, number])[0], (all[j - 1] as [number, number])[1]]);
            i = j;
          }
          expect(breakLines(paragraph, opts)).toEqual(expected);
        }
  });

  it("cuts a word wider than the box between graphemes instead of overflowing", () => {
    const box = layoutText("Supercalifragilisticexpialidocious", { ...base, lang: "en", maxWidth: 300 });
    expect(box.lines.length).toBeGreaterThan(1);
    for (const line of box.lines) expect(line.shaped.width).toBeLessThanOrEqual(300);
  });
});

describe("shaping", () => {
  it("uses the Latin font for Latin words and the Arabic font for Arabic, in both editions", () => {
    for (const lang of ["ar", "en"] as const) {
      const text = "قال Biden";
      const line = shapeLine(resolveBidi(text, lang === "ar" ? "rtl" : "ltr"), lang, 0, text.length, 40, 400);
      const fontOf = (word: string) => line.runs.find((r) => text.slice(r.start, r.end).includes(word))?.font.kind;
      expect(fontOf("Biden")).toBe("latin");
      expect(fontOf("قال")).toBe("arabic");
    }
  });

  // Issue 15: Arabic titles set their digits in the Naskh face. The cards draw Arabic with the pages' own font files
  // (the Arabic subset, no Western digits), so digits and Latin punctuation fall to the Latin font as on a page.
  it("sets every Western digit, quote and bracket of a title in one family, the Latin font, in both editions", () => {
    for (const lang of ["ar", "en"] as const) {
      const text = "مقتل 12 شخصاً في «غارة» (2025/10/10) و\"3\" جرحى";
      const line = shapeLine(resolveBidi(text, lang === "ar" ? "rtl" : "ltr"), lang, 0, text.length, 40, 700);
      for (const run of line.runs) {
        const part = text.slice(run.start, run.end);
        if (/[0-9«»()"/]/.test(part)) expect(run.font.kind, `${lang}: «${part}»`).toBe("latin");
      }
      expect(line.runs.filter((r) => /[0-9]/.test(text.slice(r.start, r.end))).length).toBeGreaterThan(0);
    }
    // Arabic-Indic digits are Arabic script: the Arabic font has them.
    const indic = "١٤ نوفمبر";
    const line = shapeLine(resolveBidi(indic, "rtl"), "ar", 0, indic.length, 40, 400);
    expect(line.runs.find((r) => indic.slice(r.start, r.end).includes("١٤"))?.font.kind).toBe("arabic");
  });

  it("lays a right-to-left Arabic run out visually, after the Latin word in an English line", () => {
    const text = "Biden قال";
    const line = shapeLine(resolveBidi(text, "ltr"), "en", 0, text.length, 40, 400);
    expect(line.runs[0]?.font.kind).toBe("latin");
    expect(line.runs.at(-1)?.level).toBe(1);
  });

  it("writes each glyph's outline where HarfBuzz puts it, to 1/100 px (cached relative path data)", () => {
    const text = "قال Biden إن 3 قتلى في 10:30 مُ";
    const size = 37;
    for (const [x, baseline] of [
      [0, 100],
      [12.345, 87.655],
    ] as const) {
      const line = shapeLine(resolveBidi(text, "rtl"), "ar", 0, text.length, size, 700);
      const expected: Array<[number, number]> = [];
      let pen = x;
      for (const run of line.runs) {
        const s = size / run.font.upem;
        for (const g of run.glyphs) {
          for (const cmd of run.font.hbFont.glyphToJson(g.gid)) {
            if (cmd.type === "Z") continue;
            for (let k = 0; k + 1 < cmd.values.length; k += 2)
              expected.push([pen + (g.xOffset + (cmd.values[k] ?? 0)) * s, baseline - (g.yOffset + (cmd.values[k + 1] ?? 0)) * s]);
          }
          pen += g.xAdvance * s;
        }
      }
      const got = absolutePoints(pathOfLine(line, x, baseline));
      expect(got).toHaveLength(expected.length);
      const worst = Math.max(...got.map(([gx, gy], i) => Math.max(Math.abs(gx - (expected[i] as [number, number])[0]), Math.abs(gy - (expected[i] as [number, number])[1]))));
      expect(worst).toBeLessThanOrEqual(0.011);
    }
  });

  it("draws marks above the baseline (HarfBuzz y-up offsets flipped once)", () => {
    // «مُ»: meem + damma. The damma must sit above the letter's baseline: every point has y < baseline.
    const text = "مُ";
    const line = shapeLine(resolveBidi(text, "rtl"), "ar", 0, text.length, 100, 400);
    const glyphs = line.runs.flatMap((r) => r.glyphs);
    expect(glyphs).toHaveLength(2);
    const font = getFont("arabic", 400);
    const mark = glyphs.find((g) => g.xAdvance === 0);
    expect(mark).toBeDefined();
    const only = { ...line, runs: [{ ...(line.runs[0] as (typeof line.runs)[number]), glyphs: [mark as (typeof glyphs)[number]] }] };
    const ys = absolutePoints(pathOfLine(only, 0, 500)).map(([, y]) => y);
    expect(ys.length).toBeGreaterThan(0);
    expect(Math.max(...ys)).toBeLessThan(500);
    expect(font.upem).toBe(1000);
  });
});
