import { parseArgs } from "node:util";
import { suggest } from "../lib/suggest.ts";
import { terminalText } from "../lib/text-safety.ts";

/**
 * What a command needs from the outside world, injected so tests can pass literals.
 */
export interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Monotonic clock in milliseconds (for the summary line). */
  now: () => number;
  /** Set from `--quiet` / `--verbose` (see `withVerbosity`); "normal" when absent. */
  verbosity?: Verbosity;
}

/** A misuse of the command line: printed as one line, exit status 2. */
export class UsageError extends Error {}

/** Real process I/O. */
export function processIo(): Io {
  return { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env, now: () => performance.now() };
}

/** How much a command says on stderr: `--quiet` keeps errors and warnings only, `--verbose` adds details. */
export type Verbosity = "quiet" | "normal" | "verbose";

/** The io a command runs with once its flags are read (`--quiet`, `--verbose`). */
export function withVerbosity<T extends Io>(io: T, flags: { quiet?: unknown; verbose?: unknown }): T {
  if (flags.quiet && flags.verbose) throw new UsageError("--quiet and --verbose cannot be used together");
  return { ...io, verbosity: flags.quiet ? "quiet" : flags.verbose ? "verbose" : (io.verbosity ?? "normal") };
}

/** A summary or progress line on stderr, unless `--quiet`. */
export function info(io: Pick<Io, "stderr" | "verbosity">, text: string): void {
  if (io.verbosity !== "quiet") io.stderr.write(text.endsWith("\n") ? text : `${text}\n`);
}

/** A detail line on stderr, only with `--verbose`. */
export function detail(io: Pick<Io, "stderr" | "verbosity">, text: string): void {
  if (io.verbosity === "verbose") io.stderr.write(text.endsWith("\n") ? text : `${text}\n`);
}

/** Width of the progress bar on a terminal, in characters. */
const BAR_WIDTH = 24;
/** A terminal is redrawn at most this often (ms): faster only costs time. */
const TTY_REDRAW_MS = 100;
/** Without a terminal (CI logs, pipes), one line this often (ms): enough to see a build is alive, few enough to read. */
const LOG_LINE_MS = 5000;

/**
 * Progress of a long stage on stderr: a bar redrawn in place on a terminal, a plain line every few seconds
 * otherwise (logs), nothing with `--quiet`. `total` 0 means unknown (a count is shown instead of a bar).
 */
export function progress(io: Pick<Io, "stderr" | "verbosity"> & Partial<Pick<Io, "now">>, label: string): (done: number, total: number) => void {
  if (io.verbosity === "quiet") return () => {};
  const now = io.now ?? (() => performance.now());
  const tty = io.stderr.isTTY === true;
  let last = tty ? -Infinity : now();
  return (done, total) => {
    const t = now();
    const finished = total > 0 && done >= total;
    if (tty) {
      if (!finished && t - last < TTY_REDRAW_MS) return;
      last = t;
      io.stderr.write(`\r${progressText(label, done, total, true)}${finished ? "\n" : ""}`);
      return;
    }
    if (finished || t - last < LOG_LINE_MS) return;
    last = t;
    io.stderr.write(`${progressText(label, done, total, false)}\n`);
  };
}

/** One progress line: `label [#####-----] 40% 400/1000`, or `label 400 done` when the total is unknown. */
export function progressText(label: string, done: number, total: number, bar: boolean): string {
  if (total <= 0) return `${label}: ${done} done`;
  const share = Math.min(1, done / total);
  const percent = `${Math.floor(share * 100)}%`;
  if (!bar) return `${label}: ${done}/${total} (${percent})`;
  const filled = Math.round(share * BAR_WIDTH);
  return `${label} [${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}] ${percent.padStart(4)} ${done}/${total}`;
}

/**
 * For a stage that cannot count its work (the search index): on a terminal a line with the seconds so far, in
 * logs a line every few seconds. Returns the function that stops it.
 */
export function heartbeat(io: Pick<Io, "stderr" | "verbosity">, label: string): () => void {
  if (io.verbosity === "quiet") return () => {};
  const tty = io.stderr.isTTY === true;
  const started = performance.now();
  const timer = setInterval(
    () => {
      const seconds = Math.round((performance.now() - started) / 1000);
      io.stderr.write(tty ? `\r${label}: working… ${seconds}s` : `${label}: working… ${seconds}s\n`);
    },
    tty ? 1000 : LOG_LINE_MS,
  );
  timer.unref();
  return () => {
    clearInterval(timer);
    if (tty && performance.now() - started >= 1000) io.stderr.write("\r\u001b[K");
  };
}

