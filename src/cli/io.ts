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
}

/** A misuse of the command line: printed as one line, exit status 2. */
export class UsageError extends Error {}

/** Real process I/O. */
export function processIo(): Io {
  return { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env, now: () => performance.now() };
}

/** Progress reporter: writes on stderr only when it is a terminal, quiet otherwise. */
export function progress(io: Pick<Io, "stderr">, label: string): (done: number, total: number) => void {
  if (!io.stderr.isTTY) return () => {};
  let last = 0;
  return (done, total) => {
    const t = Date.now();
    if (done !== total && t - last < 100) return;
    last = t;
    io.stderr.write(`\r${label} ${done}/${total}${done === total ? "\n" : ""}`);
  };
}

/** Splits argv into positionals and `--flag[=value]` options; unknown flags are usage errors. */
export function parseFlags(
  argv: string[],
  spec: Record<string, "boolean" | "string">,
): { positionals: string[]; flags: Record<string, string | boolean> } {
  const positionals: string[] = [];
  const flags: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith("--") || arg === "-") {
      if (arg === "-h") flags.help = true;
      else positionals.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (name === "help") {
      flags.help = true;
      continue;
    }
    const kind = spec[name];
    if (!kind) throw new UsageError(`unknown option --${name}`);
    if (kind === "boolean") flags[name] = true;
    else {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new UsageError(`option --${name} needs a value`);
      flags[name] = value;
    }
  }
  return { positionals, flags };
}

/**
 * Text from outside (file names, ids, reasons quoting a page) made safe for one line of terminal output: control
 * and bidi characters shown as `\u{…}` escapes (see `terminalText`).
 */
export { terminalText as safeText } from "../site/text-safety.ts";
