/**
 * `briefing build` (= `npm run build`): ingest → Astro build → search index → share cards.
 * Each stage reports its time; the summary line ends the run.
 */
import { loadSettings } from "../config.ts";
import { runAstroBuild } from "./astro-build.ts";
import { buildDirFor, publishAtomically } from "../pipeline/publish.ts";
import { parseFlags, progress, safeText, type Io } from "./io.ts";

/** A stage failed and has said why: the build ends with status 1. */
class StageFailed extends Error {}

export const buildHelp = `Usage: npm run build   (or: npm run -s briefing -- build [--skip-ingest] [--no-cards] [--no-search])

Ingests content/inbox/, builds the bilingual site into dist/, indexes it for search (Pagefind) and renders
a share card for every page (cached: an unchanged rebuild renders none).
  --skip-ingest   build from content/articles/ as it is
  --no-cards      do not render share cards
  --no-search     do not build the search index`;

export async function runBuild(argv: string[], io: Io): Promise<number> {
  const { flags } = parseFlags(argv, { "skip-ingest": "boolean", "no-cards": "boolean", "no-search": "boolean" });
  if (flags.help) {
    io.stdout.write(`${buildHelp}\n`);
    return 0;
  }
  const started = io.now();
  const settings = loadSettings(io.cwd, io.env);
  const timings: string[] = [];
  const time = async <T>(label: string, f: () => T | Promise<T>): Promise<T> => {
    const t = io.now();
    const out = await f();
    timings.push(`${label} ${((io.now() - t) / 1000).toFixed(1)}s`);
    return out;
  };

  if (!flags["skip-ingest"]) {
    // Loaded only when used: the ingest pipeline (cleaner, tagger, lexicons) takes a second to import.
    const { ingest } = await import("./ingest.ts");
    const report = await time("ingest", () => ingest({ paths: [], io }));
    for (const s of report.skipped) io.stderr.write(`  skipped ${safeText(s.file)}: ${safeText(s.reason)}\n`);
    for (const c of report.conflicts) io.stderr.write(`  conflict ${safeText(c.id)}: ${safeText(c.reason)}\n`);
    io.stderr.write(
      `ingest: ${report.files} file(s), ${report.articles} article(s) (${report.written.length} written), ${report.skipped.length} skipped\n`,
    );
  }

  // Every stage writes into a staging folder beside the output; the new site replaces the old one only when all
  // of them succeeded (src/pipeline/publish.ts). A killed or failed build leaves the published site as it was.
  let pages = 0;
  let cardsLine = "cards skipped";
  const outcome = await publishAtomically(
    settings.outDir,
    async (staging): Promise<number> => {
      const astroStatus = await time("site", () => runAstroBuild(settings.root, { ...io.env, MARSAD_OUT_DIR: staging }));
      if (astroStatus !== 0) {
        io.stderr.write(`build: the Astro build failed (exit ${astroStatus}); see the messages above; ${safeText(settings.outDir)} was left as it was\n`);
        throw new StageFailed();
      }
      if (!flags["no-search"]) {
        const { buildSearchIndex } = await import("../site/search-index.ts");
        const index = await time("search", () => buildSearchIndex(staging));
        pages = index.pages;
      }
      if (!flags["no-cards"]) {
        const cards = await time("cards", async () => {
          const { buildToday, loadSiteModel } = await import("../site/load.ts");
          const { cardSpecs } = await import("../site/cards.ts");
          const { renderCards } = await import("../cards/build.ts");
          const specs = cardSpecs(loadSiteModel(settings, { today: buildToday(io.env) }), settings);
          return renderCards(specs, {
            outDir: staging,
            cacheDir: settings.cacheDir,
            onProgress: progress(io, "cards"),
            onCacheError: (message) => io.stderr.write(`cards: ${safeText(message)}\n`),
          });
        });
        cardsLine = `${cards.total} card(s) (${cards.rendered} rendered, ${cards.cached} from cache)`;
      }
      return 0;
    },
    {
      onWait: (pid) => io.stderr.write(`build: waiting for another build of ${safeText(settings.outDir)} (process ${pid}) to finish\n`),
      buildDir: buildDirFor(settings.outDir, settings.root, settings.cacheDir),
    },
  ).catch((error: unknown) => {
    if (error instanceof StageFailed) return 1;
    throw new Error(`${(error as Error).message} (${safeText(settings.outDir)} was left as it was)`, { cause: error });
  });
  if (outcome !== 0) return outcome;
  io.stderr.write(
    `build: done in ${((io.now() - started) / 1000).toFixed(1)}s: ${pages ? `${pages} page(s) indexed, ` : ""}${cardsLine} [${timings.join(", ")}] → ${safeText(settings.outDir)}\n`,
  );
  return 0;
}
