/**
 * Finds raw inputs on disk and reads them as bytes. The only I/O of extraction: everything after works on
 * `RawPage` values. Inputs are opened read-only and never modified, moved or deleted.
 */
import { lstatSync, readdirSync, readFileSync, type Stats } from "node:fs";
import { basename, join, relative } from "node:path";
import type { RawPage } from "../ingest/index.ts";
import type { Skipped } from "../schemas/article.ts";

/** Extensions read when walking a folder; an explicitly named file is read whatever its name. */
export const INPUT_EXTENSIONS = /\.(txt|html?|text)$/i;
/** Files in a folder that are documentation, not pages (ignored silently). */
const IGNORED_IN_FOLDERS = /^(readme|license)(\.[a-z]+)?$/i;
/**
 * Hidden files that are not pages (`.DS_Store`, `.gitkeep`) are ignored silently; a hidden `.txt`/`.html` is a
 * page with an odd name and is read like any other.
 */
const HIDDEN = /^\./;
/** Larger inputs are skipped: no news page is this big, and reading it would only waste memory. */
export const MAX_INPUT_BYTES = 32 * 1024 * 1024;

/** One input found on disk: its path, the name reported for it and its relative key in the manifest. */
export interface InputFile {
  path: string;
  /** Base name, as in the extract contract's `file`. */
  file: string;
}

/** Expands files and folders (recursively, sorted) into input files; problems become skipped entries. */
export function findInputs(paths: string[], cwd: string): { inputs: InputFile[]; skipped: Skipped[] } {
  const inputs: InputFile[] = [];
  const skipped: Skipped[] = [];
  const visit = (path: string, explicit: boolean): void => {
    let stat: Stats;
    try {
      stat = lstatSync(path);
    } catch (error) {
      skipped.push({ file: display(path, cwd), reason: `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` });
      return;
    }
    if (stat.isSymbolicLink()) {
      // A link may point anywhere on the machine (or loop): never follow it from an inbox.
      skipped.push({ file: basename(path), reason: "symbolic link (not followed)" });
      return;
    }
    if (stat.isDirectory()) {
      let names: string[];
      try {
        names = readdirSync(path).sort();
      } catch (error) {
        skipped.push({ file: display(path, cwd), reason: `cannot list folder: ${(error as NodeJS.ErrnoException).code ?? "error"}` });
        return;
      }
      for (const name of names) {
        if (IGNORED_IN_FOLDERS.test(name) || name.endsWith(".md")) continue;
        if (HIDDEN.test(name) && !INPUT_EXTENSIONS.test(name)) continue;
        const child = join(path, name);
        let childStat: Stats | undefined;
        try {
          childStat = lstatSync(child);
        } catch {
          childStat = undefined;
        }
        if (childStat?.isFile() && !INPUT_EXTENSIONS.test(name)) {
          skipped.push({ file: name, reason: "not a .txt or .html file" });
          continue;
        }
        visit(child, false);
      }
      return;
    }
    if (!stat.isFile()) {
      skipped.push({ file: basename(path), reason: "not a regular file" });
      return;
    }
    if (!explicit && !INPUT_EXTENSIONS.test(path)) return;
    inputs.push({ path, file: basename(path) });
  };
  for (const p of paths) visit(p, true);
  return { inputs, skipped };
}

/** Reads one input; a failure is a reason, never an exception. */
export function readInput(input: InputFile): { ok: true; page: RawPage } | { ok: false; reason: string } {
  try {
    const stat = lstatSync(input.path);
    if (stat.size > MAX_INPUT_BYTES) return { ok: false, reason: `file too large (${stat.size} bytes; limit ${MAX_INPUT_BYTES})` };
    const bytes = readFileSync(input.path);
    return { ok: true, page: { file: input.file, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) } };
  } catch (error) {
    return { ok: false, reason: `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
  }
}

function display(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith("..") ? rel : path;
}
