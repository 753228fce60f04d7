/**
 * Thresholds of the events stage, each with the reason for its value (calibrated by hand on the DEV leads of
 * `shared/corpus/events`; the blind set is coded the same way).
 */
export const eventSettings = {
  /** Events per sentence: the codebook codes at most three, in reading order. */
  maxEvents: 3,
  /** Tokens a relative pronoun may precede a trigger by and still make it background («التي وقعت»). */
  relativeWindow: 2,
  /** Tokens after an accusation verb within which a noun with «ب» is the accused act («ندد X بالهجوم»). */
  accusedActWindow: 4,
  /** Tokens after an accusation verb within which a noun trigger is its object, past a subject of up to ~8 words
   * («أدان مجلس التعاون لدول الخليج العربية إطلاق ميليشيا الحوثي صاروخا»). */
  accusedObjectWindow: 12,
  /** Tokens a negation particle governs («لم يشر»): the verb right after it, and one adverb. */
  negationWindow: 2,
  /** Tokens after a noun trigger searched for its genitive/adjective actor («غارات لطيران التحالف»). */
  nounActorWindow: 3,
  /** Tokens after a noun trigger searched for a post light verb («زيارة … يقوم بها X»). */
  postLightWindow: 6,
  /** Tokens before a noun trigger searched for its light verb («أجرى X اتصالا», «استهل X الزيارة … بلقاء»). */
  lightVerbWindow: 24,
  /** Longest noun phrase (tokens): a chain of titles («ولي ولي العهد النائب الثاني …») runs to ~20; longer is a clause. */
  maxPhraseTokens: 24,
  /** Longest comma-separated apposition merged into a title-only phrase («الرئيس الأمريكي، جو بايدن»). */
  maxAppositionTokens: 6,
  /** Tokens after a trigger searched for the event's place: the object and a title chain may come first. */
  placeWindow: 30,
  /** Tokens after a casualty trigger searched for its count. */
  figureWindow: 16,
  /** Same-type triggers closer than this (tokens) are one event (R15: «هجوما انتحاريا استهدف»). */
  mergeWindow: 6,
  /** Characters at the start of a sentence searched for a dateline ending in «--» («واشنطن، … (CNN)--»). */
  datelineChars: 90,
} as const;
export type EventSettings = typeof eventSettings;
