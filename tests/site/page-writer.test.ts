/**
 * The page writer (src/site/page-writer.ts): pages written by a worker thread, in the order asked, each promise
 * settled when its file is there; failures name the file; an idle writer never keeps the process alive, a busy one
 * always does.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { afterAll, describe, expect, it } from "vitest";
import { PageWriter, installPageWriter, installedPageWriter } from "../../src/site/page-writer.ts";

const work = mkdtempSync(join(tmpdir(), "page-writer-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let n = 0;
function dir(): string {
  const d = join(work, String(n++));
  mkdirSync(d, { recursive: true });
  return d;
}

describe("PageWriter", () => {
  it("writes bytes and text into folders it makes, from paths or file URLs", async () => {
    const d = dir();
    const writer = new PageWriter();
    try {
      const bytes = new TextEncoder().encode("<p>مرصد</p>");
      await Promise.all([
        writer.writePage(join(d, "ar/a"), join(d, "ar/a/index.html"), bytes),
        writer.writePage(pathToFileURL(join(d, "en/b/")), pathToFileURL(join(d, "en/b/index.html")), "<p>b</p>"),
      ]);
      expect(readFileSync(join(d, "ar/a/index.html"), "utf8")).toBe("<p>مرصد</p>");
      expect(readFileSync(join(d, "en/b/index.html"), "utf8")).toBe("<p>b</p>");
      // The caller's bytes are its own still (the incremental cache reads them after the write).
      expect(new TextDecoder().decode(bytes)).toBe("<p>مرصد</p>");
    } finally {
      await writer.close();
    }
  });

  it("runs jobs in the order they are posted: a cache link made right after its page's write", async () => {
    const d = dir();
    const writer = new PageWriter();
    try {
      const page = join(d, "out/index.html");
      const entry = join(d, "entry.html");
      // Not awaited in between: the link is queued behind the write.
      const wrote = writer.writePage(join(d, "out"), page, "<p>page</p>");
      const linked = writer.linkIntoCache(page, entry, true);
      await Promise.all([wrote, linked]);
      expect(statSync(entry).ino).toBe(statSync(page).ino);
    } finally {
      await writer.close();
    }
  });

  it("fails a job with an error naming the file and keeping the code, and goes on with the next", async () => {
    const d = dir();
    writeFileSync(join(d, "blocked"), "a file where a folder should be");
    const writer = new PageWriter();
    try {
      const failed = writer.writePage(join(d, "blocked/a"), join(d, "blocked/a/index.html"), "x");
      await expect(failed).rejects.toThrow(`cannot write ${join(d, "blocked/a/index.html")}`);
      await expect(failed).rejects.toMatchObject({ code: "ENOTDIR" });
      await writer.writePage(join(d, "ok"), join(d, "ok/index.html"), "y");
      expect(readFileSync(join(d, "ok/index.html"), "utf8")).toBe("y");
    } finally {
      await writer.close();
    }
  });

  it("fails waiting and later jobs when its worker stops, naming the file", async () => {
    const writer = new PageWriter(new Worker("setTimeout(() => process.exit(3), 50)", { eval: true }));
    const page = join(dir(), "index.html");
    await expect(writer.writePage(join(page, ".."), page, "x")).rejects.toThrow(`cannot write ${page}: the page writer stopped (exit code 3)`);
    await expect(writer.writePage(join(page, ".."), page, "x")).rejects.toThrow("the page writer stopped");
    expect(existsSync(page)).toBe(false);
  });

  it("waits for every job on close, and refuses jobs after it", async () => {
    const d = dir();
    const writer = new PageWriter();
    const pages = Array.from({ length: 50 }, (_, i) => join(d, String(i), "index.html"));
    const writes = pages.map((page, i) => writer.writePage(join(page, ".."), page, `<p>${i}</p>`));
    await writer.close();
    expect(pages.every((page) => existsSync(page))).toBe(true);
    await Promise.all(writes);
    await expect(writer.writePage(d, join(d, "late.html"), "x")).rejects.toThrow("closed");
  });

  it("keeps the process alive while a job waits, and never when idle", () => {
    const d = dir();
    const module = pathToFileURL(join(import.meta.dirname, "../../src/site/page-writer.ts")).href;
    const page = join(d, "index.html");
    // A write not awaited: the process must stay until it is done. Then the idle writer must let it exit.
    const script = `import { PageWriter } from ${JSON.stringify(module)};
      new PageWriter().writePage(${JSON.stringify(d)}, ${JSON.stringify(page)}, "<p>done</p>");`;
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8", timeout: 20_000 });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(readFileSync(page, "utf8")).toBe("<p>done</p>");
  });
});

describe("installPageWriter", () => {
  it("publishes the writer under a global symbol that another copy of the module finds", async () => {
    const writer = new PageWriter();
    try {
      installPageWriter(writer);
      expect(installedPageWriter()).toBe(writer);
      expect((globalThis as Record<symbol, unknown>)[Symbol.for("marsad.page-writer")]).toBe(writer);
      installPageWriter(null);
      expect(installedPageWriter()).toBeNull();
    } finally {
      installPageWriter(null);
      await writer.close();
    }
  });
});
