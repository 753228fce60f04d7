/**
 * Atomic publishing (issue 17): a build writes into a staging folder beside the output and swaps it in only when it
 * succeeded; a failed build, or one killed at any step, leaves the previous output exactly as it was.
 * Kills of the real build in each stage are in tests/reliability/build-kill.test.ts.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { publishAtomically, publishPaths, recoverPublish, swapIn } from "../../src/pipeline/publish.ts";
import { snapshot } from "../reliability/helpers.ts";

function site(dir: string, version: string): void {
  mkdirSync(join(dir, "ar"), { recursive: true });
  writeFileSync(join(dir, "index.html"), `<p>${version}</p>`);
  writeFileSync(join(dir, "ar", "index.html"), `<p>ar ${version}</p>`);
}

function parent(): string {
  return mkdtempSync(join(tmpdir(), "marsad-publish-"));
}

describe("publishAtomically", () => {
  it("builds beside the output and swaps the new tree in; nothing else is left in the parent folder", async () => {
    const dir = parent();
    const out = join(dir, "dist");
    site(out, "v1");
    writeFileSync(join(out, "stale.html"), "gone after the swap");
    const seen = await publishAtomically(out, async (staging) => {
      expect(staging.startsWith(dir)).toBe(true);
      expect(readFileSync(join(out, "index.html"), "utf8")).toBe("<p>v1</p>"); // untouched while building
      site(staging, "v2");
      return "ok";
    });
    expect(seen).toBe("ok");
    expect(readFileSync(join(out, "index.html"), "utf8")).toBe("<p>v2</p>");
    expect(existsSync(join(out, "stale.html"))).toBe(false);
    expect(readdirSync(dir)).toEqual(["dist"]);
  });

  it("leaves the previous output exactly as it was when a stage fails", async () => {
    const dir = parent();
    const out = join(dir, "dist");
    site(out, "v1");
    const before = snapshot(out);
    await expect(
      publishAtomically(out, async (staging) => {
        site(staging, "half");
        throw new Error("search failed");
      }),
    ).rejects.toThrow("search failed");
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(dir)).toEqual(["dist"]);
  });

  it("creates the output on a first build, and keeps a `.git` work tree of the old output", async () => {
    const dir = parent();
    const out = join(dir, "dist");
    await publishAtomically(out, async (staging) => site(staging, "v1"));
    expect(readFileSync(join(out, "index.html"), "utf8")).toBe("<p>v1</p>");
    mkdirSync(join(out, ".git"));
    writeFileSync(join(out, ".git", "HEAD"), "ref: refs/heads/gh-pages\n");
    await publishAtomically(out, async (staging) => site(staging, "v2"));
    expect(readFileSync(join(out, ".git", "HEAD"), "utf8")).toMatch(/gh-pages/);
  });

  it("runs two builds of one output one after the other", async () => {
    const dir = parent();
    const out = join(dir, "dist");
    const log: string[] = [];
    // The lock is taken synchronously: the second call waits for the first to release it.
    const first = publishAtomically(out, async (staging) => {
      log.push("a start");
      await new Promise((r) => setTimeout(r, 50));
      site(staging, "a");
      log.push("a end");
    });
    await first;
    await publishAtomically(out, async (staging) => {
      log.push("b start");
      site(staging, "b");
      log.push("b end");
    });
    expect(log).toEqual(["a start", "a end", "b start", "b end"]);
  });
});

describe("an interrupted swap", () => {
  it("is finished from the complete new tree when the kill came between the two renames", () => {
    const dir = parent();
    const paths = publishPaths(join(dir, "dist"));
    site(paths.old, "v1");
    site(paths.ready, "v2");
    recoverPublish(paths);
    expect(readFileSync(join(paths.out, "index.html"), "utf8")).toBe("<p>v2</p>");
    expect(readdirSync(dir)).toEqual(["dist"]);
  });

  it("is rolled back to the old tree when the new one was not complete", () => {
    const dir = parent();
    const paths = publishPaths(join(dir, "dist"));
    site(paths.old, "v1");
    site(paths.staging, "half");
    recoverPublish(paths);
    expect(readFileSync(join(paths.out, "index.html"), "utf8")).toBe("<p>v1</p>");
    expect(readdirSync(dir)).toEqual(["dist"]);
  });
});

describe("an output folder that cannot be renamed (another file system, a mount point)", () => {
  it("is filled by copy and renames inside it, never failing with EXDEV", () => {
    const dir = parent();
    const paths = publishPaths(join(dir, "dist"));
    site(paths.out, "v1");
    writeFileSync(join(paths.out, "stale.html"), "old");
    site(paths.ready, "v2");
    const exdev = {
      rename(from: string, to: string) {
        if (from === paths.out || from === paths.ready) throw Object.assign(new Error(`EXDEV: cross-device link not permitted, rename '${from}'`), { code: "EXDEV" });
        renameSync(from, to);
      },
    };
    swapIn(paths, exdev);
    expect(readFileSync(join(paths.out, "index.html"), "utf8")).toBe("<p>v2</p>");
    expect(readdirSync(paths.out).sort()).toEqual(["ar", "index.html"]);
    expect(readdirSync(dir)).toEqual(["dist"]);
  });
});

describe("buildDirFor", () => {
  it("builds in place beside the output when it shares the repository's file system", async () => {
    const { buildDirFor } = await import("../../src/pipeline/publish.ts");
    const dir = parent();
    expect(buildDirFor(join(dir, "dist"), dir, join(dir, "cache"))).toBeUndefined();
  });

  it("copies a tree built elsewhere beside the output, and leaves no build folder", async () => {
    const dir = parent();
    const out = join(dir, "site", "dist");
    const buildDir = join(dir, "work", "build");
    await publishAtomically(out, async (where) => {
      expect(where).toBe(buildDir);
      site(where, "v1");
    }, { buildDir });
    expect(readFileSync(join(out, "index.html"), "utf8")).toBe("<p>v1</p>");
    expect(existsSync(buildDir)).toBe(false);
    expect(readdirSync(join(dir, "site"))).toEqual(["dist"]);
  });
});

describe("an output folder that is a symbolic link", () => {
  it("is published where it points, and stays a link", async () => {
    const { lstatSync, symlinkSync } = await import("node:fs");
    const dir = parent();
    const target = join(dir, "www", "site");
    site(target, "v1");
    symlinkSync(target, join(dir, "dist"));
    await publishAtomically(join(dir, "dist"), async (staging) => site(staging, "v2"));
    expect(lstatSync(join(dir, "dist")).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(target, "index.html"), "utf8")).toBe("<p>v2</p>");
  });
});

describe("a swap whose second rename fails", () => {
  it("puts the published site back before reporting the error", () => {
    const dir = parent();
    const paths = publishPaths(join(dir, "dist"));
    site(paths.out, "v1");
    site(paths.ready, "v2");
    const failing = {
      rename(from: string, to: string) {
        if (from === paths.ready) throw Object.assign(new Error("EIO: i/o error"), { code: "EIO" });
        renameSync(from, to);
      },
    };
    expect(() => swapIn(paths, failing)).toThrow(/EIO/);
    expect(readFileSync(join(paths.out, "index.html"), "utf8")).toBe("<p>v1</p>");
  });
});

describe("a kill right after the swap", () => {
  it("never loses the old output's `.git`: the next build moves it into the new tree", () => {
    const dir = parent();
    const paths = publishPaths(join(dir, "dist"));
    site(paths.out, "v2");
    site(paths.old, "v1");
    mkdirSync(join(paths.old, ".git"));
    writeFileSync(join(paths.old, ".git", "HEAD"), "ref: refs/heads/gh-pages\n");
    recoverPublish(paths);
    expect(readFileSync(join(paths.out, ".git", "HEAD"), "utf8")).toMatch(/gh-pages/);
    expect(readFileSync(join(paths.out, "index.html"), "utf8")).toBe("<p>v2</p>");
    expect(readdirSync(dir)).toEqual(["dist"]);
  });
});
