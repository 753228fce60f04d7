/**
 * The events stage: who did what to whom, where and when, coded from a lead sentence. Framework-free.
 */
export { createEventCoder, datelineEnd } from "./code.ts";
export type { CodeInput, CoderInput, EventCoder } from "./code.ts";
export { gistLine, figureText, TYPE_LABELS } from "./gist.ts";
export { eventLexicon, compileLexicon, LexiconError } from "./lexicon.ts";
export { eventSettings } from "./settings.ts";
export { leadSentence } from "./lead.ts";
export { articleEvents } from "./article.ts";
export type { ArticleForEvents } from "./article.ts";
