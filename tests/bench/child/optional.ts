/**
 * Imports a project module that may not exist yet (parts of the pipeline are written alongside the benchmark)
 * and checks it has the exports a stage needs. A missing module or export is a reason, not a crash.
 */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

/** Thrown when a module or an export a stage needs is missing; the stage is reported as null with this reason. */
export class MissingModule extends Error {}

/** Imports `relPath` (from the repository root) and returns it when it exports every name in `names`. */
export async function importOptional(relPath: string, names: string[]): Promise<Record<string, unknown>> {
  const path = join(ROOT, relPath);
  if (!existsSync(path)) throw new MissingModule(`${relPath} does not exist yet`);
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e.code === "ERR_MODULE_NOT_FOUND") throw new MissingModule(`${relPath} cannot be loaded: ${e.message.split("\n")[0]}`);
    throw error;
  }
  const missing = names.filter((n) => typeof mod[n] !== "function");
  if (missing.length) {
    throw new MissingModule(`${relPath} does not export ${missing.join(", ")} (it exports: ${Object.keys(mod).join(", ") || "nothing"})`);
  }
  return mod;
}

/** Runs a child stage: prints one JSON object on stdout; exit 0 on success, 3 when a module is missing, 1 on error. */
export async function runStage(body: () => Promise<Record<string, unknown>>): Promise<void> {
  try {
    const result = await body();
    process.stdout.write(`${JSON.stringify({ ok: true, ...result })}\n`);
  } catch (error) {
    const missing = error instanceof MissingModule;
    process.stdout.write(`${JSON.stringify({ ok: false, missing, reason: (error as Error).message.split("\n")[0] })}\n`);
    if (!missing) process.stderr.write(`${(error as Error).stack}\n`);
    process.exitCode = missing ? 3 : 1;
  }
}
