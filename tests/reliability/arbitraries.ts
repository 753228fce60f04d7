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

/** An actor's name as written in the press, possibly with a clitic attached. */
export function nameArb(names: readonly string[]) {
  return fc.tuple(fc.constantFrom(...CLITICS), fc.constantFrom(...names)).map(([c, n]) => c + n);
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

/** Odd lines scraped pages carry. */
export function oddLineArb(names: readonly string[]) {
  return fc.oneof(
    fc.constant("TT"),
    fc.constant(""),
    fc.constantFrom("الرئيسية", "أخبار", "اقرأ أيضاً", "جميع الحقوق محفوظة © 2025", "شارك", "Share", "Tags: Libya UN"),
    fc.tuple(lineArb(names, 12), fc.constantFrom(...CREDITS)).map(([l, c]) => `${l} ${c}`),
    fc.tuple(fc.constantFrom("طرابلس", "القاهرة", "TRIPOLI"), fc.constantFrom(": مراسلنا", " - ", ": سامي علي")).map(([a, b]) => a + b),
    fc.tuple(fc.integer({ min: 1, max: 28 }), fc.constantFrom("مارس", "أبريل", "نوفمبر", "March")).map(([d, m]) => `نُشر: ${d} ${m} 2025`),
    longWord,
    lineArb(names, 8),
  );
}

/** A page shaped like one or more articles: title, header lines, prose paragraphs, odd lines in between. */
export function articlePageArb(names: readonly string[]) {
  const article = fc.tuple(
    lineArb(names, 12),
    fc.array(oddLineArb(names), { maxLength: 4 }),
    fc.array(fc.oneof({ weight: 5, arbitrary: proseArb(names) }, { weight: 1, arbitrary: oddLineArb(names) }), { minLength: 1, maxLength: 8 }),
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
export function pageTextArb(names: readonly string[]) {
  const lines = fc.oneof({ weight: 3, arbitrary: articlePageArb(names) }, { weight: 1, arbitrary: fc.array(fc.oneof(lineArb(names), oddLineArb(names)), { maxLength: 30 }) });
  return fc.tuple(lines, fc.constantFrom("\n", "\n", "\r\n", "\r"), fc.boolean()).map(([ls, eol, bom]) => (bom ? "\uFEFF" : "") + ls.join(eol));
}
