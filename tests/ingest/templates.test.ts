/** Outlet templates: learned from several pages of one outlet, then applied to its pages. */
import { describe, expect, it } from "vitest";
import { cleanPage, type RawPage } from "../../src/ingest/index.ts";
import {
  compileTemplates,
  learnTemplates,
  outletKey,
  parseTemplatesFile,
  serializeTemplatesFile,
  type TemplateSample,
} from "../../src/ingest/templates.ts";

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const STORIES = [
  ["Ferry service resumes after the winter storms", "ferry operators restarted the northern route on Monday after three weeks of storms."],
  ["Council debates new parking rules near the port", "the council spent Tuesday debating parking rules for the streets around the port."],
  ["Fishermen report a strong start to the season", "fishermen said on Wednesday that the first weeks of the season brought the best catches in years."],
  ["Lighthouse restoration enters its final stage", "workers began the last stage of the lighthouse restoration on Thursday, replacing the lantern glass."],
] as const;

function page(i: number): RawPage {
  const [title, lede] = STORIES[i]!;
  const text = [
    `URL: https://www.harbor.example/news/${i}`,
    title,
    `March ${i + 3}, 2023`,
    `HARBOR CITY — The ${lede} Officials said more details would follow after a meeting with the harbor master.`,
    "Weekend picks from our editors",
    "Residents who spoke to the paper said they welcomed the news but wanted clearer information about the timetable.",
  ].join("\n\n");
  return { file: `p${i}.txt`, bytes: enc(text) };
}

function samples(): TemplateSample[] {
  return STORIES.map((_, i) => {
    const r = cleanPage(page(i), { templates: new Map(), learn: true });
    if (!r.ok || !r.sample) throw new Error("no sample");
    return r.sample;
  });
}

describe("outlet templates", () => {
  it("keys an outlet by its address's host, else by its name", () => {
    expect(outletKey("https://www.harbor.example/a/b", "Harbor Daily")).toBe("harbor.example");
    expect(outletKey(null, "Harbor Daily")).toBe("harbor daily");
    expect(outletKey(null, null)).toBeNull();
  });

  it("learns a line the rules kept as a crosshead on every page of the outlet", () => {
    const before = cleanPage(page(0), { templates: new Map() });
    expect(before.ok && before.articles[0]!.body).toContain("Weekend picks from our editors");
    const file = learnTemplates(samples());
    expect(file).toEqual({ version: 1, outlets: [{ outlet: "harbor.example", pages: 4, lines: ["Weekend picks from our editors"] }] });
  });

  it("applies the template: the line is dropped and the page says so", () => {
    const templates = compileTemplates(learnTemplates(samples()));
    const after = cleanPage(page(1), { templates });
    expect(after.ok && after.articles[0]!.body).not.toContain("Weekend picks from our editors");
    expect(after.ok && after.articles[0]!.title).toBe(STORIES[1]![0]);
    expect(after.ok && after.warnings).toContain("outlet template harbor.example: 1 furniture line(s) dropped");
  });

  it("learns nothing from too few distinct pages (copies of one article count once)", () => {
    const s = samples();
    expect(learnTemplates(s.slice(0, 2)).outlets).toEqual([]);
    expect(learnTemplates([s[0]!, { ...s[0]! }, { ...s[0]! }, s[1]!]).outlets).toEqual([]);
  });

  it("never learns a line that is a title on some page", () => {
    const s = samples();
    s[3] = { ...s[3]!, used: [...s[3]!.used, "weekend picks from our editors"] };
    expect(learnTemplates(s).outlets).toEqual([]);
  });

  it("round-trips the file and names the file and field on bad content", () => {
    const file = learnTemplates(samples());
    expect(parseTemplatesFile(serializeTemplatesFile(file), "t.yaml")).toEqual(file);
    expect(() => parseTemplatesFile("version: 1\noutlets:\n  - outlet: x\n    pages: 0\n    lines: []\n", "t.yaml")).toThrow(/t\.yaml: field `outlets\.0\.pages`/);
  });
});
