/**
 * Astro's incremental build cache (astro.config.mjs `experimental.incrementalBuild`) by hard links instead of second
 * copies. Astro keeps every keyed page twice: it writes the page into the output folder, then the same bytes into
 * `<cacheDir>/dist/` (`writeOutputFile`); a rebuild copies each unchanged page back (`restoreOutputFile`). At 10,000
 * articles that is 37,000 files and 850 MB written twice by a cold build and copied by every rebuild. Here the cache
 * entry is a hard link to the page Astro has just written, and a restored page a hard link to the cache entry; the
 * entries sit in one flat folder (`<cacheDir>/pages/`, see `cacheEntryName`), not in a copy of the output tree.
 *
 * Why sharing inodes is safe: a file the published site shares with the cache is never written in place.
 *  - Astro renders into a fresh folder: our build's staging folder (src/pipeline/publish.ts empties it first), or,
 *    run by hand, an output folder Astro empties itself (unlink) before rendering. A rendered page is a new inode.
 *  - The cache entry of a rendered page is replaced by unlink + link (or, failing that, a new file renamed into
 *    place), never truncated: an old entry that a published site still shares keeps its bytes.
 *  - Everything written into the staging folder after Astro makes new files or replaces by rename or unlink: the
 *    search index writes its own `pagefind*` folders (emptied first; bundles linked from its own cache), the cards
 *    write PNGs by rename (src/lib/atomic.ts), and publishing renames folders, copies (new inodes) across file
 *    systems, and deletes the previous site by unlink. No stage rewrites an HTML or XML page.
 *  - Astro's pruning of stale entries (`deleteOutputFile`) is an unlink.
 * A rebuild goes one step further (src/lib/carry-over.ts): an unchanged page that the published site already holds
 * as the cache entry itself (one inode) is not restored at all, only listed, and publishing leaves it where it is.
 * What would break it: a tool editing the published pages in place (a minifier writing over `dist/`). Such a tool
 * would change the cached copy too, and the next rebuild would restore the edited page. Run it on a copy, or set
 * `MARSAD_ASTRO_CACHE_COPIES=1`: Astro then keeps copies, as it does unpatched (also how the benchmark compares).
 *
 * Applied by patching the prototype of Astro's (unexported) `IncrementalBuildCache`, found beside Astro's
 * package.json so that it is the module instance Astro's build imports. When the class or the methods are not
 * there (another Astro), nothing is patched and a warning says so once: the build stays correct, only slower.
 */
