/**
 * Once per `vitest run`: names the run, so that test files can share what is costly to make and the same for all
 * of them (the fixture site's build, tests/fixtures/site/shared-build.ts), and removes what the run shared at its end.
 * Nothing is built here: a run that does not ask for the shared site does not pay for it.
 */
import { rmSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { sharedDir } from "./fixtures/site/shared-build.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** This run's name (see tests/global-setup.ts). */
    testRun: string;
  }
}

export default function setup(project: TestProject): () => void {
  const run = `${Date.now().toString(36)}-${process.pid}`;
  project.provide("testRun", run);
  return () => {
    rmSync(sharedDir(run), { recursive: true, force: true });
    rmSync(`${sharedDir(run)}.lock`, { recursive: true, force: true });
  };
}
