/**
 * Line rules added for outlets the seed corpus does not have (invented lines in their style). Each would be read
 * as body or as a headline without its rule.
 */
import { describe, expect, it } from "vitest";
import { classifyLines } from "../../src/ingest/classify.ts";
import { cleanPage } from "../../src/ingest/index.ts";
import { urlDate } from "../../src/ingest/page.ts";
import { segmentLines } from "../../src/ingest/segment.ts";

const kinds = (lines: string[]): string[] => classifyLines(segmentLines(lines)).lines.map((l) => l.kind);
const PARA = "The council met on Monday to discuss the budget, and members said the vote would take place later this month after a public hearing.";

describe("line rules for unseen outlets", () => {
  it("reads a line wholly in square brackets and a gallery counter as furniture", () => {
    expect(kinds(["[Read: Why the harbor keeps flooding every spring]", "3 of 12"])).toEqual(["junk", "junk"]);
  });

  it("reads a long caption closed by a Credit field as a caption", () => {
    const caption =
      "Workers clear mud from a street in the old town on Sunday after the river burst its banks for the second time this year, flooding shops and homes along the water. Credit Jane Roe/Harbor Photo Agency";
    expect(kinds([caption])).toEqual(["caption"]);
  });

  it("reads a By-line with two names or with its date and a follow prompt as a byline", () => {
    const page = classifyLines(segmentLines(["By Jane Roe and John Doe Harbor Wire", "By Jane Roe May 2 at 9:15 AM Follow @janeroe"]));
    expect(page.lines.map((l) => [l.kind, l.value])).toEqual([
      ["byline", "Jane Roe and John Doe Harbor Wire"],
      ["byline", "Jane Roe"],
    ]);
  });

  it("keeps a long By-headline as a headline", () => {
    expect(kinds(["By the numbers: how the harbor storms changed the city this winter"])).toEqual(["heading"]);
  });

  it("reads a comment-policy paragraph as the end of the body, not news naming one policy", () => {
    const news = "The company said it had changed its privacy policy and its terms of use after regulators in several countries opened inquiries into how it stores data.";
    expect(kinds([news])).toEqual(["prose"]);
    const notice =
      "We welcome a lively discussion. Comments are moderated, so we review comments before they are published; please read our community guidelines and our privacy policy before you post.";
    expect(kinds([notice])).toEqual(["end"]);
  });

  it("reads a question printed twice on a page as a headline, not body", () => {
    const q = "Why are so many new ferry routes being cancelled across the northern islands this year?";
    const list = [PARA, PARA.replace("Monday", "Tuesday"), "Most read", q, "Harbor cranes return after a week of repairs", "Top videos", q, "Lighthouse reopens to visitors"];
    expect(kinds(list).filter((_, i) => i === 3 || i === 6)).toEqual(["heading", "heading"]);
  });

  it("reads a line repeated after paragraphs as in-body furniture", () => {
    const cue = "Keep scrolling for more of this story";
    expect(kinds([PARA, cue, PARA.replace("Monday", "Friday"), cue, PARA.replace("Monday", "Sunday")])).toEqual(["prose", "junk", "prose", "junk", "prose"]);
  });

  it("cuts a follow prompt glued to the end of a paragraph", () => {
    const para = "وقالت الوزارة إن الخطة ستطبق على مراحل خلال العام المقبل، وإن المزارعين سيتلقون الدعم مباشرة عبر المصارف المحلية.";
    const page = classifyLines(segmentLines([`${para}      تابعونا على:`, "The ministry said the plan would be rolled out in stages over the next year, with farmers paid directly. Follow us on"]));
    expect(page.lines.map((l) => l.text)).toEqual([para, "The ministry said the plan would be rolled out in stages over the next year, with farmers paid directly."]);
  });

  it("dates a page by its address's path only as a last resort", () => {
    expect(urlDate("https://example.org/politics/2023/5/2/some-story")).toBe("2023-05-02");
    expect(urlDate("https://example.org/2023-05-02/x")).toBe("2023-05-02");
    expect(urlDate("https://example.org/news/12345")).toBeNull();
    expect(urlDate(null)).toBeNull();
  });

  it("completes a year-less byline date with the year the page gives for that day", () => {
    const text = [
      "Storm floods the old harbor district",
      "",
      "By Jane Roe May 2 at 9:15 AM",
      "",
      "May 2, 2023 Workers clear mud from a street in the old town. Jane Roe/Harbor Photo Agency",
      "",
      "HARBOR CITY — The river burst its banks on Tuesday for the second time this year, flooding shops and homes along the water, officials said.",
      "",
      "Residents said the water rose within an hour, and the city opened two schools as shelters for families who had to leave their homes overnight.",
    ].join("\n");
    const result = cleanPage({ file: "x.txt", bytes: new TextEncoder().encode(text) });
    expect(result.ok && result.articles.map((a) => a.published)).toEqual(["2023-05-02"]);
  });
});
