/**
 * The Astro child of `build` (started by src/cli/astro-build.ts `astroBuild`): `astro build` through Astro's
 * JavaScript API at log level "warn", so that Astro's warnings and errors are printed as its CLI prints them, but
 * not its two log lines per page (a timestamp formatted, a pipe write, and a line for the parent to read, per page:
 * seconds of a large build). `--verbose` keeps Astro's info output.
 *
 * What the page lines told the parent, the child now counts itself, through Astro's public integration API (a
 * prerenderer wrapped around Astro's own, and `astro:build:done`), and says on stdout in lines of its own:
 *  - `marsad-astro progress {"rendered":…,"paths":…}` about every second while pages are generated;
 *  - `marsad-astro summary {"paths":…,"rendered":…,"pages":…}` once, after a build that succeeded.
 * Every path Astro generates is either rendered or taken from the incremental build's cache, so the paths not
 * rendered are the reused ones.
 *
 * The child is started before it is told to build (src/cli/astro-build.ts `startAstroChild`): it loads Astro, then
 * reads its build order, one line of JSON on stdin (`BuildOrder`: the build's environment, `force`, `verbose`,
 * `gated`). Stdin ending without an order ends the child without a build.
 *
 * A gated order comes before the content is ready (a build orders its site stage, then ingests): the child starts
 * Astro's build at once, and Astro bundles the site (seconds that do not depend on content) while ingest runs, but
 * it lists the pages (where the site reads its content) only once the parent has written the line `content-ready`.
 * Stdin ending without it stops the child, with status 0 and nothing said: the build ended before its site stage.
 * A site with a module reading content collections is an exception: Astro fills them as its build starts, so that
 * child waits for the line before it starts.
 *
 * Usage: `node src/cli/astro-child.ts` in the site's root (the working folder), the order on stdin.
 */
import module from "node:module";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { pathToFileURL } from "node:url";
import type { AstroIntegration, AstroPrerenderer } from "astro";
import { z } from "zod";
import { hookAstroPageWrites } from "../site/astro-page-writes.ts";
import { readsCollections } from "../site/collection-readers.ts";
import { PageWriter, installPageWriter } from "../site/page-writer.ts";
import { bytesPrerenderer } from "./prerender-bytes.ts";

/** Starts the child's own lines on stdout (Astro's lines never start so). */
export const CHILD_MARK = "marsad-astro ";
/** How often the child says how far it got (ms): a sign of life for the parent, not one line per page. */
const PROGRESS_EVERY_MS = 1000;

/** What the child counted. `paths` is null until Astro has listed them (and stays so if another prerenderer ran). */
export interface BuildCounts {
  /** Every output Astro generated (pages, feeds, sitemaps): rendered or taken from the previous build. */
  paths: number | null;
  /** Outputs rendered by this build. */
  rendered: number;
  /** Astro's own page count (`N page(s) built`: pages, not endpoints), from `astro:build:done`; null before. */
  pages: number | null;
}

/**
 * What the child is told to build: the build's whole environment, Astro's `--force` and `--verbose`, and whether the
 * content is yet to be made ready (`gated`: the child waits for CONTENT_READY before reading it).
 */
const buildOrderSchema = z.object({ env: z.record(z.string(), z.string()), force: z.boolean(), verbose: z.boolean(), gated: z.boolean() });
export type BuildOrder = z.infer<typeof buildOrderSchema>;

/** The order line the parent writes. */
export function buildOrderLine(order: BuildOrder): string {
  return `${JSON.stringify(order)}\n`;
}

/** The line that tells a gated child the content is ready. */
export const CONTENT_READY = "content-ready";

/** The lines of `input` one by one: `next()` is the next line, or null once the input has ended. */
export function lineReader(input: NodeJS.ReadableStream): { next(): Promise<string | null> } {
  const lines: string[] = [];
  let ended = false;
  let waiting: (() => void) | undefined;
  const wake = () => {
    waiting?.();
    waiting = undefined;
  };
  const reader = createInterface({ input, crlfDelay: Infinity });
  reader.on("line", (line) => {
    lines.push(line);
    wake();
  });
  reader.on("close", () => {
    ended = true;
    wake();
  });
  return {
    async next() {
      while (lines.length === 0 && !ended) await new Promise<void>((done) => (waiting = done));
      return lines.shift() ?? null;
    },
  };
}

