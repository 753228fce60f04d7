/**
 * Ingest's text helpers: the text model (src/text/) under the names the stage uses, and the light word forms that
 * compare a headline's vocabulary with its lede's.
 */
import { CLITICS, PROCLITICS } from "../text/clitics.ts";
import { foldKey } from "../text/fold.ts";

/** The comparison key of a line (fold level `key`, src/text/fold.ts). */
export const fold = foldKey;
export { countWords, scriptCounts, trimLine } from "../text/tokens.ts";

/** Arabic proclitics and endings a word may carry in one place and not another (src/text/clitics.yaml). */
const SUFFIXES = CLITICS.suffixes;
/** Shortest stem left after removing a clitic, an ending or an English plural "s". */
const MIN_STEM = 3;

/**
 * The forms a folded word may be compared under: itself, without an Arabic clitic, and each of those without an
 * Arabic ending; an English word without a plural "s". A light stemmer: two words are taken as the same when
 * they share a form, which is enough to compare a headline's vocabulary with its lede's.
 */
export function wordForms(word: string): string[] {
  const out = [word];
  if (/^[a-z]+$/.test(word)) {
    if (word.length > MIN_STEM && word.endsWith("s")) out.push(word.slice(0, -1));
    return out;
  }
  for (const c of PROCLITICS) if (word.length - c.length >= MIN_STEM && word.startsWith(c)) out.push(word.slice(c.length));
  const stems = out.length;
  for (let i = 0; i < stems; i++) {
    const stem = out[i]!;
    for (const x of SUFFIXES) {
      if (stem.length - x.length >= MIN_STEM && stem.endsWith(x)) {
        out.push(stem.slice(0, -x.length));
        break;
      }
    }
  }
  return out;
}

/** Words of a folded key worth comparing: two characters or more and not in `skip` (function words). */
export function contentWords(key: string, skip: ReadonlySet<string>): string[] {
  return key.split(" ").filter((w) => w.length >= 2 && !skip.has(w));
}

/** Every form of every word of `words`, for membership tests (see {@link wordForms}). */
export function formSet(words: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const w of words) for (const f of wordForms(w)) out.add(f);
  return out;
}

/** How many of `words` have a form in `forms`. */
export function sharedCount(words: readonly string[], forms: ReadonlySet<string>): number {
  let hit = 0;
  for (const w of words) if (wordForms(w).some((f) => forms.has(f))) hit++;
  return hit;
}

/** Share of `words` that have a form in `forms` (0 when `words` is empty). */
export function sharedShare(words: readonly string[], forms: ReadonlySet<string>): number {
  return words.length === 0 ? 0 : sharedCount(words, forms) / words.length;
}
