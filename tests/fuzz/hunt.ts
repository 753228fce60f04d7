import fc from "fast-check";
import { join } from "node:path";
import { createTagger, loadEntityLexicons } from "../../src/entities/index.ts";
import { cleanPage } from "../../src/ingest/index.ts";
import { cleanArticlePageArb, lineArb, pageTextArb, proseArb } from "../reliability/arbitraries.ts";
import { normalisedText } from "../reliability/helpers.ts";
import { extractedRecord, mentionProblems, pageResultProblems, schemaProblems, verbatimProblems } from "../reliability/invariants.ts";
const lex = loadEntityLexicons("/work/main/content");
const tagger = createTagger(lex);
const NAMES = [...new Set(lex.actors.flatMap((a) => [a.names.ar, ...a.aliases.ar.slice(0, 2), a.names.en]).filter((n) => n.length < 40))].slice(0, 300);
const ALL = [...NAMES, "ليبيا", "السودان", "مصر", "تونس", "الليبي", "السودانية", "المصري", "Libya", "Sudan", "Egypt", "طرابلس", "الخرطوم"];
const page = (t: string) => ({ file: "p.txt", bytes: new Uint8Array(Buffer.from(t)) });
const runs = Number(process.argv[2] ?? 3000);
const seed = Number(process.argv[3] ?? 1);
const props: Record<string, fc.IProperty<any>> = {
  shape: fc.property(pageTextArb(ALL), (text) => { const r = cleanPage(page(text)); const p = pageResultProblems(r); if (r.ok) p.push(...r.articles.flatMap((a) => schemaProblems(extractedRecord("p.txt", a, tagger.tag(a))))); if (p.length) throw new Error(p.join("\n")); }),
  verbatim: fc.property(pageTextArb(ALL), (text) => { const r = cleanPage(page(text)); if (!r.ok) return; const p = r.articles.flatMap((a) => verbatimProblems(normalisedText(text), a)); if (p.length) throw new Error(p.join("\n")); }),
  idemRealistic: fc.property(pageTextArb(ALL, true), (text) => { const r = cleanPage(page(text)); if (!r.ok) return; for (const a of r.articles) { if (!a.title) continue; const b = cleanPage(page([a.title, "", ...a.body.flatMap((p) => [p, ""])].join("\n"))); if (!b.ok || JSON.stringify(b.articles.map(x=>x.body)) !== JSON.stringify([a.body])) throw new Error("not idempotent: " + JSON.stringify(b.ok ? b.articles.map(x=>x.body.length) : b)); } }),
  idemClean: fc.property(cleanArticlePageArb(ALL), (text) => { const r = cleanPage(page(text)); if (!r.ok) return; for (const a of r.articles) { if (!a.title) continue; const b = cleanPage(page([a.title, "", ...a.body.flatMap((p) => [p, ""])].join("\n"))); if (!b.ok || JSON.stringify(b.articles.map(x=>x.body)) !== JSON.stringify([a.body])) throw new Error("not idempotent: " + JSON.stringify(b.ok ? b.articles.map(x=>x.body.length) : b)); } }),
  idem: fc.property(pageTextArb(ALL), (text) => { const r = cleanPage(page(text)); if (!r.ok) return; for (const a of r.articles) { if (!a.title) continue; const b = cleanPage(page([a.title, "", ...a.body.flatMap((p) => [p, ""])].join("\n"))); if (!b.ok || JSON.stringify(b.articles.map(x=>x.body)) !== JSON.stringify([a.body])) throw new Error("not idempotent: " + JSON.stringify(b.ok ? b.articles.map(x=>x.body.length) : b)); } }),
  mentions: fc.property(fc.array(fc.oneof(proseArb(ALL), lineArb(ALL, 20)), { minLength: 1, maxLength: 8 }), fc.constantFrom("ar", "en"), (body, lang) => { const p = mentionProblems(body, tagger.tag({ lang: lang as "ar", title: null, body })); if (p.length) throw new Error(p.join("\n")); }),
  pageMentions: fc.property(pageTextArb(ALL), (text) => { const r = cleanPage(page(text)); if (!r.ok) return; for (const a of r.articles) { const p = mentionProblems(a.body, tagger.tag(a)); if (p.length) throw new Error(p.join("\n")); } }),
};
const only = process.argv[4]?.split(",");
for (const [name, prop] of Object.entries(props)) {
  if (only && !only.includes(name)) continue;
  const t = performance.now();
  const out = fc.check(prop, { numRuns: runs, seed });
  console.log(`== ${name}: ${out.failed ? "FAILED" : "ok"} after ${out.numRuns} runs, ${((performance.now() - t) / 1000).toFixed(1)}s`);
  if (out.failed) { console.log(JSON.stringify(out.counterexample).slice(0, 1500)); console.log(String(out.errorInstance).slice(0, 1500)); }
}
