/**
 * fast-check arbitraries for scraped news text: Arabic words with clitics, known actor names, punctuation «» ،,
 * Latin and Arabic-Indic digits, Latin words, bidi controls, zero-width characters, decomposed (non-NFC) letters,
 * astral characters, very long words, "TT" lines and captions with agency credits. Sizes are bounded so a run of
 * ~200 cases stays fast.
 */
import fc from "fast-check";

const WORDS = [
  "الحكومة", "الوزير", "المجلس", "الرئيس", "أعلن", "قال", "أكد", "بحث", "اجتماع", "الأمن", "الانتخابات", "المدينة",
  "العاصمة", "الجنوب", "الشمال", "الاتفاق", "وقف", "إطلاق", "النار", "مسؤول", "مصدر", "بيان", "الأربعاء", "الاثنين",
  "في", "من", "إلى", "على", "عن", "مع", "أن", "إن", "التي", "الذي", "خلال", "بعد", "قبل", "وسط", "حول", "لدى",
  "المؤسسة", "العسكرية", "الدولية", "البعثة", "الأممية", "الحدود", "النفط", "المياه", "الكهرباء", "اللاجئين",
];
const CLITICS = ["", "", "", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فل", "وال", "بال", "لل", "ولل"];
const LATIN = ["Reuters", "AFP", "the", "minister", "said", "on", "Tuesday", "UN", "Tripoli", "Khartoum", "ceasefire", "talks", "x", "ok"];
const PUNCT = ["،", "؛", ".", ":", "؟", "!", "«", "»", "(", ")", "-", "–", "—", "/", "\"", "'", "…", ",", ";", "…»", "»."];
const CONTROLS = ["\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u200E", "\u200F", "\u061C"];
const ZERO_WIDTH = ["\u200B", "\u200C", "\u200D", "\uFEFF", "\u2060", "\u00AD"];
/** Strings whose NFC form differs (the decoder normalises to NFC). */
const DECOMPOSED = ["\u0627\u0653", "\u0627\u0654", "\u0648\u0654", "\u064A\u0654", "e\u0301", "A\u030A"];
const ASTRAL = ["😀", "𝐀", "🇱🇾", "👍🏽"];
const CREDITS = ["(أ.ف.ب)", "(رويترز)", "(الأناضول)", "(أرشيفية - أ.ف.ب)", "(AFP)", "(د.ب.أ)"];
const ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىة";

/** Arabic-Indic or Latin digits. */
export const digits = fc.oneof(
  fc.integer({ min: 0, max: 99999 }).map(String),
  fc.integer({ min: 0, max: 99999 }).map((n) => String(n).replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)))),
);

/** A very long word: up to 5,000 letters, Arabic or Latin. */
export const longWord = fc.tuple(fc.integer({ min: 200, max: 5000 }), fc.boolean()).map(([n, ar]) => {
  const letters = ar ? ARABIC_LETTERS : "abcdefghijklmnopqrstuvwxyz";
  let out = "";
  for (let i = 0; i < n; i++) out += letters[(i * 7 + n) % letters.length];
  return out;
});

/** Marks the normaliser must see through (tatweel, diacritics, joiners) and that shift offsets. */
const DECORATIONS = ["\u0640", "\u064E", "\u064F", "\u0650", "\u0651", "\u0652", "\u064B", "\u0670", "\u200C", "\u200D", "\u0653"];

/** A name with marks inserted after some letters (offsets must still point at the written text). */
function decorate(name: string, seeds: number[]): string {
  let out = "";
  let k = 0;
  for (const ch of name) {
    out += ch;
    const s = seeds[k++ % seeds.length]!;
    if (/[\u0621-\u064A]/.test(ch) && s % 5 === 0) out += DECORATIONS[s % DECORATIONS.length];
  }
  return out;
}

/** An actor's name as written in the press, possibly with a clitic attached, sometimes decorated with marks. */
export function nameArb(names: readonly string[]) {
  return fc
    .tuple(fc.constantFrom(...CLITICS), fc.constantFrom(...names), fc.option(fc.array(fc.nat(1000), { minLength: 1, maxLength: 8 }), { nil: undefined, freq: 3 }))
    .map(([c, n, seeds]) => c + (seeds ? decorate(n, seeds) : n));
}

/** One token of text. */
export function tokenArb(names: readonly string[]) {
  return fc.oneof(
    { weight: 30, arbitrary: fc.tuple(fc.constantFrom(...CLITICS), fc.constantFrom(...WORDS)).map(([c, w]) => c + w) },
    { weight: 6, arbitrary: nameArb(names) },
    { weight: 4, arbitrary: fc.constantFrom(...PUNCT) },
    { weight: 3, arbitrary: digits },
    { weight: 3, arbitrary: fc.constantFrom(...LATIN) },
    { weight: 2, arbitrary: fc.constantFrom(...CONTROLS) },
    { weight: 2, arbitrary: fc.constantFrom(...ZERO_WIDTH) },
    { weight: 1, arbitrary: fc.constantFrom(...DECOMPOSED) },
    { weight: 1, arbitrary: fc.constantFrom(...ASTRAL) },
    { weight: 1, arbitrary: fc.constantFrom(...CREDITS) },
    { weight: 1, arbitrary: fc.string({ maxLength: 4 }) },
  );
}

