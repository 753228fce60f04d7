/**
 * Carry-over publishing (src/lib/carry-over.ts, publish.ts `applyCarryOver`): a rebuild stages only what changed,
 * carries the rest over from the published site, and publishes by moving the staged files in and deleting what the
 * new site no longer has. The published site must end up exactly as a complete staged tree would have made it.
 */
import { existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { CarryOver, readCarriedFiles, writeCarriedFiles } from "../../src/lib/carry-over.ts";
import { planCarryOver, publishAtomically, publishPaths, recoverPublish, treeOf } from "../../src/pipeline/publish.ts";
import { snapshot } from "../reliability/helpers.ts";

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/** A published site whose pages are hard links to a cache, as the build leaves it; returns its folders. */
function publishedSite(pages: number): { dir: string; out: string; cache: string } {
  const dir = mkdtempSync(join(tmpdir(), "marsad-carry-"));
  const out = join(dir, "dist");
  const cache = join(dir, "cache");
  write(join(out, "index.html"), "<p>home v1</p>");
  write(join(out, "_astro", "site.aaa.css"), "a{}");
  for (let i = 0; i < pages; i++) {
    write(join(cache, `p${i}.html`), `<p>page ${i}</p>`);
    mkdirSync(join(out, "ar", "articles", `p${i}`), { recursive: true });
    linkSync(join(cache, `p${i}.html`), join(out, "ar", "articles", `p${i}`, "index.html"));
  }
  return { dir, out, cache };
}

describe("CarryOver", () => {
  it("carries a file only when the published one is that very file (same inode), not an equal copy", () => {
    const { out, cache } = publishedSite(2);
    const carry = new CarryOver(out, join(out, "..", "staging"));
    expect(carry.carry("ar/articles/p0/index.html", join(cache, "p0.html"))).toBe(true);
    write(join(cache, "copy.html"), "<p>page 1</p>");
    expect(carry.carry("ar/articles/p1/index.html", join(cache, "copy.html"))).toBe(false);
    expect(carry.carry("ar/articles/missing/index.html", join(cache, "p1.html"))).toBe(false);
    expect(carry.has("ar/articles/p0/index.html")).toBe(true);
    expect(carry.size).toBe(1);
    expect(carry.pathOf("ar/articles/p0/index.html")).toBe(join(out, "ar/articles/p0/index.html"));
    expect(carry.pathOf("index.html")).toBe(join(out, "..", "staging", "index.html"));
  });

  it("reads back the list the Astro child writes, and refuses a list of another folder or a damaged one", () => {
    const { dir, out } = publishedSite(0);
    const file = join(dir, "carried.json");
    expect(readCarriedFiles(file, out)).toEqual([]);
    writeCarriedFiles(file, out, [{ rel: "a/index.html", source: "/c/a" }]);
    expect(readCarriedFiles(file, out)).toEqual([{ rel: "a/index.html", source: "/c/a" }]);
    expect(() => readCarriedFiles(file, join(dir, "other"))).toThrow(/not of/);
    writeFileSync(file, "{");
    expect(() => readCarriedFiles(file, out)).toThrow(/carried\.json: not a list of carried files/);
  });
});

describe("planCarryOver", () => {
  const published = { files: ["index.html", "a/index.html", "b/index.html", "old/index.html", "x.css"], dirs: new Set(["a", "b", "old"]) };
  it("moves assets before pages and deletes what is neither staged nor carried", () => {
    expect(planCarryOver(["index.html", "y.css"], published, ["a/index.html", "b/index.html"])).toEqual({
      moves: ["y.css", "index.html"],
      deletes: ["old/index.html", "x.css"],
    });
  });
  it("swaps the whole tree when a carried file is gone, a file would replace a folder or sit below a file, or most of the site changed", () => {
    expect(planCarryOver(["index.html"], published, ["gone/index.html"])).toHaveProperty("swap", expect.stringMatching(/no longer published/));
    expect(planCarryOver(["a"], published, ["b/index.html", "x.css"])).toHaveProperty("swap", expect.stringMatching(/replaces a folder/));
    expect(planCarryOver(["x.css/y"], published, ["b/index.html", "a/index.html"])).toHaveProperty("swap", expect.stringMatching(/where x\.css is a file/));
    const many = Array.from({ length: 1200 }, (_, i) => `n${i}/index.html`);
    expect(planCarryOver(many, published, ["b/index.html"])).toHaveProperty("swap", expect.stringMatching(/1200 files staged, 1 carried/));
    // A few staged files are moved even when fewer are carried: that takes milliseconds either way.
    expect(planCarryOver(["index.html", "y/index.html"], published, ["b/index.html"])).toHaveProperty("moves");
  });
});

describe("publishAtomically with carryOver", () => {
  it("moves the staged files into the published site, keeps the carried ones (same inodes) and deletes the rest", async () => {
    const { out, cache } = publishedSite(4);
    const root = statSync(out).ino;
    const keptInodes = [0, 1, 2].map((i) => statSync(join(out, "ar", "articles", `p${i}`, "index.html")).ino);
    await publishAtomically(
      out,
      async (staging, carry) => {
        expect(carry).toBeDefined();
        write(join(staging, "index.html"), "<p>home v2</p>");
        write(join(staging, "_astro", "site.bbb.css"), "b{}");
        write(join(staging, "ar", "articles", "p9", "index.html"), "<p>new</p>");
        for (const i of [0, 1, 2]) expect(carry!.carry(`ar/articles/p${i}/index.html`, join(cache, `p${i}.html`))).toBe(true);
        // p3 is neither staged nor carried: the new site no longer has it.
        expect(readFileSync(join(out, "index.html"), "utf8")).toBe("<p>home v1</p>"); // untouched while building
      },
      { carryOver: true },
    );
    expect(statSync(out).ino).toBe(root); // the same folder, updated
    expect(treeOf(out).files.sort()).toEqual(["_astro/site.bbb.css", "ar/articles/p0/index.html", "ar/articles/p1/index.html", "ar/articles/p2/index.html", "ar/articles/p9/index.html", "index.html"]);
    expect([...treeOf(out).dirs]).not.toContain("ar/articles/p3"); // no empty folder left where a page was
    expect([0, 1, 2].map((i) => statSync(join(out, "ar", "articles", `p${i}`, "index.html")).ino)).toEqual(keptInodes);
    expect(readFileSync(join(out, "index.html"), "utf8")).toBe("<p>home v2</p>");
    expect(readdirSync(dirname(out)).sort()).toEqual(["cache", "dist"]);
  });

  it("with a trash folder, keeps what it replaces or deletes there (to be freed in the background), not in the site", async () => {
    const { dir, out, cache } = publishedSite(3);
    const oldHome = join(dir, "old-home");
    linkSync(join(out, "index.html"), oldHome);
    await publishAtomically(
      out,
      async (staging, carry) => {
        write(join(staging, "index.html"), "<p>home v2</p>");
        for (const i of [0, 1]) carry!.carry(`ar/articles/p${i}/index.html`, join(cache, `p${i}.html`));
      },
      { carryOver: true, trashDir: join(dir, "trash") },
    );
    expect(treeOf(out).files.sort()).toEqual(["ar/articles/p0/index.html", "ar/articles/p1/index.html", "index.html"]);
    expect(readFileSync(join(out, "index.html"), "utf8")).toBe("<p>home v2</p>");
    // The replaced home page was never written into: its other name still reads the old bytes.
    expect(readFileSync(oldHome, "utf8")).toBe("<p>home v1</p>");
  });

  it("swaps a complete tree in, carried files linked into it, when most of the site changed", async () => {
    const { out, cache } = publishedSite(2);
    const pages = Array.from({ length: 1200 }, (_, i) => `n${i}/index.html`);
    await publishAtomically(
      out,
      async (staging, carry) => {
        for (const f of pages) write(join(staging, f), `<p>${f}</p>`);
        carry!.carry("ar/articles/p0/index.html", join(cache, "p0.html"));
      },
      { carryOver: true },
    );
    expect(treeOf(out).files.sort()).toEqual(["ar/articles/p0/index.html", ...pages].sort());
    expect(statSync(join(out, "ar/articles/p0/index.html")).ino).toBe(statSync(join(cache, "p0.html")).ino);
  });

  it("leaves the published site exactly as it was when a stage fails", async () => {
    const { out, cache } = publishedSite(3);
    const before = snapshot(out);
    await expect(
      publishAtomically(
        out,
        async (staging, carry) => {
          write(join(staging, "index.html"), "<p>half</p>");
          carry!.carry("ar/articles/p0/index.html", join(cache, "p0.html"));
          throw new Error("cards failed");
        },
        { carryOver: true },
      ),
    ).rejects.toThrow("cards failed");
    expect(snapshot(out)).toEqual(before);
  });

  it("is not used for a first build (nothing published yet)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "marsad-carry-"));
    await publishAtomically(join(dir, "dist"), async (staging, carry) => {
      expect(carry).toBeUndefined();
      write(join(staging, "index.html"), "v1");
    }, { carryOver: true });
    expect(readFileSync(join(dir, "dist", "index.html"), "utf8")).toBe("v1");
  });
});

describe("a carry-over publish killed half way", () => {
  it("is finished by the next build from its journal", () => {
    const { out } = publishedSite(3);
    const paths = publishPaths(out);
    // As if killed after the first move: the journal is written, the home page moved, the rest still staged.
    write(join(paths.staging, "ar", "articles", "p9", "index.html"), "<p>new</p>");
    write(join(out, "index.html"), "<p>home v2</p>");
    writeFileSync(paths.journal, JSON.stringify({ version: 1, staging: paths.staging, moves: ["index.html", "ar/articles/p9/index.html"], deletes: ["ar/articles/p2/index.html"] }));
    recoverPublish(paths);
    expect(readFileSync(join(out, "ar", "articles", "p9", "index.html"), "utf8")).toBe("<p>new</p>");
    expect(readFileSync(join(out, "index.html"), "utf8")).toBe("<p>home v2</p>");
    expect(existsSync(join(out, "ar", "articles", "p2"))).toBe(false);
    expect(existsSync(paths.journal)).toBe(false);
    expect(existsSync(paths.staging)).toBe(false);
  });
});
