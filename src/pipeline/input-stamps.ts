/**
 * What ingest learnt of each raw input at its last run, kept in the cache (`<cacheDir>/ingest/inputs-<key>.json`):
 * the stat signature of the page and of the places its sidecar may be (see read-content.ts `editedSignature`), and the
 * `inputHash` they gave. An input whose signature is unchanged is not read and hashed again (every one of 5,437
 * pages was, for a one-page ingest). Not in the manifest: the manifest is content an editor may keep in version
 * control, and inode numbers and change times are this machine's. The hash of the templates file is recorded too:
 * it is part of every input's hash. The cache may be deleted at any time: every input is then read once.
 */
import { createHash } from "node:crypto";
import { lstatSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { editedSignature } from "../content/read-content.ts";
import { folderKey, readCacheFile, writeCacheFile } from "../lib/cache.ts";
import { sidecarCandidates } from "./read-inputs.ts";

const InputStampsFile = z.object({
  version: z.literal(1),
  /** sha256 of the templates file the hashes were made with ("-": none). */
  templates: z.string(),
  /** By input key (as in the manifest): the signature and the input hash it gave. */
  inputs: z.record(z.string(), z.object({ stat: z.string(), hash: z.string() })),
});
export type InputStamp = { stat: string; hash: string };

/** The file of the inputs stamps of one content folder. */
export function inputStampsFile(cacheDir: string, contentDir: string): string {
  return join(cacheDir, "ingest", `inputs-${folderKey(contentDir)}.json`);
}

/** The digest of the templates file's bytes as recorded ("-" when there is none). */
export function templatesDigest(templates: Uint8Array | null): string {
  return templates ? createHash("sha256").update(templates).digest("hex") : "-";
}

/**
 * The stamps recorded with this templates digest; none when the file is missing or was made with other templates,
 * and none with a warning when it is unreadable.
 */
export function readInputStamps(file: string, templates: string, warn: (message: string) => void): Map<string, InputStamp> {
  const read = readCacheFile(file, InputStampsFile);
  if (read === "missing") return new Map();
  if (read === "invalid") {
    warn(`${file}: unreadable input stamps (ignored: every input is read again)`);
    return new Map();
  }
  return read.data.templates === templates ? new Map(Object.entries(read.data.inputs)) : new Map();
}

/** Writes the stamps; one that cannot be written costs only the next run's reading. */
export function writeInputStamps(file: string, templates: string, stamps: ReadonlyMap<string, InputStamp>): void {
  writeCacheFile(file, JSON.stringify({ version: 1, templates, inputs: Object.fromEntries(stamps) } satisfies z.infer<typeof InputStampsFile>));
}

/**
 * The signature of the page at `path` and of each place its sidecar may be ("-" where there is nothing); undefined
 * when one of them changed too recently to be trusted (then the page is read and hashed, as without stamps).
 */
export function inputSignature(path: string, now: number): string | undefined {
  const parts: string[] = [];
  for (const file of [path, ...sidecarCandidates(path)]) {
    let stat;
    try {
      stat = lstatSync(file, { bigint: true });
    } catch {
      if (file === path) return undefined;
      parts.push("-");
      continue;
    }
    const signature = editedSignature(stat, now);
    if (signature === undefined) return undefined;
    parts.push(signature);
  }
  return parts.join("|");
}
