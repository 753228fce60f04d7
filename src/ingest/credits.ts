/**
 * Credits: who wrote an article and for which outlet, from the lines that say so (lexicon/outlets.yaml).
 *   - a masthead line ("The New York Times") in the page header names the page's outlet;
 *   - a "By …" byline ending with a news agency ("By Jane Doe and John Roe Reuters") gives the authors and the
 *     agency (the article's source);
 *   - a wire end credit ("Reporting by A in Cairo; Editing by B") gives the authors when the header has none.
 */
import { z } from "zod";
import { Bilingual } from "../schemas/lexicon.ts";
import { loadLexicon } from "./lexicon/load.ts";
import { fold } from "./text.ts";

const OutletsLexicon = z.object({ mastheads: Bilingual, agencies: Bilingual, author_credits: Bilingual }).strict();

const LEX = loadLexicon("outlets.yaml", OutletsLexicon);
const folded = (g: { ar: string[]; en: string[] }): string[] => [...g.ar, ...g.en].map(fold).filter(Boolean);
const MASTHEADS: ReadonlySet<string> = new Set(folded(LEX.mastheads));
/** Agencies by folded name, longest first so that "the associated press" wins over "associated press". */
const AGENCIES: readonly { key: string; words: number }[] = folded(LEX.agencies)
  .map((key) => ({ key, words: key.split(" ").length }))
  .sort((a, b) => b.words - a.words);
const AUTHOR_CREDITS: readonly string[] = folded(LEX.author_credits);

/** True when a line's folded key is a known masthead. */
export function isMasthead(key: string): boolean {
  return MASTHEADS.has(key);
}

/**
 * "Jane Doe and John Roe Reuters" → authors "Jane Doe and John Roe", agency "Reuters" (verbatim). A name that is
 * only an agency is the agency with no author; a name without one is returned as it is.
 */
export function splitAgency(name: string): { authors: string | null; agency: string | null } {
  const words = name.trim().split(/\s+/u);
  const key = fold(name);
  for (const a of AGENCIES) {
    if (key !== a.key && !key.endsWith(" " + a.key)) continue;
    // Folding keeps one word per word of the text, except punctuation-only words ("|", "-"), dropped here too.
    const tail = takeLastWords(words, a.words);
    const authors = words.slice(0, words.length - tail.length).join(" ").replace(/[\s,،;|–—-]+$/u, "").trim();
    return { authors: authors || null, agency: tail.join(" ") };
  }
  return { authors: name.trim() || null, agency: null };
}

/** The last words of `words` that fold to `n` words (punctuation-only words are carried along). */
function takeLastWords(words: readonly string[], n: number): string[] {
  const out: string[] = [];
  let counted = 0;
  for (let i = words.length - 1; i >= 0 && counted < n; i--) {
    out.unshift(words[i]!);
    if (fold(words[i]!) !== "") counted++;
  }
  return out;
}

/** " in Cairo", " from Dubai" after a credited name: where the reporter was, not a name. */
const CREDIT_PLACE = /\s+(?:in|from)\s+\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*)*\s*$/u;

/**
 * Authors named by a wire end credit: the reporting and writing parts, in order, joined with ", " (editing and
 * other parts skipped); null when the line credits no author.
 */
export function creditAuthors(text: string): string | null {
  const names: string[] = [];
  for (const part of text.split(/\s*;\s*/u)) {
    const key = fold(part);
    const role = AUTHOR_CREDITS.find((r) => key === r || key.startsWith(r + " "));
    if (!role) continue;
    const name = stripWords(part, role.split(" ").length).replace(/\.\s*$/u, "").replace(CREDIT_PLACE, "").trim();
    if (name) names.push(name);
  }
  return names.length > 0 ? names.join(", ") : null;
}

/** `text` without its first `n` words. */
function stripWords(text: string, n: number): string {
  return text.trim().split(/\s+/u).slice(n).join(" ");
}
