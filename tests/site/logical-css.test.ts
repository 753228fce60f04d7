/**
 * The layout must mirror between editions by itself: styles and templates use logical properties only
 * (inline/block, start/end), never physical left/right, and templates never hard-code a direction.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(css|astro)$/.test(name) ? [path] : [];
  });
}

/** Physical-direction CSS: properties, values and shorthands that name left or right. */
const PHYSICAL = [
  /\b(?:margin|padding|border|inset|scroll-margin|scroll-padding)-(?:left|right)\b/,
  /\b(?:left|right)\s*:/,
  /\b(?:text-align|float|clear|caption-side)\s*:\s*(?:left|right)\b/,
  /\bborder-(?:top|bottom)-(?:left|right)-radius\b/,
  /\b(?:background-position|transform-origin|object-position)\s*:[^;]*\b(?:left|right)\b/,
  /\btranslateX\(/,
];

/** Strips comments so a comment explaining why may say "left". */
const stripComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/<!--[\s\S]*?-->/g, "");

describe("logical properties only", () => {
  const targets = [...files(join(ROOT, "src/styles")), ...files(join(ROOT, "src/components")), ...files(join(ROOT, "src/layouts")), ...files(join(ROOT, "src/pages"))];

  it("finds the stylesheet and templates", () => {
    expect(targets.some((f) => f.endsWith("global.css"))).toBe(true);
    expect(targets.length).toBeGreaterThan(10);
  });

  for (const file of targets) {
    it(relative(ROOT, file), () => {
      const text = stripComments(readFileSync(file, "utf8"));
      const hits = text.split("\n").flatMap((line, i) => (PHYSICAL.some((re) => re.test(line)) ? [`${i + 1}: ${line.trim()}`] : []));
      expect(hits).toEqual([]);
      if (file.endsWith(".astro")) expect(text.match(/\bdir="(?:rtl|ltr)"/g) ?? []).toEqual([]);
    });
  }

  it("catches a physical property (the check itself works)", () => {
    expect(PHYSICAL.some((re) => re.test("  margin-left: 1rem;"))).toBe(true);
    expect(PHYSICAL.some((re) => re.test("  text-align: right;"))).toBe(true);
    expect(PHYSICAL.some((re) => re.test("  margin-inline-start: 1rem;"))).toBe(false);
  });
});
