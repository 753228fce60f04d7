/**
 * The ingest manifest, `content/articles/.manifest.json`: what each raw input produced and the hash of every
 * article file as ingest last wrote it. It makes ingest incremental (unchanged inputs are not re-processed) and
 * lets it recognise hand edits (a file whose hash differs from the one recorded was changed by an editor).
 * Deleting it is safe: the next run re-processes everything and adopts identical files.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { SourceRef } from "../schemas/article.ts";

export const MANIFEST_NAME = ".manifest.json";
/** Bump when the cleaner or tagger changes what they produce, so every input is processed again. */
export const PIPELINE_VERSION = 1;

export const ManifestInput = z.object({
  /** sha256 of the raw bytes. */
  hash: z.string(),
  /** Ids of the articles the input produced. */
  articles: z.array(z.string()).default([]),
  /** Why the input produced nothing, when it did not. */
  skipped: z.string().optional(),
});

export const ManifestArticle = z.object({
  /** sha256 of the file text as ingest wrote it. */
  written: z.string(),
  /** Content fingerprint used to recognise the same article in later inputs. */
  key: z.string(),
  sources: z.array(SourceRef),
});

export const Manifest = z.object({
  version: z.literal(1),
  pipeline: z.number().int(),
  /** Keyed by input path relative to the repository root. */
  inputs: z.record(z.string(), ManifestInput).default({}),
  articles: z.record(z.string(), ManifestArticle).default({}),
});
export type Manifest = z.infer<typeof Manifest>;

export function emptyManifest(): Manifest {
  return { version: 1, pipeline: PIPELINE_VERSION, inputs: {}, articles: {} };
}

/** Reads the manifest; a missing, corrupt or outdated one yields an empty manifest and a warning. */
export function readManifest(path: string): { manifest: Manifest; warning?: string } {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return { manifest: emptyManifest() };
  }
  try {
    const manifest = Manifest.parse(JSON.parse(text));
    if (manifest.pipeline !== PIPELINE_VERSION) return { manifest: { ...emptyManifest(), articles: manifest.articles }, warning: "pipeline changed since the last run: every input is processed again" };
    return { manifest };
  } catch (error) {
    return { manifest: emptyManifest(), warning: `${path}: unreadable manifest (${(error as Error).message.split("\n")[0]}); every input is processed again` };
  }
}
