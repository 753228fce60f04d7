/**
 * The event lexicons are data: they load and validate, every trigger type is one of the 21, and a broken file
 * is an error naming the file and the field.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { eventLexicon, LexiconError } from "../../src/events/lexicon.ts";
import { EventType } from "../../src/schemas/event.ts";

const bundled = join(import.meta.dirname, "../../src/events/lexicon");

function copyWith(file: string, edit: (text: string) => string): URL {
  const dir = mkdtempSync(join(tmpdir(), "events-lexicon-"));
  cpSync(bundled, dir, { recursive: true });
  writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), "utf8")));
  return pathToFileURL(`${dir}/`);
}

describe("event lexicons", () => {
  it("load, with triggers for every type but OTHER", () => {
    const lex = eventLexicon();
    const covered = new Set(lex.triggers.map((t) => t.type));
    for (const type of EventType.options.filter((t) => t !== "OTHER")) expect(covered.has(type), type).toBe(true);
    expect(lex.triggers.every((t) => t.phrases.length > 0 && t.cameo.length > 0)).toBe(true);
    expect(lex.numbers.unitMap.get("ثلاثه")).toBe(3);
  });

  it("reject an empty group, naming the file and the field", () => {
    const dir = copyWith("cues.yaml", (t) => t.replace(/^relative: \[.*\]$/m, "relative: []"));
    expect(() => eventLexicon(dir)).toThrow(LexiconError);
    expect(() => eventLexicon(dir)).toThrow(/cues\.yaml: field `relative`/);
  });

  it("reject an unknown event type", () => {
    const dir = copyWith("triggers.yaml", (t) => t.replace("type: SANCTION", "type: EMBARGO"));
    expect(() => eventLexicon(dir)).toThrow(/triggers\.yaml: field `\d+\.type`/);
  });

  it("reject a prepositional target without prepositions", () => {
    const dir = copyWith("triggers.yaml", (t) => t.replace("target: prep, preps: [على], cameo: \"163", "target: prep, cameo: \"163"));
    expect(() => eventLexicon(dir)).toThrow(/triggers\.yaml/);
  });
});
