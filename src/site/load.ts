/**
 * Reading the site's content and building the site model, for the Astro build (src/components/site-data.ts) and for
 * the card stage in the CLI process: the same readers and `buildSiteModel` everywhere, so cards are made for exactly
 * the pages that exist. Articles are read through the article cache (src/content/article-cache.ts), which ingest
 * keeps up to date as it writes.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import type { Settings } from "../config.ts";
import type { Actor } from "../schemas/actor.ts";
import type { Article } from "../schemas/article.ts";
import { countryEntries, type Country } from "./countries.ts";
import { buildSiteModel, type SiteModel } from "./model.ts";
import { terminalText } from "../lib/text-safety.ts";
import { readActors, type ReadReport } from "../content/read-content.ts";
import { readArticlesCached } from "../content/article-cache.ts";
import { writeFileAtomic } from "../lib/atomic.ts";
import { cacheValueBytes, readCacheValue } from "../lib/cache.ts";
import { cardFor, cardInputKey, cardTargets } from "./cards.ts";
import { pageKeys, type PageKeys } from "./page-keys.ts";
import { sourceDigest } from "./source-digest.ts";

export { articlesUnchanged, loadArticles, readArticlesCached, recordWrittenArticles, type CachedArticles } from "../content/article-cache.ts";

/** Days a publication date may lie after the build's today: a page published "tomorrow" in another time zone. */
const FUTURE_SLACK_DAYS = 1;

/** The build's today (`YYYY-MM-DD`, UTC): `MARSAD_TODAY` when set (tests, reproducible builds), else the clock. */
export function buildToday(env: NodeJS.ProcessEnv = process.env, now: () => number = Date.now): string {
  const fixed = env.MARSAD_TODAY;
  if (fixed && /^\d{4}-\d{2}-\d{2}$/.test(fixed)) return fixed;
  return new Date(now()).toISOString().slice(0, 10);
}

/**
 * Articles dated after `today` (a typo such as 2100, or a clock gone wrong) would head every list and become the
 * latest brief. Each is flagged with a warning naming it and shown as undated (its date withheld, the file
 * untouched) until that day comes.
 */
export function withholdFutureDates(articles: Article[], today: string, report: ReadReport): Article[] {
  const limit = new Date(Date.parse(`${today}T00:00:00Z`) + FUTURE_SLACK_DAYS * 86_400_000).toISOString().slice(0, 10);
  return articles.map((article) => {
    const published = article.published !== null && article.published > limit;
    // A page-view or crawl date stands in for a missing publication date (model.ts articleDay): the same rule.
    const seen = article.seen !== null && article.seen > limit;
    if (!published && !seen) return article;
    const dates = [published ? `published ${article.published}` : "", seen ? `seen ${article.seen}` : ""].filter(Boolean).join(", ");
    report.warn(`${article.id}: ${dates} is after today (${today}); shown without that date until then. Fix the date in its frontmatter if it is wrong.`);
    return { ...article, ...(published ? { published: null } : {}), ...(seen ? { seen: null } : {}) };
  });
}

const stderrReport: ReadReport = { warn: (m) => process.stderr.write(`${terminalText(m)}\n`) };

/** Everything the site model is built from. */
export interface SiteContent {
  articles: Article[];
  actors: Actor[];
  countries: Country[];
}

/** Reads the site's content (articles through the cache, which is not written: see `CachedArticles.save`). */
export function readSiteContent(settings: Pick<Settings, "articlesDir" | "actorsDir" | "cacheDir">, options: { today?: string } = {}): { content: SiteContent; save(): void } {
  const read = readArticlesCached(settings);
  const articles = withholdFutureDates(read.articles, options.today ?? buildToday(), stderrReport);
  return { content: { articles, actors: readActors(settings.actorsDir, { cacheDir: settings.cacheDir }), countries: countryEntries() }, save: read.save };
}

/** The site model of content already read. */
export function siteModelFrom(content: SiteContent, settings: Pick<Settings, "site">): SiteModel {
  return buildSiteModel({ ...content, settings: settings.site });
}

