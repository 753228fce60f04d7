/**
 * One small cache abstraction: values stored as JSON files named by a digest of their inputs and of a code version,
 * written atomically. A changed input or changed code is a different name, so nothing is ever invalidated by hand;
 * a missing, corrupt or unwritable entry costs only the work it would have saved. The whole folder may be deleted
 * at any time. Used by the knowledge-base parse cache (content/actors-file.ts); the card cache (cards/build.ts)
 * keys PNG files the same way with its own key. Caches of a fixed name (the article cache's shards, ingest's input
 * stamps, the search stage's page stamps) read and write their file with `readCacheFile` / `writeCacheFile`, or, for
 * the large ones, in V8's serialisation format with `readCacheValue` (see there why).
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { deserialize, serialize } from "node:v8";
import { join } from "node:path";
import type { z } from "zod";
import { writeFileAtomic } from "./atomic.ts";

/**
 * A cache file read and checked against `schema`: its data (and text), or why there is none: "missing" (never
 * written, or removed), "invalid" (corrupt, cut short, or of another shape). Either costs only the work it saves.
 */
export function readCacheFile<S extends z.ZodType>(file: string, schema: S): { data: z.infer<S>; text: string } | "missing" | "invalid" {
  const read = readChecked(file, schema, () => readFileSync(file, "utf8"), JSON.parse);
  return typeof read === "string" ? read : { data: read.data, text: read.raw };
}

/** A cache file read (`load`), decoded and checked against `schema`, or why there is none (see `readCacheFile`). */
function readChecked<S extends z.ZodType, R>(file: string, schema: S, load: () => R, decode: (raw: R) => unknown): { data: z.infer<S>; raw: R } | "missing" | "invalid" {
  let raw: R;
  try {
    raw = load();
  } catch {
    return "missing";
  }
  try {
    const parsed = schema.safeParse(decode(raw));
    return parsed.success ? { data: parsed.data, raw } : "invalid";
  } catch {
    return "invalid";
  }
}

/**
 * `readCacheFile` for a file of `cacheValueBytes`: V8's serialisation format (`node:v8`) instead of JSON.
 * Why: the article cache is about 100 MB at 10,000 articles, mostly Arabic text, and is read by ingest and by the
 * site build of every rebuild. As JSON, decoding the UTF-8 and parsing took 0.8–1.1 s a read; deserialised, 0.4 s
 * (strings are stored as they are held in memory). A file from another Node version that V8 cannot read is
 * "invalid", like a corrupt one: a miss.
 */
export function readCacheValue<S extends z.ZodType>(file: string, schema: S): { data: z.infer<S> } | "missing" | "invalid" {
  const read = readChecked(file, schema, () => readFileSync(file), deserialize);
  return typeof read === "string" ? read : { data: read.data };
}

/** The bytes `readCacheValue` reads back as `value` (plain data: objects, arrays, strings, numbers). */
export function cacheValueBytes(value: unknown): Buffer {
  return serialize(value);
}

/** Writes a cache file atomically, unflushed (after a power cut it may come back empty: a miss); false when it could not. */
export function writeCacheFile(file: string, text: string): boolean {
  try {
    writeFileAtomic(file, text, { flush: false });
    return true;
  } catch {
    return false;
  }
}

/** A short stable name (12 hex characters) for what belongs to one folder, from its path: a cache or staging folder's. */
export function folderKey(path: string): string {
  return digestKey(path).slice(0, 12);
}

/** Hex digest (32 characters) of `parts` in order: the name of a cache entry. */
export function digestKey(...parts: ReadonlyArray<string | Uint8Array>): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part);
  return hash.digest("hex").slice(0, 32);
}

export interface DigestCache<T> {
  /** The stored value for `inputs`, else `compute()` (then stored; a write that fails is ignored). */
  through(inputs: ReadonlyArray<string | Uint8Array>, compute: () => T): T;
  /** The file an entry for `inputs` lives in. */
  fileFor(inputs: ReadonlyArray<string | Uint8Array>): string;
}

export interface DigestCacheOptions<T> {
  /** Folder of the entries (created on the first write). */
  dir: string;
  /** Version of the code that computes the values (`moduleVersion`): part of every key. */
  version: string;
  /** Whether a stored value is usable (a cheap shape check); a rejected one is computed again. */
  accept: (value: unknown) => value is T;
}

/** A JSON cache in `dir`, keyed by the digest of the code version and the inputs. */
export function digestCache<T>(options: DigestCacheOptions<T>): DigestCache<T> {
  const fileFor = (inputs: ReadonlyArray<string | Uint8Array>): string => join(options.dir, `${digestKey(options.version, ...inputs)}.json`);
  return {
    fileFor,
    through(inputs, compute) {
      const file = fileFor(inputs);
      try {
        const stored: unknown = JSON.parse(readFileSync(file, "utf8"));
        if (options.accept(stored)) return stored;
      } catch {
        // absent or unreadable: compute
      }
      const value = compute();
      try {
        // Not flushed: after a power cut an entry may come back empty, which reads as a miss.
        writeFileAtomic(file, JSON.stringify(value), { flush: false });
      } catch {
        // a read-only or full cache only costs speed
      }
      return value;
    },
  };
}
