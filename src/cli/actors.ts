/**
 * `actors`: review the discovery queue (`content/review/candidates.yaml`).
 *
 *   actors queue [--min N] [--json]          list candidates, most frequent first
 *   actors promote <candidate> --id <slug> [--en "Name"] [--ar "…"] [--type person] [--country LY] [--added YYYY-MM-DD]
 *                                            add it to content/actors/promoted.yaml and drop it from the queue
 *   actors reject <candidate>                drop it from the queue for good
 *   actors alias <id> <form>                 add a name the press writes to an actor of the knowledge base
 *   actors add --id <slug> --ar … --en … --type T --desc-ar … --desc-en … --source … [--country XX] [--file f.yaml]
 *                                            add a new actor (default file content/actors/added.yaml)
 *   actors stats [--json]                    the knowledge base's counts by country, type and period of roles
 *
 * `alias` and `add` edit the YAML in place (comments and layout kept), validate the edited file exactly as the
 * loader does (schema, ids unique across files) and write it atomically; an invalid edit writes nothing.
 *
 * The planning is pure (src/entities/discover.ts); the queue file is read and written by
 * src/pipeline/review-queue.ts (atomically, like the knowledge-base file here); this file only wires and prints.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Writable } from "node:stream";
import { stringify } from "yaml";
import { loadSettings } from "../config.ts";
import { loadActors, parseActorFile } from "../content/actors-file.ts";
import { ActorType } from "../schemas/actor.ts";
import { CountryCode, IsoDate, Slug } from "../schemas/common.ts";
import { formatKbStats, kbStats } from "../entities/stats.ts";
import { findQueueEntry, promotedActor, removeFromQueue, type QueueEntry, type ReviewQueue } from "../entities/discover.ts";
import { writeFileAtomic } from "../lib/atomic.ts";
import { applyEdit, planAdd, planAlias } from "../content/actors-edit.ts";
import { readQueue, writeQueue } from "../pipeline/review-queue.ts";
import { didYouMean, parseFlags, safeText } from "./io.ts";

/** Where the command reads and writes, and where it prints. */
export interface ActorsIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  cwd: string;
}

const USAGE: Record<string, string> = {
  actors: `Usage: actors <queue|promote|reject|alias|add|stats> [options]

  queue      list discovered candidates by frequency
  promote    add a candidate to the knowledge base (content/actors/promoted.yaml)
  reject     remove a candidate from the queue and never queue it again
  alias      add a name (alias) to an actor of the knowledge base
  add        add a new actor to the knowledge base
  stats      count the knowledge base by country, type and period of role coverage

Run "actors <command> --help" for the options of a command.
`,
  queue: `Usage: actors queue [--min N] [--json]

  --min N    only candidates seen in at least N articles (default 1)
  --json     print JSON instead of a table
`,
  promote: `Usage: actors promote <candidate> --id <slug> [--en "Name"] [--ar "…"] [--type TYPE] [--country XX] [--added YYYY-MM-DD]

  <candidate>  the candidate's name as listed, its key, or its suggested English name
  --id         permanent slug for the actor, e.g. mohammed-zain (required)
  --en         English name (default: the suggested romanisation)
  --ar         Arabic name (default: the name as found; required for candidates from English articles)
  --type       ${ActorType.options.join(" | ")} (default: the guessed kind)
  --country    ISO 3166-1 alpha-2 code of the actor's country
  --added      date the entry is added (YYYY-MM-DD)
`,
  stats: `Usage: actors stats [--json]

  Counts of content/actors/*.yaml: by type, by period of role coverage (2011–2016, 2017–2021, 2022–2026: actors
  holding a dated role that overlaps it) and by country.
  --json     print JSON instead of text
`,
  reject: `Usage: actors reject <candidate>

  <candidate>  the candidate's name as listed, its key, or its suggested English name
`,
  alias: `Usage: actors alias <id> <form>

  <id>     the actor's id, e.g. khalifa-haftar
  <form>   the name as the press writes it; Arabic script goes to aliases.ar, anything else to aliases.en
`,
  add: `Usage: actors add --id <slug> --ar "…" --en "Name" --type TYPE --desc-ar "…" --desc-en "…" --source "…"
                  [--country XX] [--alias "…"] [--role-ar "…" --role-en "…" [--from YYYY[-MM[-DD]]] [--to …]]
                  [--wikidata Q123] [--added YYYY-MM-DD] [--by NAME] [--file NAME.yaml]

  --type       ${ActorType.options.join(" | ")}
  --alias      one more name (repeat the option for several; Arabic or English by script)
  --role-ar/en one dated role (title in both languages), with --from/--to
  --source     what the facts rest on (provenance), e.g. "Wikipedia, checked against press usage"
  --file       knowledge-base file to append to (default added.yaml)
`,
};

