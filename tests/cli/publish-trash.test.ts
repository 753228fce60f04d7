/**
 * The previous site is deleted in the background after a swap (src/pipeline/publish.ts `removeLater`): the output's
 * folder holds only the new site at once, and the trash folder empties itself.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { publishAtomically, removeLater } from "../../src/pipeline/publish.ts";

const work = mkdtempSync(join(tmpdir(), "publish-trash-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("removeLater", () => {
  it("moves the folder away at once and empties the trash in the background", async () => {
    const dir = join(work, "old");
    mkdirSync(join(dir, "a", "b"), { recursive: true });
    writeFileSync(join(dir, "a", "b", "f.html"), "x");
    const trash = join(work, "trash");
    removeLater(dir, trash);
    expect(existsSync(dir)).toBe(false);
    await until(() => readdirSync(trash).length === 0);
  });

  it("publishing with a trash folder leaves only the new site beside it", async () => {
    const site = join(work, "site");
    const out = join(site, "dist");
    const trash = join(work, "cache", "trash");
    for (const text of ["first", "second"])
      await publishAtomically(out, async (staging) => writeFileSync(join(staging, "index.html"), text), { trashDir: trash });
    expect(readdirSync(site)).toEqual(["dist"]);
    expect(readFileSync(join(out, "index.html"), "utf8")).toBe("second");
    await until(() => readdirSync(trash).length === 0);
  });
});
