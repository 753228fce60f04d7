/**
 * `npm run dev`: what the Astro dev server needs beyond Astro to show content as it changes, without a restart.
 *
 * - An edited, added or deleted article (`content/articles/*.md`) or actor file (`content/actors/*.yaml`) reloads
 *   the site model: the pages read it through the memo in src/components/site-data.ts, which Vite's own update path
 *   re-evaluates (with every page importing it) when that module is reported changed; the browser then reloads.
 *   The content collections reload themselves (their loader watches the same files, src/content.config.ts).
 * - The inbox is ingested when the server starts, and a page dropped into it is ingested on the fly, by the ingest
 *   command's own code; the articles it writes then reload the pages as above.
 * - `site.yaml` restarts the dev server (Astro's `addWatchFile`): its `url` and `base` are part of the Astro config.
 *
 * Nothing here runs in `astro build`.
 */
import { join, relative, isAbsolute } from "node:path";
import { pathToFileURL } from "node:url";
import type { AstroIntegration } from "astro";
import type { Settings } from "../config.ts";
import { INPUT_EXTENSIONS } from "../pipeline/read-inputs.ts";

/** Editors save in bursts and ingest writes many files: one reload per burst. */
const RELOAD_DEBOUNCE_MS = 150;
/** A scraper writes a page in several chunks: ingest once it has been quiet this long. */
const INGEST_DEBOUNCE_MS = 400;

const inside = (dir: string, file: string): boolean => {
  const rel = relative(dir, file);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel);
};

/** True for a file the site model is read from: an article, an actor file or `site.yaml`. */
export function isSiteContent(settings: Pick<Settings, "contentDir" | "articlesDir" | "actorsDir">, file: string): boolean {
  if (file === join(settings.contentDir, "site.yaml")) return true;
  if (inside(settings.articlesDir, file)) return file.endsWith(".md");
  if (inside(settings.actorsDir, file)) return /\.ya?ml$/.test(file);
  return false;
}

/** True for a raw page in the inbox (what ingest reads), or a scraper's metadata file beside one. */
export function isInboxPage(settings: Pick<Settings, "inboxDir">, file: string): boolean {
  return inside(settings.inboxDir, file) && (INPUT_EXTENSIONS.test(file) || /\.json$/i.test(file));
}

/** The dev-server integration; a no-op for `astro build` and `astro preview`. */
export function marsadDev(settings: Settings): AstroIntegration {
  return {
    name: "marsad-dev",
    hooks: {
      "astro:config:setup": ({ command, addWatchFile, updateConfig, logger }) => {
        if (command !== "dev") return;
        addWatchFile(join(settings.contentDir, "site.yaml"));
        const siteData = join(settings.root, "src/components/site-data.ts");
        updateConfig({
          vite: {
            plugins: [
              {
                name: "marsad-dev-content",
                configureServer(server) {
                  server.watcher.add([settings.contentDir, settings.inboxDir]);
                  let reload: NodeJS.Timeout | undefined;
                  let ingestTimer: NodeJS.Timeout | undefined;
                  let ingesting: Promise<void> | undefined;
                  let again = false;
                  const runIngest = async (): Promise<void> => {
                    const url = pathToFileURL(join(settings.root, "src/pipeline/ingest-run.ts")).href;
                    const { ingest } = (await import(/* @vite-ignore */ url)) as typeof import("../pipeline/ingest-run.ts");
                    const report = await ingest({
                      paths: [],
                      io: { stdout: process.stdout, stderr: process.stderr, cwd: settings.root, env: process.env, now: () => performance.now() },
                    });
                    for (const s of report.skipped) logger.warn(`skipped ${s.file}: ${s.reason}`);
                    for (const c of report.conflicts) logger.warn(`conflict ${c.id}: ${c.reason}`);
                    logger.info(`ingest: ${report.written.length} article(s) written from ${report.processed} new or changed page(s)`);
                  };
                  const ingestSoon = (): void => {
                    clearTimeout(ingestTimer);
                    ingestTimer = setTimeout(() => {
                      if (ingesting) {
                        again = true;
                        return;
                      }
                      ingesting = runIngest()
                        .catch((error: unknown) => logger.error(`ingest failed: ${(error as Error).message}`))
                        .finally(() => {
                          ingesting = undefined;
                          if (again) {
                            again = false;
                            ingestSoon();
                          }
                        });
                    }, INGEST_DEBOUNCE_MS);
                  };
                  // Pages added to the inbox while the server was stopped (and a fresh clone's sample pages).
                  ingestSoon();
                  server.watcher.on("all", (event, file) => {
                    if (isInboxPage(settings, file)) {
                      if (event === "add" || event === "change") ingestSoon();
                      return;
                    }
                    if (!isSiteContent(settings, file) || file === join(settings.contentDir, "site.yaml")) return;
                    clearTimeout(reload);
                    // Reported to Vite as a change of the model's module: Vite invalidates it and the pages that
                    // import it, and tells the browser to reload.
                    reload = setTimeout(() => server.watcher.emit("change", siteData), RELOAD_DEBOUNCE_MS);
                  });
                },
              },
            ],
          },
        });
      },
    },
  };
}
