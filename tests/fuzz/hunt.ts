/**
 * Runs the reliability properties (tests/reliability/properties.test.ts) with many more cases and any seed, printing
 * the shrunk counterexample of each property that fails. Not part of `npm test`.
 *
 *   node tests/fuzz/hunt.ts [runs=3000] [seed=1] [property,property…]
 *
 * Properties: shape, verbatim, idemClean (idempotence on clean articles), idem (on any page: known to fail, see
 * properties.test.ts), mentions (tagger offsets on generated bodies), pageMentions (on cleaned articles).
 */
import { join, resolve } from "node:path";
import fc from "fast-check";
import { createTagger, loadEntityLexicons } from "../../src/entities/index.ts";
import { cleanPage, type CleanArticle } from "../../src/ingest/index.ts";
import { cleanArticlePageArb, lineArb, pageTextArb, proseArb } from "../reliability/arbitraries.ts";
import { normalisedText } from "../reliability/helpers.ts";
import { extractedRecord, mentionProblems, pageResultProblems, schemaProblems, verbatimProblems } from "../reliability/invariants.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const lexicons = loadEntityLexicons(join(ROOT, "content"));
const tagger = createTagger(lexicons);
const NAMES = [...new Set(lexicons.actors.flatMap((a) => [a.names.ar, ...a.aliases.ar.slice(0, 2), a.names.en]).filter((n) => n.length < 40))].slice(0, 300);
const ALL = [...NAMES, "ليبيا", "السودان", "مصر", "تونس", "الليبي", "السودانية", "المصري", "Libya", "Sudan", "Egypt", "طرابلس", "الخرطوم"];
const page = (text: string) => ({ file: "p.txt", bytes: new Uint8Array(Buffer.from(text)) });
const fail = (problems: string[]) => {
  if (problems.length) throw new Error(problems.join("\n"));
};

/** Re-extracts each titled article of 2+ paragraphs from a page of its own title and body; throws when it changes. */
function idempotent(text: string): void {
  const result = cleanPage(page(text));
  if (!result.ok) return;
  for (const a of result.articles) {
    if (!a.title || a.body.length < 2) continue;
    const again = cleanPage(page([a.title, "", ...a.body.flatMap((p) => [p, ""])].join("\n")));
    if (!again.ok || JSON.stringify(again.articles.map((b) => b.body)) !== JSON.stringify([a.body]))
      throw new Error(`not idempotent: ${JSON.stringify(again.ok ? again.articles.map((b) => b.body) : again)}`);
  }
}

const tagged = (a: CleanArticle) => tagger.tag({ lang: a.lang, title: a.title, body: a.body });

const properties: Record<string, fc.IPropertyWithHooks<[string]> | fc.IPropertyWithHooks<[string[], "ar" | "en"]>> = {
  shape: fc.property(pageTextArb(ALL), (text) => {
    const result = cleanPage(page(text));
    const problems = pageResultProblems(result);
    if (result.ok) problems.push(...result.articles.flatMap((a) => schemaProblems(extractedRecord("p.txt", a, tagged(a)))));
    fail(problems);
  }),
  verbatim: fc.property(pageTextArb(ALL), (text) => {
    const result = cleanPage(page(text));
    if (result.ok) fail(result.articles.flatMap((a) => verbatimProblems(normalisedText(text), a)));
  }),
  idemClean: fc.property(cleanArticlePageArb(ALL), idempotent),
  idem: fc.property(pageTextArb(ALL), idempotent),
  mentions: fc.property(
    fc.array(fc.oneof(proseArb(ALL), lineArb(ALL, 20)), { minLength: 1, maxLength: 8 }),
    fc.constantFrom("ar" as const, "en" as const),
    (body, lang) => fail(mentionProblems(body, tagger.tag({ lang, title: null, body }))),
  ),
  pageMentions: fc.property(pageTextArb(ALL), (text) => {
    const result = cleanPage(page(text));
    if (result.ok) for (const a of result.articles) fail(mentionProblems(a.body, tagged(a)));
  }),
};

const runs = Number(process.argv[2] ?? 3000);
const seed = Number(process.argv[3] ?? 1);
const only = process.argv[4]?.split(",");
let failed = 0;
for (const [name, property] of Object.entries(properties)) {
  if (only && !only.includes(name)) continue;
  const started = performance.now();
  const out = fc.check(property as fc.IPropertyWithHooks<unknown[]>, { numRuns: runs, seed });
  console.log(`== ${name}: ${out.failed ? "FAILED" : "ok"} after ${out.numRuns} runs, ${((performance.now() - started) / 1000).toFixed(1)}s`);
  if (out.failed) {
    failed++;
    console.log(JSON.stringify(out.counterexample).slice(0, 2000));
    console.log(String(out.errorInstance).slice(0, 2000));
  }
}
process.exitCode = failed ? 1 : 0;
