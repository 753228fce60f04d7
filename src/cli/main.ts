/**
 * `npm run -s briefing -- <command>`: the one command-line entry point.
 */
import { readFileSync } from "node:fs";
import nodeModule from "node:module";
import { commonHelp, didYouMean, processIo, UsageError, type Io } from "./io.ts";

// Node's compile cache keeps the type-stripped and compiled code of our modules, checked against each source's hash
// (as the extract and card workers and the Astro child do): the commands' modules, imported below only when used,
// then load in about half the CPU (the ingest pipeline's 0.6 s → 0.3 s at each build).
nodeModule.enableCompileCache?.();

/** The version printed by `--version`: the package's. */
export function version(): string {
  return (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;
}

/** Options that may come before the command name (`briefing --quiet build`): moved after it. */
const LEADING_OPTIONS = new Set(["--quiet", "-q", "--verbose", "-v", "--json"]);

const commands: Record<string, { summary: string; run: (argv: string[], io: Io) => Promise<number> }> = {
  extract: {
    summary: "clean raw pages and print one JSON document (writes nothing)",
    run: async (argv, io) => (await import("./extract.ts")).runExtract(argv, io),
  },
  ingest: {
    summary: "clean raw pages (default content/inbox/) into content/articles/",
    run: async (argv, io) => (await import("./ingest.ts")).runIngest(argv, io),
  },
  build: {
    summary: "ingest, build the site into dist/, index it for search, render share cards",
    run: async (argv, io) => (await import("./build.ts")).runBuild(argv, io),
  },
  actors: {
    summary: "review queue of discovered actors: list, promote, reject",
    run: async (argv, io) => (await import("./actors.ts")).runActorsCommand(argv, io),
  },
  templates: {
    summary: "learn each outlet's furniture from the inbox into content/outlets/templates.yaml",
    run: async (argv, io) => (await import("./templates.ts")).runTemplates(argv, io),
  },
  events: {
    summary: "code who did what to whom in lead sentences (--items FILE), print JSON",
    run: async (argv, io) => (await import("./events.ts")).runEvents(argv, io),
  },
};

export const mainHelp = `Usage: npm run -s briefing -- <command> [options]

Commands:
${Object.entries(commands)
  // The column fits the longest command name and two spaces, so a name never runs into its summary.
  .map(([name, c], _i, all) => `  ${name.padEnd(Math.max(...all.map(([n]) => n.length)) + 2)}${c.summary}`)
  .join("\n")}

${commonHelp}

Exit status: 0 done, 1 content problems (a missing input, invalid content, a failed build), 2 usage errors.
Run a command with --help for its options.`;

export async function main(argv: string[], io: Io): Promise<number> {
  let args = argv;
  // --version anywhere before `--`, on any command, prints the version and nothing else.
  const end = args.indexOf("--");
  const beforeEnd = end < 0 ? args : args.slice(0, end);
  if (beforeEnd.includes("--version")) {
    io.stdout.write(`${version()}\n`);
    return 0;
  }
  let leading = 0;
  while (leading < args.length && LEADING_OPTIONS.has(args[leading]!)) leading++;
  if (leading > 0 && leading < args.length) args = [args[leading]!, ...args.slice(0, leading), ...args.slice(leading + 1)];
  const [name, ...rest] = args;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    if (name === "help" && rest[0] && commands[rest[0]]) return main([rest[0], "--help"], io);
    (name ? io.stdout : io.stderr).write(`${mainHelp}\n`);
    return name ? 0 : 2;
  }
  const command = commands[name];
  const verbose = beforeEnd.includes("--verbose") || beforeEnd.includes("-v");
  try {
    if (!command) {
      const hint = name.startsWith("-") ? "" : didYouMean(name, Object.keys(commands));
      throw new UsageError(`unknown ${name.startsWith("-") ? "option" : "command"} "${name}"${hint} (commands: ${Object.keys(commands).join(", ")})`);
    }
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`briefing ${command ? `${name}: ` : ""}${error.message}\n`);
      return 2;
    }
    io.stderr.write(`briefing ${name}: ${(error as Error).message}\n`);
    if (verbose || io.env.MARSAD_DEBUG) io.stderr.write(`${(error as Error).stack}\n`);
    return 1;
  }
}

if (import.meta.main) {
  process.exitCode = await main(process.argv.slice(2), processIo());
}
