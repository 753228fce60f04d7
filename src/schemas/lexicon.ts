/**
 * The atoms every YAML lexicon is written in (word lists, bilingual word lists, non-empty maps) and the one loader
 * that reads a lexicon file: YAML parsed, validated by the file's zod schema, and every error naming the file, the
 * field and, where the YAML has it, the line. An empty group is an error everywhere: it would silently switch a rule
 * off (or, as an alternation, match everything), and a stage running without its vocabulary passes its own tests
 * and fails every page.
 */
import { LineCounter, parseDocument } from "yaml";
import { z } from "zod";

/**
 * Node's built-ins, looked up when a file is read rather than imported: the search page's browser bundle uses this
 * module with its lexicons inlined as data (src/lib/vite-source-urls.ts), and a static `node:fs` import there made
 * every build warn that Vite had stubbed it.
 */
const node = () => ({ fs: process.getBuiltinModule("node:fs"), path: process.getBuiltinModule("node:path"), url: process.getBuiltinModule("node:url") });

const EMPTY = "an empty group is an error";

/** A non-empty list of non-empty words or phrases. */
export const Words = z.array(z.string().min(1)).min(1, EMPTY);
export type Words = z.infer<typeof Words>;

/** The same group in both languages, each non-empty. */
export const Bilingual = z.object({ ar: Words, en: Words }).strict();
export type Bilingual = z.infer<typeof Bilingual>;

/** A map with at least one entry (keys non-empty). */
export function nonEmptyRecord<V extends z.ZodType>(value: V, key: z.ZodType<string> = z.string().min(1)) {
  return z.record(key, value).refine((m) => Object.keys(m).length > 0, EMPTY);
}

/** An invalid lexicon file: the message names the file, the field and the line where known. */
export class LexiconError extends Error {
  override name = "LexiconError";
}

/** `file` as shown in a message: relative to the working folder when inside it (`src/ingest/lexicon/names.yaml`). */
export function displayPath(file: string | URL): string {
  const { path: paths, url } = node();
  const path = file instanceof URL || file.startsWith("file:") ? url.fileURLToPath(file) : file;
  const rel = paths.relative(process.cwd(), path);
  return rel && !rel.startsWith("..") && !rel.startsWith(paths.sep) ? rel : path;
}

/**
 * Parses the text of one lexicon file against `schema`. Errors (a `LexiconError`) name `file`, the first invalid
 * field and its line: «titles.yaml: field `ranks.ar` (line 3): an empty group is an error».
 */
export function parseLexicon<S extends z.ZodType>(schema: S, text: string, file: string): z.infer<S> {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const syntax = doc.errors[0];
  if (syntax) {
    const at = syntax.linePos?.[0];
    throw new LexiconError(`${file}: not valid YAML${at ? ` (line ${at.line}, column ${at.col})` : ""}: ${syntax.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "")}`);
  }
  return validate(schema, doc.toJS(), file, (path) => lineOf(doc, lines, path));
}

/**
 * Validates lexicon data parsed already (the browser bundle gets a lexicon's data inlined at build time, having no
 * file system: src/lib/vite-source-urls.ts); errors as `parseLexicon`'s, without the line.
 */
export function lexiconData<S extends z.ZodType>(schema: S, data: unknown, file: string): z.infer<S> {
  return validate(schema, data, file, () => "");
}

function validate<S extends z.ZodType>(schema: S, data: unknown, file: string, line: (path: string[]) => string): z.infer<S> {
  const result = schema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = (issue?.path ?? []).map(String);
    throw new LexiconError(`${file}: field \`${path.join(".") || "(root)"}\`${line(path)}: ${issue?.message ?? "invalid"}`);
  }
  return result.data;
}

/** ` (line N)` of the deepest node of `path` the document has, or "" when it has none. */
function lineOf(doc: ReturnType<typeof parseDocument>, lines: LineCounter, path: string[]): string {
  for (let n = path.length; n >= 0; n--) {
    const keys = path.slice(0, n).map((k) => (/^\d+$/.test(k) ? Number(k) : k));
    const node = n === 0 ? doc.contents : doc.getIn(keys, true);
    const offset = (node as { range?: [number, number, number] } | null | undefined)?.range?.[0];
    if (offset !== undefined) return ` (line ${lines.linePos(offset).line})`;
  }
  return "";
}

/** Reads and parses the lexicon file at `url` (see `parseLexicon`). */
export function loadLexiconFile<S extends z.ZodType>(schema: S, url: URL): z.infer<S> {
  const file = displayPath(url);
  let text: string;
  try {
    text = node().fs.readFileSync(url, "utf8");
  } catch (error) {
    throw new LexiconError(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  return parseLexicon(schema, text, file);
}

/** A loader of the lexicon at `url` that reads and validates it on the first call only. */
export function lexiconOnce<S extends z.ZodType>(schema: S, url: URL): () => z.infer<S> {
  let loaded: { value: z.infer<S> } | undefined;
  return () => (loaded ??= { value: loadLexiconFile(schema, url) }).value;
}
