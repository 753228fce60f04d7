/**
 * What `build` reports as rendered (src/cli/astro-build.ts `astroOutputReader`): every file Astro wrote (pages,
 * feeds) from its `├─ /…` lines, less those it restored from the incremental build's cache.
 */
import { describe, expect, it } from "vitest";
import { astroOutputReader } from "../../src/cli/astro-build.ts";

describe("astroOutputReader", () => {
  it("counts every output, pages and feeds, and the restored ones, on timestamped and interleaved lines", () => {
    const reader = astroOutputReader();
    for (const line of [
      "16:04:19 [build] Building static entrypoints...",
      "16:04:21   ├─ /ar/index.html (+12ms)",
      "16:04:21   ├─ /ar/actors/x/rss.xml (+3ms)",
      "16:04:21   ├─ /ar/actors/y/rss.xml  (restored)",
      "16:04:21   ├─ /ar/articles/a/index.html   ├─ /ar/articles/b/index.html (cached) (cached)",
      "16:04:22   └─ /en/index.html (+9ms)",
      "16:04:30 [build] 4 page(s) built in 11s",
    ])
      reader.feed(line);
    const result = reader.result();
    expect(result.outputs).toBe(6);
    expect(result.reused).toBe(3);
    expect(result.built).toBe(4);
  });
});
