/** The one Arabic/English text model: fold levels, digits, tokens (see ../shared/STYLE.md, "Applied to this project"). */
export { DIGIT, DIGIT_CLASS, DIGIT_RANGES } from "./digits.ts";
export { LETTER_FOLD, PERSIAN_FOLD, VOWEL_MARKS, foldKey, foldSpelling } from "./fold.ts";
export { foldMatch, normaliseWithMap, sourceEnd } from "./match.ts";
export type { NormalisedText } from "./match.ts";
export { countWords, scriptCounts, trimLine } from "./tokens.ts";
export { CLITICS, MIN_STEM, PARTICLES, PROCLITICS, cliticStems, proclitics, searchTokens, stripClitics } from "./clitics.ts";
