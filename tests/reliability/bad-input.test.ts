/**
 * Bad input: an inbox full of files a scraper really produces on a bad day (empty, binary, truncated, other
 * encodings, a 5 MB line, chrome only, a thousand articles in one file, hostile file names, a link, an unreadable
 * file, a folder named like a file). `extract` and `ingest` must exit 0, account for every raw file (articles or a
 * `skipped` entry with a clear reason), write nothing for a skipped file and never touch the inputs.
 */
import { chmodSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { accessSync, constants } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseArticle } from "../../src/content/article-file.ts";
import { ExtractResult, type ExtractedArticle } from "../../src/schemas/article.ts";
import { arabicArticle, manyArticlesPage } from "./generate.ts";
import { contentEnv, makeContentDir, normalisedText, ROOT, runCli, runMain, SEED_PAGES, snapshot, tempDir } from "./helpers.ts";

const AR_SINGLE = readFileSync(join(SEED_PAGES, "ar-single.txt"));
const AR_MULTI = readFileSync(join(SEED_PAGES, "ar-multi.txt"));
const EN_WIRE = readFileSync(join(SEED_PAGES, "en-wire.txt"));
const NAV_ONLY = readFileSync(join(SEED_PAGES, "nav-only.txt"));
const THOUSAND = 1000;

/** Tests run as root in CI, where `chmod 000` does not stop a read. */
function canReadDespiteMode(path: string): boolean {
  try {
    accessSync(path, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

/** A variant of a seed page whose last paragraph is distinct, so copies are not merged as duplicates. */
function variant(seed: Buffer, n: number): Buffer {
  const a = arabicArticle(500 + n);
  return Buffer.from(`${seed.toString("utf8").trimEnd()}\n\n${a.text}`, "utf8");
}

/** Cuts UTF-8 bytes inside a two-byte Arabic letter near the middle of the last body paragraph. */
function truncateInsideLetter(bytes: Buffer): Buffer {
  const text = bytes.toString("utf8");
  const at = text.indexOf("وسط دعوات محلية");
  const cut = Buffer.byteLength(text.slice(0, at + 4), "utf8") + 1; // after the first byte of a letter
  expect(bytes[cut - 1]! & 0xe0).toBe(0xc0); // really a lead byte of a two-byte sequence
  return bytes.subarray(0, cut);
}

function binaryBytes(): Buffer {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
  const rest = Buffer.alloc(4096);
  let x = 12345;
  for (let i = 0; i < rest.length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    rest[i] = i % 7 === 0 ? 0 : x >>> 24;
  }
  return Buffer.concat([png, rest]);
}

function hugeLine(bytes = 5 * 1024 * 1024): Buffer {
  const words = ["الحكومة", "تعلن", "عن", "خطة", "جديدة", "في", "طرابلس،", "والوزارة", "تنفي", "ذلك."];
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const w = words[i % words.length]!;
    parts.push(w);
    size += Buffer.byteLength(w) + 1;
  }
  return Buffer.from(parts.join(" "), "utf8");
}

interface Case {
  name: string;
  /** Relative path inside the inbox. */
  path: string;
  bytes?: Buffer;
  /** What the file must become. */
  expect: "articles" | "skipped" | "either";
  reason?: RegExp;
}

const ODD_NAMES = [
  "page with  spaces.txt",
  "صفحة عربية ١٢.txt",
  `a;$(touch pwned)'"&|<x>.txt`,
  "x..%2F..%2Fetc%2Fpasswd.txt",
  "-rf --force.txt",
  "x\\..\\..\\windows.txt",
];
/**
 * `../`-looking names that start with a dot. The inbox walker ignores every dot-file silently
 * (src/pipeline/read-inputs.ts IGNORED_IN_FOLDERS `^\.`), so these pages are neither ingested nor reported:
 * checked on their own below, so the other cases stay meaningful.
 */
const DOT_NAMES = ["..%2F..%2Fetc%2Fpasswd.txt", "..\\..\\windows.txt", "...txt"];

const cases: Case[] = [
  { name: "empty file", path: "empty.txt", bytes: Buffer.alloc(0), expect: "skipped", reason: /empty/i },
  { name: "whitespace only", path: "blank.txt", bytes: Buffer.from(" \n\r\n\t\n\u00a0\n"), expect: "skipped", reason: /empty|no article|no text/i },
  { name: "binary (PNG + NULs)", path: "binary.txt", bytes: binaryBytes(), expect: "skipped", reason: /binary|not text|NUL|encoding/i },
  { name: "truncated UTF-8", path: "truncated.txt", bytes: truncateInsideLetter(AR_SINGLE), expect: "articles" },
  { name: "UTF-16 LE with BOM", path: "utf16le.txt", bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(AR_MULTI.toString("utf8"), "utf16le")]), expect: "articles" },
  { name: "UTF-16 BE with BOM", path: "utf16be.txt", bytes: Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(AR_MULTI.toString("utf8"), "utf16be")]), expect: "articles" },
  { name: "Windows-1256", path: "cp1256.txt", bytes: iconv.encode(AR_MULTI.toString("utf8"), "windows-1256"), expect: "articles" },
  { name: "UTF-8 with BOM and CRLF", path: "bom-crlf.txt", bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(AR_MULTI.toString("utf8").replace(/\n/g, "\r\n"))]), expect: "articles" },
  { name: "5 MB single line", path: "huge-line.txt", bytes: hugeLine(), expect: "either", reason: /./ },
  { name: "navigation and footer only", path: "nav-only.txt", bytes: NAV_ONLY, expect: "skipped", reason: /no article|boilerplate|navigation|body/i },
  { name: "1,000 articles back to back", path: "thousand.txt", bytes: Buffer.from(manyArticlesPage(THOUSAND)), expect: "articles" },
  ...ODD_NAMES.map((path, i): Case => ({ name: `file name ${JSON.stringify(path)}`, path, bytes: variant(i % 2 ? EN_WIRE : AR_SINGLE, i), expect: "articles" })),
  ...DOT_NAMES.map((path, i): Case => ({ name: `dot-file name ${JSON.stringify(path)}`, path, bytes: variant(AR_SINGLE, 20 + i), expect: "articles" })),
  { name: "symbolic link", path: "link.txt", expect: "skipped", reason: /symbolic link/i },
  { name: "unreadable (chmod 000)", path: "locked.txt", bytes: variant(AR_SINGLE, 40), expect: "articles" /* adjusted below when not root */ },
  { name: "page inside a folder named like a file", path: "folder.txt/inner.html", bytes: variant(AR_SINGLE, 41), expect: "articles" },
  { name: "not a page (.jpg)", path: "photo.jpg", bytes: binaryBytes(), expect: "skipped", reason: /not a \.txt or \.html/i },
];

