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
import { moduleSources } from "../lib/code-version.ts";
import { Manifest } from "../schemas/manifest.ts";

export const MANIFEST_NAME = ".manifest.json";
/** Bump when the manifest's own meaning changes. */
const MANIFEST_FORMAT = 1;

/**
 * Fingerprint of everything that decides what ingest produces: the code the ingest run imports (cleaner, tagger,
 * stories, events) with the lexicons it reads, and the knowledge base. When it changes, every input is processed
 * again (hand-edited articles are still kept). Followed from the imports, not a folder list, so that a change to
 * the site's or the cards' code (a theme schema, a card spec) does not re-ingest the inbox.
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
  for (const href of moduleSources(new URL("./ingest-run.ts", import.meta.url))) {
    const path = fileURLToPath(href);
    hash.update(path.slice(src.length)).update(readFileSync(path));
  }
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
