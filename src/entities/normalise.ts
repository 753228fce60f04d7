/**
 * The entity stage's names for the text model's match level (src/text/match.ts) and clitic table
 * (src/text/clitics.yaml): the tagger, the trie and discovery read every paragraph and alias folded at level
 * `match`, and compare words under their proclitic stems. Nothing here folds on its own; other stages that import
 * these names from here get the same functions as from `src/text/`.
 */
export { foldMatch as normaliseArabic, normaliseWithMap, sourceEnd, type NormalisedText } from "../text/match.ts";
export { MIN_STEM, cliticStems, proclitics, searchTokens, stripClitics } from "../text/clitics.ts";