/** The site model with each article's search text, as the pages read it. */
export interface LoadedSite {
  model: SiteModel;
  searchText: ReadonlyMap<string, string>;
  /** Each article's digest as read (article-cache.ts `articleDigest`), for the page keys. */
  digests: ReadonlyMap<string, string>;
}

/**
 * A cheap fingerprint of everything `loadSite` reads: every article and actor file's name, size and modification
 * time, the settings and the build's today. Only for the in-process memo below (a build's collections sync and its
 * pages run seconds apart in one process); the on-disk article cache keys by content hash (read-content.ts).
 */
export function contentFingerprint(settings: Pick<Settings, "articlesDir" | "actorsDir" | "site">, today: string): string {
  const hash = createHash("sha256").update(JSON.stringify([settings.articlesDir, settings.actorsDir, settings.site, today]));
  for (const dir of [settings.articlesDir, settings.actorsDir]) {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      names = [];
    }
    hash.update(`\0${dir}`);
    for (const name of names) {
      try {
        const s = statSync(join(dir, name));
        hash.update(`\0${name}\0${s.size}\0${s.mtimeMs}\0${s.ino}`);
      } catch {
        // Gone between the listing and the stat: another fingerprint than when it was there.
        hash.update(`\0${name}\0-`);
      }
    }
  }
  return hash.digest("hex");
}

/**
 * One site model per build: the collections' loader (src/content.config.ts) and the pages (src/components/site-data.ts)
 * run in one Astro process but import this module as two instances (Vite's module runner, then Node), so the memo
 * lives on `globalThis`, keyed by the content's fingerprint. Building the model twice cost a second read of the
 * article cache and a second `buildSiteModel` (measured in tests/bench).
 */
const MEMO = Symbol.for("marsad.site-model");
type Memo = { key: string; site: LoadedSite };

/** `loadSite`, memoised in the process for unchanged content (see MEMO). */
export function loadSiteOnce(settings: KeySettings & Pick<Settings, "articlesDir" | "actorsDir" | "cacheDir">, options: { today?: string } = {}): LoadedSite {
  const today = options.today ?? buildToday();
  const key = contentFingerprint(settings, today);
  const store = globalThis as { [MEMO]?: Memo };
  const held = store[MEMO];
  if (held?.key === key) return held.site;
  const site = loadSite(settings, { today });
  store[MEMO] = { key, site };
  const specsFile = process.env[CARD_SPECS_ENV];
  if (specsFile) writeCardSpecs(specsFile, site.model, settings, { file: cardSpecMemoFile(settings.cacheDir), keys: siteKeys(site, settings) });
  return site;
}

/** What the page keys hold of the settings: what the layout reads, the outputs of the build, the code's place. */
type KeySettings = Pick<Settings, "site" | "outputs" | "root">;

const keysOf = new WeakMap<LoadedSite, PageKeys>();
/**
 * The page keys of a loaded site (src/site/page-keys.ts), made once: the pages' `cacheKey`s (src/components/site-data.ts)
 * and the card-spec memo (`writeCardSpecs`) share them and their memoised pieces.
 */
export function siteKeys(site: LoadedSite, settings: KeySettings): PageKeys {
  let keys = keysOf.get(site);
  if (!keys) keysOf.set(site, (keys = pageKeys(site.model, site.digests, { settings: { site: settings.site, outputs: settings.outputs }, code: sourceDigest(settings.root) })));
  return keys;
}

/**
 * Set by `build` for the Astro build: the file where the site stage leaves the card specs of the model it built, so
 * that the card stage does not read every article and build the same model again (at 10,000 articles that took
 * most of a rebuild's card stage, whose cards were nearly all cached).
 */
export const CARD_SPECS_ENV = "MARSAD_CARD_SPECS";

/**
 * Removes a card-spec hand-off. One that cannot be removed (its folder is a file) is none to take either, and must not
 * fail the build that was only handing its cards on.
 */
function removeHandOff(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // Nothing there to take.
  }
}

/** The first line of a card-spec hand-off, before the count of specs: a file without it (or short of lines) is none. */
const SPECS_HEADER = "marsad-card-specs 1";

