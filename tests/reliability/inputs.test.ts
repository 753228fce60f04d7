/**
 * Inputs (issue 17): a file name that is not valid UTF-8 was skipped as "ENOENT" (the name came back from the folder
 * with U+FFFD and was not found again); an inbox that is itself a symbolic link (to another disk) ingested nothing and
 * exited 0. Links inside the inbox are still never followed.
 */
import { mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findInputs, readInput } from "../../src/pipeline/read-inputs.ts";
import { arabicPage } from "./generate.ts";
import { contentEnv, makeContentDir, runMain, tempDir } from "./helpers.ts";

/** `fé.txt` with é in Latin-1 (one byte 0xE9): not valid UTF-8. */
const LATIN1_NAME = Buffer.from([0x66, 0xe9, 0x2e, 0x74, 0x78, 0x74]);

describe("inputs", () => {
  it("finds and reads a page whose name is not valid UTF-8, naming it with %XX", () => {
    const dir = tempDir("names");
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/`), LATIN1_NAME]), arabicPage(1));
    writeFileSync(join(dir, "ok.txt"), arabicPage(2));
    const { inputs, skipped } = findInputs([dir], dir);
    expect(skipped).toEqual([]);
    expect(inputs.map((i) => i.file)).toEqual(["f%E9.txt", "ok.txt"]);
    const read = readInput(inputs[0]!);
    expect(read.ok).toBe(true);
  });

  it("ingest writes the articles of a non-UTF-8 name and of an inbox that is a symbolic link", { timeout: 300_000 }, async () => {
    const dir = makeContentDir("inbox-link");
    const real = tempDir("real-inbox");
    writeFileSync(Buffer.concat([Buffer.from(`${real}/`), LATIN1_NAME]), arabicPage(4));
    writeFileSync(join(real, "b.txt"), arabicPage(5));
    rmSync(join(dir, "inbox"), { recursive: true });
    symlinkSync(real, join(dir, "inbox"));
    // A link inside the inbox is still not followed.
    mkdirSync(join(real, "sub"));
    symlinkSync(join(real, "b.txt"), join(real, "sub", "link.txt"));
    const run = await runMain(["ingest", "--json"], contentEnv(dir, { MARSAD_INGEST_WORKERS: "0" }));
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.skipped).toEqual([{ file: "link.txt", reason: "symbolic link (not followed)" }]);
    expect(readdirSync(join(dir, "articles")).filter((n) => n.endsWith(".md"))).toHaveLength(2);
  });
});
