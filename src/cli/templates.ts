/**
 * `briefing templates [file|dir]...`: learns each outlet's furniture from the raw pages (default: the inbox) and
 * writes `content/outlets/templates.yaml`, which every later extract and ingest uses (src/ingest/templates.ts).
 * Learning starts from scratch each time (the inbox keeps every raw page), so the file depends only on the pages.
 */
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { loadSettings } from "../config.ts";
import { cleanPage } from "../ingest/index.ts";
import { learnTemplates, serializeTemplatesFile, templatesPath, type TemplateSample } from "../ingest/templates.ts";
import { writeFileAtomic } from "../lib/atomic.ts";
import { findInputs, readInput } from "../pipeline/read-inputs.ts";
import { type Io, parseFlags, safeText, UsageError } from "./io.ts";

export const templatesHelp = `Usage: npm run -s briefing -- templates [file|dir]... [--dry-run]

Learns the furniture of each outlet (lines printed on many of its pages, never inside an article) from the raw
pages (default: the inbox) and writes content/outlets/templates.yaml. Later extract and ingest runs mark those
lines as furniture on that outlet's pages and say so in their diagnostics.
  --dry-run   print the learned file instead of writing it`;

export async function runTemplates(argv: string[], io: Io): Promise<number> {
  const { positionals, flags } = parseFlags(argv, { "dry-run": "boolean" });
  if (flags.help) {
    io.stdout.write(`${templatesHelp}\n`);
    return 0;
  }
  const settings = loadSettings(io.cwd, io.env);
  const roots = positionals.length > 0 ? positionals.map((p) => resolve(io.cwd, p)) : [settings.inboxDir];
  const { inputs, skipped } = findInputs(roots, io.cwd);
  if (inputs.length === 0 && skipped.length > 0) throw new UsageError(`no readable page in ${roots.map(safeText).join(", ")}`);
  const samples: TemplateSample[] = [];
  for (const input of inputs) {
    const read = readInput(input);
    if (!read.ok) continue;
    // Learned from what the rules alone leave over: an older template must not feed itself.
    const result = cleanPage(read.page, { templates: new Map(), learn: true });
    if (result.ok && result.sample) samples.push(result.sample);
  }
  const file = learnTemplates(samples);
  const text = serializeTemplatesFile(file);
  const lines = file.outlets.reduce((n, o) => n + o.lines.length, 0);
  if (flags["dry-run"]) {
    io.stdout.write(text);
  } else {
    const path = templatesPath(settings.contentDir);
    mkdirSync(dirname(path), { recursive: true });
    writeFileAtomic(path, text);
    io.stderr.write(`templates: wrote ${safeText(path)}\n`);
  }
  const outlets = new Set(samples.map((s) => s.outlet)).size;
  io.stderr.write(`templates: ${inputs.length} page(s), ${outlets} outlet(s), ${file.outlets.length} with furniture, ${lines} line(s)\n`);
  return 0;
}