/** A line of 1–`max` tokens joined by spaces or nothing (punctuation sticks to words). */
export function lineArb(names: readonly string[], max = 40) {
  return fc
    .array(fc.tuple(tokenArb(names), fc.constantFrom(" ", " ", " ", "", "  ", "\t", "\u00A0")), { minLength: 1, maxLength: max })
    .map((parts) => parts.map(([t, sep]) => t + sep).join("").trim());
}

/** A body sentence shaped like news prose: long enough, ending with a full stop. */
export function proseArb(names: readonly string[]) {
  return fc
    .tuple(fc.constantFrom(...WORDS), lineArb(names, 30), fc.constantFrom(".", ".", "،", "»."), fc.option(lineArb(names, 15), { nil: undefined }))
    .map(([first, middle, end, more]) => `${first} ${middle}${end}${more ? ` ${more}.` : ""}`)
    .filter((s) => s.length > 20);
}

/** Body prose as articles have it: a sentence or two of at least eight words. */
export function longProseArb(names: readonly string[]) {
  return fc
    .tuple(proseArb(names), proseArb(names))
    .map(([a, b]) => `${a} ${b}`)
    .filter((s) => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length >= 8);
}

/** Odd lines scraped pages carry. */
export function oddLineArb(names: readonly string[]) {
  return fc.oneof(
    fc.constant("TT"),
    fc.constant(""),
    fc.constantFrom("الرئيسية", "أخبار", "اقرأ أيضاً", "جميع الحقوق محفوظة © 2025", "شارك", "Share", "Tags: Libya UN"),
    fc.tuple(lineArb(names, 12), fc.constantFrom(...CREDITS)).map(([l, c]) => `${l} ${c}`),
    fc.tuple(fc.constantFrom("طرابلس", "القاهرة", "TRIPOLI"), fc.constantFrom(": مراسلنا", " - ", ": سامي علي")).map(([a, b]) => a + b),
    fc.tuple(fc.integer({ min: 1, max: 28 }), fc.constantFrom("مارس", "أبريل", "نوفمبر", "March")).map(([d, m]) => `نُشر: ${d} ${m} 2025`),
    fc.constantFrom("...", "—", "***", "«»", "()", "\u202E", "\u200B\u200B", "٢٠٢٥/٠٣/١٢", "2025-03-12T10:00:00Z", "12:45", "|", "> >"),
    longWord,
    lineArb(names, 8),
  );
}

/**
 * A page shaped like one or more articles: title, header lines, prose paragraphs, odd lines in between.
 * `realistic` pages have long prose paragraphs only (no junk lines inside the body).
 */
export function articlePageArb(names: readonly string[], realistic = false) {
  const paragraph = realistic ? longProseArb(names) : fc.oneof({ weight: 5, arbitrary: proseArb(names) }, { weight: 1, arbitrary: oddLineArb(names) });
  const article = fc.tuple(
    lineArb(names, 12),
    fc.array(oddLineArb(names), { maxLength: 4 }),
    fc.array(paragraph, { minLength: realistic ? 2 : 1, maxLength: 8 }),
  );
  return fc.tuple(fc.array(oddLineArb(names), { maxLength: 5 }), fc.array(article, { minLength: 1, maxLength: 3 }), fc.array(oddLineArb(names), { maxLength: 4 })).map(
    ([before, articles, after]) => {
      const lines: string[] = [...before, ""];
      for (const [title, header, body] of articles) lines.push(title, ...header, "", ...body.flatMap((p) => [p, ""]));
      lines.push(...after);
      return lines;
    },
  );
}

/** Any page: article-shaped or a soup of random lines, with random line ends and an optional BOM. */
export function pageTextArb(names: readonly string[], realistic = false) {
  const lines = realistic
    ? articlePageArb(names, true)
    : fc.oneof({ weight: 3, arbitrary: articlePageArb(names) }, { weight: 1, arbitrary: fc.array(fc.oneof(lineArb(names), oddLineArb(names)), { maxLength: 30 }) });
  return fc.tuple(lines, fc.constantFrom("\n", "\n", "\r\n", "\r"), fc.boolean()).map(([ls, eol, bom]) => (bom ? "\uFEFF" : "") + ls.join(eol));
}

/** A headline: 4–12 plain words (names included), no final full stop. */
export function headlineArb(names: readonly string[]) {
  return fc
    .array(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...WORDS) }, { weight: 1, arbitrary: nameArb(names) }, { weight: 1, arbitrary: digits }), { minLength: 4, maxLength: 12 })
    .map((ws) => ws.join(" "));
}

/** One clean article page: headline, optional byline and date, two to eight long prose paragraphs. */
export function cleanArticlePageArb(names: readonly string[]) {
  return fc
    .tuple(headlineArb(names), fc.boolean(), fc.array(longProseArb(names), { minLength: 2, maxLength: 8 }), fc.constantFrom("\n\n", "\n"))
    .map(([title, header, body, sep]) => [title, ...(header ? ["طرابلس: مراسلنا", "نُشر: 12 مارس 2025"] : []), "", body.join(sep), ""].join("\n"));
}
