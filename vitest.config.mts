import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // The real package throws outside React Server Components; here its guard is moot.
      "server-only": path.resolve(import.meta.dirname, "test/support/server-only.ts"),
    },
  },
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
    globalSetup: ["test/support/global-setup.ts"],
    setupFiles: ["test/support/setup-database.ts"],
    // Failed sign-ins are logged on purpose; the tests that fail them on purpose need not print it.
    onConsoleLog: (log) => !log.includes("[auth] failed sign-in"),
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
