import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "./e2e/chromium";
import { E2E_DATA_DIR } from "./e2e/database";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const BASE_URL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: "e2e",
  // Whole user journeys on a shared 2-core machine: room enough for a slow moment, never a race.
  timeout: 60_000,
  // Each test makes its own data (unique names), so files run in parallel.
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  projects: [
    { name: "journeys", testIgnore: /bench\.spec\.ts/ },
    // The benchmark's smoke run starts servers of its own and loads the machine: after the journeys.
    { name: "bench", testMatch: /bench\.spec\.ts/, dependencies: ["journeys"] },
  ],
  use: {
    baseURL: BASE_URL,
    locale: "fr-FR",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: findChromium(),
      args: CHROMIUM_ARGS,
    },
  },
  webServer: {
    // The production build, on its own embedded database (or TEST_DATABASE_URL).
    command: `npm run build && node --import tsx scripts/with-database.ts --reset next start -H 127.0.0.1 -p ${PORT}`,
    url: `${BASE_URL}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    // SIGTERM lets the launcher stop Next.js and then its PostgreSQL cleanly.
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    stdout: "pipe",
    env: {
      AGORA_DATA_DIR: E2E_DATA_DIR,
      DATABASE_URL: process.env.TEST_DATABASE_URL ?? "",
      APP_URL: BASE_URL,
      NEXTAUTH_URL: BASE_URL,
      // The suite plays the reverse proxy: its X-Forwarded-For gives each new member an address.
      TRUSTED_PROXIES: "1",
    },
  },
});
