/**
 * Digits as the press writes them: ASCII, Arabic-Indic (U+0660–0669) and Eastern Arabic/Persian (U+06F0–06F9),
 * which scraped Arabic pages mix. Defined once so that every stage agrees on what a number is.
 */

/** The digit ranges, for a character class that also holds other characters (`[${DIGIT_RANGES},.]`). */
export const DIGIT_RANGES = "0-9\\u0660-\\u0669\\u06F0-\\u06F9";

/** Regex source of one digit, for building larger patterns. */
export const DIGIT_CLASS = `[${DIGIT_RANGES}]`;

/** One digit anywhere in a string (no `g` flag: safe for `.test` from any caller). */
export const DIGIT = new RegExp(DIGIT_CLASS, "u");
