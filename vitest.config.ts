import { defineConfig } from "vitest/config";

// CI (.ci/run) asks for a JSON report too, to print the plain "N passed, N failed" line it counts.
const results = process.env.MARSAD_TEST_RESULTS;

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Names the run so that test files share the fixture site's build (tests/fixtures/site/shared-build.ts).
    globalSetup: ["tests/global-setup.ts"],
    exclude: ["tests/bench/**", "tests/fuzz/**", "node_modules/**"],
    testTimeout: 60_000,
    hookTimeout: 900_000,
    pool: "forks",
    reporters: results ? ["default", ["json", { outputFile: results }]] : ["default"],
  },
});
