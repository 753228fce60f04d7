import { existsSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runActorsCommand } from "../../src/cli/actors.ts";
import { parseActorFile } from "../../src/content/actors-file.ts";
import { emptyQueue, updateQueue, type Candidate } from "../../src/entities/discover.ts";
import { queuePath, readQueue, writeQueue } from "../../src/pipeline/review-queue.ts";

function sink() {
  let text = "";
  const stream = new Writable({
    write(chunk, _enc, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
}

const cand = (name: string, en: string): Candidate => ({ key: name, name_ar: name, suggested_en: en, kind: "person", frequency: 1, contexts: [`جملة عن ${name}.`] });

let cwd: string;
const contentDir = () => join(cwd, "content");
const queueFile = () => queuePath(contentDir());
async function run(...argv: string[]) {
  const out = sink();
  const err = sink();
  const code = await runActorsCommand(argv, { stdout: out.stream, stderr: err.stream, cwd });
  return { code, out: out.text(), err: err.text() };
}

beforeEach(() => {
  cwd = mkdtempSync(join(tmpdir(), "marsad-actors-"));
  mkdirSync(join(cwd, "content/actors"), { recursive: true });
  let q = updateQueue(emptyQueue(), [cand("سالم الزوي", "Salem al-Zuy"), cand("نوري المقدادي", "Nuri al-Miqdadi")], "article-1");
  q = updateQueue(q, [cand("سالم الزوي", "Salem al-Zuy")], "article-2");
  writeQueue(contentDir(), q);
});
afterEach(() => rmSync(cwd, { recursive: true, force: true }));

describe("actors CLI", () => {
  it("lists the queue by frequency, filtered by --min, as a table or JSON", async () => {
    const table = await run("queue");
    expect(table.code).toBe(0);
    expect(table.out.split("\n")[1]).toContain("سالم الزوي");
    const json = await run("queue", "--min", "2", "--json");
    expect(JSON.parse(json.out).map((c: { key: string }) => c.key)).toEqual(["سالم الزوي"]);
  });

  it("promotes a candidate into content/actors/promoted.yaml and removes it from the queue", async () => {
    const r = await run("actors", "promote", "سالم الزوي", "--id", "salem-al-zawi", "--en", "Salem al-Zawi", "--country", "LY");
    expect(r).toMatchObject({ code: 0, err: "" });
    const file = join(cwd, "content/actors/promoted.yaml");
    const promoted = parseActorFile(readFileSync(file, "utf8"), file);
    expect(promoted).toHaveLength(1);
    expect(promoted[0]).toMatchObject({ id: "salem-al-zawi", names: { ar: "سالم الزوي", en: "Salem al-Zawi" }, country: "LY", provisional: false, provenance: { added_by: "discovery", source: "article-1, article-2" } });
    expect(readQueue(contentDir()).candidates.map((c) => c.key)).toEqual(["نوري المقدادي"]);
    expect(readdirSync(join(cwd, "content/actors")).filter((f) => f.includes(".tmp-"))).toEqual([]);
    const again = await run("promote", "Nuri al-Miqdadi", "--id", "salem-al-zawi");
    expect(again.code).toBe(1);
    expect(again.err).toContain("already used");
  });

  it("rejects a candidate for good", async () => {
    expect((await run("reject", "نوري المقدادي")).code).toBe(0);
    const q = readQueue(contentDir());
    expect(q.rejected).toEqual(["نوري المقدادي"]);
    expect(updateQueue(q, [cand("نوري المقدادي", "x")], "article-3").candidates.map((c) => c.key)).toEqual(["سالم الزوي"]);
  });

  it("prints help for each command and usage errors with exit code 2", async () => {
    for (const sub of ["queue", "promote", "reject", "alias", "add"]) {
      const r = await run(sub, "--help");
      expect(r.code).toBe(0);
      expect(r.out).toContain(`actors ${sub}`);
    }
    expect((await run("--help")).code).toBe(0);
    expect((await run("promote", "سالم الزوي")).code).toBe(2);
    expect((await run("promote", "سالم الزوي", "--id", "Not A Slug")).code).toBe(2);
    expect((await run("frobnicate")).code).toBe(2);
    expect((await run("reject", "nobody")).code).toBe(1);
  });

  it("treats a missing queue as empty and names the file when it is invalid", async () => {
    rmSync(queueFile());
    expect((await run("queue")).out).toContain("No candidates");
    writeFileSync(queueFile(), "candidates: [{key: 1}]\n");
    const r = await run("queue");
    expect(r.code).toBe(1);
    expect(r.err).toContain("candidates.yaml");
    expect(existsSync(queueFile())).toBe(true);
  });

  describe("editing the knowledge base", () => {
    const kbFile = () => join(cwd, "content/actors/libya.yaml");
    const seedKb = () =>
      writeFileSync(
        kbFile(),
        `# Libya (test)
- id: salem-zuy
  names: {ar: سالم الزوي, en: Salem al-Zuy}
  aliases:
    ar: [الزوي]
  type: person
  country: LY
  description: {ar: وصف, en: A test entry.}
  provenance: {added_by: test, source: test}
`,
      );

    it("adds an alias in place, keeping comments and flow lists, Arabic or English by script", async () => {
      seedKb();
      expect((await run("alias", "salem-zuy", "سالم الزوّي")).code).toBe(0);
      expect((await run("alias", "salem-zuy", "Zuy, Salem")).code).toBe(0);
      const text = readFileSync(kbFile(), "utf8");
      expect(text).toContain("# Libya (test)");
      const [actor] = parseActorFile(text, kbFile());
      expect(actor!.aliases.ar).toEqual(["الزوي", "سالم الزوّي"]);
      expect(actor!.aliases.en).toEqual(["Zuy, Salem"]);
      expect(readdirSync(join(cwd, "content/actors")).filter((f) => f.includes(".tmp"))).toEqual([]);
    });

    it("refuses an unknown id or a name the actor already has, writing nothing", async () => {
      seedKb();
      const before = readFileSync(kbFile(), "utf8");
      expect((await run("alias", "nobody-here", "اسم")).code).toBe(1);
      const dup = await run("alias", "salem-zuy", "الزوي");
      expect(dup.code).toBe(1);
      expect(dup.err).toContain("already has");
      expect(readFileSync(kbFile(), "utf8")).toBe(before);
    });

    it("adds a new actor with the loader's validation: a used id or a bad field is refused", async () => {
      seedKb();
      const args = ["--ar", "نوري المقدادي", "--en", "Nuri al-Miqdadi", "--type", "person", "--desc-ar", "قائد محلي.", "--desc-en", "A local commander.", "--source", "test"];
      const ok = await run("add", "--id", "nuri-miqdadi", ...args, "--country", "LY", "--alias", "المقدادي", "--role-ar", "آمر كتيبة", "--role-en", "Battalion commander", "--from", "2014");
      expect(ok.code).toBe(0);
      const [added] = parseActorFile(readFileSync(join(cwd, "content/actors/added.yaml"), "utf8"), "added.yaml");
      expect(added).toMatchObject({ id: "nuri-miqdadi", aliases: { ar: ["المقدادي"], en: [] }, roles: [{ from: "2014" }] });
      expect((await run("add", "--id", "salem-zuy", ...args)).code).toBe(1);
      const bad = await run("add", "--id", "x-y", ...args, "--country", "Libya");
      expect(bad.code).toBe(1);
      expect(bad.err).toContain("country");
      expect((await run("add", "--id", "x-y", "--ar", "اسم")).code).toBe(2);
    });
  });
});
