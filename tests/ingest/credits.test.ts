/**
 * Credits (src/ingest/credits.ts): mastheads, agency bylines and wire end credits. Names are invented.
 */
import { describe, expect, it } from "vitest";
import { cleanLines } from "../../src/ingest/page.ts";
import { creditAuthors, isMasthead, splitAgency } from "../../src/ingest/credits.ts";
import { fold } from "../../src/ingest/text.ts";

const TITLE = "Harbor authority reopens the northern port after a week of repairs";
const P1 =
  "The harbor authority reopened the northern port on Tuesday after a week of repairs to its main quay, officials said, and the first cargo ships were expected to dock by the evening.";
const P2 = "Dock workers said the repairs had taken longer than planned because spare parts arrived late from abroad, and several shipping lines had diverted vessels.";

describe("credits", () => {
  it("splits an agency off the end of a byline's names", () => {
    expect(splitAgency("Jane Doe and Omar Al-Harbi Reuters")).toEqual({ authors: "Jane Doe and Omar Al-Harbi", agency: "Reuters" });
    expect(splitAgency("Jane Doe, The Associated Press")).toEqual({ authors: "Jane Doe", agency: "The Associated Press" });
    expect(splitAgency("Reuters")).toEqual({ authors: null, agency: "Reuters" });
    expect(splitAgency("Jane Doe")).toEqual({ authors: "Jane Doe", agency: null });
  });

  it("reads reporters, not editors, from a wire end credit", () => {
    expect(creditAuthors("Reporting by Jane Doe in Muscat; Additional reporting by Omar Saleh; Editing by Mark Roe")).toBe("Jane Doe, Omar Saleh");
    expect(creditAuthors("Editing by Mark Roe")).toBeNull();
  });

  it("knows mastheads by their folded line", () => {
    expect(isMasthead(fold("The New York Times"))).toBe(true);
    expect(isMasthead(fold("World"))).toBe(false);
  });
});

describe("credits on a page", () => {
  it("takes a masthead line in the page header as the source", () => {
    const { articles } = cleanLines(["Sections", "The Washington Post", "Middle East", "", TITLE, "By Jane Doe", "March 2, 2021", "", P1, "", P2]);
    expect(articles[0]).toMatchObject({ title: TITLE, source: "The Washington Post", author: "Jane Doe" });
  });

  it("reads 'By A and B Agency' as authors and source, over the masthead", () => {
    const { articles } = cleanLines(["The Washington Post", "", TITLE, "By Jane Doe and Omar Al-Harbi Reuters", "March 2, 2021", "", P1, "", P2]);
    expect(articles[0]).toMatchObject({ source: "Reuters", author: "Jane Doe and Omar Al-Harbi" });
  });

  it("takes the authors from the end credit when the header has no byline", () => {
    const { articles } = cleanLines([TITLE, "March 2, 2021", "", P1, "", P2, "", "Reporting by Jane Doe in Muscat; Editing by Mark Roe"]);
    expect(articles[0]).toMatchObject({ author: "Jane Doe", body: [P1, P2] });
  });
});
