/**
 * Incremental ingest sees every input that shaped an article (src/pipeline/plan-ingest.ts `inputHash`): a
 * changed sidecar re-cleans its page, a changed outlet templates file re-cleans the pages, and nothing else does.
 */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { inputHash, sha256 } from "../../src/pipeline/plan-ingest.ts";

const root = process.cwd();
const enc = (s: string) => new TextEncoder().encode(s);

const PAGE =
  "Harbor authority reopens the northern port\n\nPORT CITY (Wire) - The harbor authority reopened the northern port on Tuesday after a week of repairs to its main quay, officials said.\n\nDock workers said the first cargo ships were expected to berth by the evening, once inspections of the quay were complete.\n";

describe("inputHash", () => {
  it("is the page's hash alone when nothing else shapes it", () => {
    expect(inputHash({ bytes: enc(PAGE) }, null)).toBe(sha256(enc(PAGE)));
  });

  it("changes with the sidecar's bytes or name and with the templates file", () => {
    const page = { bytes: enc(PAGE) };
    const side = (file: string, text: string) => ({ ...page, sidecar: { file, bytes: enc(text) } });
    const hashes = [
      inputHash(page, null),
      inputHash(side("p.json", '{"url":"https://a.example/1"}'), null),
      inputHash(side("p.json", '{"url":"https://a.example/2"}'), null),
      inputHash(side("p.meta.json", '{"url":"https://a.example/2"}'), null),
      inputHash(page, enc("version: 1\noutlets: []\n")),
      inputHash(side("p.json", '{"url":"https://a.example/2"}'), enc("version: 1\noutlets: []\n")),
    ];
    expect(new Set(hashes).size).toBe(hashes.length);
  });
});

async function ingest(content: string): Promise<{ processed: number; unchanged_inputs: number }> {
  const sink = () => new Writable({ write: (_c, _e, cb) => cb() });
  let out = "";
  const code = await main(["ingest", "--json", "--quiet"], {
    stdout: new Writable({ write: (c, _e, cb) => ((out += String(c)), cb()) }),
    stderr: sink(),
    cwd: root,
    env: { MARSAD_CONTENT_DIR: content, MARSAD_INGEST_WORKERS: "0" },
    now: () => 0,
  });
  expect(code).toBe(0);
  return JSON.parse(out);
}

describe("ingest re-cleans what a sidecar or the templates shaped", () => {
  it("processes a page again when its sidecar or the templates file changes", async () => {
    const content = mkdtempSync(join(tmpdir(), "marsad-reingest-"));
    cpSync(join(root, "content", "actors"), join(content, "actors"), { recursive: true });
    cpSync(join(root, "content", "countries"), join(content, "countries"), { recursive: true });
    const inbox = join(content, "inbox");
    mkdirSync(inbox);
    writeFileSync(join(inbox, "port.txt"), PAGE);
    writeFileSync(join(inbox, "port.json"), JSON.stringify({ url: "https://wire.example/port-1" }));

    expect((await ingest(content)).processed).toBe(1);
    expect(await ingest(content)).toMatchObject({ processed: 0, unchanged_inputs: 1 });

    writeFileSync(join(inbox, "port.json"), JSON.stringify({ url: "https://wire.example/port-2" }));
    expect((await ingest(content)).processed).toBe(1);
    expect((await ingest(content)).processed).toBe(0);

    mkdirSync(join(content, "outlets"));
    writeFileSync(join(content, "outlets", "templates.yaml"), "version: 1\noutlets:\n  - outlet: wire.example\n    pages: 3\n    lines: [Subscribe to Wire]\n");
    expect((await ingest(content)).processed).toBe(1);
    expect((await ingest(content)).processed).toBe(0);
  });
});
