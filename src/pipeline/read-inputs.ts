/**
 * Finds raw inputs on disk and reads them as bytes. The only I/O of extraction: everything after works on
 * `RawPage` values. Inputs are opened read-only and never modified, moved or deleted.
 */
import { lstatSync, readdirSync, readFileSync, statSync, type Stats } from "node:fs";
import { basename, join, relative } from "node:path";
import type { RawPage } from "../ingest/index.ts";
import { templatesPath } from "../ingest/templates.ts";
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
  /**
   * The path as bytes when a name on the way is not valid UTF-8 (`path` and `file` then show its other bytes as
   * `%XX`, so that they stay unique and printable); file-system calls use this.
   */
  bytesPath?: Buffer;
}

/** A name read from a folder as bytes: itself when it is valid UTF-8, else with each non-ASCII byte as `%XX`. */
function decodeName(bytes: Buffer): { name: string; valid: boolean } {
  const name = bytes.toString("utf8");
  if (Buffer.from(name, "utf8").equals(bytes)) return { name, valid: true };
  let shown = "";
  for (const b of bytes) shown += b < 0x80 && b !== 0x25 ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, "0")}`;
  return { name: shown, valid: false };
}

/** Expands files and folders (recursively, sorted) into input files; problems become skipped entries. */
export function findInputs(paths: string[], cwd: string): { inputs: InputFile[]; skipped: Skipped[] } {
  const inputs: InputFile[] = [];
  const skipped: Skipped[] = [];
  const visit = (path: string, explicit: boolean, fsPath: string | Buffer = path): void => {
    let stat: Stats;
    try {
      // A path named by the user (the inbox itself may be a link to another disk) is followed; links inside are not.
      stat = explicit ? statSync(fsPath) : lstatSync(fsPath);
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
      let entries: Array<{ name: string; bytes: Buffer; valid: boolean }>;
      try {
        // Names as bytes: a name that is not valid UTF-8 would otherwise come back with U+FFFD and not be found.
        entries = readdirSync(fsPath, { encoding: "buffer" })
          .map((bytes) => ({ bytes, ...decodeName(bytes) }))
          .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      } catch (error) {
        skipped.push({ file: display(path, cwd), reason: `cannot list folder: ${(error as NodeJS.ErrnoException).code ?? "error"}` });
        return;
      }
      const names = entries.map((e) => e.name);
      const pages = new Set(names.filter((n) => INPUT_EXTENSIONS.test(n)).map(stem));
      for (const { name, bytes, valid } of entries) {
        if (IGNORED_IN_FOLDERS.test(name) || name.endsWith(".md")) continue;
        // A page's metadata file is read with its page, never as a page of its own.
        if (SIDECAR.test(name) && pages.has(name.replace(SIDECAR, ""))) continue;
        if (HIDDEN.test(name) && !INPUT_EXTENSIONS.test(name)) continue;
        const child = join(path, name);
        const childFs = valid && typeof fsPath === "string" ? child : Buffer.concat([Buffer.from(fsPath), Buffer.from("/"), bytes]);
        let childStat: Stats | undefined;
        try {
          childStat = lstatSync(childFs);
        } catch {
          childStat = undefined;
        }
        if (childStat?.isFile() && !INPUT_EXTENSIONS.test(name)) {
          skipped.push({ file: name, reason: "not a .txt or .html file" });
          continue;
        }
        visit(child, false, childFs);
      }
      return;
    }
    if (!stat.isFile()) {
      skipped.push({ file: basename(path), reason: "not a regular file" });
      return;
    }
    if (!explicit && !INPUT_EXTENSIONS.test(path)) return;
    inputs.push({ path, file: basename(path), ...(typeof fsPath === "string" ? {} : { bytesPath: fsPath }) });
  };
  for (const p of paths) visit(p, true);
  return { inputs, skipped };
}

/** A scraper's metadata file beside a page: `<name>.json` or `<name>.meta.json` (trafilatura and the like). */
const SIDECAR = /(?:\.meta)?\.json$/i;
/** Larger sidecars are not metadata (a whole-site dump, say) and are left alone. */
const MAX_SIDECAR_BYTES = 1024 * 1024;

/** A page's name without its extension: `a/b/x.txt` → `x`. */
function stem(name: string): string {
  return basename(name).replace(INPUT_EXTENSIONS, "");
}

/** Where a page's sidecar may be, in the order they are looked up. */
export function sidecarCandidates(path: string): string[] {
  const base = path.replace(INPUT_EXTENSIONS, "");
  return [`${base}.json`, `${base}.meta.json`, `${path}.json`];
}

/** The sidecar beside `path`, as bytes; undefined when there is none (or it cannot be a sidecar). */
function readSidecar(path: string): RawPage["sidecar"] {
  for (const candidate of sidecarCandidates(path)) {
    let stat: Stats;
    try {
      stat = lstatSync(candidate);
    } catch {
      continue;
    }
    if (!stat.isFile() || stat.size > MAX_SIDECAR_BYTES) continue;
    const bytes = readFileSync(candidate);
    return { file: basename(candidate), bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
  }
  return undefined;
}

/** Reads one input (and its sidecar, when there is one); a failure is a reason, never an exception. */
export function readInput(input: InputFile): { ok: true; page: RawPage } | { ok: false; reason: string } {
  try {
    const fsPath = input.bytesPath ?? input.path;
    const stat = lstatSync(fsPath);
    if (stat.size > MAX_INPUT_BYTES) return { ok: false, reason: `file too large (${stat.size} bytes; limit ${MAX_INPUT_BYTES})` };
    const bytes = readFileSync(fsPath);
    const page: RawPage = { file: input.file, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
    // A page whose name is not UTF-8 has no sidecar looked up (its name cannot be rewritten as text).
    const sidecar = input.bytesPath ? undefined : readSidecar(input.path);
    if (sidecar) page.sidecar = sidecar;
    return { ok: true, page };
  } catch (error) {
    return { ok: false, reason: `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
  }
}

/**
 * The outlet templates file of a content folder, as bytes (part of every input's hash, see plan-ingest.ts
 * `inputHash`); null when there is none or it cannot be read (cleaning then runs without templates too).
 */
export function readTemplatesBytes(contentDir: string): Uint8Array | null {
  try {
    const bytes = readFileSync(templatesPath(contentDir));
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  } catch {
    return null;
  }
}

function display(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith("..") ? rel : path;
}
