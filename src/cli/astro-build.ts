/**
 * Runs `astro build` in a child process (telemetry off), one at a time per repository.
 *
 * Why the lock: for an output folder outside the repository, Astro keeps its prerender bundle in
 * `<repo>/.astro/.prerender/`, shared by every build of the repository, so two builds running at once (tests in
 * parallel, a benchmark next to a build) delete each other's chunks. The lock is a folder created atomically;
 * one left by a process that died is taken over.
 */
import { spawn, spawnSync, type ChildProcess, type StdioOptions } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { acquireLock, withLock } from "../lib/lock.ts";
import { buildOrderLine, CONTENT_READY, parseChildLine, type ChildProgress, type ChildSummary } from "./astro-child.ts";

/** A build holding the lock longer than this is assumed stuck (a build of 10,000 articles takes minutes). */
const STALE_LOCK_MS = 60 * 60 * 1000;
/** The repository's build lock (a folder). */
const buildLockFile = (root: string): string => join(root, "node_modules", ".cache", "marsad", "astro-build.lock");

/** Runs `f` holding the repository's build lock. */
export function withBuildLock<T>(root: string, f: () => T): T {
  return withLock(buildLockFile(root), { staleMs: STALE_LOCK_MS }, f);
}

/**
 * The environment for an Astro build, without the variables Vite reads as its own `import.meta.env` (MODE, DEV,
 * PROD, SSR, BASE_URL): inherited from a test runner (Vitest sets them) or a shell, they made the prerender think
 * it was not a production build, and pages went out without their Content-Security-Policy.
 */
export function astroEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { MODE: _mode, DEV: _dev, PROD: _prod, SSR: _ssr, BASE_URL: _base, ...rest } = env;
  return rest;
}

/** Runs `astro build` silently for the repository at `root` (test fixtures); returns its exit status. */
export function runAstroBuild(root: string, env: NodeJS.ProcessEnv, stdio: StdioOptions = ["ignore", "inherit", "inherit"]): number {
  const astroBin = astroBinFor(root);
  return withBuildLock(root, () => {
    const result = spawnSync(process.execPath, [astroBin, "build", "--silent"], {
      cwd: root,
      env: { ...astroEnv(env), ASTRO_TELEMETRY_DISABLED: "1" },
      stdio,
    });
    return result.status ?? 1;
  });
}

function astroBinFor(root: string): string {
  const require = createRequire(join(root, "package.json"));
  return join(dirname(require.resolve("astro/package.json")), "bin", "astro.mjs");
}

/** What Astro said during a build: its warnings and errors, each once with how often it was said. */
export interface AstroMessages {
  warnings: Array<{ text: string; count: number }>;
  errors: Array<{ text: string; count: number }>;
  /**
   * What the build made, counted by the child (src/cli/astro-child.ts), or null when it said nothing (a build that
   * failed or was killed). `outputs`: every file Astro generated (pages, feeds, sitemaps); `reused`: those of the
   * incremental build (astro.config.mjs) taken from the previous build rather than rendered; `rendered`: the others;
   * `pages`: Astro's own "N page(s) built" (pages only, rendered or reused).
   */
  counts: { outputs: number; rendered: number; reused: number; pages: number } | null;
  /** The last lines of output, shown when the build fails without an `[ERROR]` line. */
  tail: string[];
}

/** Lines after a `[WARN]`/`[ERROR]` line that belong to it (a code frame, a hint), at most this many. */
const MAX_CONTINUATION_LINES = 12;
/** Lines kept for a failure that printed no `[ERROR]` line (a crash's stack). */
const TAIL_LINES = 30;

// Astro's logger: `12:00:01 [WARN] [label] message`; with --verbose, page lines `  ├─ /ar/index.html (+2ms)`.
const TIMESTAMPED = /^\d{1,2}:\d{2}:\d{2}\s/;
const LEVEL = /^\d{1,2}:\d{2}:\d{2}\s+\[(WARN|ERROR)\]\s*/;
const PAGE_LINE = /^\s*[├└]─\s/;
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

/** What a line of the child's output was. "child": a line of the child's own (its progress or summary). */
export type LineKind = "page" | "warn" | "error" | "other" | "child";

/**
 * Reads the Astro child's output line by line into `AstroMessages` (pure; `feed` each line, then `result`):
 * Astro's warnings and errors, the site code's own stderr lines, and the child's progress and summary lines.
 */
