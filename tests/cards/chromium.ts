/**
 * Finds headless Chromium for the comparison test, installing Debian's `chromium` package when it is missing, so
 * CI on a fresh machine (root, Debian registry reachable) runs the same test as a developer. playwright-core
 * never downloads its own browser build here: we point it at the system binary.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

/** Where Debian's package puts the browser. */
export const CHROMIUM_PATHS = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

/** Flags for a quiet, deterministic headless run (no network chatter, no GPU, no sandbox as root). */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
];

/** Returns the Chromium executable, installing it with apt-get first when absent. */
export function ensureChromium(): string {
  const found = CHROMIUM_PATHS.find((p) => existsSync(p));
  if (found) return found;
  // Another apt run (another test or engineer) may hold the lock: wait for it rather than fail.
  const apt = (...args: string[]) =>
    execFileSync("apt-get", ["-o", "DPkg::Lock::Timeout=600", ...args], {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
  try {
    apt("update");
    apt("install", "-y", "--no-install-recommends", "chromium");
  } catch (error) {
    throw new Error(
      `Chromium is missing and could not be installed (${(error as Error).message.split("\n")[0]}). Install it with: apt-get update && apt-get install -y chromium`,
    );
  }
  const installed = CHROMIUM_PATHS.find((p) => existsSync(p));
  if (!installed) throw new Error("apt-get installed chromium but no binary was found at /usr/bin/chromium");
  return installed;
}
