/**
 * Word tokens of a normalised text, with their offsets. A token is a run of Arabic letters, of other letters, or
 * of digits: script changes split words («الـ13» → ال + 13) so lexicon phrases and text split the same way.
 * Everything else (punctuation, quotes, spaces) separates tokens, which is what gives matches word boundaries.
 */

/** Script class of a character: 0 none (separator), 1 Arabic letter, 2 other letter, 3 digit. */
export type Script = 0 | 1 | 2 | 3;

/** One word of a normalised text. */
export interface Token {
  /** The normalised word. */
  text: string;
  /** Offsets in the normalised text. */
  start: number;
  end: number;
  script: Script;
}

const LETTER = /\p{L}/u;
const NUMBER = /\p{N}/u;
const classCache = new Int8Array(0x0800).fill(-1);

/** Script class of a UTF-16 unit (surrogates count as other letters when they form one). */
export function scriptOf(code: number): Script {
  if (code < 0x80) {
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a)) return 2;
    if (code >= 0x30 && code <= 0x39) return 3;
    return 0;
  }
  if (code < 0x0800) {
    const cached = classCache[code]!;
    if (cached >= 0) return cached as Script;
    const computed = classify(code);
    classCache[code] = computed;
    return computed;
  }
  return classify(code);
}

function classify(code: number): Script {
  if ((code >= 0x0621 && code <= 0x064a) || (code >= 0x066e && code <= 0x06d3) || code === 0x06d5 || (code >= 0x06fa && code <= 0x06ff)) return 1;
  if (code >= 0xd800 && code <= 0xdfff) return 2;
  const ch = String.fromCharCode(code);
  if (LETTER.test(ch)) return 2;
  if (NUMBER.test(ch)) return 3;
  return 0;
}

/** Splits a normalised text into word tokens. */
export function tokenize(norm: string): Token[] {
  const tokens: Token[] = [];
  const n = norm.length;
  let i = 0;
  while (i < n) {
    const s = scriptOf(norm.charCodeAt(i));
    if (s === 0) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && scriptOf(norm.charCodeAt(j)) === s) j++;
    tokens.push({ text: norm.slice(i, j), start: i, end: j, script: s });
    i = j;
  }
  return tokens;
}

const QUOTE_MARK = /^["«»“”']$/;

/**
 * Tokens for matching names: `tokenize`, with a conjunction the press wrote outside a quotation mark by mistake
 * joined to the word inside it («و"حدات حماية الشعب"» reads «وحدات حماية الشعب»). The joined token's text is the
 * word without the mark; its offsets span the mark.
 */
export function tokenizeForMatch(norm: string, conjunctions: ReadonlySet<string>): Token[] {
  const tokens = tokenize(norm);
  const out: Token[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const tok = tokens[k]!;
    const next = tokens[k + 1];
    if (next && tok.script === 1 && next.script === 1 && conjunctions.has(tok.text) && QUOTE_MARK.test(norm.slice(tok.end, next.start)) && (tok.start === 0 || scriptOf(norm.charCodeAt(tok.start - 1)) === 0)) {
      out.push({ text: tok.text + next.text, start: tok.start, end: next.end, script: 1 });
      k++;
    } else out.push(tok);
  }
  return out;
}
