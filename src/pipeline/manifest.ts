/**
 * The ingest manifest, `content/articles/.manifest.json`: what each raw input produced and the hash of every
 * article file as ingest last wrote it. It makes ingest incremental (unchanged inputs are not re-processed) and
 * lets it recognise hand edits (a file whose hash differs from the one recorded was changed by an editor).
 * Deleting it is safe: the next run re-processes everything and adopts identical files.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Manifest } from "../schemas/manifest.ts";

export const MANIFEST_NAME = ".manifest.json";
/** Bump when the manifest's own meaning changes. */
const MANIFEST_FORMAT = 1;

/**
 * Fingerprint of everything that decides what ingest produces: the cleaner and tagger code with their lexicons,
 * and the knowledge base. When it changes, every input is processed again (hand-edited articles are still kept).
 */
export function pipelineFingerprint(contentDir: string): string {
  const hash = createHash("sha256").update(String(MANIFEST_FORMAT));
  const src = fileURLToPath(new URL("..", import.meta.url));
  const walk = (dir: string): void => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|ya?ml|json)$/.test(name)) hash.update(name).update(readFileSync(path));
    }
  };
  for (const dir of ["lib", "text", "ingest", "entities", "stories", "events", "pipeline", "schemas"]) walk(join(src, dir));
  for (const dir of ["actors", "countries"]) walk(join(contentDir, dir));
  return hash.digest("hex").slice(0, 16);
}

export function emptyManifest(pipeline = ""): Manifest {
  return { version: 1, pipeline, inputs: {}, articles: {} };
}

/** Reads the manifest; a missing, corrupt or outdated one yields an empty manifest and a warning. */
export function readManifest(path: string, pipeline: string): { manifest: Manifest; warning?: string } {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return { manifest: emptyManifest(pipeline) };
  }
  try {
    const manifest = Manifest.parse(JSON.parse(text));
    // Keep the written hashes: hand-edit detection must survive a pipeline change.
    if (manifest.pipeline !== pipeline)
      return { manifest: { ...emptyManifest(pipeline), articles: manifest.articles }, warning: "the cleaner, tagger or knowledge base changed since the last run: every input is processed again" };
    return { manifest };
  } catch (error) {
    return { manifest: emptyManifest(pipeline), warning: `${path}: unreadable manifest (${(error as Error).message.split("\n")[0]}); every input is processed again` };
  }
}