import { createHash } from "node:crypto";
import { existsSync, linkSync, mkdirSync, readFileSync, realpathSync, rmSync, unlinkSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { copyFileAtomic, writeFileAtomic } from "../lib/atomic.ts";
import { sameFile, writeCarriedFiles } from "../lib/carry-over.ts";
import { installedPageWriter } from "./page-writer.ts";

/** The part of Astro's settings the cache methods read. */
interface AstroSettings {
  config: { cacheDir: URL; outDir: URL };
}
type Body = string | Uint8Array;

interface CacheMethods {
  restoreOutputFile(settings: AstroSettings, outputFile: string, destination: URL): Promise<boolean>;
  writeOutputFile(settings: AstroSettings, outputFile: string, body: Body): Promise<void>;
  deleteOutputFile(settings: AstroSettings, outputFile: string): Promise<void>;
}

/**
 * Where the cache entries live under `cacheDir`: one flat folder, each entry named after its output path
 * (`cacheEntryName`). Astro's own layout (`INCREMENTAL_OUTPUT_DIR`, "dist/") mirrors the output tree, one folder per
 * page: at 10,000 articles a cold build made 37,000 folders for it, a tenth of the child's system time.
 */
const CACHE_OUTPUT_DIR = "pages";
/** Astro's layout, removed once when the flat folder is first made (its entries are never read again). */
const ASTRO_OUTPUT_DIR = "dist";
/** Longest entry name kept readable; longer output paths are named by digest (file names stop at 255 bytes). */
const MAX_ENTRY_NAME = 200;
/** Marks a patched prototype: the config is loaded more than once per process (Astro, then Vite). */
const PATCHED = Symbol.for("marsad.astroCacheLinks");

/** The file operations used here (injected in tests to play a file system without hard links). */
export interface LinkFs {
  link(existing: string, created: string): void;
  unlink(path: string): void;
  /** Writes a new file at `path` (never into an existing inode). */
  write(path: string, body: Body): void;
  /** Copies into a new file at `dest` (never into an existing inode). */
  copy(from: string, dest: string): void;
  exists(path: string): boolean;
}

const realFs: LinkFs = {
  link: linkSync,
  unlink: unlinkSync,
  // A cache: no flush (a cache file lost to a power cut is rendered again).
  write: (path, body) => writeFileAtomic(path, body, { flush: false }),
  copy: copyFileAtomic,
  exists: existsSync,
};

/**
 * Makes `cached` a hard link to `published`, unlinking an old entry first, never truncating it (`absent`: the caller
 * knows there is no entry yet, a cold build's new folder, which spares a failing unlink per page). False when no
 * link was made (no `published`, another file system, no permission).
 */
function replaceWithLink(published: string | null, cached: string, fs: LinkFs, absent: boolean | undefined): boolean {
  if (!absent)
    try {
      fs.unlink(cached);
    } catch {
      // Not there (the usual case); any other failure makes the link fail too, and the caller's fallback replaces it.
    }
  if (published === null) return false;
  try {
    fs.link(published, cached);
    return true;
  } catch {
    return false;
  }
}

/**
 * Makes `cached` the file `published` (which holds `body`): the old entry is unlinked, never truncated, then linked.
 * Where a link cannot be made (another file system, no permission), or without `published`, `body` is written as a
 * new file instead.
 */
export function linkIntoCache(published: string | null, cached: string, body: Body, fs: LinkFs = realFs, options: { absent?: boolean } = {}): "linked" | "written" {
  if (replaceWithLink(published, cached, fs, options.absent)) return "linked";
  fs.write(cached, body);
  return "written";
}

/**
 * `linkIntoCache` for a page already written at `published` (by the page writer, src/site/page-writer.ts, which
 * gets no body to write): where the link cannot be made, the published file is copied into a new file instead.
 */
export function linkPublishedIntoCache(published: string, cached: string, fs: LinkFs = realFs, options: { absent?: boolean } = {}): "linked" | "copied" {
  if (replaceWithLink(published, cached, fs, options.absent)) return "linked";
  fs.copy(published, cached);
  return "copied";
}

/**
 * Puts the cached file at `destination` (whose folder exists) as a hard link, or as a copy where a link cannot be
 * made. "missing" when there is no cached file (the page is then rendered).
 */
export function linkFromCache(cached: string, destination: string, fs: LinkFs = realFs): "linked" | "copied" | "missing" {
  try {
    fs.link(cached, destination);
    return "linked";
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT" && !fs.exists(cached)) return "missing";
  }
  try {
    fs.copy(cached, destination);
    return "copied";
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "missing";
    throw error;
  }
}

/**
 * What one build's cache (one instance) has learnt: the folders it made (Astro's own set is private), and whether
 * its output and cache folders can share files.
 */
interface BuildState {
  dirs: Set<string>;
  /** True when this build made the cache's entry folder: no entry exists that was not written by this build. */
  freshCache?: boolean;
  /** Unknown until the first rendered page: does the output file hold the body Astro gave, and can it be linked? */
  canLink?: boolean;
}
const states = new WeakMap<object, BuildState>();
function stateOf(cache: object): BuildState {
  let state = states.get(cache);
  if (!state) states.set(cache, (state = { dirs: new Set() }));
  return state;
}

function ensureDir(state: BuildState, dir: string): void {
  if (state.dirs.has(dir)) return;
  mkdirSync(dir, { recursive: true });
  state.dirs.add(dir);
}

/** True when `file` holds `body` (read once per build, for the first rendered page). */
function holds(file: string, body: Body): boolean {
  try {
    return readFileSync(file).equals(typeof body === "string" ? Buffer.from(body, "utf8") : Buffer.from(body.buffer, body.byteOffset, body.byteLength));
  } catch {
    return false;
  }
}

/**
 * The cache entry's file name for an output path (Astro's `relativeOutFile`, e.g. `ar/articles/x/index.html`):
 * the path with every reserved character escaped, so distinct paths get distinct names; a path too long for a file
 * name is named by its digest after a `#`, which an escaped name never holds.
 */
export function cacheEntryName(outputFile: string): string {
  const name = encodeURIComponent(outputFile);
  return name.length <= MAX_ENTRY_NAME ? name : `#${createHash("sha256").update(outputFile).digest("hex")}`;
}

function cacheFolder(settings: AstroSettings): string {
  return join(fileURLToPath(settings.config.cacheDir), CACHE_OUTPUT_DIR);
}

function cachePath(settings: AstroSettings, outputFile: string): string {
  return join(cacheFolder(settings), cacheEntryName(outputFile));
}

/** Makes the entry folder once per build, noting whether it is new (then the old layout, if any, goes). */
function ensureCacheFolder(state: BuildState, settings: AstroSettings): void {
  if (state.freshCache !== undefined) return;
  const folder = cacheFolder(settings);
  state.freshCache = mkdirSync(folder, { recursive: true }) !== undefined;
  if (state.freshCache) rmSync(join(fileURLToPath(settings.config.cacheDir), ASTRO_OUTPUT_DIR), { recursive: true, force: true });
}

/** Replaces `writeOutputFile`, `restoreOutputFile` and `deleteOutputFile` of `proto` (an `IncrementalBuildCache.prototype`). */
export function patchCachePrototype(proto: CacheMethods & { [PATCHED]?: true }, fs: LinkFs = realFs): void {
  if (proto[PATCHED]) return;
  proto.writeOutputFile = async function (this: object, settings, outputFile, body) {
    const state = stateOf(this);
    const cached = cachePath(settings, outputFile);
    const published = fileURLToPath(new URL(outputFile, settings.config.outDir));
    ensureCacheFolder(state, settings);
    const options = { absent: state.freshCache };
    if (state.canLink === undefined) {
      // The first page checks the assumptions: the output path is where Astro wrote this body (another Astro might
      // not), and a link can be made there (not across file systems). Otherwise every page is written.
      const same = holds(published, body);
      if (!same) warnOnce(`${published} does not hold the page Astro rendered: its incremental cache keeps copies`);
      state.canLink = linkIntoCache(same ? published : null, cached, body, fs, options) === "linked";
      return;
    }
    // Where Astro's writer writes through the page writer, the link is its next job, made off this thread.
    const writer = state.canLink && fs === realFs ? installedPageWriter() : null;
    if (writer) return writer.linkIntoCache(published, cached, options.absent === true);
    linkIntoCache(state.canLink ? published : null, cached, body, fs, options);
  };
  // Astro prunes the entries of pages that are gone: they are in the flat folder now.
  proto.deleteOutputFile = async function (settings, outputFile) {
    rmSync(cachePath(settings, outputFile), { force: true });
  };
  proto.restoreOutputFile = async function (this: object, settings, outputFile, destination) {
    const target = fileURLToPath(destination);
    const cached = cachePath(settings, outputFile);
    const carry = carryOverFrom(process.env);
    if (carry) {
      // The published site has this very file (the cache entry, linked there by an earlier build): carried over,
      // nothing laid out (src/lib/carry-over.ts). Astro counts it as restored.
      const rel = relative(fileURLToPath(settings.config.outDir), target).split(sep).join("/");
      if (sameFile(cached, join(carry.published, rel))) {
        carry.files.push({ rel, source: cached });
        return true;
      }
    }
    ensureDir(stateOf(this), dirname(target));
    return linkFromCache(cached, target, fs) !== "missing";
  };
  proto[PATCHED] = true;
}

/**
 * `MARSAD_CARRY_FROM=<published folder>` with `MARSAD_CARRIED_FILES=<list file>` (set by `build` for a rebuild, see
 * publish.ts): an unchanged page that the published folder already holds is not restored into the output but listed,
 * and the list is written when the process exits, for the build to publish with. Null without them.
 */
interface CarryState {
  published: string;
  files: Array<{ rel: string; source: string }>;
}
let carryState: CarryState | null | undefined;
function carryOverFrom(env: NodeJS.ProcessEnv): CarryState | null {
  if (carryState !== undefined) return carryState;
  const published = env.MARSAD_CARRY_FROM;
  const listFile = env.MARSAD_CARRIED_FILES;
  if (!published || !listFile) return (carryState = null);
  const state: CarryState = { published, files: [] };
  process.on("exit", () => writeCarriedFiles(listFile, published, state.files));
  return (carryState = state);
}

let warned = false;
function warnOnce(text: string): void {
  if (warned) return;
  warned = true;
  // On stderr: the build reads the Astro child's stderr as warnings, shown and counted (src/cli/astro-build.ts).
  process.stderr.write(`marsad: ${text} (slower, still correct)\n`);
}

/**
 * Patches the `IncrementalBuildCache` of the Astro installed beside `from` (a file URL or path in the project), once
 * per process (not with `MARSAD_ASTRO_CACHE_COPIES=1`). Returns whether the cache now links.
 */
export async function linkAstroCache(from: string = import.meta.url, env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  if (env.MARSAD_ASTRO_CACHE_COPIES === "1") return false;
  let proto: unknown;
  try {
    const astroDir = dirname(realpathSync(createRequire(from).resolve("astro/package.json")));
    const mod = (await import(pathToFileURL(join(astroDir, "dist/core/build/incremental.js")).href)) as { IncrementalBuildCache?: { prototype?: unknown } };
    proto = mod.IncrementalBuildCache?.prototype;
  } catch {
    proto = undefined;
  }
  const methods = proto as Partial<CacheMethods> | undefined;
  if (!methods || typeof methods.writeOutputFile !== "function" || typeof methods.restoreOutputFile !== "function" || typeof methods.deleteOutputFile !== "function") {
    warnOnce("Astro's IncrementalBuildCache was not found (another Astro version?): its incremental cache keeps copies of every page");
    return false;
  }
  patchCachePrototype(methods as CacheMethods);
  return true;
}
