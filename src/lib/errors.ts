/**
 * Errors about one input file, shared by every stage that reads content (articles, the knowledge base, country
 * forms and places): the message names the file, and the line where known, so the user knows what to fix.
 */

/** A problem with one file, with the place it was found. */
export class ContentError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  constructor(file: string, message: string, line?: number) {
    super(`${file}${line ? `:${line}` : ""}: ${message}`);
    this.file = file;
    this.line = line;
  }
}
