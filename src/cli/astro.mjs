// `npm run dev` / `npm run preview`: the Astro CLI with its telemetry off, on every platform (an inline
// `ASTRO_TELEMETRY_DISABLED=1 astro …` in package.json does not work in Windows shells, and `astro telemetry
// disable` would change the user's global Astro settings). Runs Astro in this process: the arguments pass through.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";

process.env.ASTRO_TELEMETRY_DISABLED = "1";
// Nor the dev server's check of the npm registry for a newer Astro: nothing is fetched from the network.
process.env.ASTRO_DISABLE_UPDATE_CHECK = "true";
const require = createRequire(import.meta.url);
await import(pathToFileURL(join(dirname(require.resolve("astro/package.json")), "bin", "astro.mjs")).href);
