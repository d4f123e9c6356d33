import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig, devices } from "@playwright/test";

// End-to-end tests drive a real Chromium against the built standalone server and the
// bundled Occupop emulator, over HTTP. Ports and data are the tests' own.
export const E2E = {
  appPort: Number(process.env.E2E_APP_PORT ?? 3110),
  emulatorPort: Number(process.env.E2E_EMULATOR_PORT ?? 4110),
  token: "e2e-occupop-token-5f2b9c1d7e",
  revalidateSecret: "e2e-revalidate-secret-0a9b8c7d",
  adminEmail: "hr@kestrel.example",
  adminPassword: "e2e-admin-password-7f3c",
};
/** Settings every site server under test shares: quick retries, short timeouts, and no
 * per-IP limit to trip over (every test comes from 127.0.0.1; the limit has its own test). */
export const E2E_SITE_ENV = {
  APPLY_MIN_FILL_SECONDS: "2",
  APPLY_RATE_LIMIT_PER_MINUTE: "1000",
  OCCUPOP_TIMEOUT_MS: "1500",
  OCCUPOP_UPLOAD_TIMEOUT_MS: "2000",
  OUTBOX_AUTH_RECHECK_MS: "500",
  OUTBOX_POLL_MS: "200",
  OUTBOX_RETRY_BASE_MS: "300",
  OUTBOX_RETRY_MAX_MS: "1500",
};

// One data directory per run; workers inherit it through the environment.
process.env.E2E_RUN_DIR ??= mkdtempSync(join(tmpdir(), "careers-e2e-"));
const runDir = process.env.E2E_RUN_DIR;
/** The main site server's data directory (its database), for tests that must look inside. */
export const E2E_SITE_DATA = join(runDir, "site");

const chromium =
  process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") && !process.env.PLAYWRIGHT_BUNDLED ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://localhost:${E2E.appPort}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: [
    {
      command: "node node_modules/tsx/dist/cli.mjs emulator/main.ts",
      url: `http://127.0.0.1:${E2E.emulatorPort}/_emulator`,
      reuseExistingServer: false,
      stdout: "ignore",
      env: {
        EMULATOR_PORT: String(E2E.emulatorPort),
        EMULATOR_TOKEN: E2E.token,
        EMULATOR_DATA_DIR: join(runDir, "emulator"),
      },
    },
    {
      command: "node scripts/server.mjs",
      url: `http://127.0.0.1:${E2E.appPort}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: process.env.E2E_SERVER_LOG ? "pipe" : "ignore",
      env: {
        PORT: String(E2E.appPort),
        HOSTNAME: "127.0.0.1",
        OCCUPOP_API_URL: `http://127.0.0.1:${E2E.emulatorPort}/rest`,
        OCCUPOP_API_TOKEN: E2E.token,
        SITE_URL: `http://localhost:${E2E.appPort}`,
        DATA_DIR: E2E_SITE_DATA,
        // Tests refresh the job list explicitly (POST /api/revalidate) when they change it.
        JOBS_CACHE_SECONDS: "3600",
        REVALIDATE_SECRET: E2E.revalidateSecret,
        ADMIN_EMAIL: E2E.adminEmail,
        ADMIN_PASSWORD: E2E.adminPassword,
        ...E2E_SITE_ENV,
        NEXT_TELEMETRY_DISABLED: "1",
        ENV_FILE: join(runDir, "no.env"),
      },
    },
  ],
});
