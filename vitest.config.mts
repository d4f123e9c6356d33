import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // `server-only` throws outside a React server bundle; lib code is plain Node here.
      { find: /^server-only$/, replacement: `${root}/tests/unit/server-only-stub.ts` },
    ],
  },
  test: {
    include: ["tests/unit/**/*.test.ts"],
    environment: "node",
    setupFiles: ["tests/unit/setup.ts"],
    // One real PostgreSQL server for the run: the database tests run on it and on SQLite.
    globalSetup: ["tests/unit/global-setup.ts"],
    testTimeout: 20_000,
    pool: "forks",
  },
});
