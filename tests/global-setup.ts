/**
 * Once per `vitest run`: names the run, so that test files can share what is costly to make and the same for all
 * of them (the fixture site's build, tests/fixtures/site/shared-build.ts), and removes what the run shared at its end.
 * Nothing is built here: a run that does not ask for the shared site does not pay for it.
 *
 * The run's temporary folders (every `mkdtempSync(join(tmpdir(), …))` of the tests and of the commands they start) go
 * into one folder of the run's (TMPDIR, inherited by the test processes), removed at its end: a test that does not
 * clean up after itself no longer leaves its folders in the system's /tmp, about two hundred a run.
 */
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { TestProject } from "vitest/node";
import { processAlive } from "../src/lib/process.ts";
import { sharedDir } from "./fixtures/site/shared-build.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** This run's name (see tests/global-setup.ts). */
    testRun: string;
  }
}

/** The temporary folder of the run `run` (see above), in the system's. */
const TEMP_PREFIX = "marsad-tests-";

/** What runs killed before their teardown left in `dir`: the names `pattern` matches, whose pid (group 1) is gone. */
function removeAbandoned(dir: string, pattern: RegExp): void {
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(pattern.exec(name)?.[1] ?? 0);
    if (pid && !processAlive(pid)) rmSync(join(dir, name), { recursive: true, force: true });
  }
}

export default function setup(project: TestProject): () => void {
  // Shared builds, then temporary folders.
  removeAbandoned(dirname(sharedDir("x")), /^shared-[0-9a-z]+-(\d+)(\.lock)?$/);
  const run = `${Date.now().toString(36)}-${process.pid}`;
  project.provide("testRun", run);
  const systemTemp = tmpdir();
  removeAbandoned(systemTemp, new RegExp(`^${TEMP_PREFIX}[0-9a-z]+-(\\d+)$`));
  const temp = join(systemTemp, `${TEMP_PREFIX}${run}`);
  mkdirSync(temp, { recursive: true });
  process.env.TMPDIR = temp;
  return () => {
    rmSync(temp, { recursive: true, force: true });
    rmSync(sharedDir(run), { recursive: true, force: true });
    rmSync(`${sharedDir(run)}.lock`, { recursive: true, force: true });
  };
}
