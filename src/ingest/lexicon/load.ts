/**
 * Loads one YAML lexicon of this folder and validates it with its zod schema. Called once per file at module load:
 * a malformed file throws there, naming the file and the offending entry, because a stage running with a silently
 * empty vocabulary would pass its own tests and fail every page.
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import type { z } from "zod";

export function loadLexicon<S extends z.ZodType>(name: string, schema: S): z.infer<S> {
  const url = new URL(`./${name}`, import.meta.url);
  const parsed = schema.safeParse(parse(readFileSync(url, "utf8")));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`src/ingest/lexicon/${name}: ${issue?.path.join(".") || "(file)"}: ${issue?.message ?? "invalid"}`);
  }
  return parsed.data;
}

/** A regex alternation of literal words or phrases, longest first; a space in a phrase matches any blanks. */
export function alternation(words: readonly string[]): string {
  return [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ +/g, "\\s+"))
    .join("|");
}
