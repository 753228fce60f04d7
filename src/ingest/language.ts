/**
 * Stage "language": an article's language is the script most of its letters are written in.
 * Arabic articles quote Latin names ("FK-2000", "AFRICOM") and English ones quote Arabic rarely, so a simple
 * letter majority over the body is reliable; the title decides only when the body is empty.
 */
import type { Lang } from "../schemas/common.ts";
import { scriptCounts } from "./text.ts";

/** Characters sampled per paragraph: enough for a majority, bounded for very long lines. */
const SAMPLE_CHARS = 2000;

/** "ar" when Arabic letters are at least as many as Latin ones across `texts`, else "en". */
export function detectLang(texts: readonly string[]): Lang {
  let arabic = 0;
  let latin = 0;
  // Characters still to sample: the most letters the rest could add. Once one script leads by more than that,
  // the majority is settled (the answer is the one counting everything would give).
  let remaining = 0;
  for (const t of texts) remaining += Math.min(t.length, SAMPLE_CHARS);
  for (const t of texts) {
    const sample = t.length > SAMPLE_CHARS ? t.slice(0, SAMPLE_CHARS) : t;
    const s = scriptCounts(sample);
    arabic += s.arabic;
    latin += s.latin;
    remaining -= sample.length;
    if (Math.abs(arabic - latin) > remaining) break;
  }
  return arabic >= latin && arabic > 0 ? "ar" : latin > 0 ? "en" : "ar";
}
