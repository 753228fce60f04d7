/**
 * Edits of the actor knowledge base for editors (`actors alias`, `actors add`): planned on the YAML document (so
 * comments, key order and flow lists stay as written), validated exactly as the loader validates (the whole edited
 * file through `parseActorFile`, ids unique across the folder), and only then written, atomically.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Document, isMap, isSeq, parseDocument, type YAMLMap, type YAMLSeq } from "yaml";
import { Actor, type ActorInput } from "../schemas/actor.ts";
import { writeFileAtomic } from "../lib/atomic.ts";
import { loadActors, parseActorFile } from "./actors-file.ts";
import { ContentError } from "../lib/errors.ts";

/** A planned edit: the file and its new text (already validated). */
export interface ActorEdit {
  file: string;
  text: string;
}

function yamlFiles(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => join(dir, f)) : [];
}

/** Validates an edited file's text as the loader would, with the rest of the folder for id clashes. */
function validate(dir: string, file: string, text: string): void {
  const edited = parseActorFile(text, file);
  const ids = new Map<string, string>();
  for (const other of yamlFiles(dir)) {
    if (other === file) continue;
    for (const a of parseActorFile(readFileSync(other, "utf8"), other)) for (const id of [a.id, ...a.former_ids]) ids.set(id, other);
  }
  const own = new Set<string>();
  for (const a of edited) {
    for (const id of [a.id, ...a.former_ids]) {
      const clash = ids.get(id) ?? (own.has(id) ? file : undefined);
      if (clash) throw new ContentError(file, `actor id \`${id}\` is already used in ${clash}`);
      own.add(id);
    }
  }
}

/** The file and YAML item of actor `id`, or an error naming what is missing. */
function findActor(dir: string, id: string): { file: string; doc: Document; item: YAMLMap } {
  for (const file of yamlFiles(dir)) {
    const text = readFileSync(file, "utf8");
    if (!text.includes(id)) continue;
    const doc = parseDocument(text);
    if (!isSeq(doc.contents)) continue;
    for (const item of doc.contents.items) if (isMap(item) && (item as YAMLMap<unknown, unknown>).get("id") === id) return { file, doc, item };
  }
  throw new Error(`no actor with the id "${id}" in ${dir}`);
}

/**
 * Plans adding `form` to actor `id`'s aliases: Arabic script goes to `aliases.ar`, anything else to `aliases.en`.
 * Throws when the actor is missing or already has that name.
 */
export function planAlias(dir: string, id: string, form: string): ActorEdit {
  const name = form.trim().replace(/\s+/g, " ");
  if (!name) throw new Error("the alias is empty");
  const { file, doc, item } = findActor(dir, id);
  const actor = Actor.parse(item.toJSON());
  const all = [actor.names.ar, actor.names.en, ...actor.aliases.ar, ...actor.aliases.en, ...actor.ambiguous_aliases];
  if (all.includes(name)) throw new Error(`${id} already has the name "${name}"`);
  const lang = /[\u0600-\u06ff]/.test(name) ? "ar" : "en";
  let aliases = item.get("aliases") as YAMLMap | undefined;
  if (!isMap(aliases)) {
    aliases = doc.createNode({ ar: [], en: [] }, { flow: true }) as YAMLMap;
    item.set("aliases", aliases);
  }
  let list = aliases.get(lang) as YAMLSeq | undefined;
  if (!isSeq(list)) {
    list = doc.createNode([], { flow: true }) as YAMLSeq;
    aliases.set(lang, list);
  }
  // a name with a comma, colon or quote is quoted, so that a flow list can never cut it
  list.add(doc.createNode(name));
  const text = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  validate(dir, file, text);
  return { file, text };
}

/** Plans appending a new actor to `file` (created when absent). Validation errors name the field. */
export function planAdd(dir: string, file: string, input: ActorInput): ActorEdit {
  const result = Actor.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`field \`${issue?.path.join(".") || "(entry)"}\`: ${issue?.message ?? "invalid"}`);
  }
  const existing = loadActors(dir);
  const clash = existing.find((a) => a.id === input.id || a.former_ids.includes(input.id));
  if (clash) throw new Error(`the id "${input.id}" is already used by ${clash.names.en}`);
  const path = join(dir, file);
  const text = existsSync(path) ? readFileSync(path, "utf8") : "";
  const doc = text.trim() ? parseDocument(text) : new Document([]);
  if (!isSeq(doc.contents)) throw new ContentError(path, "expected a YAML list of actors");
  (doc.contents as YAMLSeq).add(doc.createNode(input));
  const out = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  validate(dir, path, out);
  return { file: path, text: out };
}

/** Writes a planned edit atomically (temp file + rename). */
export function applyEdit(edit: ActorEdit): void {
  writeFileAtomic(edit.file, edit.text);
}
