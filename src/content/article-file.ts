/**
 * The on-disk form of a cleaned article: `content/articles/<id>.md`, YAML frontmatter validated by
 * `ArticleFrontmatter`, then the body paragraphs separated by blank lines.
 *
 * The body is plain text, kept verbatim: the site never interprets it as Markdown or HTML, so scraped text
 * that looks like markup stays inert. Paragraphs never contain line breaks (ingest splits on lines).
 */
import { parse } from "yaml";
import { emitFrontmatter, type FrontmatterValue } from "./frontmatter-yaml.ts";
import { Article, ArticleFrontmatter } from "../schemas/article.ts";
import { ContentError } from "../lib/errors.ts";

/**
 * An article as its `.md` file stores it: `text`, and `article`, exactly what `parseArticle(text)` gives back
 * (validated, keys in schema order, each paragraph on one line). Writers that keep a parsed copy (the site's
 * article cache) use `article` instead of reading the file they just wrote. Key order follows the schema, so the
 * text is stable.
 */
export function articleFile(article: Article): { article: Article; text: string } {
  const { body, ...rest } = Article.parse(article);
  const front = ArticleFrontmatter.parse(rest);
  const paragraphs = body.map((p) => p.replace(/\s*[\r\n]+\s*/g, " ").trim()).filter(Boolean);
  const yaml = emitFrontmatter(front as { [key: string]: FrontmatterValue });
  return { article: { ...front, body: paragraphs }, text: `---\n${yaml}---\n\n${paragraphs.join("\n\n")}\n` };
}

/** Renders an article as the text of its `.md` file. */
export function serializeArticle(article: Article): string {
  return articleFile(article).text;
}

/** Parses the text of an article file; throws `ContentError` naming the file (and line) on bad input. */
export function parseArticle(text: string, file: string): Article {
  const src = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (!src.startsWith("---\n")) throw new ContentError(file, "missing frontmatter: the file must start with a line `---`", 1);
  const end = src.indexOf("\n---\n", 3);
  if (end < 0) throw new ContentError(file, "frontmatter is not closed by a line `---`", 1);
  let data: unknown;
  try {
    data = parse(src.slice(4, end + 1));
  } catch (error) {
    const line = (error as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line;
    throw new ContentError(file, `frontmatter is not valid YAML: ${(error as Error).message.split("\n")[0]}`, line ? line + 1 : undefined);
  }
  const front = ArticleFrontmatter.safeParse(data);
  if (!front.success) {
    // Every problem, each with the line of its top-level key (the frontmatter starts on line 2 of the file).
    const yamlLines = src.slice(4, end + 1).split("\n");
    const lineOf = (key: unknown) => {
      const i = typeof key === "string" ? yamlLines.findIndex((l) => l.startsWith(`${key}:`)) : -1;
      return i < 0 ? undefined : i + 2;
    };
    const issues = front.error.issues.map((issue) => {
      const field = issue.code === "unrecognized_keys" ? [...issue.path, ...issue.keys].join(".") : issue.path.join(".");
      const line = lineOf(issue.code === "unrecognized_keys" && issue.path.length === 0 ? issue.keys[0] : issue.path[0]);
      return `frontmatter field \`${field || "?"}\`: ${issue.message}${line ? ` (line ${line})` : ""}`;
    });
    throw new ContentError(file, issues.join("; "));
  }
  return { ...front.data, body: bodyAfter(src, end) };
}

/** The paragraphs after the frontmatter that closes at `end` (the offset of its closing `\n---`): blank-line separated. */
export function bodyAfter(src: string, end: number): string[] {
  return src
    .slice(end + 5)
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}