/**
 * The build order, the next line of `input` (see `lineReader`), or null when the input ends without one. A line that
 * is not an order is an error naming what is wrong with it.
 */
export async function readBuildOrder(input: { next(): Promise<string | null> }): Promise<BuildOrder | null> {
  const line = (await input.next()) ?? "";
  if (line.trim() === "") return null;
  let data: unknown;
  try {
    data = JSON.parse(line);
  } catch (error) {
    throw new Error(`the build order on stdin is not JSON: ${(error as Error).message}`);
  }
  const order = buildOrderSchema.safeParse(data);
  if (!order.success) throw new Error(`the build order on stdin is not one: ${order.error.issues.map((i) => `${i.path.join(".") || "(order)"}: ${i.message}`).join("; ")}`);
  return order.data;
}

/** Makes `env` hold exactly `wanted` (the build order's environment). */
export function replaceEnv(env: NodeJS.ProcessEnv, wanted: Record<string, string>): void {
  for (const name of Object.keys(env)) if (!Object.hasOwn(wanted, name)) delete env[name];
  Object.assign(env, wanted);
}

const progressSchema = z.object({ rendered: z.number().int().nonnegative(), paths: z.number().int().nonnegative().nullable() });
const summarySchema = z.object({ paths: z.number().int().nonnegative(), rendered: z.number().int().nonnegative(), pages: z.number().int().nonnegative() });
export type ChildProgress = z.infer<typeof progressSchema>;
export type ChildSummary = z.infer<typeof summarySchema>;

/** The child's progress line. */
export function progressLine(counts: BuildCounts): string {
  return `${CHILD_MARK}progress ${JSON.stringify({ rendered: counts.rendered, paths: counts.paths })}`;
}

/** The child's summary line, or null when a count is missing (another prerenderer than ours generated the pages). */
export function summaryLine(counts: BuildCounts): string | null {
  if (counts.paths === null || counts.pages === null) return null;
  return `${CHILD_MARK}summary ${JSON.stringify({ paths: counts.paths, rendered: counts.rendered, pages: counts.pages })}`;
}

/** A line of the child's own, read back; null for any other line (Astro's, the site code's). */
export function parseChildLine(line: string): { kind: "progress"; progress: ChildProgress } | { kind: "summary"; summary: ChildSummary } | null {
  if (!line.startsWith(CHILD_MARK)) return null;
  const rest = line.slice(CHILD_MARK.length);
  const space = rest.indexOf(" ");
  const [kind, json] = space < 0 ? [rest, ""] : [rest.slice(0, space), rest.slice(space + 1)];
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return null;
  }
  if (kind === "progress") {
    const progress = progressSchema.safeParse(data);
    return progress.success ? { kind, progress: progress.data } : null;
  }
  if (kind === "summary") {
    const summary = summarySchema.safeParse(data);
    return summary.success ? { kind, summary: summary.data } : null;
  }
  return null;
}

/**
 * `base` (Astro's prerenderer) counting into `counts`: the distinct paths it lists (Astro generates a path listed
 * twice once; its own key, without a trailing slash) and the renders it is asked for. A path of an i18n fallback
 * route that Astro skips without rendering would count as reused (the site has none). With `ready`, it sets up and
 * lists pages only once that has settled: the site reads its content there, and a gated order's content is made
 * ready while Astro bundles the site.
 */
export function countingPrerenderer(base: AstroPrerenderer, counts: BuildCounts, ready: Promise<void> = Promise.resolve()): AstroPrerenderer {
  return {
    name: base.name,
    ...(base.setup
      ? {
          setup: async () => {
            await ready;
            return base.setup!();
          },
        }
      : {}),
    async getStaticPaths() {
      await ready;
      const paths = await base.getStaticPaths();
      counts.paths = new Set(paths.map((p) => (p.pathname.endsWith("/") ? p.pathname.slice(0, -1) : p.pathname))).size;
      return paths;
    },
    render(request, options) {
      counts.rendered++;
      return base.render(request, options);
    },
    ...(base.collectStaticImages ? { collectStaticImages: () => base.collectStaticImages!() } : {}),
    ...(base.teardown ? { teardown: () => base.teardown!() } : {}),
  };
}

