/**
 * Reads the actor knowledge base: every `*.yaml` under `content/actors/`, each a list of actors.
 * Validation errors name the file, the entry and the field; duplicate ids across files are errors.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { Actor } from "../schemas/actor.ts";
import { ContentError } from "./article-file.ts";

/** Parses one knowledge-base file's text. */
export function parseActorFile(text: string, file: string): Actor[] {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    const line = (error as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line;
    throw new ContentError(file, `not valid YAML: ${(error as Error).message.split("\n")[0]}`, line);
  }
  if (data == null) return [];
  if (!Array.isArray(data)) throw new ContentError(file, "expected a YAML list of actors");
  return data.map((entry, i) => {
    const result = Actor.safeParse(entry);
    if (result.success) return result.data;
    const issue = result.error.issues[0];
    const id = (entry as { id?: unknown })?.id;
    throw new ContentError(
      file,
      `actor #${i + 1}${typeof id === "string" ? ` (${id})` : ""}: field \`${issue?.path.join(".") || "(entry)"}\`: ${issue?.message ?? "invalid"}`,
    );
  });
}

/** Loads every knowledge-base file in `dir`; throws on the first invalid entry or duplicate id. */
export function loadActors(dir: string): Actor[] {
  const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
  const seen = new Map<string, string>();
  const actors: Actor[] = [];
  for (const name of files) {
    const file = join(dir, name);
    for (const actor of parseActorFile(readFileSync(file, "utf8"), file)) {
      for (const id of [actor.id, ...actor.former_ids]) {
        const other = seen.get(id);
        if (other) throw new ContentError(file, `actor id \`${id}\` is already used in ${other}`);
        seen.set(id, file);
      }
      actors.push(actor);
    }
  }
  return actors;
}