/** How one option is read: a switch, or an option taking a value (`multiple`: may be given several times). */
export type OptionSpec = "boolean" | "string" | { type: "boolean" | "string"; short?: string; multiple?: boolean };

/** Options every command takes. `--version` is answered by main.ts before any command runs. */
export const COMMON_OPTIONS = {
  help: { type: "boolean", short: "h" },
  version: { type: "boolean" },
  json: { type: "boolean" },
  quiet: { type: "boolean", short: "q" },
  verbose: { type: "boolean", short: "v" },
} as const satisfies Record<string, OptionSpec>;

/** The help lines for the common options, appended to every command's usage. */
export const commonHelp = `Common options:
  -h, --help      show this help
      --version   print the version
      --json      machine-readable output on stdout
  -q, --quiet     only errors and warnings on stderr (no progress, no summary)
  -v, --verbose   more detail on stderr (every Astro message, stack traces)`;

export { editDistance, suggest } from "../lib/suggest.ts";

/** `; did you mean "x"?` or nothing. */
export function didYouMean(word: string, candidates: Iterable<string>, prefix = ""): string {
  const s = suggest(word, candidates);
  return s ? `; did you mean ${prefix}${s}?` : "";
}

/**
 * Reads argv with `node:util` `parseArgs` against `spec` plus the common options: `--flag`, `--flag=value`,
 * `--flag value`, `-h`, `--` (the rest is positional). An unknown option, a missing value, a value given to a
 * switch, an option given twice (unless `multiple`) or more positionals than `maxPositionals` is a usage error.
 */
export function parseFlags(
  argv: string[],
  spec: Record<string, OptionSpec>,
  options: { maxPositionals?: number } = {},
): { positionals: string[]; flags: Record<string, string | boolean | string[]> } {
  const all: Record<string, { type: "boolean" | "string"; short?: string; multiple?: boolean }> = { ...COMMON_OPTIONS };
  for (const [name, s] of Object.entries(spec)) all[name] = typeof s === "string" ? { type: s } : s;
  const { tokens } = parseArgs({ args: argv, options: all, strict: false, allowPositionals: true, tokens: true });
  const positionals: string[] = [];
  const flags: Record<string, string | boolean | string[]> = {};
  const longNames = Object.keys(all).map((n) => `--${n}`);
  for (const token of tokens) {
    if (token.kind === "positional") {
      positionals.push(token.value);
      continue;
    }
    if (token.kind !== "option") continue;
    const known = all[token.name];
    if (!known || (token.rawName.startsWith("-") && !token.rawName.startsWith("--") && known.short !== token.rawName.slice(1))) {
      throw new UsageError(`unknown option ${token.rawName}${didYouMean(token.rawName, longNames)}`);
    }
    const name = `--${token.name}`;
    if (known.type === "boolean") {
      if (token.value !== undefined) throw new UsageError(`option ${name} takes no value`);
      flags[token.name] = true;
      continue;
    }
    // A value that looks like an option was most likely meant as the next option (`--items --compact`).
    if (token.value === undefined || (!token.inlineValue && token.value.startsWith("-") && token.value !== "-")) {
      throw new UsageError(`option ${name} needs a value`);
    }
    if (known.multiple) flags[token.name] = [...((flags[token.name] as string[] | undefined) ?? []), token.value];
    else if (token.name in flags) throw new UsageError(`option ${name} is given twice`);
    else flags[token.name] = token.value;
  }
  const max = options.maxPositionals ?? Infinity;
  if (positionals.length > max && !flags.help) {
    const extra = positionals[max]!;
    throw new UsageError(
      max === 0 ? `takes no arguments, but was given "${safeText(extra)}" (see --help)` : `unexpected argument "${safeText(extra)}" (see --help)`,
    );
  }
  return { positionals, flags };
}

/**
 * Text from outside (file names, ids, reasons quoting a page) made safe for one line of terminal output: control
 * and bidi characters shown as `\u{…}` escapes (see `terminalText`).
 */
export const safeText = terminalText;
