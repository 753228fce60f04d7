/**
 * Outlet templates: lines an outlet prints on page after page (its menus, prompts, widget labels) are furniture
 * on its other pages too, including ones the line rules do not catch.
 *
 * Learning (pure, {@link learnTemplates}): every cleaned page reports its outlet and its leftover lines (short
 * lines that went into no article). Per outlet, a line left over on at least `templates.minPages` pages and on
 * `templates.minShare` of them, and never part of an article on any page of the outlet, is furniture.
 * `briefing templates` learns from the inbox and writes `content/outlets/templates.yaml`.
 * Use ({@link applyTemplate}): on a page of a known outlet, headings and short lines of its template are junk
 * before articles are assembled. The file is read once per process ({@link defaultTemplates}); an unreadable
 * file is reported once and ignored (extraction must not depend on it).
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse, stringify } from "yaml";
import { OutletTemplatesFile } from "../schemas/outlet-templates.ts";
import type { ClassifiedLine } from "./classify.ts";
import { SETTINGS } from "./settings.ts";
import { fold } from "./text.ts";

/** Folded furniture lines per outlet key. */
export type OutletTemplates = ReadonlyMap<string, ReadonlySet<string>>;

/** What one cleaned page contributes to learning. */
export interface TemplateSample {
  outlet: string;
  /** Distinct short headline-like lines of the page other than its titles (verbatim). */
  leftover: string[];
  /** Folded titles of the page's articles: a line that is a title anywhere is never furniture. */
  used: string[];
  /** Folded start of the page's main text: copies of one article count as one page. */
  signature: string;
}

const T = SETTINGS.templates;

/** The outlet a page belongs to: its address's host (without "www."), else its masthead or site name, folded. */
export function outletKey(url: string | null | undefined, name: string | null | undefined): string | null {
  if (url) {
    const host = /^https?:\/\/([^/?#:]+)/iu.exec(url)?.[1]?.toLowerCase().replace(/^www\./u, "");
    if (host) return host;
  }
  const key = name ? fold(name) : "";
  return key === "" ? null : key;
}

/** True for a line short enough to be learned as furniture (long lines are text, even when repeated). */
export function templateCandidate(line: Pick<ClassifiedLine, "words" | "key">): boolean {
  return line.key !== "" && line.words >= 1 && line.words <= T.lineMaxWords && /\p{L}/u.test(line.key);
}

/** Learns templates from page samples: the file's content, outlets and lines in a stable order. */
export function learnTemplates(samples: readonly TemplateSample[]): OutletTemplatesFile {
  const byOutlet = new Map<string, TemplateSample[]>();
  for (const s of samples) byOutlet.set(s.outlet, [...(byOutlet.get(s.outlet) ?? []), s]);
  const outlets: OutletTemplatesFile["outlets"] = [];
  for (const [outlet, pages] of [...byOutlet].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    // Copies of one article (one text scraped twice) are one page: their crossheads are not the outlet's.
    const distinct = [...new Map(pages.map((p) => [p.signature || `#${pages.indexOf(p)}`, p])).values()];
    if (distinct.length < T.minPages) continue;
    const used = new Set(distinct.flatMap((p) => p.used));
    const counts = new Map<string, { text: string; n: number }>();
    for (const page of distinct) {
      const seen = new Set<string>();
      for (const text of page.leftover) {
        const key = fold(text);
        if (seen.has(key) || used.has(key)) continue;
        seen.add(key);
        const c = counts.get(key) ?? { text, n: 0 };
        c.n++;
        counts.set(key, c);
      }
    }
    const need = Math.max(T.minPages, Math.ceil(distinct.length * T.minShare));
    const lines = [...counts.values()].filter((c) => c.n >= need).map((c) => c.text).sort();
    if (lines.length > 0) outlets.push({ outlet, pages: distinct.length, lines });
  }
  return { version: 1, outlets };
}

/** Templates from the file's content (keys folded). */
export function compileTemplates(file: OutletTemplatesFile): OutletTemplates {
  return new Map(file.outlets.map((o) => [o.outlet, new Set(o.lines.map(fold))]));
}

/** Parses the templates file; throws with the file name and the field on bad content. */
export function parseTemplatesFile(text: string, file: string): OutletTemplatesFile {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new Error(`${file}: not valid YAML: ${(error as Error).message.split("\n")[0]}`);
  }
  const parsed = OutletTemplatesFile.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: field \`${issue?.path.join(".") ?? "?"}\`: ${issue?.message ?? "invalid"}`);
  }
  return parsed.data;
}

/** The file's text, with a header saying what it is. */
export function serializeTemplatesFile(file: OutletTemplatesFile): string {
  return (
    "# Furniture learned per outlet from the inbox by `briefing templates` (src/ingest/templates.ts): lines an\n" +
    "# outlet prints on many of its pages and never inside an article. Safe to delete; learn again any time.\n" +
    stringify(OutletTemplatesFile.parse(file), { lineWidth: 0 })
  );
}

/** Where the templates file lives in a content folder. */
export function templatesPath(contentDir: string): string {
  return join(contentDir, "outlets", "templates.yaml");
}

let loaded: { templates: OutletTemplates; problem: string | null } | null = null;

/**
 * The templates of the content folder this process works on (`MARSAD_CONTENT_DIR`, else `content/`), read once.
 * Worker threads read the same file, so their output equals the main thread's.
 */
export function defaultTemplates(): { templates: OutletTemplates; problem: string | null } {
  if (loaded) return loaded;
  const path = templatesPath(resolve(process.env.MARSAD_CONTENT_DIR ?? "content"));
  loaded = { templates: new Map(), problem: null };
  if (!existsSync(path)) return loaded;
  try {
    loaded = { templates: compileTemplates(parseTemplatesFile(readFileSync(path, "utf8"), path)), problem: null };
  } catch (error) {
    loaded = { templates: new Map(), problem: `${(error as Error).message}; outlet templates ignored` };
  }
  return loaded;
}

/**
 * Marks the page's lines its outlet's template names as junk (headings, list items and short paragraphs only:
 * cues, dates and bylines keep their meaning). Returns how many lines it marked.
 */
export function applyTemplate(lines: ClassifiedLine[], template: ReadonlySet<string> | undefined): number {
  if (!template || template.size === 0) return 0;
  let n = 0;
  for (const l of lines) {
    if (!templateCandidate(l) || !template.has(l.key)) continue;
    if (l.kind === "heading" || l.kind === "bullet" || l.kind === "prose") {
      l.kind = "junk";
      n++;
    }
  }
  return n;
}
