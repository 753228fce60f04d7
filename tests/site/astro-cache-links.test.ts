/**
 * Astro's incremental cache by hard links (src/site/astro-cache-links.ts): entries share the output's inodes, an old
 * entry is replaced without writing into it, and where links cannot be made the files are written or copied.
 */
import { copyFileSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { cacheEntryName, linkAstroCache, linkFromCache, linkIntoCache, linkPublishedIntoCache, patchCachePrototype, type LinkFs } from "../../src/site/astro-cache-links.ts";
import { PageWriter, installPageWriter } from "../../src/site/page-writer.ts";

const work = mkdtempSync(join(tmpdir(), "cache-links-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let n = 0;
function dir(): string {
  const d = join(work, String(n++));
  mkdirSync(d, { recursive: true });
  return d;
}
const inode = (path: string) => statSync(path).ino;
/** Where the cache keeps the entry of output path `rel`. */
const cached = (root: string, rel: string) => join(root, "cache/pages", cacheEntryName(rel));

/** A file system where no hard link can be made (the cache on another file system). */
const noLinks: LinkFs = {
  link: () => {
    throw Object.assign(new Error("cross-device link"), { code: "EXDEV" });
  },
  unlink: unlinkSync,
  write: (path, body) => writeFileSync(path, body),
  copy: (from, to) => copyFileSync(from, to),
  exists: existsSync,
};

describe("linkIntoCache", () => {
  it("makes the cache entry the published file, leaving an old entry's other links as they were", () => {
    const d = dir();
    const cached = join(d, "cached.html");
    const previous = join(d, "previous-site.html");
    writeFileSync(cached, "old page");
    linkSync(cached, previous); // the previous site shares the old entry
    const published = join(d, "page.html");
    writeFileSync(published, "new page");
    expect(linkIntoCache(published, cached, "new page")).toBe("linked");
    expect(inode(cached)).toBe(inode(published));
    expect(readFileSync(previous, "utf8")).toBe("old page");
  });

  it("writes the body as a new file where a link cannot be made", () => {
    const d = dir();
    const cached = join(d, "cached.html");
    const previous = join(d, "previous-site.html");
    writeFileSync(cached, "old page");
    linkSync(cached, previous);
    const published = join(d, "page.html");
    writeFileSync(published, "new page");
    expect(linkIntoCache(published, cached, "new page", noLinks)).toBe("written");
    expect(readFileSync(cached, "utf8")).toBe("new page");
    expect(inode(cached)).not.toBe(inode(published));
    expect(readFileSync(previous, "utf8")).toBe("old page");
  });

  it("writes the body when there is no published file to link", () => {
    const cached = join(dir(), "cached.html");
    expect(linkIntoCache(null, cached, new TextEncoder().encode("bytes"))).toBe("written");
    expect(readFileSync(cached, "utf8")).toBe("bytes");
  });
});

describe("cacheEntryName", () => {
  it("names each output path apart, in one flat folder", () => {
    const paths = ["ar/a/index.html", "ar/a%2Findex.html", "ar%2Fa/index.html", "ar/a/index%25.html", "index.html", "en/rss.xml"];
    const names = paths.map(cacheEntryName);
    expect(new Set(names).size).toBe(paths.length);
    for (const name of names) expect(name).not.toContain("/");
  });

  it("names a path too long for a file name by its digest", () => {
    const long = `ar/actors/${"%D8%A7".repeat(60)}/index.html`;
    const name = cacheEntryName(long);
    expect(name).toMatch(/^#[0-9a-f]{64}$/);
    expect(cacheEntryName(`${long}x`)).not.toBe(name);
    expect(Buffer.byteLength(name)).toBeLessThan(255);
  });
});

describe("linkIntoCache when the entry is known to be absent", () => {
  it("links without trying to remove an entry first", () => {
    const d = dir();
    writeFileSync(join(d, "page.html"), "p");
    let unlinks = 0;
    const counting: LinkFs = { ...noLinks, link: linkSync, unlink: (path) => (unlinks++, unlinkSync(path)) };
    expect(linkIntoCache(join(d, "page.html"), join(d, "entry"), "p", counting, { absent: true })).toBe("linked");
    expect(unlinks).toBe(0);
    expect(linkIntoCache(join(d, "page.html"), join(d, "entry"), "p", counting)).toBe("linked");
    expect(unlinks).toBe(1);
  });
});

describe("linkFromCache", () => {
  it("links the cached file into the output", () => {
    const d = dir();
    writeFileSync(join(d, "cached.html"), "page");
    expect(linkFromCache(join(d, "cached.html"), join(d, "out.html"))).toBe("linked");
    expect(inode(join(d, "out.html"))).toBe(inode(join(d, "cached.html")));
  });

  it("copies where a link cannot be made", () => {
    const d = dir();
    writeFileSync(join(d, "cached.html"), "page");
    expect(linkFromCache(join(d, "cached.html"), join(d, "out.html"), noLinks)).toBe("copied");
    expect(readFileSync(join(d, "out.html"), "utf8")).toBe("page");
    expect(inode(join(d, "out.html"))).not.toBe(inode(join(d, "cached.html")));
  });

  it("says when there is no cached file", () => {
    const d = dir();
    expect(linkFromCache(join(d, "none.html"), join(d, "out.html"))).toBe("missing");
    expect(linkFromCache(join(d, "none.html"), join(d, "out.html"), noLinks)).toBe("missing");
    expect(existsSync(join(d, "out.html"))).toBe(false);
  });
});

/** A stand-in for Astro's IncrementalBuildCache: the original methods write copies. */
function fakeCacheClass() {
  return class {
    async writeOutputFile(_settings: unknown, _file: string, _body: string | Uint8Array): Promise<void> {
      throw new Error("original called");
    }
    async restoreOutputFile(_settings: unknown, _file: string, _destination: URL): Promise<boolean> {
      throw new Error("original called");
    }
    async deleteOutputFile(_settings: unknown, _file: string): Promise<void> {}
  };
}

describe("patchCachePrototype", () => {
  const site = () => {
    const d = dir();
    return { outDir: pathToFileURL(join(d, "out") + "/"), cacheDir: pathToFileURL(join(d, "cache") + "/"), root: d };
  };

  it("links rendered pages into the cache and restored pages out of it, creating their folders", async () => {
    const Cache = fakeCacheClass();
    patchCachePrototype(Cache.prototype);
    const config = site();
    const settings = { config };
    const cache = new Cache();
    mkdirSync(join(config.root, "out/ar/a"), { recursive: true });
    writeFileSync(join(config.root, "out/ar/a/index.html"), "<p>a</p>");
    await cache.writeOutputFile(settings, "ar/a/index.html", "<p>a</p>");
    expect(inode(cached(config.root, "ar/a/index.html"))).toBe(inode(join(config.root, "out/ar/a/index.html")));

    // The next build: a fresh output folder, the page restored.
    rmSync(join(config.root, "out"), { recursive: true });
    const next = new Cache();
    expect(await next.restoreOutputFile(settings, "ar/a/index.html", new URL("ar/a/index.html", config.outDir))).toBe(true);
    expect(inode(join(config.root, "out/ar/a/index.html"))).toBe(inode(cached(config.root, "ar/a/index.html")));
    expect(await next.restoreOutputFile(settings, "ar/b/index.html", new URL("ar/b/index.html", config.outDir))).toBe(false);
  });

  it("keeps entries in one flat folder, removes Astro's mirrored layout and prunes entries of pages that are gone", async () => {
    const Cache = fakeCacheClass();
    patchCachePrototype(Cache.prototype);
    const config = site();
    mkdirSync(join(config.root, "cache/dist/ar/old"), { recursive: true });
    writeFileSync(join(config.root, "cache/dist/ar/old/index.html"), "stale");
    mkdirSync(join(config.root, "out/ar/a"), { recursive: true });
    writeFileSync(join(config.root, "out/ar/a/index.html"), "<p>a</p>");
    const cache = new Cache();
    await cache.writeOutputFile({ config }, "ar/a/index.html", "<p>a</p>");
    expect(existsSync(join(config.root, "cache/dist"))).toBe(false);
    expect(existsSync(join(config.root, "cache/pages/ar"))).toBe(false);
    expect(readFileSync(cached(config.root, "ar/a/index.html"), "utf8")).toBe("<p>a</p>");
    await cache.deleteOutputFile({ config }, "ar/a/index.html");
    expect(existsSync(cached(config.root, "ar/a/index.html"))).toBe(false);
  });

  it("replaces an entry of an earlier build without writing into it", async () => {
    const Cache = fakeCacheClass();
    patchCachePrototype(Cache.prototype);
    const config = site();
    mkdirSync(join(config.root, "out"), { recursive: true });
    writeFileSync(join(config.root, "out/index.html"), "v1");
    await new Cache().writeOutputFile({ config }, "index.html", "v1");
    const first = inode(cached(config.root, "index.html"));
    // The next build renders the page again into a fresh output folder; the earlier entry keeps its bytes.
    rmSync(join(config.root, "out"), { recursive: true });
    mkdirSync(join(config.root, "out"), { recursive: true });
    writeFileSync(join(config.root, "out/index.html"), "v2");
    const keep = join(config.root, "keep.html");
    linkSync(cached(config.root, "index.html"), keep);
    await new Cache().writeOutputFile({ config }, "index.html", "v2");
    expect(readFileSync(cached(config.root, "index.html"), "utf8")).toBe("v2");
    expect(inode(cached(config.root, "index.html"))).not.toBe(first);
    expect(readFileSync(keep, "utf8")).toBe("v1");
  });

  it("writes copies when the output file is not the page Astro rendered", async () => {
    const Cache = fakeCacheClass();
    patchCachePrototype(Cache.prototype);
    const config = site();
    const cache = new Cache();
    mkdirSync(join(config.root, "out"), { recursive: true });
    writeFileSync(join(config.root, "out/index.html"), "something else");
    writeFileSync(join(config.root, "out/two.html"), "two");
    await cache.writeOutputFile({ config }, "index.html", "<p>rendered</p>");
    await cache.writeOutputFile({ config }, "two.html", "two");
    expect(readFileSync(cached(config.root, "index.html"), "utf8")).toBe("<p>rendered</p>");
    expect(inode(cached(config.root, "two.html"))).not.toBe(inode(join(config.root, "out/two.html")));
    expect(readFileSync(cached(config.root, "two.html"), "utf8")).toBe("two");
  });

  it("writes and copies where links cannot be made", async () => {
    const Cache = fakeCacheClass();
    patchCachePrototype(Cache.prototype, noLinks);
    const config = site();
    const cache = new Cache();
    mkdirSync(join(config.root, "out"), { recursive: true });
    writeFileSync(join(config.root, "out/index.html"), "page");
    await cache.writeOutputFile({ config }, "index.html", "page");
    expect(readFileSync(cached(config.root, "index.html"), "utf8")).toBe("page");
    expect(inode(cached(config.root, "index.html"))).not.toBe(inode(join(config.root, "out/index.html")));
    rmSync(join(config.root, "out"), { recursive: true });
    expect(await new Cache().restoreOutputFile({ config }, "index.html", new URL("index.html", config.outDir))).toBe(true);
    expect(readFileSync(join(config.root, "out/index.html"), "utf8")).toBe("page");
  });
});

describe("linkAstroCache", () => {
  it("finds the installed Astro's cache class", async () => {
    expect(await linkAstroCache()).toBe(true);
  });

  it("leaves Astro's copies alone when asked to", async () => {
    expect(await linkAstroCache(undefined, { MARSAD_ASTRO_CACHE_COPIES: "1" })).toBe(false);
  });
});

describe("linkPublishedIntoCache", () => {
  it("links the published page, replacing an old entry without writing into it", () => {
    const d = dir();
    writeFileSync(join(d, "page.html"), "new");
    writeFileSync(join(d, "entry.html"), "old");
    linkSync(join(d, "entry.html"), join(d, "previous-site.html"));
    expect(linkPublishedIntoCache(join(d, "page.html"), join(d, "entry.html"))).toBe("linked");
    expect(inode(join(d, "entry.html"))).toBe(inode(join(d, "page.html")));
    expect(readFileSync(join(d, "previous-site.html"), "utf8")).toBe("old");
  });

  it("copies the published page where a link cannot be made", () => {
    const d = dir();
    writeFileSync(join(d, "page.html"), "page");
    expect(linkPublishedIntoCache(join(d, "page.html"), join(d, "entry.html"), noLinks, { absent: true })).toBe("copied");
    expect(readFileSync(join(d, "entry.html"), "utf8")).toBe("page");
    expect(inode(join(d, "entry.html"))).not.toBe(inode(join(d, "page.html")));
  });
});

describe("patchCachePrototype with a page writer installed", () => {
  it("has the writer link every page after the first, which it checks itself", async () => {
    const Cache = fakeCacheClass();
    patchCachePrototype(Cache.prototype);
    const d = dir();
    const config = { outDir: pathToFileURL(join(d, "out") + "/"), cacheDir: pathToFileURL(join(d, "cache") + "/") };
    const writer = new PageWriter();
    const linked: string[] = [];
    const link = writer.linkIntoCache.bind(writer);
    writer.linkIntoCache = (published, entry, absent) => {
      linked.push(published);
      return link(published, entry, absent);
    };
    installPageWriter(writer);
    try {
      const cache = new Cache();
      for (const page of ["a", "b", "c"]) {
        await writer.writePage(join(d, "out", page), join(d, "out", page, "index.html"), `<p>${page}</p>`);
        await cache.writeOutputFile({ config }, `${page}/index.html`, `<p>${page}</p>`);
        expect(inode(cached(d, `${page}/index.html`))).toBe(inode(join(d, "out", page, "index.html")));
      }
      expect(linked).toEqual([join(d, "out/b/index.html"), join(d, "out/c/index.html")]);
    } finally {
      installPageWriter(null);
      await writer.close();
    }
  });
});
