import tsconfigPaths from "vite-tsconfig-paths";
import { defineConfig } from "vitest/config";

// `npm test` runs both projects: unit and integration tests (each test file on its own copy of a
// migrated PostgreSQL database) and end-to-end tests (the production build, served against a real
// PostgreSQL, driven over HTTP and in Debian's Chromium).
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["app/**/*.test.{ts,tsx}", "tests/integration/**/*.test.ts"],
          globalSetup: ["tests/setup/database.global.ts"],
          setupFiles: ["tests/setup/database.worker.ts"],
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          globalSetup: ["tests/setup/app.global.ts"],
          setupFiles: ["tests/setup/app.worker.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One app, one database: end-to-end files run one after another.
          fileParallelism: false,
        },
      },
    ],
  },
});
