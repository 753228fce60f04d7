/**
 * Edition notes and popularity counters (lexicon groups `edition_notes`, `counter_units`): furniture at any
 * length, and a teaser above a counter is never body. Sentences are invented for the test.
 */
import { describe, expect, it } from "vitest";
import { classifyLines } from "../../src/ingest/classify.ts";
import { cleanLines } from "../../src/ingest/page.ts";
import { segmentLines } from "../../src/ingest/segment.ts";

const kinds = (lines: string[]): string[] => classifyLines(segmentLines(lines)).lines.map((l) => l.kind);

const TITLE = "Harbor authority reopens the northern port after a week of repairs";
const P1 =
  "The harbor authority reopened the northern port on Tuesday after a week of repairs to its main quay, officials said, and the first cargo ships were expected to dock by the evening.";
const P2 = "Dock workers said the repairs had taken longer than planned because spare parts arrived late from abroad, and several shipping lines had diverted vessels.";
const P3 = "The authority said traffic would return to normal within days, once the backlog of ships waiting offshore had been cleared and inspected.";

describe("edition notes", () => {
  it("reads a long print-edition note as furniture", () => {
    const note = `A version of this article appears in print on March 3, 2021, on Page A9 of the New York edition with the headline: ${TITLE}. Order Reprints | Today's Paper | Subscribe`;
    expect(kinds([note])).toEqual(["junk"]);
    const { articles } = cleanLines([TITLE, "", "March 2, 2021", "", P1, "", P2, "", P3, "", note]);
    expect(articles[0]!.body).toEqual([P1, P2, P3]);
  });
});

describe("popularity counters", () => {
  it("reads a number and a counter unit as furniture, in both languages", () => {
    expect(kinds(["48801 Read", "13,696 Viewed", "٢٣٤ مشاهدة", "3 ships"])).toEqual(["junk", "junk", "junk", "heading"]);
  });

  it("keeps a question teaser of a most-read list out of the body", () => {
    const teaser = "Heat wave: how long will it last and who is most at risk this week?";
    const { articles } = cleanLines([
      TITLE, "", "March 2, 2021", "", P1, "", P2, "", P3, "", "© 2021 Harbor Wire", "", "More from Harbor News", "",
      "Markets rally as fuel prices ease after the holiday weekend", "", "Ferry timetable changes for the spring season in the bay", "",
      "Advertisement", "", "Trending", "",
      "Shipping lines count the cost of the long closure", "", "48801 Read", "", "Dock strike talks to resume on Monday at the ministry", "",
      "29909 Read", "", teaser, "", "18748 Read", "", "Fishermen protest new quotas outside the port office", "", "16162 Read",
    ]);
    expect(articles).toHaveLength(1);
    expect(articles[0]!.body).toEqual([P1, P2, P3]);
  });
});
