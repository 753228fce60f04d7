/**
 * `npm run -s briefing -- <command>`: the one command-line entry point.
 */
import { processIo, UsageError, type Io } from "./io.ts";

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
  .map(([name, c]) => `  ${name.padEnd(9)}${c.summary}`)
  .join("\n")}

Run a command with --help for its options.`;

export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.stdout.write(`${mainHelp}\n`);
    return name ? 0 : 2;
  }
  const command = commands[name];
  try {
    if (!command) throw new UsageError(`unknown command "${name}" (commands: ${Object.keys(commands).join(", ")})`);
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`briefing ${command ? `${name}: ` : ""}${error.message}\n`);
      return 2;
    }
    io.stderr.write(`briefing ${name}: ${(error as Error).message}\n`);
    if (io.env.MARSAD_DEBUG) io.stderr.write(`${(error as Error).stack}\n`);
    return 1;
  }
}

if (import.meta.main) {
  process.exitCode = await main(process.argv.slice(2), processIo());
}
