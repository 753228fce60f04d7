/**
 * Shared helpers of the reliability tests: temporary content folders, the CLI run in-process (injected I/O) or as a
 * child process, and snapshots of a folder (bytes + mtime) to prove raw inputs are never modified.
 */
import { spawn, spawnSync, type SpawnSyncReturns } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { Writable } from "node:stream";
import { main } from "../../src/cli/main.ts";
import type { Io } from "../../src/cli/io.ts";

export const ROOT = resolve(import.meta.dirname, "../..");
/** The project's own Node 24 (the system one may be too old). */
export const NODE = join(ROOT, "node_modules/.bin/node");
export const CLI = join(ROOT, "src/cli/main.ts");
export const FIXTURES = join(ROOT, "tests/fixtures/reliability");
export const SEED_PAGES = join(FIXTURES, "pages");

/** A new empty temporary folder. */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `marsad-rel-${prefix}-`));
}

/**
 * A temporary content folder holding a copy of the repository's knowledge base (actors, countries) and an empty
 * inbox; articles are written into it by ingest. Returns the folder.
 */
export function makeContentDir(prefix: string): string {
  const dir = tempDir(prefix);
  for (const sub of ["actors", "countries"]) cpSync(join(ROOT, "content", sub), join(dir, sub), { recursive: true });
  mkdirSync(join(dir, "inbox"));
  return dir;
}

/** Environment that points every path of the pipeline into `contentDir` (and the output/cache into temp too). */
export function contentEnv(contentDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: process.env.HOME ?? tmpdir(),
    MARSAD_CONTENT_DIR: contentDir,
    MARSAD_OUT_DIR: `${contentDir}-dist`,
    MARSAD_CACHE_DIR: `${contentDir}-cache`,
    ASTRO_TELEMETRY_DISABLED: "1",
    ...extra,
  };
}

/** Runs the CLI's `main()` in-process with captured stdout/stderr. */
export async function runMain(argv: string[], env: NodeJS.ProcessEnv): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const sink = (append: (s: string) => void) =>
    new Writable({
      write(chunk, _encoding, done) {
        append(String(chunk));
        done();
      },
    });
  const io: Io = {
    stdout: sink((s) => (stdout += s)),
    stderr: sink((s) => (stderr += s)),
    cwd: ROOT,
    env,
    now: () => performance.now(),
  };
  const status = await main(argv, io);
  return { status, stdout, stderr };
}

/** Runs the CLI as a child process (synchronously). */
export function runCli(argv: string[], env: NodeJS.ProcessEnv, options: { timeout?: number } = {}): SpawnSyncReturns<string> {
  return spawnSync(NODE, [CLI, ...argv], {
    cwd: ROOT,
    env,
    encoding: "utf8",
    maxBuffer: 1 << 30,
    timeout: options.timeout ?? 300_000,
  });
}

/** Starts the CLI as a child process and returns it (for kill tests). */
export function startCli(argv: string[], env: NodeJS.ProcessEnv) {
  return spawn(NODE, [CLI, ...argv], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
}

export const sha256 = (data: string | Uint8Array): string => createHash("sha256").update(data).digest("hex");

/** One entry of a folder snapshot. */
export interface SnapshotEntry {
  kind: "file" | "dir" | "link" | "other";
  /** sha256 of the bytes (files), link target (links). */
  content: string;
  mode: number;
  mtimeMs: number;
  size: number;
}

/**
 * Snapshot of every entry under `dir` (never following links), keyed by relative path. Reads files even when
 * their mode forbids it (tests run as root), skipping the content of those it cannot read.
 */
export function snapshot(dir: string): Record<string, SnapshotEntry> {
  const out: Record<string, SnapshotEntry> = {};
  const walk = (path: string): void => {
    const st = lstatSync(path);
    const rel = relative(dir, path) || ".";
    if (st.isSymbolicLink()) out[rel] = { kind: "link", content: readlinkSync(path), mode: st.mode, mtimeMs: st.mtimeMs, size: st.size };
    else if (st.isDirectory()) {
      out[rel] = { kind: "dir", content: "", mode: st.mode, mtimeMs: st.mtimeMs, size: 0 };
      for (const name of readdirSync(path).sort()) walk(join(path, name));
    } else if (st.isFile()) {
      let content = "unreadable";
      try {
        content = sha256(readFileSync(path));
      } catch {
        /* not readable by this user: bytes cannot be compared, mode and mtime still are */
      }
      out[rel] = { kind: "file", content, mode: st.mode, mtimeMs: st.mtimeMs, size: st.size };
    } else out[rel] = { kind: "other", content: "", mode: st.mode, mtimeMs: st.mtimeMs, size: st.size };
  };
  walk(dir);
  return out;
}

/** Bytes of every regular file directly in `dir` (names sorted), for byte-for-byte comparisons of two runs. */
export function filesOf(dir: string, filter: (name: string) => boolean = () => true): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    if (!filter(name)) continue;
    const st = lstatSync(join(dir, name));
    if (st.isFile()) out[name] = readFileSync(join(dir, name), "utf8");
  }
  return out;
}

/** Text as the cleaner sees it after decoding: NFC, LF line ends, no BOM. */
export function normalisedText(text: string): string {
  return text.replace(/^\uFEFF/, "").normalize("NFC").replace(/\r\n?/g, "\n");
}
