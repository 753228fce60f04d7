/**
 * The card specs the site stage hands to the card stage (src/site/load.ts CARD_SPECS_ENV): the same cards, with the
 * same cache keys, as working them out again from a model built in the card stage; a missing or broken hand-off is
 * no hand-off (the card stage works them out), and the file is gone once taken.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { deserialize, serialize } from "node:v8";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { planCards } from "../../src/cards/build.ts";
import { loadSettings } from "../../src/config.ts";
import { cardSpecs } from "../../src/site/cards.ts";
import { cardSpecMemoFile, loadSite, loadSiteModel, loadSiteOnce, siteKeys, takeCardSpecs, writeCardSpecs, CARD_SPECS_ENV } from "../../src/site/load.ts";

const ROOT = resolve(import.meta.dirname, "../..");

function fixture() {
  const dir = mkdtempSync(join(tmpdir(), "marsad-load-"));
  cpSync(join(ROOT, "tests/fixtures/site/content"), join(dir, "content"), { recursive: true });
  const settings = { ...loadSettings(ROOT, { MARSAD_CONTENT_DIR: join(dir, "content") }), cacheDir: join(dir, "cache") };
  return { dir, settings };
}

describe("the card specs handed from the site stage to the card stage", () => {
  it("plan the same cards, with the same cache keys, as specs worked out again; the file is removed once taken", () => {
    const { dir, settings } = fixture();
    const model = loadSiteModel(settings, { today: "2025-01-01" });
    const file = join(dir, "specs.json");
    writeCardSpecs(file, model, settings);
    const taken = takeCardSpecs(file);
    expect(existsSync(file)).toBe(false);
    const opts = { outDir: join(dir, "dist"), cacheDir: settings.cacheDir };
    const again = planCards(cardSpecs(model, settings), opts);
    expect(again.length).toBeGreaterThan(10);
    expect(planCards(taken!, opts)).toEqual(again);
  });

  it("are written by the site model's loader when the build asks for them", () => {
    const { dir, settings } = fixture();
    const file = join(dir, "from-loader.json");
    process.env[CARD_SPECS_ENV] = file;
    try {
      loadSiteOnce({ ...settings, site: { ...settings.site, title: { ar: "عنوان للاختبار", en: "A test title" } } }, { today: "2025-01-02" });
    } finally {
      delete process.env[CARD_SPECS_ENV];
    }
    expect(takeCardSpecs(file)!.some((s) => (JSON.parse(s) as { title: string }).title === "A test title")).toBe(true);
  });

  it("a missing or broken hand-off is none", () => {
    const { dir } = fixture();
    expect(takeCardSpecs(join(dir, "missing.json"))).toBeNull();
    const broken = join(dir, "broken.json");
    writeFileSync(broken, "[{");
    expect(takeCardSpecs(broken)).toBeNull();
    expect(existsSync(broken)).toBe(false);
    writeFileSync(broken, "{}");
    expect(takeCardSpecs(broken)).toBeNull();
  });

  it("one that cannot be written (its folder is a file) is none, and fails neither the site stage nor the card stage", () => {
    const { dir, settings } = fixture();
    writeFileSync(join(dir, "a-file"), "");
    const file = join(dir, "a-file", "specs.json");
    expect(() => writeCardSpecs(file, loadSiteModel(settings, { today: "2025-01-01" }), settings)).not.toThrow();
    expect(takeCardSpecs(file)).toBeNull();
  });

  it("with the memo of the last build: the same lines as worked out again, a card whose page changed worked out anew", () => {
    const { dir, settings } = fixture();
    const memo = cardSpecMemoFile(settings.cacheDir);
    const fresh = (site: ReturnType<typeof loadSite>) => cardSpecs(site.model, settings).map((spec) => JSON.stringify(spec));
    const handed = (site: ReturnType<typeof loadSite>) => {
      const file = join(dir, "specs.json");
      writeCardSpecs(file, site.model, settings, { file: memo, keys: siteKeys(site, settings) });
      return takeCardSpecs(file)!;
    };
    const first = loadSite(settings, { today: "2025-01-01" });
    expect(handed(first)).toEqual(fresh(first));
    expect(existsSync(memo)).toBe(true);
    // An edited title: its article's card (and its story's, its brief's) changes; the memo must not hand the old one.
    const articles = settings.articlesDir;
    const name = readdirSync(articles).find((f) => f.endsWith(".md"))!;
    const text = readFileSync(join(articles, name), "utf8");
    writeFileSync(join(articles, name), text.replace(/^title: .*$/m, 'title: "A title edited for the memo test"'));
    const second = loadSite(settings, { today: "2025-01-01" });
    const lines = handed(second);
    expect(lines.some((l) => l.includes("A title edited for the memo test"))).toBe(true);
    expect(lines).toEqual(fresh(second));
    // Cards come from the memo when their key is in it: a memo entry edited by hand is what is handed over.
    const value = deserialize(readFileSync(memo)) as { specs: Map<string, string> };
    const [key] = [...value.specs.keys()].filter((k) => k.startsWith("en article "));
    value.specs.set(key!, '{"marked":true}');
    writeFileSync(memo, serialize(value));
    const third = loadSite(settings, { today: "2025-01-01" });
    expect(handed(third).filter((l) => l === '{"marked":true}')).toHaveLength(1);
  });
});