const VALUE_FLAGS = new Set(["--min", "--id", "--en", "--ar", "--type", "--country", "--added", "--desc-ar", "--desc-en", "--source", "--by", "--file", "--alias", "--role-ar", "--role-en", "--from", "--to", "--wikidata"]);
/** Value options that may be given several times. */
const REPEATED = new Set(["--alias"]);

interface Parsed {
  positional: string[];
  flags: Map<string, string | true>;
  /** Every value of a repeatable option. */
  lists: Map<string, string[]>;
}

/** Splits argv with the CLI's shared option reader (common options included); throws on an unknown flag or a missing value. */
function parseArgs(argv: string[]): Parsed {
  const spec = Object.fromEntries(
    [...VALUE_FLAGS].map((f) => [f.slice(2), REPEATED.has(f) ? { type: "string" as const, multiple: true } : ("string" as const)]),
  );
  let read: ReturnType<typeof parseFlags>;
  try {
    read = parseFlags(argv, spec);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const flags = new Map<string, string | true>();
  const lists = new Map<string, string[]>();
  for (const [name, value] of Object.entries(read.flags)) {
    if (Array.isArray(value)) {
      lists.set(`--${name}`, value);
      flags.set(`--${name}`, value.at(-1)!);
    } else flags.set(`--${name}`, value === true ? true : String(value));
  }
  return { positional: read.positionals, flags, lists };
}

class UsageError extends Error {}

function formatTable(entries: QueueEntry[]): string {
  if (entries.length === 0) return "No candidates.\n";
  const rows = entries.map((c) => [String(c.frequency), String(c.articles.length), c.kind, c.name_ar ?? "—", c.suggested_en]);
  const head = ["freq", "articles", "kind", "name", "suggested English"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => [...r[i]!].length)));
  const line = (r: string[]) => r.map((v, i) => v + " ".repeat(widths[i]! - [...v].length)).join("  ").trimEnd();
  return [line(head), ...rows.map(line)].join("\n") + "\n";
}

/**
 * Runs `actors <subcommand>`; returns the exit code (0 ok, 1 failed, 2 usage). A leading "actors" in argv is
 * accepted, so the main CLI may pass its whole argv or only what follows the command name.
 */
