import { describe, expect, it } from "vitest";
import { boilerplate, compileBoilerplate, matchPrefix } from "../../src/ingest/boilerplate.ts";
import { fold } from "../../src/ingest/text.ts";

const groups = [
  "marker_lines",
  "related_lines",
  "end_lines",
  "form_lines",
  "masthead_lines",
  "summary_lines",
  "attribution_labels",
  "furniture_labels",
  "furniture_prefixes",
  "furniture_phrases",
  "footer_phrases",
  "end_prefixes",
  "edition_notes",
  "counter_units",
  "credits",
  "byline_prefixes",
  "section_names",
  "outlet_words",
  "continuation_prefixes",
  "caption_prefixes",
  "credit_prefixes",
  "author_labels",
  "byline_roles",
  "byline_role_extras",
  "function_words",
  "live_markers",
];
const minimal = () => Object.fromEntries(groups.map((g) => [g, { ar: ["س"], en: ["x"] }]));

describe("boilerplate lexicon", () => {
  it("loads the project lexicon", () => {
    const lex = boilerplate();
    expect(lex.lines.get(fold("مقالات ذات صلة"))).toBe("related");
    expect(lex.lines.get(fold("TT"))).toBe("marker");
  });

  it("strips a byline opener from the one byline-prefix list, on a word end only", () => {
    const { bylinePrefixPattern: by } = boilerplate();
    expect("بقلم سامي يوسف".replace(by, "")).toBe("سامي يوسف");
    expect("كتب: سامي يوسف".replace(by, "")).toBe("سامي يوسف");
    expect("Written by Jane Doe".replace(by, "")).toBe("Jane Doe");
    expect("Byron Smith".replace(by, "")).toBe("Byron Smith");
  });

  it("reads a place or beat after a byline role from the lexicon (a folded key)", () => {
    const { bylineRoleExtra: extra } = boilerplate();
    for (const s of ["in beirut", "based in cairo", "في بيروت", "لشوون الخليج", "بالقاهره"]) expect(extra.test(s), s).toBe(true);
    expect(extra.test("investigations")).toBe(false);
  });

  it("rejects an empty group instead of matching everything", () => {
    const data = { ...minimal(), credits: { ar: [], en: ["AFP"] } };
    expect(() => compileBoilerplate(data)).toThrow(/credits.*empty lexicon group/);
  });

  it("rejects a missing or unknown group", () => {
    const { credits: _credits, ...missing } = minimal();
    expect(() => compileBoilerplate(missing)).toThrow(/credits/);
    expect(() => compileBoilerplate({ ...minimal(), extra: { ar: ["a"], en: ["b"] } })).toThrow();
  });

  it("matches cues across hamza and tanween variants", () => {
    const lex = boilerplate();
    for (const v of ["إقرأ أيضاً", "اقرأ ايضا", "إقرأ أيضاً:"]) expect(lex.lines.get(fold(v))).toBe("related");
    expect(matchPrefix(lex.attribution, fold("المصدر: الجزيرة"))).toBe(fold("المصدر"));
    expect(matchPrefix(lex.attribution, fold("المصدرية العالية"))).toBeNull();
  });
});

describe("phrase patterns (fast path)", () => {
  it("find a phrase exactly where one `includes` per phrase does", () => {
    const lex = boilerplate();
    const lists = [
      [lex.footerPattern, lex.footerPhrases],
      [lex.furniturePattern, lex.furniturePhrases],
      [lex.policyPattern, lex.policyPhrases],
    ] as const;
    // Each phrase inside a sentence, each phrase cut short, and plain lines.
    const keys: string[] = ["the minister said on tuesday that talks would resume", "قال الوزير ان المحادثات ستستانف", ""];
    for (const [, phrases] of lists) for (const p of phrases) keys.push(`before ${p} after`, p.slice(0, -1), `x${p}`);
    for (const [pattern, phrases] of lists) {
      for (const key of keys) expect(pattern.test(key), key).toBe(phrases.some((p) => key.includes(p)));
    }
  });
});
