/**
 * Framework-free readers behind the Astro collection loaders: the loaders in src/content.config.ts are a few lines
 * around these, so the same reading is used by tests and by anything else that needs the site's input.
 *
 * A bad article file is reported and skipped: one broken file must not stop the briefing for all the others.
 * A bad knowledge-base file stops the build, because actor pages and links would silently change meaning.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadActors } from "../content/actors-file.ts";
import { parseArticle } from "../content/article-file.ts";
import type { Actor } from "../schemas/actor.ts";
import type { Article } from "../schemas/article.ts";

export interface ReadReport {
  warn(message: string): void;
}

/** Every `*.md` article under `dir`, sorted by file name; missing dir = no articles. */
export function readArticles(dir: string, report: ReadReport): Article[] {
  if (!existsSync(dir)) {
    report.warn(`${dir}: no articles directory; the site will have no articles. Run ingest first.`);
    return [];
  }
  const out: Article[] = [];
  const ids = new Set<string>();
  for (const name of readdirSync(dir).filter((f) => f.endsWith(".md")).sort()) {
    const file = join(dir, name);
    try {
      const article = parseArticle(readFileSync(file, "utf8"), file);
      if (ids.has(article.id)) {
        report.warn(`${file}: article id \`${article.id}\` is used by another file; skipped. Rename one of them.`);
        continue;
      }
      ids.add(article.id);
      out.push(article);
    } catch (error) {
      report.warn(`${(error as Error).message} (file skipped; fix it and rebuild)`);
    }
  }
  return out;
}

/** The actor knowledge base under `dir`; missing dir = no curated actors. Throws on invalid entries. */
export function readActors(dir: string): Actor[] {
  return existsSync(dir) ? loadActors(dir) : [];
}
