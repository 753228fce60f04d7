import { parseArgs } from "node:util";
import { suggest } from "../lib/suggest.ts";
import { safeText, type Io } from "../lib/report.ts";

export { detail, heartbeat, info, processIo, progress, progressText, safeText, type Io, type Verbosity } from "../lib/report.ts";

/** A misuse of the command line: printed as one line, exit status 2. */
export class UsageError extends Error {}

/** The io a command runs with once its flags are read (`--quiet`, `--verbose`). */
export function withVerbosity<T extends Io>(io: T, flags: { quiet?: unknown; verbose?: unknown }): T {
  if (flags.quiet && flags.verbose) throw new UsageError("--quiet and --verbose cannot be used together");
  return { ...io, verbosity: flags.quiet ? "quiet" : flags.verbose ? "verbose" : (io.verbosity ?? "normal") };
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

