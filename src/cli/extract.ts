/**
 * `briefing extract <file|dir>...`: clean and tag raw pages, print one JSON document on stdout.
 * Nothing is written. Diagnostics go to stderr.
 */
import { existsSync } from "node:fs";
import { relative, resolve } from "node:path";
import { loadEntityLexicons, createTagger } from "../entities/index.ts";
import { loadSettings } from "../config.ts";
import { extractPages } from "../pipeline/extract.ts";
import { findInputs, readInput } from "../pipeline/read-inputs.ts";
import type { RawPage } from "../ingest/index.ts";
import type { Skipped } from "../schemas/article.ts";
import { commonHelp, info, type Io, parseFlags, progress, safeText, UsageError, withVerbosity } from "./io.ts";

export const extractHelp = `Usage: npm run -s briefing -- extract <file|dir>... [--compact]

Cleans the given raw pages (.txt, .html; folders are read recursively) and prints one JSON document:
{ "articles": [...], "skipped": [{ "file", "reason" }] }. Nothing is written (the output is always JSON).
A path that does not exist is an error (exit 1).
  --compact   print JSON on one line

${commonHelp}`;

export async function runExtract(argv: string[], baseIo: Io): Promise<number> {
  const { positionals, flags } = parseFlags(argv, { compact: "boolean" });
  const io = withVerbosity(baseIo, flags);
  if (flags.help) {
    io.stdout.write(`${extractHelp}\n`);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError("extract needs at least one file or folder (see --help)");
  const missing = positionals.filter((p) => !existsSync(resolve(io.cwd, p)));
  if (missing.length) throw new Error(`no such file or folder: ${missing.map((p) => safeText(relative(io.cwd, resolve(io.cwd, p)) || p)).join(", ")}`);
  const started = io.now();
  const settings = loadSettings(io.cwd, io.env);
  const tagger = createTagger(loadEntityLexicons(settings.contentDir, { cacheDir: settings.cacheDir }));
  const { inputs, skipped: unreadable } = findInputs(positionals.map((p) => resolve(io.cwd, p)), io.cwd);
  const skipped: Skipped[] = [...unreadable];
  const tick = progress(io, "extract");
  const pages = function* (): Generator<RawPage> {
    let done = 0;
    for (const input of inputs) {
      const read = readInput(input);
      tick(++done, inputs.length);
      if (read.ok) yield read.page;
      else skipped.push({ file: input.file, reason: read.reason });
    }
  };
  const result = extractPages(pages(), tagger, (file, message) => io.stderr.write(`${safeText(file)}: ${safeText(message)}\n`));
  skipped.push(...result.skipped);
  const doc = { articles: result.articles, skipped };
  io.stdout.write(`${flags.compact ? JSON.stringify(doc) : JSON.stringify(doc, null, 2)}\n`);
  const seconds = ((io.now() - started) / 1000).toFixed(2);
  info(
    io,
    `extract: ${inputs.length + unreadable.length} file(s) read, ${result.articles.length} article(s), ${skipped.length} skipped, ${seconds}s\n`,
  );
  for (const s of skipped) info(io, `  skipped ${safeText(s.file)}: ${safeText(s.reason)}`);
  return 0;
}
