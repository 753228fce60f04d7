/**
 * Screenshots of built pages at phone and desktop widths, for looking at a build by eye:
 *   node tests/browser/shoot.ts <outDir> <shotsDir> <path>...   (paths edition-relative with the edition: ar/briefs/2025-11-03/)
 * Prints, per shot, whether the first story summary's bottom edge is within the first screen.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, ensureChromium } from "./setup-chromium.ts";
import { serveStatic } from "./static-server.ts";

const [outDir, shots, ...pages] = process.argv.slice(2);
if (!outDir || !shots || pages.length === 0) {
  process.stderr.write("usage: node tests/browser/shoot.ts <outDir> <shotsDir> <path>...\n");
  process.exit(2);
}
mkdirSync(shots, { recursive: true });
const server = await serveStatic(outDir, "/");
const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
for (const path of pages) {
  for (const [width, height] of [[390, 844], [1366, 900]] as const) {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(`${server.origin}/${path}`, { waitUntil: "load" });
    const summary = page.locator(".story-summary").first();
    const box = (await summary.count()) ? await summary.boundingBox() : null;
    const name = `${path.replace(/\W+/g, "_")}-${width}.png`;
    await page.screenshot({ path: join(shots, name), fullPage: false });
    process.stdout.write(`${name}: first summary ${box ? `ends at ${Math.round(box.y + box.height)} px of ${height}` : "absent"}\n`);
    await page.close();
  }
}
await browser.close();
await server.close();
