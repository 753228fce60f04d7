/**
 * `briefing events --items FILE`: the printed document follows the wire format, an invalid item is reported on
 * stderr by position and the run goes on, usage errors exit with status 2.
 */
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { EventRun } from "../../src/schemas/event.ts";

const root = join(import.meta.dirname, "../..");

/** A content folder with the small test knowledge base and the project's country lexicons. */
function contentDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "events-cli-"));
  mkdirSync(join(dir, "actors"));
  mkdirSync(join(dir, "countries"));
  copyFileSync(join(root, "tests/fixtures/entities/actors.yaml"), join(dir, "actors/test.yaml"));
  for (const f of ["forms.yaml", "places.yaml"]) copyFileSync(join(root, "content/countries", f), join(dir, "countries", f));
  return dir;
}

function run(argv: string[], content = contentDir()) {
  let out = "";
  let err = "";
  const stream = (write: (s: string) => void) => new Writable({ write: (chunk, _e, cb) => (write(String(chunk)), cb()) });
  const io = { stdout: stream((s) => (out += s)), stderr: stream((s) => (err += s)), cwd: content, env: { MARSAD_CONTENT_DIR: content }, now: () => 0 };
  return main(["events", ...argv], io).then((code) => ({ code, out, err }));
}

describe("briefing events", () => {
  it("codes each item and prints the wire format", async () => {
    const dir = contentDir();
    const items = join(dir, "items.json");
    writeFileSync(
      items,
      JSON.stringify([
        { id: "a", sentence: "التقى خليفة حفتر عبد الحميد الدبيبة في القاهرة أمس.", paragraph: "…", published: "2024-05-15" },
        { id: "b", sentence: "يبدو أن الأزمة لن تنتهي قريبا.", paragraph: "…", published: null },
        { id: 3, sentence: "بلا معرّف صحيح" },
      ]),
    );
    const { code, out, err } = await run(["--items", items], dir);
    expect(code).toBe(0);
    const doc = EventRun.parse(JSON.parse(out));
    expect(doc.items.map((i) => i.id)).toEqual(["a", "b"]);
    expect(doc.items[0]!.events[0]).toMatchObject({ type: "MEET", date: "2024-05-14", place: { country: "EG" } });
    expect(doc.items[1]!.events).toEqual([]);
    expect(err).toMatch(/item #3: field `id`/);
  });

  it("needs --items", async () => {
    const { code, err } = await run([]);
    expect(code).toBe(2);
    expect(err).toMatch(/--items/);
  });

  it("names the file it cannot read", async () => {
    const { code, err } = await run(["--items", "/nonexistent/items.json"]);
    expect(code).toBe(1);
    expect(err).toMatch(/\/nonexistent\/items\.json/);
  });
});
