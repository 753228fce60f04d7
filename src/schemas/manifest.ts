/**
 * Schema of the ingest manifest, `content/articles/.manifest.json` (read and written by src/pipeline/manifest.ts):
 * what each raw input produced and the hash of every article file as ingest last wrote it.
 */
import { z } from "zod";
import { SourceRef } from "./article.ts";

export const ManifestInput = z.object({
  /** `inputHash` of the input (src/pipeline/plan-ingest.ts): its bytes, with its sidecar and the templates file. */
  hash: z.string(),
  /** Ids of the articles the input produced. */
  articles: z.array(z.string()).default([]),
  /** Why the input produced nothing, when it did not. */
  skipped: z.string().optional(),
});

export const ManifestArticle = z.object({
  /** sha256 of the file text as ingest wrote it. */
  written: z.string(),
  /** The article's dedupe key (src/lib/identity.ts), to recognise the same article in later inputs. */
  key: z.string(),
  sources: z.array(SourceRef),
});

export const Manifest = z.object({
  version: z.literal(1),
  /** `pipelineFingerprint` of the run that wrote it. */
  pipeline: z.string(),
  /** Keyed by input path relative to the repository root. */
  inputs: z.record(z.string(), ManifestInput).default({}),
  articles: z.record(z.string(), ManifestArticle).default({}),
});
export type Manifest = z.infer<typeof Manifest>;
