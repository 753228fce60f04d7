/**
 * Carrying unchanged files over from the published site instead of laying them out again.
 *
 * A rebuild stages its new site beside the published one and publishes it only once every stage has succeeded
 * (src/pipeline/publish.ts). Staging a complete tree meant hard-linking every unchanged page, search-bundle file and
 * card into a fresh folder, one folder per page: at 10,000 articles about 37,000 folders and 100,000 links, some 10 s
 * of a one-article rebuild that renders 800 pages (even `cp -al` of that tree takes 4.9 s of kernel time on the
 * reference VM). Instead, a stage about to put a cached file at `rel` first asks whether the published site already
 * has exactly that file there. If so the file is *carried*: nothing is written, and the staging folder holds only
 * what changed. Publishing then moves the staged files into the published folder and deletes what the new site no
 * longer has (`applyCarryOver` in publish.ts).
 *
 * "Exactly that file" means the same inode: the published file *is* the cache entry, linked there by an earlier
 * build. Every stage writes its cache entries and published files as new inodes, never in place (see
 * src/site/astro-cache-links.ts), so a shared inode holds the bytes the stage would publish.
 */
import { readFileSync, statSync, type BigIntStats } from "node:fs";
import { join } from "node:path";
import { CarriedFiles } from "../schemas/carried-files.ts";
import { writeFileAtomic } from "./atomic.ts";

/** A file's identity: its device and inode (bigint, so that no two inodes round to one number). */
export type FileId = Pick<BigIntStats, "dev" | "ino">;

/** True when `a` and `b` are one file (device and inode). */
export function sameFile(a: string | FileId, b: string | FileId): boolean {
  try {
    const x = typeof a === "string" ? statSync(a, { bigint: true }) : a;
    const y = typeof b === "string" ? statSync(b, { bigint: true }) : b;
    return x.ino === y.ino && x.dev === y.dev;
  } catch {
    return false;
  }
}

/** The files of one build carried over from the published folder, by their path in the site. */
export class CarryOver {
  readonly #files = new Map<string, string>();
  /** The published site (`dist/`). */
  readonly published: string;
  /** The folder the build stages its new and changed files in. */
  readonly staging: string;
  /** How the build was published (set by publish.ts): staged files moved in, or the whole tree swapped, and why. */
  outcome?: { how: "moved" | "swapped"; staged: number; deleted: number; why?: string };

  constructor(published: string, staging: string) {
    this.published = published;
    this.staging = staging;
  }

  /**
   * Carries `rel` (`/`-separated, relative to the site) when the published file there is `source` (the cache entry
   * the stage would put there); returns whether it did. Nothing is carried from a missing or different file.
   */
  carry(rel: string, source: string, sourceStat?: FileId): boolean {
    if (!sameFile(sourceStat ?? source, join(this.published, rel))) return false;
    this.#files.set(rel, source);
    return true;
  }

  /** Records files found carried elsewhere (by the Astro child, see `readCarriedFiles`). */
  add(files: Iterable<{ rel: string; source: string }>): void {
    for (const { rel, source } of files) this.#files.set(rel, source);
  }

  has(rel: string): boolean {
    return this.#files.has(rel);
  }

  /** Where the new site's file `rel` is while the build runs: in the published folder if carried, else staged. */
  pathOf(rel: string): string {
    return join(this.#files.has(rel) ? this.published : this.staging, rel);
  }

  /** Each carried file's path in the site and the cache entry it is. */
  entries(): IterableIterator<[rel: string, source: string]> {
    return this.#files.entries();
  }

  get size(): number {
    return this.#files.size;
  }
}

/** Writes the list of files carried from `published` (a new file, renamed into place). */
export function writeCarriedFiles(file: string, published: string, files: ReadonlyArray<{ rel: string; source: string }>): void {
  const list: CarriedFiles = { version: 1, published, files: [...files] };
  writeFileAtomic(file, JSON.stringify(list), { flush: false });
}

/**
 * The files a list carries from `published`; none when there is no list, and an error naming the file when it is
 * not one (a build must then not publish: it would delete the pages the list should have kept). No list means
 * nothing was carried: the Astro child writes one as soon as it carries a page, and a list it fails to write fails
 * the child (an exception in its exit handler), hence the build.
 */
export function readCarriedFiles(file: string, published: string): Array<{ rel: string; source: string }> {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  let parsed: ReturnType<typeof CarriedFiles.safeParse>;
  try {
    parsed = CarriedFiles.safeParse(JSON.parse(text));
  } catch (error) {
    throw new Error(`${file}: not a list of carried files (${(error as Error).message})`);
  }
  if (!parsed.success) throw new Error(`${file}: not a list of carried files (${parsed.error.issues[0]?.message ?? "invalid"})`);
  if (parsed.data.published !== published) throw new Error(`${file}: lists files of ${parsed.data.published}, not of ${published}`);
  return parsed.data.files;
}
