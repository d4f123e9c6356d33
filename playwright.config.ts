import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig, devices } from "@playwright/test";

// End-to-end tests drive a real Chromium against the built standalone server and the
// bundled Occupop emulator, over HTTP. Ports and data are the tests' own. The site runs
// twice: on SQLite (every spec) and on a real PostgreSQL server the tests start themselves
// (the specs that touch the database, and the multi-replica ones).
export const E2E = {
  appPort: Number(process.env.E2E_APP_PORT ?? 3110),
  emulatorPort: Number(process.env.E2E_EMULATOR_PORT ?? 4110),
  pgPort: Number(process.env.E2E_PG_PORT ?? 5510),
  /** The emulator's SMTP server (emulator/smtp.ts): job alerts' mail goes there. */
  smtpPort: Number(process.env.E2E_SMTP_PORT ?? 2625),
  /** The OTLP receiver the site servers send their traces to (tests/helpers/otlp-receiver.mjs). */
  otlpPort: Number(process.env.E2E_OTLP_PORT ?? 4418),
  metricsToken: "e2e-metrics-token-8c2d4f6a1b",
  token: "e2e-occupop-token-5f2b9c1d7e",
  revalidateSecret: "e2e-revalidate-secret-0a9b8c7d",
  healthToken: "e2e-health-token-4e1d9a7c",
  adminEmail: "hr@kestrel.example",
  adminPassword: "e2e-admin-password-7f3c",
};
/** Settings every site server under test shares: quick retries, short timeouts, and no
 * per-IP limit to trip over (every test comes from 127.0.0.1; the limit has its own test). */
export const E2E_SITE_ENV = {
  HEALTH_TOKEN: "e2e-health-token-4e1d9a7c",
  APPLY_MIN_FILL_SECONDS: "2",
  APPLY_RATE_LIMIT_PER_MINUTE: "1000",
  UPLOADS_PER_CLIENT_PER_HOUR: "100000",
  OCCUPOP_TIMEOUT_MS: "1500",
  OCCUPOP_UPLOAD_TIMEOUT_MS: "2000",
  OUTBOX_AUTH_RECHECK_MS: "500",
  // A killed server's leases run out quickly, so restart tests need not wait 30 s.
  OUTBOX_LEASE_MS: "3000",
  OUTBOX_POLL_MS: "200",
  OUTBOX_RETRY_BASE_MS: "300",
  OUTBOX_RETRY_MAX_MS: "1500",
  SYNC_POLL_MS: "500",
  // Mail through the emulator's SMTP server, sent and retried quickly; alerts looked for often,
  // with no daily limit (that has its own unit test), so a second new job makes a second email.
  SMTP_URL: `smtp://127.0.0.1:${E2E.smtpPort}`,
  MAIL_FROM: "Kestrel Careers <careers@kestrel.example>",
  MAIL_POLL_MS: "200",
  MAIL_RETRY_BASE_MS: "200",
  MAIL_RETRY_MAX_MS: "1000",
  ALERTS_POLL_MS: "300",
  ALERTS_MIN_HOURS_BETWEEN: "0",
  ALERTS_SIGNUPS_PER_HOUR: "10000",
  // Insight counts reach the database quickly, and every test's visits come from 127.0.0.1.
  INSIGHTS_FLUSH_MS: "200",
  INSIGHTS_EVENTS_PER_ADDRESS_PER_MINUTE: "100000",
};

// One data directory per run; workers inherit it through the environment.
process.env.E2E_RUN_DIR ??= mkdtempSync(join(tmpdir(), "careers-e2e-"));
const runDir = process.env.E2E_RUN_DIR;

/** The PostgreSQL server the tests start (tests/helpers/postgres.mjs); databases are made in it. */
export const E2E_PG_ADMIN_URL = `postgres://careers@127.0.0.1:${E2E.pgPort}/postgres`;

export type SiteTarget = { kind: "sqlite" | "postgres"; url: string; dataDir: string; databaseUrl?: string };

/** The site server each project tests. */
export const TARGETS: Record<SiteTarget["kind"], SiteTarget> = {
  sqlite: { kind: "sqlite", url: `http://localhost:${E2E.appPort}`, dataDir: join(runDir, "site") },
  postgres: {
    kind: "postgres",
    url: `http://localhost:${E2E.appPort + 1}`,
    dataDir: join(runDir, "site-pg"),
    databaseUrl: `postgres://careers@127.0.0.1:${E2E.pgPort}/careers_e2e`,
  },
};

