/**
 * Ingest gives every article a summary and a story, and a later ingest puts a new report of a stored event in the
 * stored story (same id), without touching the stored article.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { describe, expect, it, onTestFinished } from "vitest";
import { main } from "../../src/cli/main.ts";
import { parseArticle } from "../../src/content/article-file.ts";

const root = process.cwd();

const first = `حريق ضخم في مستودع للوقود بمدينة مصراتة
صحيفة المرصد
نشر في: 2025/03/10

مصراتة - واس: اندلع حريق ضخم في مستودع للوقود في مدينة مصراتة فجر اليوم الاثنين وأسفر عن مقتل 7 عمال وإصابة 19 آخرين، بحسب الهلال الأحمر الليبي.

وقالت فرق الإطفاء إن النيران امتدت إلى خزانين قبل السيطرة عليها بعد ساعات.
`;

const second = `ارتفاع حصيلة حريق مستودع الوقود في مصراتة
جريدة الشاهد
نشر في: 2025/03/11

ارتفعت حصيلة حريق مستودع الوقود في مدينة مصراتة إلى 9 قتلى و19 مصابا، وفق الهلال الأحمر الليبي الذي قال إن فرق الإطفاء سيطرت على النيران.

وأضاف أن التحقيق في أسباب الحريق ما زال جاريا.
`;

async function run(argv: string[], content: string) {
  const sink = () => new Writable({ write: (_c, _e, cb) => cb() });
  return main(argv, { stdout: sink(), stderr: sink(), cwd: root, env: { MARSAD_CONTENT_DIR: content, MARSAD_INGEST_WORKERS: "0" }, now: () => 0 });
}

function articles(dir: string) {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".md"))
    .map((f) => ({ name: f, text: readFileSync(join(dir, f), "utf8") }))
    .map((f) => ({ ...f, article: parseArticle(f.text, f.name) }));
}

describe("ingest with stories", () => {
  it("writes summary and story, and a later report joins the stored story", async () => {
    const content = mkdtempSync(join(tmpdir(), "marsad-stories-"));
    onTestFinished(() => rmSync(content, { recursive: true, force: true }));
    cpSync(join(root, "content", "actors"), join(content, "actors"), { recursive: true });
    cpSync(join(root, "content", "countries"), join(content, "countries"), { recursive: true });
    const inbox = join(content, "inbox");
    mkdirSync(inbox);
    writeFileSync(join(inbox, "first.txt"), first);
    expect(await run(["ingest"], content)).toBe(0);
    const [stored] = articles(join(content, "articles"));
    expect(stored!.article.story).toBe(stored!.article.id);
    expect(stored!.article.summary).toMatch(/^اندلع حريق ضخم/);

    writeFileSync(join(inbox, "second.txt"), second);
    expect(await run(["ingest"], content)).toBe(0);
    const after = articles(join(content, "articles"));
    expect(after).toHaveLength(2);
    const later = after.find((a) => a.article.id !== stored!.article.id)!;
    expect(later.article.story).toBe(stored!.article.id);
    expect(after.find((a) => a.article.id === stored!.article.id)!.text).toBe(stored!.text);
  });
});
