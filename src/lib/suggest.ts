/**
 * "Did you mean …?": the nearest known word to a mistyped one (a command, an option, a settings key).
 * One implementation for the CLI and the settings reader.
 */

/** Edit distance (Levenshtein) between two short strings. */
export function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

/**
 * The closest of `candidates` to `word`, when close enough to be a typo: at most 2 edits, and under half the
 * candidate's length (so `url` does not suggest `uri`-like strangers for any three-letter word). Case is ignored.
 */
export function suggest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best !== undefined && bestDistance <= Math.min(2, Math.floor(best.length / 2)) ? best : undefined;
}
