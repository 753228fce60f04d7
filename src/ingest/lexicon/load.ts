/**
 * Loads one YAML lexicon of this folder and validates it with its zod schema. Called once per file at module load:
 * a malformed file throws there, naming the file and the offending entry, because a stage running with a silently
 * empty vocabulary would pass its own tests and fail every page.
 */
import type { z } from "zod";
import { loadLexiconFile } from "../../schemas/lexicon.ts";

/** The lexicon `name` of this folder, validated by `schema` (src/schemas/lexicon.ts: errors name file, field, line). */
export function loadLexicon<S extends z.ZodType>(name: string, schema: S): z.infer<S> {
  return loadLexiconFile(schema, new URL(`./${name}`, import.meta.url));
}

/** A regex alternation of literal words or phrases, longest first; a space in a phrase matches any blanks. */
export function alternation(words: readonly string[]): string {
  return [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ +/g, "\\s+"))
    .join("|");
}
