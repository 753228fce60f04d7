/**
 * `briefing build` (= `npm run build`): ingest → Astro build → search index → share cards.
 * Each stage reports its time; the summary line ends the run.
 */
import { existsSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import { DEFAULT_SITE_URL, loadSettings, type Settings } from "../config.ts";
import { orderAstroBuild, startAstroChild, type AstroMessages, type StartedAstroChild } from "./astro-build.ts";
import { readCarriedFiles, type CarryOver } from "../lib/carry-over.ts";
import { buildDirFor, publishAtomically, trashDirFor } from "../pipeline/publish.ts";
import { commonHelp, heartbeat, info, parseFlags, progress, safeText, withVerbosity, type Io } from "./io.ts";

/** A stage failed and has said why: the build ends with status 1. */
class StageFailed extends Error {}

export const buildHelp = `Usage: npm run build   (or: npm run -s briefing -- build [--skip-ingest] [--no-cards] [--no-search] [--keep-going] [--cold])

Ingests content/inbox/, builds the bilingual site into dist/, indexes it for search (Pagefind) and renders
a share card for every page (cached: an unchanged rebuild renders none).
  --skip-ingest   build from content/articles/ as it is
  --no-cards      do not render share cards (pages then carry no og:image)
  --no-search     do not build the search index (the search page says so)
  --keep-going    build even when some article files are invalid (they are left out, and listed)
  --cold          render every page and index every search part again (a rebuild otherwise renders only
                  the article, story and brief pages whose data changed, and the pages that are always rendered)
  --json          print the build's report as JSON on stdout

Astro's warnings and errors are shown, summarised; --verbose shows all its output. An invalid article file
(bad frontmatter, a duplicate id) fails the build with every problem listed, unless --keep-going.
Exit status: 0 built, 1 invalid content or a failed stage (the published site is left as it was), 2 usage.

${commonHelp}`;

/** How often the site stage's card specs are looked for (ms), for the card stage to start: a look is one stat. */
const SPECS_POLL_MS = 100;

/** The stages in the order their times are reported. */
const STAGE_ORDER = ["ingest", "site", "search", "cards"];

/** Distinct Astro messages printed before "… and N more" (--verbose prints them all). */
const MAX_MESSAGES_SHOWN = 20;

/**
 * The article files the site would leave out: read through the site's cache (so the Astro build parses nothing
 * again). The reader reports a left-out file with a message ending "skipped…" (read-content.ts); other messages
 * (no articles folder) are warnings only.
 */
export async function contentProblems(settings: Settings): Promise<{ problems: string[]; warnings: string[] }> {
  const { articlesUnchanged, readArticlesCached } = await import("../site/load.ts");
  // Nothing changed since the cache was last written (ingest records what it writes): nothing to report, and no
  // need to read every cached article (100 MB at 10,000) only to find that out.
  if (articlesUnchanged(settings)) return { problems: [], warnings: [] };
  const problems: string[] = [];
  const warnings: string[] = [];
  const read = readArticlesCached(settings, { warn: (m) => (/\bskipped\b/.test(m) ? problems : warnings).push(m) });
  read.save();
  return { problems, warnings };
}

/** The warning for a site without its own `url`, or null. */
export function missingUrlWarning(settings: Settings, env: NodeJS.ProcessEnv): string | null {
  if (settings.site.url !== DEFAULT_SITE_URL || env.MARSAD_SITE_URL) return null;
  const rel = relative(settings.root, join(settings.contentDir, "site.yaml"));
  const file = rel.startsWith("..") ? join(settings.contentDir, "site.yaml") : rel;
  return (
    `no \`url\` of the site's own (${safeText(file)} or MARSAD_SITE_URL): canonical links, hreflang alternates, ` +
    `feeds, the sitemap and og:image point at the placeholder ${DEFAULT_SITE_URL}. Set \`url: https://your.site\` before publishing`
  );
}

/** Astro's messages for the terminal: each once, with its count, at most MAX_MESSAGES_SHOWN unless verbose. */
export function astroSummary(messages: Pick<AstroMessages, "warnings" | "errors">, verbose: boolean): string[] {
  const lines: string[] = [];
  const list = [...messages.errors.map((m) => ({ ...m, level: "error" })), ...messages.warnings.map((m) => ({ ...m, level: "warning" }))];
  const shown = verbose ? list : list.slice(0, MAX_MESSAGES_SHOWN);
  for (const m of shown) lines.push(`  astro ${m.level}${m.count > 1 ? ` (×${m.count})` : ""}: ${safeText(m.text.split("\n")[0]!)}`, ...m.text.split("\n").slice(1).map((l) => `    ${safeText(l)}`));
  if (shown.length < list.length) lines.push(`  … and ${list.length - shown.length} more message(s) (--verbose shows them all)`);
  return lines;
}

/** How the site was published, for `--json`: a whole new tree, or (a rebuild) what changed moved into the old one. */
function publishedHow(carry: CarryOver | undefined): Record<string, unknown> {
  if (!carry?.outcome) return { how: "swapped" };
  const { how, staged, deleted, why } = carry.outcome;
  return { how, files_staged: staged, files_carried: carry.size, files_deleted: deleted, ...(why ? { why } : {}) };
}

export async function runBuild(argv: string[], baseIo: Io): Promise<number> {
  const { flags } = parseFlags(argv, { "skip-ingest": "boolean", "no-cards": "boolean", "no-search": "boolean", "keep-going": "boolean", cold: "boolean" }, { maxPositionals: 0 });
  const io = withVerbosity(baseIo, flags);
  if (flags.help) {
    io.stdout.write(`${buildHelp}\n`);
    return 0;
  }
  const started = io.now();
  const settings = loadSettings(io.cwd, io.env);
  let warnings = 0;
  const warn = (text: string) => {
    warnings++;
    io.stderr.write(`build: warning: ${text}\n`);
  };
  const urlWarning = missingUrlWarning(settings, io.env);
  if (urlWarning) warn(urlWarning);
  const timings: string[] = [];
  const time = async <T>(label: string, f: () => T | Promise<T>): Promise<T> => {
    const t = io.now();
    const out = await f();
    timings.push(`${label} ${((io.now() - t) / 1000).toFixed(1)}s`);
    return out;
  };

  // The Astro child loads Astro from the start; the site stage orders it before ingest, and it bundles the site while
  // ingest runs (src/cli/astro-build.ts `orderAstroBuild`). It is ended unused if the build stops before.
  const early = startAstroChild(settings.root, io.env);
  try {
    return await buildStages(early);
  } finally {
    await early.cancel();
  }

  /** Ingest (unless --skip-ingest), with its report printed; null when skipped. */
  async function ingestStage(): Promise<Record<string, number> | null> {
    if (flags["skip-ingest"]) return null;
    // Loaded only when used: the ingest pipeline (cleaner, tagger, lexicons) takes a second to import.
    const { ingest } = await import("./ingest.ts");
    const report = await time("ingest", () => ingest({ paths: [], io }));
    for (const s of report.skipped) info(io, `  skipped ${safeText(s.file)}: ${safeText(s.reason)}`);
    for (const c of report.conflicts) io.stderr.write(`  conflict ${safeText(c.id)}: ${safeText(c.reason)}\n`);
    info(io, `ingest: ${report.files} file(s), ${report.articles} article(s) (${report.written.length} written), ${report.skipped.length} skipped\n`);
    return { files: report.files, processed: report.processed, articles: report.articles, written: report.written.length, skipped: report.skipped.length, conflicts: report.conflicts.length };
  }

  /** The stages, ingest to publishing: a function of its own so that the early child is ended however they stop. */
  async function buildStages(early: StartedAstroChild): Promise<number> {
    let ingested: Record<string, number> | null = null;
    let content: { problems: string[]; warnings: string[] } = { problems: [], warnings: [] };
    // Invalid content stops the build before its site stage, with its own message (no "build: failed" line); an
    // error of ingest's own is thrown as it was, not as a failed publish.
    let contentInvalid = false;
    let ingestError: { error: unknown } | undefined;

    // Every stage writes into a staging folder beside the output; the new site replaces the old one only when all
    // of them succeeded (src/pipeline/publish.ts). A killed or failed build leaves the published site as it was.
    let pages = 0;
    let cardsLine = "cards skipped";
    let carryOver: CarryOver | undefined;
    let astroWarnings = 0;
    let astroErrors = 0;
    let rendered: { pages: number | null; reused: number; searchPartsReused: number | null } = { pages: null, reused: 0, searchPartsReused: null };
    // The Astro build leaves the card specs of its site model here (src/site/load.ts CARD_SPECS_ENV), for the card stage.
    const specsFile = join(settings.cacheDir, `card-specs-${process.pid}-${Date.now()}.json`);
    // A rebuild stages only what changed: the Astro child lists here the pages the published site already has as they
    // should be (src/lib/carry-over.ts), and the search and card stages carry theirs over the same way.
    const carriedFile = join(settings.cacheDir, `carried-${process.pid}-${Date.now()}.json`);
    const outcome = await publishAtomically(
      settings.outDir,
      async (staging, carry, whileWaiting): Promise<number> => {
        const tick = progress(io, "site");
        let ticked = false;
        // Until Astro has bundled the site and listed its pages, a sign of life; then the child's count of the pages
        // rendered (of all of them on a cold build, where every page is rendered).
        let stopWaiting: (() => void) | undefined;
        // Ordered now, the site is bundled while ingest runs; its pages are listed once the content is ready.
        const site = await orderAstroBuild(
          settings.root,
          {
            ...io.env,
            MARSAD_OUT_DIR: staging,
            // Pages leave out what this build does not make (og:image without cards, the search form without an index).
            ...(flags["no-cards"] ? { MARSAD_NO_CARDS: "1" } : {}),
            ...(flags["no-search"] ? { MARSAD_NO_SEARCH: "1" } : {}),
            ...(flags["no-cards"] ? {} : { MARSAD_CARD_SPECS: specsFile }),
            ...(carry ? { MARSAD_CARRY_FROM: carry.published, MARSAD_CARRIED_FILES: carriedFile } : {}),
          },
          {
            onLine: (line) => {
              if (io.verbosity === "verbose") io.stderr.write(`  astro: ${safeText(line)}\n`);
            },
            onProgress: ({ rendered: done, paths }) => {
              if (io.verbosity === "verbose" || paths === null) return;
              stopWaiting?.();
              stopWaiting = undefined;
              ticked = true;
              tick(done, flags.cold === true ? paths : 0);
            },
            onWait: (pid) => info(io, `build: waiting for another Astro build (process ${pid}) to finish`),
            force: flags.cold === true,
            verbose: io.verbosity === "verbose",
            started: early,
          },
          { gated: true },
        );
        try {
          ingested = await ingestStage();
          content = await contentProblems(settings);
          for (const w of content.warnings) warn(safeText(w));
          if (content.problems.length) {
            for (const p of content.problems) io.stderr.write(`  invalid: ${safeText(p)}\n`);
            if (!flags["keep-going"]) {
              io.stderr.write(
                `build: ${content.problems.length} invalid article file(s), listed above; fix them, or build without them with --keep-going. ${safeText(settings.outDir)} was left as it was\n`,
              );
              contentInvalid = true;
              throw new StageFailed();
            }
            warnings += content.problems.length;
            io.stderr.write(`build: --keep-going: building without the ${content.problems.length} invalid article file(s) listed above\n`);
          }
        } catch (error) {
          await site.stop();
          if (!(error instanceof StageFailed)) ingestError = { error };
          throw new StageFailed();
        }
        // The card stage starts as soon as the site stage has left its card specs (before Astro renders the pages),
        // so that a rebuild's cards are placed and its few new ones rendered on the CPU Astro leaves idle; a batch of
        // many waits for the site stage to end (src/cards/build.ts `manyAfter`). Its progress shows once the site's
        // has ended: one line at a time on a terminal.
        const siteEnded = Promise.withResolvers<void>();
        let siteFinished = false;
        let cards: Promise<void> | undefined;
        const cardsProgress = progress(io, "cards");
        const startCards = () => {
          if (cards || flags["no-cards"]) return;
          cards = time("cards", async () => {
            const { buildToday, loadSiteModel, takeCardSpecs } = await import("../site/load.ts");
            const { cardSpecs } = await import("../site/cards.ts");
            const { renderCards } = await import("../cards/build.ts");
            // The specs of the model the pages were built from; worked out here only if the site stage left none.
            const specs = takeCardSpecs(specsFile) ?? cardSpecs(loadSiteModel(settings, { today: buildToday(io.env) }), settings);
            return renderCards(specs, {
              outDir: staging,
              cacheDir: settings.cacheDir,
              onProgress: (done, total) => siteFinished && cardsProgress(done, total),
              onCacheError: (message) => io.stderr.write(`cards: ${safeText(message)}\n`),
              carry,
              manyAfter: siteEnded.promise,
            });
          }).then((made) => {
            cardsLine = `${made.total} card(s) (${made.rendered} rendered, ${made.cached} from cache)`;
          });
          // Awaited once the site stage has ended; a failure before then is not an unhandled one.
          cards.catch(() => {});
        };
        const specsPoll = flags["no-cards"]
          ? undefined
          : setInterval(() => {
              if (!existsSync(specsFile)) return;
              clearInterval(specsPoll);
              startCards();
            }, SPECS_POLL_MS);
        if (io.verbosity !== "verbose") stopWaiting = heartbeat(io, "site");
        site.contentReady();
        const astro = await time("site", () => {
          // The child lists and renders the pages now; this process has nothing else to do until the card specs come.
          whileWaiting?.();
          return site.result;
        }).finally(() => {
          clearInterval(specsPoll);
          siteFinished = true;
          siteEnded.resolve();
        });
        stopWaiting?.();
        if (io.stderr.isTTY && io.verbosity !== "quiet" && io.verbosity !== "verbose" && ticked) io.stderr.write("\r\u001b[K");
        const messages = astro.messages;
        // Every file Astro generated (pages, feeds, sitemaps) less those it restored: keyed feeds are restored too, so
        // Astro's "N page(s) built" (pages only) is not the right whole.
        rendered = { ...rendered, pages: messages.counts?.rendered ?? null, reused: messages.counts?.reused ?? 0 };
        astroWarnings = messages.warnings.reduce((n, m) => n + m.count, 0);
        astroErrors = messages.errors.reduce((n, m) => n + m.count, 0);
        if (io.verbosity !== "verbose") for (const line of astroSummary(messages, false)) io.stderr.write(`${line}\n`);
        const astroStatus = astro.status;
        if (astroStatus !== 0) {
          if (messages.errors.length === 0 && io.verbosity !== "verbose") for (const line of messages.tail) io.stderr.write(`  astro: ${safeText(line)}\n`);
          io.stderr.write(`build: the Astro build failed (exit ${astroStatus}); see the messages above; ${safeText(settings.outDir)} was left as it was\n`);
          // Not while the card stage still writes into the staging folder that is about to be removed.
          await cards?.catch(() => {});
          throw new StageFailed();
        }
        carry?.add(readCarriedFiles(carriedFile, carry.published));
        // The search index and the cards both read what the site stage left and write files of their own (each
        // edition's bundles, cards/ images), so they run at once (the cards may have started already, above): a
        // rebuild's search waits on Pagefind processes, which leave a CPU idle. Each is timed as its own stage; a
        // failure of either fails the build once both have stopped writing.
        let searchDone = false;
        const search = flags["no-search"]
          ? undefined
          : (async () => {
              const { buildSearchIndex } = await import("../site/search-index.ts");
              const index = await time("search", () => buildSearchIndex(staging, { cacheDir: settings.cacheDir, force: flags.cold === true, carry }));
              pages = index.pages;
              rendered = { ...rendered, searchPartsReused: index.bundlesReused };
            })().finally(() => (searchDone = true));
        startCards();
        // One line of progress on a terminal: the cards' count, then the search's heartbeat if it is still working.
        let stopBeat: (() => void) | undefined;
        const beat = () => {
          if (search && !searchDone) stopBeat = heartbeat(io, "search");
        };
        if (cards) void cards.then(beat, () => {});
        else beat();
        const stopped = await Promise.allSettled([search, cards]);
        stopBeat?.();
        for (const stage of stopped) if (stage.status === "rejected") throw stage.reason;
        // Its outcome is known once published (publishAtomically sets it after this returns).
        carryOver = carry;
        return 0;
      },
      {
        onWait: (pid) => io.stderr.write(`build: waiting for another build of ${safeText(settings.outDir)} (process ${pid}) to finish\n`),
        buildDir: buildDirFor(settings.outDir, settings.root, settings.cacheDir),
        // The previous site is deleted in the background (it took a minute of a rebuild on a loaded VM).
        trashDir: trashDirFor(settings.cacheDir),
        // `--cold` lays the whole site out again, as a first build does.
        carryOver: flags.cold !== true,
      },
    )
      .catch((error: unknown) => {
        if (error instanceof StageFailed) return 1;
        throw new Error(`${(error as Error).message} (${safeText(settings.outDir)} was left as it was)`, { cause: error });
      })
      .finally(() => {
        rmSync(specsFile, { force: true });
        rmSync(carriedFile, { force: true });
      });
    if (ingestError) throw ingestError.error;
    const counts = `${warnings + astroWarnings} warning(s), ${astroErrors} error(s)`;
    if (outcome !== 0) {
      if (!contentInvalid) io.stderr.write(`build: failed: ${counts}\n`);
      return outcome;
    }
    // Search and cards end in either order: their times are listed in the stages' order.
    timings.sort((a, b) => STAGE_ORDER.indexOf(a.split(" ")[0]!) - STAGE_ORDER.indexOf(b.split(" ")[0]!));
    const seconds = (io.now() - started) / 1000;
    if (flags.json) {
      io.stdout.write(
        `${JSON.stringify({ out_dir: settings.outDir, ingest: ingested, pages_indexed: pages, cards: cardsLine, warnings: warnings + astroWarnings, errors: astroErrors, invalid_files: content.problems, pages_rendered: rendered.pages, pages_reused: rendered.reused, search_parts_reused: rendered.searchPartsReused, published: publishedHow(carryOver), seconds, stages: timings }, null, 2)}\n`,
      );
    }
    info(
      io,
      `build: done in ${seconds.toFixed(1)}s: ${rendered.pages !== null ? `${rendered.pages} page(s) rendered${rendered.reused ? `, ${rendered.reused} unchanged` : ""}, ` : ""}${pages ? `${pages} page(s) indexed, ` : flags["no-search"] ? "search skipped, " : ""}${cardsLine}, ${counts} [${timings.join(", ")}] → ${safeText(settings.outDir)}`,
    );
    return 0;
  }
}
