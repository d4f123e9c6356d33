// A database that is wrong at start or goes away at run time (postgres project only).
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { E2E, E2E_PG_ADMIN_URL } from "../../playwright.config";
import { candidatesFor, expectOneCandidate, fillApplication, jobWhere, openForm, person } from "./apply-support";
import { EMULATOR, freePort, newPostgresDatabase, siteQuery, startSiteServer, healthDetails } from "./support";

/** Starts a server that is expected to refuse to start; returns how it ended. */
async function failedStart(env: Record<string, string>): Promise<{ code: number | null; stderr: string; stdout: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), "careers-badstart-"));
  const child = spawn(process.execPath, ["scripts/server.mjs"], {
    env: {
      ...process.env,
      PORT: String(await freePort()),
      HOSTNAME: "127.0.0.1",
      OCCUPOP_API_URL: `${EMULATOR}/rest`,
      OCCUPOP_API_TOKEN: E2E.token,
      SITE_URL: "http://localhost:9",
      DATA_DIR: dataDir,
      ENV_FILE: join(dataDir, "no.env"),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  let stdout = "";
  child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  child.stdout?.on("data", (d: Buffer) => (stdout += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  return { code, stderr, stdout };
}

test("a wrong or unreachable DATABASE_URL stops the server at start with one clear line and no stack trace", async () => {
  const port = await freePort();
  const unreachable = await failedStart({ DATABASE_URL: `postgres://careers:s3cret-pw@127.0.0.1:${port}/careers` });
  expect(unreachable.code).toBe(1);
  expect(unreachable.stderr.trim()).toBe(`The database (PostgreSQL at 127.0.0.1:${port}/careers) cannot be used: nothing is listening there.`);
  expect(unreachable.stdout + unreachable.stderr).not.toContain("s3cret-pw");
  expect(unreachable.stdout + unreachable.stderr).not.toMatch(/\n\s+at /);

  const missing = await failedStart({ DATABASE_URL: E2E_PG_ADMIN_URL.replace(/\/postgres$/, "/no_such_database") });
  expect(missing.code).toBe(1);
  expect(missing.stderr.trim()).toMatch(/^The database \(PostgreSQL at 127\.0\.0\.1:\d+\/no_such_database\) cannot be used: that database does not exist\.$/);

  const malformed = await failedStart({ DATABASE_URL: "mysql://careers@db/careers" });
  expect(malformed.code).toBe(1);
  expect(malformed.stderr).toContain("DATABASE_URL must be a postgres:// URL (or unset, for SQLite in DATA_DIR)");
  expect(malformed.stderr).not.toMatch(/\n\s+at /);
});

test("when the database goes away, health says 503 and an applicant is told nothing was saved, keeping every word; it all works again when it is back", async ({ page }) => {
  const databaseUrl = await newPostgresDatabase();
  const name = new URL(databaseUrl).pathname.slice(1);
  const server = await startSiteServer(E2E.appPort + 60, {}, { dataDir: mkdtempSync(join(tmpdir(), "careers-dbaway-")), databaseUrl });
  const admin = new pg.Client({ connectionString: E2E_PG_ADMIN_URL });
  await admin.connect();
  try {
    const job = await jobWhere((j) => !j.require_cv);
    const who = person("db-away");
    const openedAt = await openForm(page, job.unique_slug, { base: server.url });
    await fillApplication(page, job, who);

    // The database goes away: no new connections, and the open ones are cut.
    await admin.query(`alter database ${name} allow_connections false`);
    await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = $1`, [name]);
    const health = await healthDetails(server.url);
    expect(health.status).toBe(503);
    expect(health.report).toMatchObject({ ok: false, status: "unavailable", database: { kind: "postgres", reachable: false } });

    await page.waitForTimeout(Math.max(0, openedAt + 2_200 - Date.now()));
    await page.getByRole("button", { name: "Submit application" }).click();
    await expect(page.getByTestId("apply-summary")).toContainText("We could not save your application just now, so it has not been sent");
    await expect(page.getByLabel("Email (required)")).toHaveValue(who.email);
    await expect(page.getByLabel("Cover letter")).toHaveValue(who.coverLetter);
    expect(await candidatesFor(who.email)).toHaveLength(0);

    // Back again: health recovers, the same press of the button goes through, once.
    await admin.query(`alter database ${name} allow_connections true`);
    await expect.poll(async () => (await fetch(`${server.url}/api/health`)).status, { timeout: 10_000 }).toBe(200);
    await page.getByRole("button", { name: "Submit application" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thank you: we have your application");
    await expectOneCandidate(who.email);
    // Nothing half-written from the failed attempt: one application, and no stray resume rows.
    const rows = await siteQuery<{ n: string }>(`SELECT count(*) AS n FROM applications WHERE payload LIKE '%${who.email}%'`, server.storage);
    expect(Number(rows[0]?.n)).toBe(1);
  } finally {
    await admin.query(`alter database ${name} allow_connections true`).catch(() => undefined);
    await admin.end();
    await server.stop();
  }
});
