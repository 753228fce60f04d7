/**
 * Press romanisation of Arabic names, for an editor to correct: known given names and name parts take their press
 * spelling (discovery.yaml `given_names`), the rest is spelled by rule (`romanisation`).
 */
import { discoveryLexicon, type DiscoveryLexicon } from "../lexicon.ts";
import { normaliseArabic } from "../normalise.ts";

export const VOWEL_LETTERS = new Set(["a", "i", "u"]);

/** The lexicon's name lists, normalised for look-up: built once per lexicon, not once per name. */
interface NameTables {
  given: ReadonlyMap<string, string>;
  joiners: ReadonlySet<string>;
  fused: ReadonlySet<string>;
}
const nameTablesOf = new WeakMap<DiscoveryLexicon, NameTables>();
function nameTables(lex: DiscoveryLexicon): NameTables {
  let tables = nameTablesOf.get(lex);
  if (!tables) {
    const given = new Map<string, string>();
    for (const [ar, en] of Object.entries(lex.given_names)) given.set(normaliseArabic(ar), en);
    tables = { given, joiners: new Set(lex.name_joiners.ar.map(normaliseArabic)), fused: new Set(lex.fused_parts.map(normaliseArabic)) };
    nameTablesOf.set(lex, tables);
  }
  return tables;
}

/**
 * A rule-based Latin spelling of an Arabic name, for an editor to correct: known given names use the press
 * spelling (محمد → Mohammed), the article is "al-", letters follow `romanisation` in the lexicon, و/ي between
 * consonants are read as u/i, and an "a" is guessed between two consonants.
 */
export function romanise(name: string, lex: DiscoveryLexicon = discoveryLexicon()): string {
  const { given, joiners, fused } = nameTables(lex);
  const out: string[] = [];
  let afterJoiner = false;
  const words = name.split(/\s+/).filter(Boolean);
  const clean = (raw: string) => raw.replace(/[\u064b-\u065f\u0670\u0640]/g, "").replace(/[^\u0621-\u064a]/g, "");
  for (let w = 0; w < words.length; w++) {
    const raw = words[w]!;
    // letters as written (hamza seats kept for the spelling), harakat and tatweel dropped
    const letters = clean(raw);
    const word = normaliseArabic(letters);
    // a name part written in two words that the press spells as one («عبد الله» Abdullah, like «عبدالله»)
    const nextWord = w + 1 < words.length ? normaliseArabic(clean(words[w + 1]!)) : "";
    const pair = joiners.has(word) && fused.has(nextWord) ? given.get(word + nextWord) : undefined;
    if (pair) {
      out.push(pair);
      afterJoiner = false;
      w++;
      continue;
    }
    if (!word) {
      if (/[\p{L}\p{N}]/u.test(raw)) out.push(raw);
      afterJoiner = false;
      continue;
    }
    const known = given.get(word);
    if (known) {
      out.push(afterJoiner ? known.replace(/^al-/i, "") : known);
      afterJoiner = joiners.has(word);
      continue;
    }
    let stem = letters;
    let prefix = "";
    if (word.startsWith("ال") && word.length > 3) {
      // «عبد الرحمن» is Abdul Rahman: the article of a name after a joiner is not written
      prefix = afterJoiner ? "" : "al-";
      stem = letters.slice(2);
    }
    const knownStem = given.get(normaliseArabic(stem));
    const latin = knownStem ?? spell(stem, lex);
    out.push(prefix + latin.charAt(0).toUpperCase() + latin.slice(1));
    afterJoiner = joiners.has(word);
  }
  const text = out.join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Letter-by-letter spelling with guessed short vowels: «a» goes between two consonants unless the first of
 * them closes a syllable (it follows a vowel), so حفتر → haftar, not hafatar.
 */
export function spell(word: string, lex: DiscoveryLexicon): string {
  const letters = [...word];
  let out = "";
  // what the last two emitted sounds were: true = consonant
  let last: boolean | null = null;
  let beforeLast: boolean | null = null;
  letters.forEach((ch, i) => {
    let latin = lex.romanisation[ch] ?? "";
    const isWaw = ch === "و";
    const isYa = ch === "ي" || ch === "ى";
    if ((isWaw || isYa) && i > 0 && last === true) latin = isWaw ? "u" : "i";
    if (i === 0 && (ch === "ا" || ch === "أ")) latin = "a";
    if (!latin) return;
    if (latin === "'") {
      out += latin;
      return;
    }
    const vowel = VOWEL_LETTERS.has(latin);
    if (!vowel && last === true && beforeLast !== false) out += "a";
    out += latin;
    beforeLast = last === true && !vowel && beforeLast !== false ? false : last;
    last = !vowel;
  });
  return out.replace(/^'+|'+$/g, "");
}