/**
 * The card specs of the last build by what they show (`cardInputKey` in src/site/cards.ts), each as its line of JSON.
 * Working out, validating and serialising every spec cost about a second of each rebuild at 10,000 articles, for a
 * few dozen cards that changed.
 */
const CardSpecMemo = z.object({ specs: z.map(z.string(), z.string()) });
type CardSpecMemo = z.infer<typeof CardSpecMemo>;

/** Where the site stage keeps its card-spec memo. */
export const cardSpecMemoFile = (cacheDir: string): string => join(cacheDir, "site", "card-specs.v8");

/** The memo's specs; empty when missing or unreadable (it only saves work). */
function readCardSpecMemo(file: string): CardSpecMemo["specs"] {
  const read = readCacheValue(file, CardSpecMemo);
  return typeof read !== "string" ? read.data.specs : new Map();
}

/**
 * Writes the card specs of `model` to `file`, one spec's JSON a line (the card stage plans a line it has seen in an
 * earlier build without parsing it: src/cards/build.ts `WrittenSpec`); one that cannot be written leaves the card
 * stage to work them out. With a `memo`, a card whose key (`cardInputKey`) is one of the last build's takes that
 * build's line, and the memo is written again with this build's cards.
 */
export function writeCardSpecs(file: string, model: SiteModel, settings: Pick<Settings, "site">, memo?: { file: string; keys: PageKeys }): void {
  try {
    const before = memo ? readCardSpecMemo(memo.file) : new Map<string, string>();
    const after = new Map<string, string>();
    const lines = cardTargets(model).map(({ lang, target }) => {
      const key = memo ? cardInputKey(model, memo.keys, lang, target) : null;
      const line = (key !== null ? before.get(key) : undefined) ?? JSON.stringify(cardFor(model, settings, lang, target));
      if (key !== null) after.set(key, line);
      return line;
    });
    writeFileAtomic(file, [`${SPECS_HEADER} ${lines.length}`, ...lines].join("\n"), { flush: false });
    if (memo) writeCardSpecMemo(memo.file, { specs: after });
  } catch (error) {
    removeHandOff(file);
    process.stderr.write(`${terminalText(file)}: card specs not written (${(error as Error).message}); the card stage works them out again\n`);
  }
}

/**
 * Keeps this build's card specs for the next. A write that fails costs only work: an entry is right for its key
 * whichever build wrote it, so a memo left as it was is still a valid one.
 */
function writeCardSpecMemo(file: string, memo: CardSpecMemo): void {
  try {
    writeFileAtomic(file, cacheValueBytes(memo), { flush: false });
  } catch {
    // Worked out again next time.
  }
}

/**
 * The card specs the site stage left in `file` (see CARD_SPECS_ENV), each as the line of JSON it was written as, or
 * null when there are none (each is validated by the card stage, as any spec is). The file is removed: it belongs to
 * one build.
 */
export function takeCardSpecs(file: string): string[] | null {
  try {
    const [header, ...lines] = readFileSync(file, "utf8").split("\n");
    return header === `${SPECS_HEADER} ${lines.length}` ? lines : null;
  } catch {
    return null;
  } finally {
    removeHandOff(file);
  }
}

/** Reads content as the site does and builds the site model; with each article's search text, for the pages. */
export function loadSite(settings: Pick<Settings, "articlesDir" | "actorsDir" | "cacheDir" | "site">, options: { today?: string } = {}): LoadedSite {
  const read = readArticlesCached(settings);
  read.save();
  const model = buildSiteModel({
    articles: withholdFutureDates(read.articles, options.today ?? buildToday(), stderrReport),
    actors: readActors(settings.actorsDir, { cacheDir: settings.cacheDir }),
    countries: countryEntries(),
    settings: settings.site,
  });
  return { model, searchText: read.searchText, digests: read.digests };
}

/** Reads content as the site does and builds the site model. */
export function loadSiteModel(settings: Pick<Settings, "articlesDir" | "actorsDir" | "cacheDir" | "site">, options: { today?: string } = {}): SiteModel {
  return loadSite(settings, options).model;
}
