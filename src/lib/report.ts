/**
 * How a long-running operation talks to the outside world: an injected `Io` (streams, working folder, environment,
 * clock) and the lines it writes on stderr (summaries, details, progress). Shared by the CLI commands and by the
 * pipeline operations they run (ingest), which the dev server runs too: no stage imports the CLI for them.
 */
import { terminalText } from "./text-safety.ts";

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

/** Real process I/O. */
export function processIo(): Io {
  return { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env, now: () => performance.now() };
}

/** How much a command says on stderr: `--quiet` keeps errors and warnings only, `--verbose` adds details. */
export type Verbosity = "quiet" | "normal" | "verbose";

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

/**
 * Text from outside (file names, ids, reasons quoting a page) made safe for one line of terminal output: control
 * and bidi characters shown as `\u{…}` escapes (see `terminalText`).
 */
export const safeText = terminalText;
