/**
 * Once per `vitest run`: names the run, so that test files can share what is costly to make and the same for all
 * of them (the fixture site's build, tests/fixtures/site/shared-build.ts), and removes what the run shared at its end.
 * Nothing is built here: a run that does not ask for the shared site does not pay for it.
 */
import { readdirSync, rmSync } from "node:fs";
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

/** Shared builds left by runs that were killed before their teardown (their process is gone). */
function removeAbandoned(): void {
  const dir = dirname(sharedDir("x"));
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(/^shared-[0-9a-z]+-(\d+)(\.lock)?$/.exec(name)?.[1] ?? 0);
    if (pid && !processAlive(pid)) rmSync(join(dir, name), { recursive: true, force: true });
  }
}

export default function setup(project: TestProject): () => void {
  removeAbandoned();
  const run = `${Date.now().toString(36)}-${process.pid}`;
  project.provide("testRun", run);
  return () => {
    rmSync(sharedDir(run), { recursive: true, force: true });
    rmSync(`${sharedDir(run)}.lock`, { recursive: true, force: true });
  };
}