export async function runActorsCommand(
  argv: string[],
  io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream; cwd: string },
): Promise<number> {
  const args = argv[0] === "actors" ? argv.slice(1) : argv;
  const sub = args[0];
  let parsed: Parsed;
  try {
    parsed = parseArgs(args.slice(1));
  } catch (error) {
    io.stderr.write(`actors ${sub ?? ""}: ${(error as Error).message}\n\n${USAGE[sub ?? "actors"] ?? USAGE.actors}`);
    return 2;
  }
  if (!sub || sub === "--help" || sub === "-h" || sub === "help") {
    (sub ? io.stdout : io.stderr).write(USAGE.actors!);
    return sub ? 0 : 2;
  }
  if (!(sub in USAGE) || sub === "actors") {
    io.stderr.write(`actors: unknown command "${sub}"${didYouMean(sub, Object.keys(USAGE).filter((k) => k !== "actors"))}\n\n${USAGE.actors}`);
    return 2;
  }
  if (parsed.flags.get("--help")) {
    io.stdout.write(USAGE[sub]!);
    return 0;
  }
  const settings = loadSettings(io.cwd);
  const contentDir = settings.contentDir;
  try {
    if (sub === "queue") return queueCommand(parsed, contentDir, io);
    if (sub === "stats") return statsCommand(parsed, settings.actorsDir, io);
    // With --json, the edit commands print { "command", "message" } instead of their sentence.
    const json = parsed.flags.get("--json") === true;
    let message = "";
    const out = json ? { ...io, stdout: new Writable({ write: (c, _e, cb) => ((message += String(c)), cb()) }) } : io;
    const status =
      sub === "promote" ? promoteCommand(parsed, contentDir, settings.actorsDir, out)
      : sub === "alias" ? aliasCommand(parsed, settings.actorsDir, out)
      : sub === "add" ? addCommand(parsed, settings.actorsDir, out)
      : rejectCommand(parsed, contentDir, out);
    if (json) io.stdout.write(`${JSON.stringify({ command: sub, message: message.trim() })}\n`);
    return status;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`actors ${sub}: ${error.message}\n\n${USAGE[sub]}`);
      return 2;
    }
    io.stderr.write(`actors ${sub}: ${(error as Error).message}\n`);
    return 1;
  }
}

function queueCommand(parsed: Parsed, contentDir: string, io: ActorsIo): number {
  const minText = parsed.flags.get("--min");
  const min = minText === undefined ? 1 : Number(minText);
  if (!Number.isInteger(min) || min < 1) throw new UsageError("--min expects a positive whole number");
  const queue = readQueue(contentDir);
  const entries = queue.candidates.filter((c) => c.articles.length >= min);
  io.stdout.write(parsed.flags.get("--json") ? `${JSON.stringify(entries, null, 2)}\n` : formatTable(entries).split("\n").map(safeText).join("\n"));
  return 0;
}

function statsCommand(parsed: Parsed, actorsDir: string, io: ActorsIo): number {
  if (parsed.positional.length) throw new UsageError(`unexpected argument "${parsed.positional[0]}"`);
  const stats = kbStats(existsSync(actorsDir) ? loadActors(actorsDir) : []);
  io.stdout.write(parsed.flags.get("--json") ? `${JSON.stringify(stats, null, 2)}\n` : formatKbStats(stats));
  return 0;
}

function requireCandidate(parsed: Parsed, queue: ReviewQueue): QueueEntry {
  const query = parsed.positional.join(" ").trim();
  if (!query) throw new UsageError("which candidate? give its name as listed by `actors queue`");
  const entry = findQueueEntry(queue, query);
  if (!entry) throw new Error(`no candidate "${query}" in the queue (run \`actors queue\` to list them)`);
  return entry;
}

function promoteCommand(parsed: Parsed, contentDir: string, actorsDir: string, io: ActorsIo): number {
  const id = parsed.flags.get("--id");
  if (typeof id !== "string") throw new UsageError("--id <slug> is required");
  if (!Slug.safeParse(id).success) throw new UsageError(`--id "${id}" is not a slug such as mohammed-zain`);
  const type = parsed.flags.get("--type");
  if (type !== undefined && !ActorType.safeParse(type).success) throw new UsageError(`--type must be one of ${ActorType.options.join(", ")}`);
  const country = parsed.flags.get("--country");
  if (country !== undefined && !CountryCode.safeParse(country).success) throw new UsageError("--country expects an ISO code such as LY");
  const added = parsed.flags.get("--added");
  if (added !== undefined && !IsoDate.safeParse(added).success) throw new UsageError("--added expects YYYY-MM-DD");

  const queue = readQueue(contentDir);
  const entry = requireCandidate(parsed, queue);
  const existing = existsSync(actorsDir) ? loadActors(actorsDir) : [];
  const clash = existing.find((a) => a.id === id || a.former_ids.includes(id));
  if (clash) throw new Error(`the id "${id}" is already used by ${clash.names.en}: choose another --id`);

  const actor = promotedActor(entry, {
    id,
    en: parsed.flags.get("--en") as string | undefined,
    ar: parsed.flags.get("--ar") as string | undefined,
    type: type as ActorType | undefined,
    country: country as string | undefined,
    added: added as string | undefined,
  });
  const promotedFile = join(actorsDir, "promoted.yaml");
  const current = existsSync(promotedFile) ? parseActorFile(readFileSync(promotedFile, "utf8"), promotedFile) : [];
  const header = "# Actors promoted from the discovery queue by `actors promote`.\n";
  // write the knowledge base first: if the queue write failed, the candidate would only be listed twice
  writeFileAtomic(promotedFile, header + stringify([...current, actor], { lineWidth: 0 }));
  writeQueue(contentDir, removeFromQueue(queue, entry.key, false));
  io.stdout.write(`Promoted ${safeText(entry.name_ar ?? entry.suggested_en)} as ${actor.id} (${safeText(actor.names.en)}) to ${safeText(promotedFile)}\n`);
  return 0;
}