/** The integration that counts a build into `counts` (added to the site's own by the child); `ready` as above. */
export function countingIntegration(counts: BuildCounts, ready?: Promise<void>): AstroIntegration {
  return {
    name: "marsad:build-counts",
    hooks: {
      // Astro keeps the last prerenderer set: the one that hands pages on as bytes goes inside the counting.
      "astro:build:start": ({ setPrerenderer }) => setPrerenderer((base) => countingPrerenderer(bytesPrerenderer(base), counts, ready)),
      "astro:build:done": ({ pages }) => {
        counts.pages = pages.length;
      },
    },
  };
}

/** Builds the site in the working folder; exits 1 with Astro's own error message when the build fails. */
async function main(): Promise<void> {
  // As Astro's CLI does (bin/astro.mjs): V8's compile cache for the build's modules, except in CI.
  if (!process.env.CI) module.enableCompileCache?.();
  // Pages written by a worker thread, off the one that renders (src/site/page-writer.ts); not with
  // MARSAD_PAGE_WRITER=0 (in the environment the child starts with), which leaves the writing to Astro.
  const writer = process.env.MARSAD_PAGE_WRITER !== "0" && hookAstroPageWrites() ? new PageWriter() : null;
  installPageWriter(writer);
  const { build } = await import("astro");
  const input = lineReader(process.stdin);
  let order: BuildOrder | null;
  try {
    order = await readBuildOrder(input);
  } catch (error) {
    process.stderr.write(`marsad: ${(error as Error).message}\n`);
    process.exit(1);
  }
  if (order === null) {
    await writer?.close();
    return;
  }
  replaceEnv(process.env, order.env);
  // A gated order: the content is ready when the parent says so; stdin ending first means the build stopped before
  // its site stage, and whatever Astro has written so far is in a staging folder the parent removes.
  const ready = order.gated ? contentReady(input) : Promise.resolve();
  if (order.gated && readsCollections(join(process.cwd(), "src"))) await ready;
  const counts: BuildCounts = { paths: null, rendered: 0, pages: null };
  // Not with --verbose: Astro then writes a page's line in two parts, and a line of ours could land between them.
  const timer = order.verbose
    ? undefined
    : setInterval(() => {
        if (counts.paths !== null) process.stdout.write(`${progressLine(counts)}\n`);
      }, PROGRESS_EVERY_MS);
  timer?.unref();
  try {
    await build({ root: process.cwd(), logLevel: order.verbose ? "info" : "warn", force: order.force, integrations: [countingIntegration(counts, ready)] });
  } catch (error) {
    clearInterval(timer);
    await exitWithAstroError(error);
  }
  clearInterval(timer);
  await writer?.close();
  const summary = summaryLine(counts);
  if (summary) process.stdout.write(`${summary}\n`);
}

/**
 * Settles when the parent writes CONTENT_READY on `input`; exits the child (status 0, nothing said) when the input
 * ends first, and with status 1 naming the line when another comes.
 */
async function contentReady(input: { next(): Promise<string | null> }): Promise<void> {
  const line = await input.next();
  if (line === CONTENT_READY) return;
  if (line !== null) process.stderr.write(`marsad: expected "${CONTENT_READY}" on stdin, not ${JSON.stringify(line.slice(0, 80))}\n`);
  process.exit(line === null ? 0 : 1);
}

/** Prints `error` as Astro's CLI does (message, hint, code frame, stack) and exits 1; plainly on another Astro. */
async function exitWithAstroError(error: unknown): Promise<never> {
  try {
    const astroDir = dirname(module.createRequire(import.meta.url).resolve("astro/package.json"));
    const { throwAndExit } = (await import(pathToFileURL(join(astroDir, "dist", "cli", "throw-and-exit.js")).href)) as {
      throwAndExit(cmd: string, error: unknown): Promise<void>;
    };
    await throwAndExit("build", error);
  } catch {
    // Not there (another Astro): printed below.
  }
  console.error(error);
  process.exit(1);
}

if (import.meta.main) await main();
