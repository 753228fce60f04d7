/**
 * Reads the actor knowledge base: every `*.yaml` under `content/actors/`, each a list of actors.
 * Validation errors name the file, the entry and the field; duplicate ids across files are errors.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { Actor } from "../schemas/actor.ts";
import { writeFileAtomic } from "../pipeline/atomic.ts";
import { codeVersion } from "../pipeline/code-version.ts";
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

/**
 * Loads every knowledge-base file in `dir`; throws on the first invalid entry or duplicate id. With `cacheDir`,
 * each file's validated actors are kept there as JSON under a hash of its text and of the schema: parsing the
 * YAML of the whole knowledge base is most of a command's start-up, and the files rarely change.
 */
export function loadActors(dir: string, options: { cacheDir?: string } = {}): Actor[] {
  const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
  const seen = new Map<string, string>();
  const actors: Actor[] = [];
  const version = options.cacheDir ? schemaVersion() : undefined;
  for (const name of files) {
    const file = join(dir, name);
    const text = readFileSync(file, "utf8");
    const parsed = version !== undefined ? cachedParse(text, file, join(options.cacheDir!, "actors"), version) : parseActorFile(text, file);
    for (const actor of parsed) {
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

let version: string | undefined | null = null;

/** A hash of the code that decides what a file parses to (schema and parser); undefined when not readable. */
function schemaVersion(): string | undefined {
  // Bundled (the site build): no sources to hash, so no cache.
  if (version === null) version = codeVersion(import.meta.url, ["../schemas/actor.ts", "./actors-file.ts"]);
  return version;
}

/** `parseActorFile`, through a cache of validated results keyed by the text's hash; a bad cache entry is ignored. */
function cachedParse(text: string, file: string, cacheDir: string, schema: string): Actor[] {
  const path = join(cacheDir, `${createHash("sha256").update(schema).update(text).digest("hex").slice(0, 32)}.json`);
  try {
    const cached: unknown = JSON.parse(readFileSync(path, "utf8"));
    if (Array.isArray(cached)) return cached as Actor[];
  } catch {
    // absent or unreadable: parse
  }
  const actors = parseActorFile(text, file);
  try {
    writeFileAtomic(path, JSON.stringify(actors), { flush: false });
  } catch {
    // a read-only cache only costs speed
  }
  return actors;
}
