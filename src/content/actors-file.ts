/**
 * Reads the actor knowledge base: every `*.yaml` under `content/actors/`, each a list of actors.
 * Validation errors name the file, the entry and the field; duplicate ids across files are errors.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument } from "yaml";
import { Actor } from "../schemas/actor.ts";
import { digestCache } from "../lib/cache.ts";
import { moduleVersion } from "../lib/code-version.ts";
import { ContentError } from "../lib/errors.ts";

/**
 * Parses one knowledge-base file's text. Every error names the file and the line. Besides the schema, it rejects
 * what YAML would silently cut short: in a flow collection an unquoted comma ends a value, so
 * `{ar: …, en: Niger, Mali}` is `en: Niger` plus a key `Mali` without a value, and `[Mohammed bin Zayed, MBZ: x]`
 * holds a map — both errors here, not a shorter name.
 */
export function parseActorFile(text: string, file: string): Actor[] {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const lineOf = (offset: number | undefined) => (offset === undefined ? undefined : lines.linePos(offset).line);
  const first = doc.errors[0];
  if (first) throw new ContentError(file, `not valid YAML: ${first.message.split("\n")[0]}`, lineOf(first.pos[0]));
  const cut = cutFlowValue(doc.contents);
  if (cut) throw new ContentError(file, `\`${cut.text}\` has no value: an unquoted comma in a {…} or […] list ends the value before it; put that value in quotes`, lineOf(cut.offset));
  const data: unknown = doc.toJS();
  if (data == null) return [];
  if (!Array.isArray(data)) throw new ContentError(file, "expected a YAML list of actors", 1);
  return data.map((entry, i) => {
    const result = Actor.safeParse(entry);
    if (result.success) return result.data;
    const issue = result.error.issues[0];
    const id = (entry as { id?: unknown })?.id;
    const path = issue?.path ?? [];
    const keys = issue?.code === "unrecognized_keys" ? issue.keys : [];
    const field = [...path, ...keys.slice(0, 1)].join(".") || "(entry)";
    const line = lineOf(nodeAt(doc.contents, [i, ...path], keys[0])?.range?.[0]);
    throw new ContentError(file, `actor #${i + 1}${typeof id === "string" ? ` (${id})` : ""}: field \`${field}\`: ${issue?.message ?? "invalid"}`, line);
  });
}

/** The first key without a value inside a flow collection (`{a: 1, b}`), or a map inside a flow sequence. */
function cutFlowValue(node: unknown, inFlow = false): { text: string; offset: number | undefined } | null {
  if (isMap(node) || isSeq(node)) {
    const flow = inFlow || !!node.flow;
    for (const item of node.items as unknown[]) {
      if (isPair(item)) {
        if (flow && item.value === null && isScalar(item.key)) return { text: String(item.key.value), offset: item.key.range?.[0] };
        if (flow && isSeq(node) && isScalar(item.key)) return { text: String(item.key.value), offset: item.key.range?.[0] };
        const inner = cutFlowValue(item.value, flow);
        if (inner) return inner;
      } else {
        // `[a, b: c]` holds a one-pair map: a comma-cut name followed by a colon
        if (flow && isSeq(node) && isMap(item) && isPair(item.items[0]) && isScalar(item.items[0].key)) {
          return { text: String(item.items[0].key.value), offset: item.items[0].key.range?.[0] };
        }
        const inner = cutFlowValue(item, flow);
        if (inner) return inner;
      }
    }
  }
  return null;
}

/** The YAML node at a schema path (and, for an unknown key, that key's node), for its line. */
function nodeAt(root: unknown, path: readonly PropertyKey[], key?: string): { range?: [number, number, number] | null } | undefined {
  let node: unknown = root;
  let last: unknown = root;
  for (const step of [...path, ...(key === undefined ? [] : [key])]) {
    if (isSeq(node) && typeof step === "number") node = node.items[step];
    else if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && p.key.value === step);
      node = step === key ? pair?.key : pair?.value;
    } else break;
    if (node == null) break;
    last = node;
  }
  return last as { range?: [number, number, number] | null } | undefined;
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

/** A hash of the code that decides what a file parses to (this parser and what it imports); undefined when not readable. */
function schemaVersion(): string | undefined {
  // Bundled (the site build): no sources to hash, so no cache.
  if (version === null) version = moduleVersion(import.meta.url);
  return version;
}

const isActorList = (value: unknown): value is Actor[] => Array.isArray(value);

/** `parseActorFile`, through a cache of validated results keyed by the text's hash; a bad cache entry is ignored. */
function cachedParse(text: string, file: string, cacheDir: string, schema: string): Actor[] {
  return digestCache({ dir: cacheDir, version: schema, accept: isActorList }).through([text], () => parseActorFile(text, file));
}