export function astroOutputReader(): {
  feed(line: string, fromStderr?: boolean): LineKind;
  /** The child's last progress line so far, or null. */
  progress(): ChildProgress | null;
  result(): AstroMessages;
} {
  const warnings = new Map<string, number>();
  const errors = new Map<string, number>();
  let summary: ChildSummary | null = null;
  let progress: ChildProgress | null = null;
  const tail: string[] = [];
  // One open message per stream: Astro writes errors to stderr and everything else to stdout, interleaved.
  type Open = { level: "WARN" | "ERROR"; lines: string[] };
  const open: { out: Open | null; err: Open | null } = { out: null, err: null };
  const close = (stream: "out" | "err") => {
    const current = open[stream];
    if (!current) return;
    const text = current.lines.join("\n").trimEnd();
    const into = current.level === "WARN" ? warnings : errors;
    into.set(text, (into.get(text) ?? 0) + 1);
    open[stream] = null;
  };
  return {
    feed(raw, fromStderr = false) {
      const stream = fromStderr ? "err" : "out";
      const line = raw.replace(ANSI, "").replace(/\r$/, "");
      const own = fromStderr ? null : parseChildLine(line);
      if (own) {
        if (own.kind === "summary") summary = own.summary;
        else progress = own.progress;
        return "child";
      }
      tail.push(line);
      if (tail.length > TAIL_LINES) tail.shift();
      const level = LEVEL.exec(line);
      if (level) {
        close(stream);
        const current = { level: level[1] as "WARN" | "ERROR", lines: [line.slice(level[0].length)] };
        open[stream] = current;
        return current.level === "WARN" ? "warn" : "error";
      }
      if (PAGE_LINE.test(line)) {
        close(stream);
        return "page";
      }
      const current = open[stream];
      if (TIMESTAMPED.test(line)) close(stream);
      // An error's details (hint, code frame, stack) may be separated by blank lines; a warning ends at one.
      else if (line.trim() === "") {
        if (current?.level !== "ERROR") close(stream);
      } else if (current) {
        if (current.lines.length <= MAX_CONTINUATION_LINES) current.lines.push(line);
      } else if (fromStderr) {
        // Not Astro's logger: the site's own code warning on stderr (an article's withheld future date, a cache
        // not written). A warning too, so that it is shown and counted.
        warnings.set(line.trim(), (warnings.get(line.trim()) ?? 0) + 1);
        return "warn";
      }
      return "other";
    },
    progress: () => progress,
    result() {
      close("out");
      close("err");
      const list = (m: Map<string, number>) => [...m].map(([text, count]) => ({ text, count }));
      const s = summary;
      const counts = s ? { outputs: s.paths, rendered: s.rendered, reused: s.paths - s.rendered, pages: s.pages } : null;
      return { warnings: list(warnings), errors: list(errors), counts, tail: [...tail] };
    },
  };
}

/**
 * `MARSAD_PROFILE_DIR=<dir>`: the Astro child writes a V8 CPU profile there (open it in Chrome DevTools). Node refuses
 * `--cpu-prof` in NODE_OPTIONS, so this is the way to see where a site build spends its time.
 */
