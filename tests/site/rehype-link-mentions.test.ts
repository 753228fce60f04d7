/**
 * HTML snapshots of article bodies with mentions linked. Cases are folders under
 * tests/fixtures/site/rehype/<case>/ with `input.json` (body, mentions) and `expected.html`; run with UPDATE=1 to
 * rewrite the expectations and review the diff.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import type { Mention } from "../../src/schemas/article.ts";
import { paragraphsToHast, toHtml } from "../../src/site/article-hast.ts";
import rehypeLinkMentions, { type MentionLink } from "../../src/site/rehype-link-mentions.ts";
import { expectedText } from "../expectation.ts";

const CASES = join(import.meta.dirname, "../fixtures/site/rehype");

/** Pages that exist in these cases: every actor but the Rapid Support Forces, and Libya. */
function link(ref: string): MentionLink | null {
  if (ref === "rapid-support-forces") return null;
  if (ref.startsWith("country:")) return ref === "country:LY" ? { kind: "country", href: "/ar/countries/ly/" } : null;
  return { kind: "actor", href: `/ar/actors/${ref}/` };
}

describe("rehype-link-mentions", () => {
  for (const name of readdirSync(CASES).sort()) {
    it(name, () => {
      const input = JSON.parse(readFileSync(join(CASES, name, "input.json"), "utf8")) as { body: string[]; mentions: Mention[] };
      const tree = paragraphsToHast(input.body);
      rehypeLinkMentions({ mentions: input.mentions, link })(tree);
      const html = `${toHtml(tree).replaceAll("</p>", "</p>\n")}`;
      const expectedFile = join(CASES, name, "expected.html");
      expect(html).toBe(expectedText(expectedFile, html));
    });
  }

  it("reports stale mentions on the vfile when run through unified", async () => {
    const { VFile } = await import("vfile");
    const file = new VFile();
    const tree = paragraphsToHast(["لا اسم هنا."]);
    const mentions: Mention[] = [{ ref: "khalifa-haftar", paragraph: 0, start: 0, end: 4, surface: "حفتر", sentence: "" }];
    await unified().use(rehypeLinkMentions, { mentions, link }).run(tree, file);
    expect(file.messages.map((m) => m.ruleId)).toEqual(["mention-offset"]);
    expect(toHtml(tree)).toBe("<p>لا اسم هنا.</p>");
  });
});
