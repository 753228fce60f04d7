import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    exclude: ["tests/bench/**", "tests/fuzz/**", "node_modules/**"],
    testTimeout: 60_000,
    hookTimeout: 600_000,
    pool: "forks",
  },
});
