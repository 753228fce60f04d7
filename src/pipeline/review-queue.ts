/**
 * The review queue file, `content/review/candidates.yaml`: actors discovery found that the knowledge base lacks.
 * Reading validates it (errors name the file); writing is atomic.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { emptyQueue, queueCandidates, ReviewQueue, type Candidate } from "../entities/index.ts";
import { writeFileAtomic } from "../lib/atomic.ts";

/** Where the queue lives in a content folder. */
export function queuePath(contentDir: string): string {
  return join(contentDir, "review", "candidates.yaml");
}

/** Reads the queue; a missing file is an empty queue, an invalid one an error naming the file and field. */
export function readQueue(contentDir: string): ReviewQueue {
  const file = queuePath(contentDir);
  if (!existsSync(file)) return emptyQueue();
  let data: unknown;
  try {
    data = parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`${file}: not valid YAML: ${(error as Error).message.split("\n")[0]}`);
  }
  const result = ReviewQueue.safeParse(data ?? {});
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`${file}: field \`${issue?.path.join(".")}\`: ${issue?.message}`);
  }
  return result.data;
}

/** The queue file's text. */
export function queueText(queue: ReviewQueue): string {
  return `# Actors found in articles that the knowledge base does not know. Review with:\n#   npm run -s briefing -- actors queue | promote | reject\n${stringify(queue, { lineWidth: 0 })}`;
}

/**
 * Writes the queue atomically, only when its text changes: the queue is editors' data, often kept in version control
 * with the rest of `content/`, and a build that found nothing new must leave it untouched (not even its mtime).
 */
export function writeQueue(contentDir: string, queue: ReviewQueue): void {
  const file = queuePath(contentDir);
  const text = queueText(queue);
  if (existsSync(file) && readFileSync(file, "utf8") === text) return;
  writeFileAtomic(file, text);
}

/** Adds the candidates found per article id to the queue file (written only when that changes it). */
export function recordCandidates(contentDir: string, candidates: Map<string, Candidate[]>): void {
  if (candidates.size === 0) return;
  const articles = [...candidates].map(([article, list]) => ({ article, candidates: list }));
  writeQueue(contentDir, queueCandidates(readQueue(contentDir), articles));
}
