/**
 * Makes sure Debian's Chromium is installed for the browser tests: playwright-core drives it but never downloads a
 * browser (no network but the package registries here). On a fresh machine (CI) this installs it with apt-get; that
 * needs root, which CI and developers' machines have.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

export const CHROMIUM = "/usr/bin/chromium";

/** Arguments for a headless, quiet Chromium that touches no network by itself. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
];

/** Returns the Chromium path, installing the Debian package first when it is missing. */
export function ensureChromium(): string {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  try {
    execFileSync("apt-get", ["update"], { stdio: "inherit", env });
    execFileSync("apt-get", ["install", "-y", "--no-install-recommends", "chromium"], { stdio: "inherit", env });
  } catch (error) {
    throw new Error(`Chromium is missing and could not be installed (${(error as Error).message}). Run as root: apt-get update && apt-get install -y chromium`);
  }
  if (!existsSync(CHROMIUM)) throw new Error(`apt-get finished but ${CHROMIUM} is still missing`);
  return CHROMIUM;
}