const base = (path: string) => path.split("/").pop()!;

describe("bad input", () => {
  let contentDir: string;
  let inbox: string;
  let before: ReturnType<typeof snapshot>;
  let outside: string;

  beforeAll(() => {
    contentDir = makeContentDir("bad");
    inbox = join(contentDir, "inbox");
    outside = tempDir("outside");
    writeFileSync(join(outside, "target.txt"), AR_SINGLE);
    mkdirSync(join(inbox, "folder.txt"));
    mkdirSync(join(inbox, "empty-dir.html"));
    for (const c of cases) if (c.bytes) writeFileSync(join(inbox, c.path), c.bytes);
    symlinkSync(join(outside, "target.txt"), join(inbox, "link.txt"));
    chmodSync(join(inbox, "locked.txt"), 0o000);
    const locked = cases.find((c) => c.path === "locked.txt")!;
    if (!canReadDespiteMode(join(inbox, "locked.txt"))) {
      locked.expect = "skipped";
      locked.reason = /cannot read: EACCES/;
    }
    before = snapshot(inbox);
  });

  afterAll(() => {
    try {
      chmodSync(join(inbox, "locked.txt"), 0o644);
    } catch {
      /* already gone */
    }
  });

  /** Every raw file name the inbox holds (links included), as the pipeline reports them (base names). */
  const rawFiles = () => cases.map((c) => base(c.path)).sort();

  /** file → articles (by source) and skip reasons. */
  function outcome(articles: Array<Pick<ExtractedArticle, "sources" | "title" | "body">>, skipped: Array<{ file: string; reason: string }>) {
    const byFile = new Map<string, { articles: number; reasons: string[] }>();
    const get = (f: string) => byFile.get(f) ?? byFile.set(f, { articles: 0, reasons: [] }).get(f)!;
    for (const a of articles) for (const s of a.sources) get(s.file).articles++;
    for (const s of skipped) get(base(s.file)).reasons.push(s.reason);
    return byFile;
  }

  function checkOutcome(byFile: ReturnType<typeof outcome>, only: (c: Case) => boolean = (c) => !DOT_NAMES.includes(c.path)) {
    const problems: string[] = [];
    for (const c of cases.filter(only)) {
      const got = byFile.get(base(c.path));
      if (!got) {
        problems.push(`${c.name}: not accounted for (neither an article nor a skipped entry)`);
        continue;
      }
      if (got.articles > 0 && got.reasons.length > 0) problems.push(`${c.name}: both articles and skipped (${got.reasons.join("; ")})`);
      if (c.expect === "articles" && got.articles === 0) problems.push(`${c.name}: expected articles, got skipped: ${got.reasons.join("; ")}`);
      if (c.expect === "skipped" && got.articles > 0) problems.push(`${c.name}: expected skipped, got ${got.articles} article(s)`);
      for (const r of got.reasons) {
        if (r.trim().length < 5) problems.push(`${c.name}: unclear reason ${JSON.stringify(r)}`);
        if (c.reason && !c.reason.test(r)) problems.push(`${c.name}: reason ${JSON.stringify(r)} does not match ${c.reason}`);
      }
    }
    const extra = [...byFile.keys()].filter((f) => !rawFiles().includes(f));
    if (extra.length) problems.push(`reported files that are not in the inbox: ${extra.join(", ")}`);
    return problems;
  }

  let extracted: ExtractResult;

  it("extract (child process) exits 0 and accounts for every raw file", { timeout: 1_200_000 }, () => {
    const run = runCli(["extract", inbox, "--compact"], contentEnv(contentDir), { timeout: 1_200_000 });
    expect(run.stderr).not.toMatch(/internal error|TypeError|RangeError|at .*\.ts:\d+/);
    expect(run.status).toBe(0);
    extracted = ExtractResult.parse(JSON.parse(run.stdout));
    expect(checkOutcome(outcome(extracted.articles, extracted.skipped))).toEqual([]);
    expect(snapshot(inbox)).toEqual(before);
  });

  it("decodes UTF-16 LE/BE, Windows-1256 and BOM+CRLF to the same articles as UTF-8", async () => {
    const reference = await runMain(["extract", join(SEED_PAGES, "ar-multi.txt"), "--compact"], contentEnv(contentDir));
    const ref = ExtractResult.parse(JSON.parse(reference.stdout)).articles.map((a) => ({ title: a.title, body: a.body, author: a.author, published: a.published }));
    expect(ref.length).toBeGreaterThan(0);
    for (const file of ["utf16le.txt", "utf16be.txt", "cp1256.txt", "bom-crlf.txt"]) {
      const got = extracted.articles
        .filter((a) => a.file === file)
        .map((a) => ({ title: a.title, body: a.body, author: a.author, published: a.published }));
      expect(got, file).toEqual(ref);
    }
  });

  it("keeps a truncated UTF-8 page, with no replacement character in the output", () => {
    const [article, ...rest] = extracted.articles.filter((a) => a.file === "truncated.txt");
    expect(rest).toEqual([]);
    expect(article?.title).toBe("حفتر يستقبل وفداً أممياً في بنغازي لبحث ملف الانتخابات");
    const text = JSON.stringify(article);
    expect(text).not.toContain("\uFFFD");
    // Every paragraph but the cut one is whole; the cut one is a prefix of the original paragraph.
    const original = normalisedText(AR_SINGLE.toString("utf8"));
    for (const p of article!.body) expect(original).toContain(p);
  });

  it("splits 1,000 articles back to back into 1,000 articles with their own titles", () => {
    const got = extracted.articles.filter((a) => a.file === "thousand.txt");
    const expected = Array.from({ length: THOUSAND }, (_, i) => arabicArticle(i).title);
    const titles = new Set(got.map((a) => a.title));
    const missing = expected.filter((t) => !titles.has(t));
    expect({ count: got.length, missing: missing.length, firstMissing: missing.slice(0, 3) }).toEqual({ count: THOUSAND, missing: 0, firstMissing: [] });
    for (const a of got) expect(a.body.length, a.title ?? "").toBe(3);
  });

  it("accounts for raw pages whose names start with a dot", () => {
    // Expected: each is ingested (its name is just odd) or at least reported as skipped with a reason.
    expect(checkOutcome(outcome(extracted.articles, extracted.skipped), (c) => DOT_NAMES.includes(c.path))).toEqual([]);
  });

  let report: {
    files: number;
    articles: number;
    written: string[];
    skipped: Array<{ file: string; reason: string }>;
    conflicts: unknown[];
  };

  it("ingest (in-process main) exits 0, writes parseable articles and nothing for skipped files", { timeout: 1_200_000 }, async () => {
    const run = await runMain(["ingest", "--json"], contentEnv(contentDir));
    expect(run.stderr).not.toMatch(/internal error|TypeError|RangeError/);
    expect(run.status).toBe(0);
    report = JSON.parse(run.stdout);
    const articlesDir = join(contentDir, "articles");
    const files = readdirSync(articlesDir).filter((f) => f.endsWith(".md"));
    const stored = files.map((f) => parseArticle(readFileSync(join(articlesDir, f), "utf8"), f));
    expect(checkOutcome(outcome(stored, report.skipped))).toEqual([]);
    // Same set of articles as extract, same skipped files.
    expect(new Set(stored.map((a) => a.id))).toEqual(new Set(extracted.articles.map((a) => a.id)));
    expect(report.skipped.map((s) => base(s.file)).sort()).toEqual(extracted.skipped.map((s) => base(s.file)).sort());
    expect(report.conflicts).toEqual([]);
    // Nothing written for a skipped file: no article cites it, and the manifest records no article for it.
    const skippedFiles = new Set(report.skipped.map((s) => base(s.file)));
    for (const a of stored) for (const s of a.sources) expect(skippedFiles.has(s.file), `${a.id} cites skipped ${s.file}`).toBe(false);
    const manifest = JSON.parse(readFileSync(join(articlesDir, ".manifest.json"), "utf8"));
    for (const [key, entry] of Object.entries(manifest.inputs as Record<string, { articles: string[] }>))
      if (skippedFiles.has(base(key))) expect(entry.articles, key).toEqual([]);
    // No temp files left behind.
    expect(readdirSync(articlesDir).filter((f) => f.includes("marsad-tmp"))).toEqual([]);
    expect(snapshot(inbox)).toEqual(before);
  });

  it("a second ingest over the same bad inbox changes nothing and reports the same skips", { timeout: 300_000 }, async () => {
    const articlesDir = join(contentDir, "articles");
    const mdOnly = (snap: ReturnType<typeof snapshot>) => Object.fromEntries(Object.entries(snap).filter(([k]) => k.endsWith(".md")));
    const first = mdOnly(snapshot(articlesDir));
    const run = await runMain(["ingest", "--json"], contentEnv(contentDir));
    expect(run.status).toBe(0);
    const again = JSON.parse(run.stdout);
    expect(again.written).toEqual([]);
    expect(again.skipped.map((s: { file: string }) => base(s.file)).sort()).toEqual(report.skipped.map((s) => base(s.file)).sort());
    expect(mdOnly(snapshot(articlesDir))).toEqual(first);
    expect(snapshot(inbox)).toEqual(before);
  });
});

