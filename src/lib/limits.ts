/**
 * Bounds on what one scraped article may carry into the pipeline, so that one bad page costs only itself: an id that
 * fits in a file name, and titles, lines and words of a size every later stage (tagger, site, cards, search) handles
 * in bounded time. Longer text is cut at a word boundary with an ellipsis and reported as a warning naming the file;
 * nothing crashes and no other article is affected.
 *
 * The numbers sit far above what real pages carry (calibrated on the seed and sample corpora: titles ≤ 160
 * characters, paragraphs ≤ 2,500, words ≤ 40 outside URLs) and far below what breaks a stage.
 */
export const LIMITS = {
  /** Characters of the readable part of an English id (`<slug>-<hash>`): ids are file names (255 bytes at most). */
  idSlugChars: 60,
  /** Characters of one word in that slug: a 300-letter word once made a 352-character id (ENAMETOOLONG). */
  idWordChars: 24,
  /** Characters in a title, subtitle, author, source or dateline (headlines observed: at most 160). */
  titleChars: 300,
  /** Characters in one paragraph or caption (observed at most 2,500; a scraped 1 MB line is not an article). */
  lineChars: 20_000,
  /** Characters in one word (observed at most 40; long URLs up to about 200): a 100,000-letter word is junk. */
  wordChars: 300,
} as const;

const ELLIPSIS = "…";

/** Drops a high surrogate left at the end of a cut. */
function wellCut(text: string): string {
  return /[\uD800-\uDBFF]$/.test(text) ? text.slice(0, -1) : text;
}

/** The characters `\s` matches (so that the scan below and the `\S+` replacement agree on what a word is). */
function isSpace(c: number): boolean {
  return (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Whether `text` has a word longer than `max`: one linear scan, no allocation (the common path: clean text). */
function hasLongWord(text: string, max: number): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    if (isSpace(text.charCodeAt(i))) run = 0;
    else if (++run > max) return true;
  }
  return false;
}

/** Words longer than `max` cut to `max` characters with an ellipsis. Linear in the text. */
export function boundWords(text: string, max: number = LIMITS.wordChars): string {
  if (text.length <= max || !hasLongWord(text, max)) return text;
  return text.replace(/\S+/g, (word) => (word.length <= max ? word : `${wellCut(word.slice(0, max))}${ELLIPSIS}`));
}

/** `text` cut to at most `max` characters (plus an ellipsis), at the last space when there is one near the end. */
export function boundLength(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = wellCut(text.slice(0, max));
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.8 ? cut.slice(0, space) : cut).trimEnd()}${ELLIPSIS}`;
}

/** One text bounded in word and total length. */
export function boundText(text: string, max: number): string {
  return boundLength(boundWords(text), max);
}

/** The text fields of an article (a cleaned one, or one read back from its file). */
type Bounded = {
  title: string | null;
  subtitle: string | null;
  source: string | null;
  author: string | null;
  dateline: string | null;
  body: string[];
  captions: string[];
};

/**
 * The article with every text bounded, and one note per field that was cut (for the run's warnings). The article is
 * returned unchanged (same object) when nothing exceeds the limits.
 */
export function boundArticle<A extends Bounded>(article: A): { article: A; notes: string[] } {
  const notes: string[] = [];
  const short = (field: string, value: string | null): string | null => {
    if (value === null) return null;
    const bounded = boundText(value, LIMITS.titleChars);
    if (bounded !== value) notes.push(`${field} cut from ${value.length} to ${bounded.length} characters (limit ${LIMITS.titleChars}, words ${LIMITS.wordChars})`);
    return bounded;
  };
  const lines = (field: string, values: string[]): string[] => {
    let cut = 0;
    const out = values.map((v) => {
      const bounded = boundText(v, LIMITS.lineChars);
      if (bounded !== v) cut++;
      return bounded;
    });
    if (cut > 0) notes.push(`${cut} ${field} line(s) cut (limits: ${LIMITS.lineChars} characters a line, ${LIMITS.wordChars} a word)`);
    return cut > 0 ? out : values;
  };
  const next = {
    ...article,
    title: short("title", article.title),
    subtitle: short("subtitle", article.subtitle),
    source: short("source", article.source),
    author: short("author", article.author),
    dateline: short("dateline", article.dateline),
    body: lines("body", article.body),
    captions: lines("caption", article.captions),
  };
  return notes.length === 0 ? { article, notes } : { article: next, notes };
}
