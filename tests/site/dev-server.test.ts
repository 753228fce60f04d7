/**
 * What the dev server reacts to (src/site/dev-server.ts): the files the site model is read from reload the pages,
 * raw pages in the inbox are ingested; the ingest's own bookkeeping (manifest, temp files, review queue) is ignored,
 * or every ingest would reload the pages once more.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isInboxPage, isSiteContent } from "../../src/site/dev-server.ts";

const content = "/site/content";
const settings = { contentDir: content, articlesDir: join(content, "articles"), actorsDir: join(content, "actors"), inboxDir: join(content, "inbox") };

describe("dev server file filters", () => {
  it("reloads for articles, actor files and site.yaml only", () => {
    for (const file of ["articles/a1.md", "articles/sub/a2.md", "actors/libya.yaml", "actors/gulf.yml", "site.yaml"]) expect(isSiteContent(settings, join(content, file)), file).toBe(true);
    for (const file of ["articles/.manifest.json", "articles/a1.md.tmp-123", "review/candidates.yaml", "inbox/page.txt", "actors/README.md", "countries/forms.yaml"])
      expect(isSiteContent(settings, join(content, file)), file).toBe(false);
    expect(isSiteContent(settings, "/elsewhere/articles/a1.md")).toBe(false);
  });

  it("ingests raw pages dropped into the inbox", () => {
    for (const file of ["inbox/page.txt", "inbox/outlet/page.HTML", "inbox/p.htm", "inbox/p.text", "inbox/p.meta.json"]) expect(isInboxPage(settings, join(content, file)), file).toBe(true);
    for (const file of ["inbox/README.md", "inbox/page.pdf", "articles/a1.md", "inbox"]) expect(isInboxPage(settings, join(content, file)), file).toBe(false);
  });
});
