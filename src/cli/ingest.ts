/**
 * `briefing ingest [file|dir]...`: clean, tag and write articles under `content/articles/` (the operation is
 * src/pipeline/ingest-run.ts; this file reads the command line and prints the report).
 */
import { relative } from "node:path";
import { ingest, type IngestReport } from "../pipeline/ingest-run.ts";
import { commonHelp, detail, info, parseFlags, safeText, withVerbosity, type Io } from "./io.ts";

export { ingest, type IngestReport } from "../pipeline/ingest-run.ts";

export const ingestHelp = `Usage: npm run -s briefing -- ingest [file|dir]... [--json] [--force]

Cleans raw pages (default: content/inbox/) and writes articles to content/articles/<id>.md.
Unchanged inputs are not processed again; articles edited by hand are never overwritten.
A path that does not exist is an error (exit 1).
  --force   process every input again (hand-edited articles are still kept)
  (--json prints the report as JSON on stdout)

${commonHelp}`;

export async function runIngest(argv: string[], baseIo: Io): Promise<number> {
  const { positionals, flags } = parseFlags(argv, { force: "boolean" });
  const io = withVerbosity(baseIo, flags);
  if (flags.help) {
    io.stdout.write(`${ingestHelp}\n`);
    return 0;
  }
  const report = await ingest({ paths: positionals, force: flags.force === true, io });
  if (flags.json) io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  printSummary(report, io);
  return 0;
}

function printSummary(r: IngestReport, io: Io): void {
  for (const s of r.skipped) info(io, `  skipped ${safeText(s.file)}: ${safeText(s.reason)}`);
  // A conflict needs the editor's attention: shown even with --quiet.
  for (const c of r.conflicts) io.stderr.write(`  conflict ${safeText(relative(io.cwd, c.path))}: ${safeText(c.reason)}\n`);
  for (const id of r.written) detail(io, `  wrote ${safeText(id)}`);
  info(
    io,
    `ingest: ${r.files} file(s) read (${r.processed} processed, ${r.unchanged_inputs} unchanged), ${r.articles} article(s): ` +
      `${r.written.length} written, ${r.unchanged} unchanged, ${r.edited_by_hand} edited by hand kept, ` +
      `${r.conflicts.length} conflict(s), ${r.skipped.length} skipped, ${r.seconds.toFixed(2)}s\n`,
  );
}