const chromium =
  process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") && !process.env.PLAYWRIGHT_BUNDLED ? "/usr/bin/chromium" : undefined);

/**
 * Each test server runs under tests/helpers/with-runner.mjs, which stops it once this runner is
 * gone: a run that is killed leaves nothing holding the fixed ports.
 */
const WITH_RUNNER = "node tests/helpers/with-runner.mjs";
const E2E_RUNNER_PID = String(process.pid);

function siteServer(target: SiteTarget) {
  const port = new URL(target.url).port;
  return {
    command: `${WITH_RUNNER} node scripts/server.mjs`,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: process.env.E2E_SERVER_LOG ? ("pipe" as const) : ("ignore" as const),
    env: {
      PORT: port,
      HOSTNAME: "127.0.0.1",
      OCCUPOP_API_URL: `http://127.0.0.1:${E2E.emulatorPort}/rest`,
      OCCUPOP_API_TOKEN: E2E.token,
      SITE_URL: target.url,
      DATA_DIR: target.dataDir,
      ...(target.databaseUrl ? { DATABASE_URL: target.databaseUrl } : {}),
      // Tests refresh the job list explicitly (POST /api/revalidate) when they change it.
      JOBS_CACHE_SECONDS: "3600",
      REVALIDATE_SECRET: E2E.revalidateSecret,
      ADMIN_EMAIL: E2E.adminEmail,
      ADMIN_PASSWORD: E2E.adminPassword,
      ...E2E_SITE_ENV,
      NEXT_TELEMETRY_DISABLED: "1",
      ENV_FILE: join(runDir, "no.env"),
      // Metrics and traces on, as an operator would run them (tests/e2e/observability.spec.ts).
      METRICS_TOKEN: E2E.metricsToken,
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${E2E.otlpPort}`,
      OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
      OTEL_SERVICE_NAME: `careers-site-${target.kind}`,
      E2E_RUNNER_PID,
    },
  };
}

const DATABASE_SPECS = /(apply|outbox|admin|insights|alerts|replicas|database|deployment|observability|upload)\.spec\.ts$/;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
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
  projects: [
    {
      name: "sqlite",
      testIgnore: /(replicas|database)\.spec\.ts$/,
      use: { ...devices["Desktop Chrome"], channel: undefined, baseURL: TARGETS.sqlite.url },
    },
    {
      name: "postgres",
      testMatch: DATABASE_SPECS,
      use: { ...devices["Desktop Chrome"], channel: undefined, baseURL: TARGETS.postgres.url },
    },
  ],
  webServer: [
    {
      command: `${WITH_RUNNER} node node_modules/tsx/dist/cli.mjs emulator/main.ts`,
      url: `http://127.0.0.1:${E2E.emulatorPort}/_emulator`,
      reuseExistingServer: false,
      stdout: "ignore",
      env: {
        EMULATOR_PORT: String(E2E.emulatorPort),
        EMULATOR_SMTP_PORT: String(E2E.smtpPort),
        EMULATOR_TOKEN: E2E.token,
        EMULATOR_DATA_DIR: join(runDir, "emulator"),
        E2E_RUNNER_PID,
      },
    },
    {
      // A real PostgreSQL server, in the foreground; it answers on the ready port once the
      // site's database exists, and shuts down cleanly when the run ends.
      command: `${WITH_RUNNER} node tests/helpers/postgres.mjs`,
      url: `http://127.0.0.1:${E2E.pgPort + 1}/`,
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: "ignore",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
      env: { PG_PORT: String(E2E.pgPort), PG_READY_PORT: String(E2E.pgPort + 1), PG_DATABASE: "careers_e2e", E2E_RUNNER_PID },
    },
    {
      command: `${WITH_RUNNER} node tests/helpers/otlp-receiver.mjs`,
      url: `http://127.0.0.1:${E2E.otlpPort}/`,
      reuseExistingServer: false,
      stdout: "ignore" as const,
      env: { OTLP_PORT: String(E2E.otlpPort), E2E_RUNNER_PID },
    },
    siteServer(TARGETS.sqlite),
    siteServer(TARGETS.postgres),
  ],
});