function rejectCommand(parsed: Parsed, contentDir: string, io: ActorsIo): number {
  const queue = readQueue(contentDir);
  const entry = requireCandidate(parsed, queue);
  writeQueue(contentDir, removeFromQueue(queue, entry.key, true));
  io.stdout.write(`Rejected ${safeText(entry.name_ar ?? entry.suggested_en)}: it will not be queued again.\n`);
  return 0;
}

function aliasCommand(parsed: Parsed, actorsDir: string, io: ActorsIo): number {
  const [id, ...rest] = parsed.positional;
  const form = rest.join(" ").trim();
  if (!id || !form) throw new UsageError("give the actor's id and the name to add");
  if (!Slug.safeParse(id).success) throw new UsageError(`"${id}" is not an actor id such as khalifa-haftar`);
  const edit = planAlias(actorsDir, id, form);
  applyEdit(edit);
  io.stdout.write(`Added "${safeText(form)}" to ${id} in ${safeText(edit.file)}\n`);
  return 0;
}

function addCommand(parsed: Parsed, actorsDir: string, io: ActorsIo): number {
  const text = (name: string) => {
    const v = parsed.flags.get(name);
    return typeof v === "string" ? v.trim() : undefined;
  };
  for (const required of ["--id", "--ar", "--en", "--type", "--desc-ar", "--desc-en", "--source"]) {
    if (!text(required)) throw new UsageError(`${required} is required`);
  }
  const file = text("--file") ?? "added.yaml";
  if (!/^[a-z0-9-]+\.ya?ml$/.test(file)) throw new UsageError("--file expects a file name such as libya.yaml");
  const added = text("--added");
  if (added !== undefined && !IsoDate.safeParse(added).success) throw new UsageError("--added expects YYYY-MM-DD");
  const aliases = parsed.lists.get("--alias") ?? [];
  const roleAr = text("--role-ar");
  const roleEn = text("--role-en");
  if (!!roleAr !== !!roleEn) throw new UsageError("a role needs its title in both languages: --role-ar and --role-en");
  const input = {
    id: text("--id")!,
    names: { ar: text("--ar")!, en: text("--en")! },
    ...(aliases.length ? { aliases: { ar: aliases.filter((a) => /[\u0600-\u06ff]/.test(a)), en: aliases.filter((a) => !/[\u0600-\u06ff]/.test(a)) } } : {}),
    type: text("--type")! as ActorType,
    ...(text("--country") ? { country: text("--country")! } : {}),
    ...(roleAr ? { roles: [{ title: { ar: roleAr, en: roleEn! }, ...(text("--from") ? { from: text("--from")! } : {}), ...(text("--to") ? { to: text("--to")! } : {}) }] } : {}),
    description: { ar: text("--desc-ar")!, en: text("--desc-en")! },
    ...(text("--wikidata") ? { wikidata: text("--wikidata")! } : {}),
    provenance: { added_by: text("--by") ?? "editor", source: text("--source")!, ...(added ? { added } : {}) },
  };
  const edit = planAdd(actorsDir, file, input);
  applyEdit(edit);
  io.stdout.write(`Added ${input.id} (${safeText(input.names.en)}) to ${safeText(edit.file)}\n`);
  return 0;
}
