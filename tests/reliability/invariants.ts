/**
 * What must hold for any output of the cleaner and the tagger, whatever the input. Each check returns a list of
 * problems (empty = fine) instead of throwing, so the fuzzer can count and save failures and the property tests can
 * print them.
 */
import type { TagResult } from "../../src/entities/index.ts";
import type { CleanArticle, PageResult } from "../../src/ingest/index.ts";
import { articleId } from "../../src/lib/identity.ts";
import { ExtractedArticle } from "../../src/schemas/article.ts";

/** Problems with the shape of a `cleanPage` result. */
export function pageResultProblems(result: PageResult): string[] {
  if (result === null || typeof result !== "object") return [`result is ${String(result)}`];
  if (result.ok === false) return typeof result.reason === "string" && result.reason.trim().length > 0 ? [] : [`skipped without a reason: ${JSON.stringify(result)}`];
  if (result.ok !== true) return [`result.ok is ${String((result as { ok: unknown }).ok)}`];
  const problems: string[] = [];
  if (!Array.isArray(result.articles)) return ["articles is not an array"];
  if (!Array.isArray(result.warnings) || result.warnings.some((w) => typeof w !== "string")) problems.push("warnings are not strings");
  result.articles.forEach((a, i) => {
    if (a.index !== i) problems.push(`article ${i} has index ${a.index}`);
    if (a.body.length === 0) problems.push(`article ${i} has an empty body`);
    for (const [k, p] of a.body.entries()) {
      if (typeof p !== "string" || p.trim() === "") problems.push(`article ${i} paragraph ${k} is blank`);
      else if (/[\r\n]/.test(p)) problems.push(`article ${i} paragraph ${k} contains a line break`);
    }
    for (const field of ["title", "subtitle", "source", "author", "dateline"] as const) {
      const v = a[field];
      if (v !== null && (typeof v !== "string" || /[\r\n]/.test(v))) problems.push(`article ${i} ${field} is ${JSON.stringify(v)}`);
    }
  });
  return problems;
}

/** The record `extract` would print for a cleaned, tagged article (same assembly as src/pipeline/extract.ts). */
export function extractedRecord(file: string, article: CleanArticle, tags: TagResult) {
  return {
    file,
    ...article,
    id: articleId(article),
    actors: tags.actors,
    countries: tags.countries,
    places: tags.places,
    mentions: tags.mentions,
    sources: [{ source: article.source, file, index: article.index }],
  };
}

/** Problems with a record against the zod `ExtractedArticle` contract. */
export function schemaProblems(record: unknown): string[] {
  const parsed = ExtractedArticle.safeParse(record);
  if (parsed.success) return [];
  return parsed.error.issues.slice(0, 3).map((i) => `schema: ${i.path.join(".")}: ${i.message}`);
}

/** Problems with mention offsets: each must point at its surface text inside its sentence. */
export function mentionProblems(body: readonly string[], tags: TagResult): string[] {
  const problems: string[] = [];
  for (const m of tags.mentions) {
    const paragraph = body[m.paragraph];
    if (paragraph === undefined) {
      problems.push(`mention ${m.ref} points at paragraph ${m.paragraph} of ${body.length}`);
      continue;
    }
    if (!(m.start < m.end && m.end <= paragraph.length)) problems.push(`mention ${m.ref} has offsets ${m.start}..${m.end} in a paragraph of ${paragraph.length}`);
    else if (paragraph.slice(m.start, m.end) !== m.surface)
      problems.push(`mention ${m.ref}: body[${m.paragraph}].slice(${m.start}, ${m.end}) = ${JSON.stringify(paragraph.slice(m.start, m.end))}, surface ${JSON.stringify(m.surface)}`);
    if (!m.sentence.includes(m.surface)) problems.push(`mention ${m.ref}: sentence ${JSON.stringify(m.sentence.slice(0, 80))} lacks surface ${JSON.stringify(m.surface)}`);
    if (!paragraph.includes(m.sentence)) problems.push(`mention ${m.ref}: sentence is not verbatim in paragraph ${m.paragraph}`);
    const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    if (lone.test(m.surface) || lone.test(m.sentence)) problems.push(`mention ${m.ref} splits a surrogate pair`);
  }
  return problems;
}

/**
 * Problems with verbatim extraction: every body paragraph must occur in the decoded input text, and the
 * paragraphs must come from input lines in order (each paragraph inside a later line than the previous one).
 */
export function verbatimProblems(text: string, article: Pick<CleanArticle, "body" | "index">): string[] {
  const problems: string[] = [];
  // Line terminators as the cleaner splits them (segment.ts): LF, CR, U+2028/2029, form feed, vertical tab.
  const lines = text.split(/\r\n|[\r\n\u2028\u2029\f\v]/);
  let next = 0;
  for (const [k, p] of article.body.entries()) {
    if (!text.includes(p)) {
      problems.push(`article ${article.index} paragraph ${k} is not verbatim in the input: ${JSON.stringify(p.slice(0, 120))}`);
      continue;
    }
    let found = -1;
    for (let i = next; i < lines.length; i++)
      if (lines[i]!.includes(p)) {
        found = i;
        break;
      }
    if (found < 0) problems.push(`article ${article.index} paragraph ${k} is out of order (not in a line after line ${next - 1}): ${JSON.stringify(p.slice(0, 120))}`);
    else next = found + 1;
  }
  return problems;
}
