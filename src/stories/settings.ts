/**
 * Thresholds of the stories stage, each with the reason for its value. Calibrated on the story dev set
 * (`../shared/corpus/stories`, 74 articles, 31 stories) with general rules only; see `group.ts` for how they combine.
 */
export const SUMMARY = {
  /** Longest summary: about two lines of a phone screen, the length of a wire lead. */
  maxChars: 300,
  /** A first sentence shorter than this is completed by the second (when both fit in `maxChars`). */
  shortSentence: 140,
  /** A paragraph shorter than this with no sentence end is a heading, byline or salutation, not a lead. */
  minLeadChars: 40,
  /** Paragraphs looked at for the lead: past these the body is no longer the lead. */
  leadParagraphs: 4,
  /** Characters at the start of a paragraph where dateline furniture can sit; a dateline line is no longer. */
  datelineChars: 80,
  /** Words before an agency that a dateline spans at most («الرياض - واس:», "WASHINGTON (Reuters) -"). */
  datelineWords: 4,
} as const;

export const GROUP = {
  /** Follow-ups "within about three days" of a story article may join it (issue 12; gold annotation rule). */
  windowDays: 3,
  /**
   * Most days between a story's first and last article: the follow-up window, plus one day because a page's date
   * can be a day off the event's (crawl dates, time zones). A long affair becomes a chain of stories, not one.
   */
  maxSpanDays: 4,
  /** Paragraphs of the body, after the summary, compared as text: the lead states the event, later ones drift. */
  textParagraphs: 3,
  /** Score an article needs against a story article of the same day to join it. */
  joinScore: 0.24,
  /** Added to `joinScore` per day between the two articles: a later article must repeat more to be a follow-up. */
  perDay: 0.05,
  /** Weight of shared actors and places (language-independent evidence). */
  entityWeight: 0.35,
  /**
   * Weight of a shared figure (casualty count, sum): slight, since small numbers collide by chance ("10 tonnes",
   * "the 10th") and a consequence repeats the toll of its cause.
   */
  numberWeight: 0.05,
  /** Shared actor/place ids for full entity evidence; fewer scale it down (one shared capital is weak). */
  fullEntities: 3,
  /** Taken off a pair when one leads with a development (court, vote, veto…) the other never names. */
  developmentPenalty: 0.2,
  /** Most candidate articles an index key may list before it is too common to block on (a country, "said"). */
  maxPosting: 100,
  /** Candidates scored per article, those sharing the most keys: a partner shares many, and scoring is the cost. */
  maxCandidates: 40,
  /** Highest-weighted words (and name skeletons) an article is indexed and looked up under. */
  blockTerms: 24,
  /** Numbers read as years, not figures: Hijri (1436) and Gregorian (2015) years date an article, they do not count. */
  years: [
    [1300, 1500],
    [1900, 2100],
  ] as ReadonlyArray<readonly [number, number]>,
  /** Smallest number compared as a figure: 1 and 2 are everywhere ("two states", "one of"). */
  minFigure: 3,
} as const;