/**
 * CPU seconds this process spends in `work`, the least of three tries. CPU time, not wall time: on a loaded
 * machine waiting for a core does not count, so the figure depends on the work, not on the neighbours.
 */
function cpuSeconds(work: () => void): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i++) {
    const start = process.cpuUsage();
    work();
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / 1e6);
  }
  return best;
}

/** How much larger the second input is than the first. */
const SCALE = 16;

/**
 * How much more CPU sixteen times the input costs: about 16 for linear work, 256 for quadratic. Speed itself
 * belongs in the benchmark; this only asks how the cost grows, which a busy machine does not change much. Garbage
 * collection on large heaps still makes linear work measure up to twice 16, hence inputs that take a while.
 */
function growth(work: (scale: 1 | typeof SCALE) => void): number {
  for (let i = 0; i < 3; i++) work(1); // warm up: JIT, compiled regexes, lazily loaded lexicons
  return cpuSeconds(() => work(SCALE)) / Math.max(cpuSeconds(() => work(1)), 1e-3);
}

/** Halfway between linear (16) and quadratic (256) on a log scale: 64. */
const LINEAR_GROWTH_LIMIT = SCALE ** 1.5;

// Inputs the fuzzer found to be quadratic once (regex backtracking in line trimming, a tagger scanning back over
// earlier hits, a parser re-walking its open-element stack). Each check asks for linear growth, and a correct result.
describe("pathological lines", () => {
  it("cleans long runs of spaces inside a line in linear time", { timeout: 600_000 }, async () => {
    const { cleanPage } = await import("../../src/ingest/index.ts");
    const page = (spaces: number): Uint8Array => {
      const line = `${" ".repeat(spaces)}كلمة${" ".repeat(spaces)}نهاية`;
      return new Uint8Array(Buffer.from(`${arabicArticle(7).text}\n${line}\n`));
    };
    const result = cleanPage({ file: "spaces.txt", bytes: page(50_000) });
    expect(result.ok && result.articles[0]?.title).toBe(arabicArticle(7).title);
    const factor = growth((scale) => void cleanPage({ file: "spaces.txt", bytes: page(12_500 * scale) }));
    expect(factor).toBeLessThan(LINEAR_GROWTH_LIMIT);
  });

  it("cleans a single line of megabytes of words in linear time", { timeout: 600_000 }, async () => {
    const { cleanPage } = await import("../../src/ingest/index.ts");
    const result = cleanPage({ file: "huge.txt", bytes: new Uint8Array(hugeLine()) });
    expect(result.ok).toBe(true);
    const factor = growth((scale) => void cleanPage({ file: "huge.txt", bytes: new Uint8Array(hugeLine(scale * 256 * 1024)) }));
    expect(factor).toBeLessThan(LINEAR_GROWTH_LIMIT);
  });

  it("tags a single paragraph of hundreds of thousands of words in linear time", { timeout: 900_000 }, async () => {
    const { cleanPage } = await import("../../src/ingest/index.ts");
    const { createTagger, loadEntityLexicons } = await import("../../src/entities/index.ts");
    const tagger = createTagger(loadEntityLexicons(join(ROOT, "content")));
    const article = (bytes: number) => {
      const result = cleanPage({ file: "huge.txt", bytes: new Uint8Array(hugeLine(bytes)) });
      expect(result.ok).toBe(true);
      return result.ok ? result.articles[0]! : undefined!;
    };
    const small = article(256 * 1024);
    const large = article(SCALE * 256 * 1024);
    const factor = growth((scale) => {
      const a = scale === 1 ? small : large;
      tagger.tag({ lang: a.lang, title: a.title, body: a.body });
    });
    expect(factor).toBeLessThan(LINEAR_GROWTH_LIMIT);
  });
});

