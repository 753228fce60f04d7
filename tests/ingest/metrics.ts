/**
 * The extraction metrics of `shared/tools/score.mjs`, re-implemented so the gold gate runs without importing
 * anything from shared/ at run time: the same normalisation, the same greedy matching of gold to system
 * articles by body-token F1 (+0.25 for an exact title), and the same article, title, date, body and junk scores.
 * Entity scores are left out (ingest does not tag); the entities gold gate uses `norm` from here.
 */

const DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]/g;

/** The scorer's normalisation. */
export function norm(s: unknown): string {
  return String(s ?? "")
    .normalize("NFKC")
    .replace(DIACRITICS, "")
    .replace(/\u0640/g, "")
    .replace(/[أإآٱ]/g, "ا")
    .replace(/ى/g, "ي")
    .replace(/ة/g, "ه")
    .replace(/ؤ/g, "و")
    .replace(/ئ/g, "ي")
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .toLowerCase()
    .replace(/[\p{P}\p{S}]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const tokens = (s: string): string[] => norm(s).split(" ").filter(Boolean);

/** Bag-of-tokens precision, recall and F1. */
export function bagF1(sys: string[], gold: string[]): { p: number; r: number; f: number } {
  const g = new Map<string, number>();
  for (const t of gold) g.set(t, (g.get(t) ?? 0) + 1);
  let hit = 0;
  for (const t of sys) {
    const c = g.get(t) ?? 0;
    if (c > 0) {
      hit++;
      g.set(t, c - 1);
    }
  }
  const p = sys.length ? hit / sys.length : gold.length ? 0 : 1;
  const r = gold.length ? hit / gold.length : 1;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

/** A gold article, as in shared/corpus/GOLD-SCHEMA.md (only the fields scored here). */
export interface GoldArticle {
  role: "primary" | "secondary";
  title: string | null;
  title_alternatives?: string[];
  published: string | null;
  published_acceptable?: string[];
  body: string[];
}

/** One gold file. */
export interface GoldFile {
  file: string;
  articles: GoldArticle[];
  junk?: string[];
}

/** A system article as the scorer reads it. */
export interface SystemArticle {
  file: string;
  title: string | null;
  published: string | null;
  lang?: string;
  body: string[];
}

/** The scores, as score.mjs names them. */
export interface Scores {
  files: number;
  article_recall: number;
  spurious_articles: number;
  title_accuracy: number;
  lang_accuracy: number;
  date_accuracy: number;
  body_precision: number;
  body_recall: number;
  body_f1: number;
  junk_leak_rate: number;
  problems: string[];
}

const rawName = (f: string): string => (f.split("/").pop() ?? f).replace(/\.(txt|html?|md)$/i, "");

function match(gold: GoldArticle[], sys: SystemArticle[]): { gi: number; si: number; score: number }[] {
  const pairs: { gi: number; si: number; score: number }[] = [];
  gold.forEach((g, gi) =>
    sys.forEach((s, si) => {
      const f = bagF1(tokens(s.body.join("\n")), tokens(g.body.join("\n"))).f;
      const t = g.title && norm(s.title) === norm(g.title) ? 0.25 : 0;
      pairs.push({ gi, si, score: f + t });
    }),
  );
  pairs.sort((a, b) => b.score - a.score);
  const usedG = new Set<number>();
  const usedS = new Set<number>();
  const out: typeof pairs = [];
  for (const p of pairs) {
    if (p.score < 0.2 || usedG.has(p.gi) || usedS.has(p.si)) continue;
    usedG.add(p.gi);
    usedS.add(p.si);
    out.push(p);
  }
  return out;
}

/** Scores system articles against gold files, exactly as score.mjs does for the ingest metrics. */
export function score(golds: GoldFile[], system: SystemArticle[]): Scores {
  const byFile = new Map<string, SystemArticle[]>();
  for (const a of system) {
    const k = rawName(a.file);
    const list = byFile.get(k) ?? [];
    list.push(a);
    byFile.set(k, list);
  }
  const m = { primaries: 0, found: 0, spurious: 0, titleOk: 0, titles: 0, dateOk: 0, dates: 0, p: 0, r: 0, f: 0, junk: 0, leaked: 0, lang: 0 };
  const problems: string[] = [];
  for (const gold of golds) {
    const key = rawName(gold.file);
    const sys = byFile.get(key) ?? [];
    const matched = match(gold.articles, sys);
    const spurious = sys.length - new Set(matched.map((p) => p.si)).size;
    m.spurious += spurious;
    if (spurious > 0) problems.push(`${key}: ${spurious} spurious article(s)`);
    const bodies = norm(sys.map((s) => s.body.join("\n")).join("\n"));
    for (const j of gold.junk ?? []) {
      const nj = norm(j);
      if (!nj) continue;
      m.junk++;
      if (bodies.includes(nj)) {
        m.leaked++;
        problems.push(`${key}: junk leaked: ${j.slice(0, 60)}`);
      }
    }
    gold.articles.forEach((g, gi) => {
      if (g.role !== "primary") return;
      m.primaries++;
      const label = String(g.title ?? g.body[0] ?? "").slice(0, 50);
      const p = matched.find((x) => x.gi === gi);
      if (!p) {
        problems.push(`${key}: missed article "${label}"`);
        return;
      }
      m.found++;
      const s = sys[p.si]!;
      if (g.title) {
        m.titles++;
        const ok = [g.title, ...(g.title_alternatives ?? [])].map(norm).includes(norm(s.title));
        if (ok) m.titleOk++;
        else problems.push(`${key}: title "${String(s.title).slice(0, 50)}" ≠ "${g.title.slice(0, 50)}"`);
      }
      const goldLang = /[\u0600-\u06FF]/.test(g.body.join("")) ? "ar" : "en";
      if (s.lang === goldLang) m.lang++;
      m.dates++;
      const sd = s.published ? String(s.published).slice(0, 10) : null;
      if ([g.published, ...(g.published_acceptable ?? [])].includes(sd)) m.dateOk++;
      else problems.push(`${key}: date ${sd} ≠ ${g.published}`);
      const b = bagF1(tokens(s.body.join("\n")), tokens(g.body.join("\n")));
      m.p += b.p;
      m.r += b.r;
      m.f += b.f;
      if (b.f < 0.9) problems.push(`${key}: body F1 ${b.f.toFixed(2)} (P ${b.p.toFixed(2)} R ${b.r.toFixed(2)}) "${label.slice(0, 40)}"`);
    });
  }
  const found = m.found || 1;
  return {
    files: golds.length,
    article_recall: m.primaries ? m.found / m.primaries : 0,
    spurious_articles: m.spurious,
    title_accuracy: m.titles ? m.titleOk / m.titles : 0,
    lang_accuracy: m.lang / found,
    date_accuracy: m.dates ? m.dateOk / m.dates : 0,
    body_precision: m.p / found,
    body_recall: m.r / found,
    body_f1: m.f / found,
    junk_leak_rate: m.junk ? m.leaked / m.junk : 0,
    problems,
  };
}
