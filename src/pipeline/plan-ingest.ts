/**
 * Plans what `ingest` writes, without writing anything (changesets style: plan, then apply in one place).
 *
 * For every article id it decides: write (new or changed and not hand-edited), keep (identical), or conflict
 * (the file on disk was edited by hand since ingest wrote it, and the new text differs: never overwritten).
 */
import { createHash } from "node:crypto";
import { articleFile } from "../content/article-file.ts";
import { articleKey } from "../lib/identity.ts";
import type { RawPage } from "../ingest/index.ts";
import type { Article, ExtractedArticle, SourceRef } from "../schemas/article.ts";
import type { Manifest } from "../schemas/manifest.ts";

export const sha256 = (data: string | Uint8Array): string => createHash("sha256").update(data).digest("hex");

/**
 * The content hash that decides whether an input is cleaned again: everything outside the code and knowledge
 * base (those are `pipelineFingerprint`'s) that shaped its articles. The page's bytes; its scraper sidecar (name
 * and bytes: it gives the url, date and outlet); and the outlet templates file (`content/outlets/templates.yaml`:
 * learned furniture is dropped from pages). A page with neither hashes as its bytes alone, as before sidecars and
 * templates existed. Changing a sidecar re-cleans its page; changing the templates file re-cleans every page (the
 * outlet of a page is only known after cleaning it, and templates change only when `templates` is run).
 */
export function inputHash(page: { bytes: Uint8Array; sidecar?: RawPage["sidecar"] }, templates: Uint8Array | null): string {
  if (!page.sidecar && !templates) return sha256(page.bytes);
  const h = createHash("sha256").update(page.bytes);
  // Each part after a tag and its length, so that no two different inputs give the same stream.
  if (page.sidecar) {
    h.update(`\0sidecar:${page.sidecar.file}:${page.sidecar.bytes.byteLength}\0`).update(page.sidecar.bytes);
  }
  if (templates) h.update(`\0templates:${templates.byteLength}\0`).update(templates);
  return h.digest("hex");
}

export interface PlannedWrite {
  id: string;
  path: string;
  text: string;
  /** What reading `text` back gives (see `articleFile`). */
  article: Article;
}
export interface Conflict {
  id: string;
  path: string;
  reason: string;
}
export interface IngestPlan {
  writes: PlannedWrite[];
  unchanged: string[];
  /** Files edited by hand whose generated text has not changed: kept, nothing to report. */
  edited: string[];
  conflicts: Conflict[];
  manifest: Manifest;
}

/** The article as stored: the extract record without per-file position fields. */
export function toStoredArticle(a: ExtractedArticle, sources: SourceRef[]): Article {
  const { file: _file, index: _index, ...rest } = a;
  return { ...rest, sources };
}

/**
 * @param articles   freshly extracted articles of the changed inputs (copies share an id)
 * @param processed  input key → hash and article ids (or skip reason) for the changed inputs
 * @param readCurrent returns the current text of an article file, or undefined when absent
 */
export function planIngest(input: {
  articles: ExtractedArticle[];
  processed: Record<string, { hash: string; articles: string[]; skipped?: string }>;
  manifest: Manifest;
  pathFor: (id: string) => string;
  readCurrent: (path: string) => string | undefined;
}): IngestPlan {
  const manifest: Manifest = structuredClone(input.manifest);
  const byKey = new Map<string, string>();
  for (const [id, entry] of Object.entries(manifest.articles)) byKey.set(entry.key, id);

  // Group copies by id, and map a copy of an already stored article (same fingerprint) onto its id.
  const groups = new Map<string, ExtractedArticle[]>();
  const rename = new Map<string, string>();
  const keyOf = new Map<ExtractedArticle, string>();
  for (const a of input.articles) {
    const key = articleKey(a);
    keyOf.set(a, key);
    const known = byKey.get(key);
    const id = known ?? a.id;
    if (known && known !== a.id) rename.set(a.id, known);
    if (!byKey.has(key)) byKey.set(key, id);
    const list = groups.get(id) ?? [];
    list.push(a);
    groups.set(id, list);
  }
  for (const [key, entry] of Object.entries(input.processed)) {
    manifest.inputs[key] = { ...entry, articles: [...new Set(entry.articles.map((id) => rename.get(id) ?? id))] };
  }

  const writes: PlannedWrite[] = [];
  const unchanged: string[] = [];
  const conflicts: Conflict[] = [];
  const edited: string[] = [];
  for (const [id, copies] of groups) {
    const first = copies[0]!;
    const sources = mergeSources([...(manifest.articles[id]?.sources ?? []), ...copies.flatMap((c) => c.sources)]);
    const { article, text } = articleFile(toStoredArticle({ ...first, id }, sources));
    const path = input.pathFor(id);
    const current = input.readCurrent(path);
    const recorded = manifest.articles[id]?.written;
    const entry = { written: sha256(text), key: keyOf.get(first)!, sources };
    if (current === undefined) {
      writes.push({ id, path, text, article });
      manifest.articles[id] = entry;
    } else if (current === text) {
      unchanged.push(id);
      manifest.articles[id] = entry;
    } else if (recorded !== undefined && sha256(current) === recorded) {
      writes.push({ id, path, text, article });
      manifest.articles[id] = entry;
    } else if (recorded !== undefined && recorded === entry.written) {
      // Edited by hand, and ingest would write what it wrote before: the edit is the only change. Keep it.
      edited.push(id);
    } else {
      conflicts.push({ id, path, reason: "edited by hand since ingest wrote it; kept as is (delete the file to regenerate it)" });
    }
  }
  return { writes, unchanged, edited, conflicts, manifest };
}

function mergeSources(list: SourceRef[]): SourceRef[] {
  const seen = new Set<string>();
  const out: SourceRef[] = [];
  for (const s of list) {
    const k = `${s.file}#${s.index}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(s);
  }
  return out;
}