describe("pathological HTML", () => {
  it("cleans thousands of unclosed <div> tags in linear time", { timeout: 600_000 }, async () => {
    const { cleanPage } = await import("../../src/ingest/index.ts");
    const a = arabicArticle(3);
    const page = (depth: number): Uint8Array =>
      new Uint8Array(
        Buffer.from(
          `<!DOCTYPE html><html><head><title>${a.title}</title></head><body>${"<div>".repeat(depth)}<h1>${a.title}</h1>${a.body.map((p) => `<p>${p}</p>`).join("")}</body></html>`,
        ),
      );
    const result = cleanPage({ file: "nested.html", bytes: page(16_000) });
    expect(result.ok && result.articles.map((x) => x.body)).toEqual([a.body]);
    const factor = growth((scale) => void cleanPage({ file: "nested.html", bytes: page(8_000 * scale) }));
    expect(factor).toBeLessThan(LINEAR_GROWTH_LIMIT);
  });

  // Found by the fuzzer (`<meta … constructor …>`): node-html-parser reads such an attribute back as `Object`.
  it.each(["constructor", "toString", "valueOf", "hasOwnProperty"])("extracts a page whose HTML has an attribute named %s", async (name) => {
    const { cleanPage } = await import("../../src/ingest/index.ts");
    const a = arabicArticle(4);
    const html = `<!DOCTYPE html><html><head><title>${a.title}</title></head><body><h1>${a.title}</h1>${a.body.map((p, i) => `<p${i === 0 ? ` ${name}` : ""}>${p}</p>`).join("")}</body></html>`;
    const result = cleanPage({ file: "attr.html", bytes: new Uint8Array(Buffer.from(html)) });
    expect(result.ok ? result.articles.map((x) => x.body) : result.reason).toEqual([a.body]);
  });
});