function profileArgs(env: NodeJS.ProcessEnv): string[] {
  return env.MARSAD_PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${env.MARSAD_PROFILE_DIR}`] : [];
}

/** The child that runs the build (src/cli/astro-child.ts). */
const CHILD = join(import.meta.dirname, "astro-child.ts");

/** What the child runs with besides the build's environment. No colours: its output is read, then printed by us. */
const CHILD_ENV = { ASTRO_TELEMETRY_DISABLED: "1", NO_COLOR: "1", FORCE_COLOR: "0" };

/** `env` as the child builds with it (`astroEnv`, plus CHILD_ENV), without unset variables. */
function childEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries({ ...astroEnv(env), ...CHILD_ENV })) if (value !== undefined) out[name] = value;
  return out;
}

/**
 * An Astro child started ahead of its build (`startAstroChild`): it loads Astro, then waits for `astroBuild` to tell
 * it what to build. It holds no lock until then and writes nothing.
 */
export interface StartedAstroChild {
  /** Ends the child without a build, if `astroBuild` has not used it (a build that stopped before its site stage). */
  cancel(): Promise<void>;
}
interface AstroChild extends StartedAstroChild {
  process: ChildProcess;
  /** The child's exit status (1 when it could not be started). */
  exited: Promise<number>;
  /** Marks the child used by a build; false when it was used or cancelled already. */
  take(): boolean;
  /** Ends it without a build, its output unread, and waits for it to exit. */
  end(): Promise<number>;
}

/**
 * Starts the Astro child for the site at `root` with `env` (where it reads MARSAD_PROFILE_DIR and MARSAD_PAGE_WRITER;
 * the build's own environment comes with the order). `build` starts it first thing, and orders it before ingest
 * (`orderAstroBuild`): a rebuild does not wait for it to load Astro and bundle the site.
 */
export function startAstroChild(root: string, env: NodeJS.ProcessEnv): StartedAstroChild {
  const child = spawn(process.execPath, [...profileArgs(env), CHILD], { cwd: root, env: childEnv(env), stdio: ["pipe", "pipe", "pipe"] });
  // A child that could not start, or died early, fails the order's write: its exit status says so.
  child.stdin!.on("error", () => {});
  const exited = new Promise<number>((done) => {
    child.on("error", () => done(1));
    child.on("close", (code) => done(code ?? 1));
  });
  let taken = false;
  const started: AstroChild = {
    process: child,
    exited,
    take: () => !taken && (taken = true),
    end: () => {
      // Its output is not wanted; read, so that the streams end and the child can close.
      child.stdout!.resume();
      child.stderr!.resume();
      child.stdin!.end();
      return exited;
    },
    cancel: async () => {
      if (started.take()) await started.end();
    },
  };
  return started;
}

/** What `astroBuild` takes besides the site's root and environment. */
export interface AstroBuildOptions {
  onLine?: (line: string, kind: Exclude<LineKind, "child">) => void;
  onProgress?: (progress: ChildProgress) => void;
  onWait?: (pid: number) => void;
  /** Renders every page again (`astro build --force`): no page is taken from the previous build. */
  force?: boolean;
  /** Astro's info output too (a line per page), for `--verbose`. */
  verbose?: boolean;
  started?: StartedAstroChild;
}

/** The outcome of an Astro build: the child's exit status, and what Astro said. */
export interface AstroBuildResult {
  status: number;
  messages: AstroMessages;
}

/**
 * An Astro build ordered before its content is ready (`orderAstroBuild`): Astro bundles the site meanwhile, and
 * reads the content only once told it is ready.
 */
export interface OrderedAstroBuild {
  /** The content is ready: the build goes on to list and render the pages. */
  contentReady(): void;
  /** Ends a build whose content will not be made ready (its stage never came), and waits for the child to exit. */
  stop(): Promise<void>;
  /** The build's outcome, once the child has exited (after `contentReady`). */
  result: Promise<AstroBuildResult>;
}

/**
 * Runs `astro build` (telemetry off) in a child process holding the build lock, at Astro's log level "warn" (its
 * info output too with `verbose`), reading its output instead of silencing it: `onLine` sees every line of Astro's
 * and the site code's (for `--verbose`), `onProgress` the child's count about every second, and the result lists
 * the warnings and errors and what the build made. With `started` (from `startAstroChild` with the same `root`), that
 * child builds; otherwise one is started.
 */
export async function astroBuild(root: string, env: NodeJS.ProcessEnv, options: AstroBuildOptions = {}): Promise<AstroBuildResult> {
  return (await orderAstroBuild(root, env, options, { gated: false })).result;
}

/**
 * `astroBuild`, ordered ahead of its content (`gated`): `build` orders its site stage before it ingests, so that
 * Astro loads and bundles the site (seconds of a rebuild) while ingest runs; the child reads no content until
 * `contentReady` (src/cli/astro-child.ts). The build lock is held from the order until the child has exited.
 */
export async function orderAstroBuild(root: string, env: NodeJS.ProcessEnv, options: AstroBuildOptions, { gated }: { gated: boolean }): Promise<OrderedAstroBuild> {
  // The child started ahead, unless it was used or cancelled already; else one started now.
  let started = options.started as AstroChild | undefined;
  if (!started?.take()) {
    started = startAstroChild(root, env) as AstroChild;
    started.take();
  }
  let release: () => void;
  try {
    // Held from the order until the child has exited: two builds at once would delete each other's chunks (above).
    release = acquireLock(buildLockFile(root), { staleMs: STALE_LOCK_MS, onWait: options.onWait });
  } catch (error) {
    await started.end();
    throw error;
  }
  const child = started.process;
  const reader = astroOutputReader();
  const order = buildOrderLine({ env: childEnv(env), force: options.force === true, verbose: options.verbose === true, gated });
  if (gated) child.stdin!.write(order);
  else child.stdin!.end(order);
  const feed = (line: string, fromStderr: boolean) => {
    const kind = reader.feed(line, fromStderr);
    if (kind !== "child") options.onLine?.(line, kind);
    else if (options.onProgress) {
      const progress = reader.progress();
      if (progress) options.onProgress(progress);
    }
  };
  const read = (stream: NodeJS.ReadableStream, fromStderr: boolean) => {
    let rest = "";
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => {
      const lines = (rest + chunk).split("\n");
      rest = lines.pop()!;
      for (const line of lines) feed(line, fromStderr);
    });
    return new Promise<void>((done) =>
      stream.on("end", () => {
        if (rest) feed(rest, fromStderr);
        done();
      }),
    );
  };
  const result = Promise.all([started.exited, read(child.stdout!, false), read(child.stderr!, true)])
    .then(([status]) => ({ status, messages: reader.result() }))
    .finally(() => release());
  return {
    contentReady: () => {
      if (gated) child.stdin!.end(`${CONTENT_READY}\n`);
    },
    stop: async () => {
      child.stdin!.end();
      await result;
    },
    result,
  };
}
