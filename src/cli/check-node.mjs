// Fails loudly when a script runs on a Node too old for Astro and vitest. Written without type
// annotations so Node 20 (no type stripping) can still run it and print the hint.
const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `marsad: Node ${process.versions.node} is too old (need >= 22.12). Run scripts through npm (npm run …) so the project's own Node from node_modules/.bin is used, after \`npm install\`.`,
  );
  process.exit(1);
}
