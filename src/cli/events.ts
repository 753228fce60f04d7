/**
 * `briefing events --items FILE`: code the events of lead sentences and print one JSON document.
 * Nothing is written. An item that fails is reported on stderr and printed with no events; the run goes on.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { z } from "zod";
import { loadSettings } from "../config.ts";
import { createTagger, loadEntityLexicons } from "../entities/index.ts";
import { createEventCoder } from "../events/index.ts";
import { EventItem, type EventRun } from "../schemas/event.ts";
import { parseFlags, UsageError, type Io } from "./io.ts";

export const eventsHelp = `Usage: npm run -s briefing -- events --items FILE [--compact]

Codes who did what to whom in each lead sentence of FILE, a JSON array of items
{ "id", "sentence", "paragraph", "published" }, and prints
{ "items": [{ "id", "events": [{ "type", "source_actor", "target_actor", "place", "date", "figures",
"trigger_ar", "gist_en" }] }] }. Nothing is written.
  --items FILE   the items to code
  --compact      print JSON on one line`;

export async function runEvents(argv: string[], io: Io): Promise<number> {
  const { positionals, flags } = parseFlags(argv, { items: "string", compact: "boolean" });
  if (flags.help) {
    io.stdout.write(`${eventsHelp}\n`);
    return 0;
  }
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}" (see --help)`);
  if (typeof flags.items !== "string") throw new UsageError("events needs --items FILE (see --help)");
  const file = resolve(io.cwd, flags.items);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`${file}: cannot read the items: ${(error as Error).message}`);
  }
  const list = z.array(z.unknown()).safeParse(data);
  if (!list.success) throw new Error(`${file}: expected a JSON array of items { id, sentence, paragraph, published }`);
  const settings = loadSettings(io.cwd, io.env);
  const lexicons = loadEntityLexicons(settings.contentDir, { cacheDir: settings.cacheDir });
  const coder = createEventCoder({ tagger: createTagger(lexicons), ...lexicons });
  const out: EventRun = { items: [] };
  list.data.forEach((raw, i) => {
    const item = EventItem.safeParse(raw);
    if (!item.success) {
      const issue = item.error.issues[0];
      io.stderr.write(`${file}: item #${i + 1}: field \`${issue?.path.join(".") || "(item)"}\`: ${issue?.message ?? "invalid"}\n`);
      return;
    }
    try {
      out.items.push({ id: item.data.id, events: coder.code({ sentence: item.data.sentence, published: item.data.published ?? null }) });
    } catch (error) {
      io.stderr.write(`${file}: item ${item.data.id}: ${(error as Error).message}\n`);
      out.items.push({ id: item.data.id, events: [] });
    }
  });
  io.stdout.write(`${flags.compact ? JSON.stringify(out) : JSON.stringify(out, null, 2)}\n`);
  return 0;
}
