// Shared by the end-to-end tests: the site under test (on SQLite or PostgreSQL, per
// project), the emulator's view of Occupop, its controls, the site's revalidation hook, extra
// site servers, a look into the site's database, and the accessibility check.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import SQLite from "better-sqlite3";
import pg from "pg";
import { E2E, E2E_PG_ADMIN_URL, E2E_SITE_ENV, TARGETS, type SiteTarget } from "../../playwright.config";

export const EMULATOR = `http://127.0.0.1:${E2E.emulatorPort}`;

/** The site server this project tests (SQLite or PostgreSQL). */
export function target(): SiteTarget {
  return test.info().project.name === "postgres" ? TARGETS.postgres : TARGETS.sqlite;
}

/** The base URL of the site under test. */
export function site(): string {
  return target().url;
}

/** Runs one SQL statement on a site's database (its SQLite file or its PostgreSQL database). */
export async function siteQuery<T = Record<string, unknown>>(statement: string, where: Pick<SiteTarget, "dataDir" | "databaseUrl"> = target()): Promise<T[]> {
  if (where.databaseUrl) {
    const client = new pg.Client({ connectionString: where.databaseUrl });
    await client.connect();
    try {
      return (await client.query(statement)).rows as T[];
    } finally {
      await client.end();
    }
  }
  const db = new SQLite(join(where.dataDir, "careers.sqlite"));
  try {
    const prepared = db.prepare(statement);
    return prepared.reader ? (prepared.all() as T[]) : (prepared.run(), []);
  } finally {
    db.close();
  }
}

/** A new, empty PostgreSQL database on the tests' server. */
export async function newPostgresDatabase(): Promise<string> {
  const name = `extra_${randomBytes(5).toString("hex")}`;
  const client = new pg.Client({ connectionString: E2E_PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  return E2E_PG_ADMIN_URL.replace(/\/postgres$/, `/${name}`);
}

export type WireJob = {
  uuid: string;
  title: string;
  unique_slug: string;
  closed_for_applicants: boolean;
  workplace: string;
  period: string;
  contract: string;
  location: { city: string; countryShort: string; country: string } | null;
  sectors: Array<{ name: string }>;
  salary: { type: string; period: string; start: string | null; end: string | null };
  questions_form: Array<{ type: string; text: string; options: string[] }>;
  require_cv: boolean;
  require_opt_in_for_job: boolean;
  require_opt_in_for_database: boolean;
  description: string;
  [key: string]: unknown;
};

/** Every job the emulator lists for the public, across all pages (staff-only jobs, `external: false`, are not the site's). */
export async function emulatorJobs(): Promise<WireJob[]> {
  return (await allEmulatorJobs()).filter((j) => j.external !== false);
}

/** Every job the emulator lists, across all pages, read the way Occupop serves them (internal-only ones too). */
export async function allEmulatorJobs(): Promise<WireJob[]> {
  const headers = { Authorization: `Bearer ${E2E.token}` };
  const first = (await (await fetch(`${EMULATOR}/rest/jobs?page=1`, { headers })).json()) as {
    data: WireJob[];
    meta: { last_page: number };
  };
  const jobs = [...first.data];
  for (let page = 2; page <= first.meta.last_page; page++) {
    const next = (await (await fetch(`${EMULATOR}/rest/jobs?page=${page}`, { headers })).json()) as { data: WireJob[] };
    jobs.push(...next.data);
  }
  return jobs;
}

export async function openEmulatorJobs(): Promise<WireJob[]> {
  return (await emulatorJobs()).filter((j) => !j.closed_for_applicants);
}

export async function emulatorControl(path: string, method = "GET", body?: unknown): Promise<Response> {
  const res = await fetch(`${EMULATOR}/_emulator${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
  expect(res.status, `${method} /_emulator${path}`).toBeLessThan(300);
  return res;
}

export async function listingRequests(): Promise<number> {
  const log = (await (await emulatorControl("/requests")).json()) as { data: Array<{ target: string; page: number }> };
  return log.data.filter((r) => r.target === "list" && r.page === 1).length;
}

/** A site's health report in full (the details need HEALTH_TOKEN; anyone else gets the verdict). */
export async function healthDetails<T = Record<string, unknown>>(base = site()): Promise<{ status: number; report: T }> {
  const res = await fetch(`${base}/api/health`, { headers: { Authorization: `Bearer ${E2E.healthToken}` } });
  return { status: res.status, report: (await res.json()) as T };
}

/** Refreshes the site's job cache now (as an Occupop webhook would). */
export async function revalidate(base = site()): Promise<void> {
  const res = await fetch(`${base}/api/revalidate`, { method: "POST", headers: { Authorization: `Bearer ${E2E.revalidateSecret}` } });
  expect(res.status).toBe(200);
}

/** Puts the emulator back to its seed and the site's cache in step with it. */
export async function resetWorld(): Promise<void> {
  await emulatorControl("/reset", "POST");
  await revalidate();
}

export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** A TCP port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1", () => {
        socket.end();
        resolve(true);
      });
      socket.on("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`port ${port} did not open`);
}

export type SiteStorage = { dataDir: string; databaseUrl?: string };

/**
 * Another site server on its own port: a cold process, for cache, restart and replica tests.
 * It gets its own storage of the project's kind (a data directory, and on PostgreSQL a new
 * database), or the `storage` given, to restart a server or run a second replica on it.
 */
export async function startSiteServer(port: number, env: Record<string, string> = {}, storage?: SiteStorage) {
  const dataDir = storage?.dataDir ?? mkdtempSync(join(tmpdir(), "careers-extra-"));
  const databaseUrl = storage ? storage.databaseUrl : target().kind === "postgres" ? await newPostgresDatabase() : undefined;
  const child = spawn(process.execPath, ["scripts/server.mjs"], {
    env: {
      ...process.env,
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      OCCUPOP_API_URL: `${EMULATOR}/rest`,
      OCCUPOP_API_TOKEN: E2E.token,
      SITE_URL: `http://localhost:${port}`,
      DATA_DIR: dataDir,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      JOBS_CACHE_SECONDS: "3600",
      REVALIDATE_SECRET: E2E.revalidateSecret,
      ENV_FILE: join(dataDir, "no.env"),
      ...E2E_SITE_ENV,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  await waitForPort(port, 30_000);
  // Open is not ready: the server answers 503 until its start-up is done (/api/ready says when).
  await expect.poll(async () => (await fetch(`http://127.0.0.1:${port}/api/ready`).catch(() => null))?.status ?? 0, { timeout: 60_000, message: "the site server did not get ready" }).toBe(204);
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    databaseUrl,
    storage: { dataDir, databaseUrl } as SiteStorage,
    pid: child.pid,
    output: () => output,
    async stop(signal: NodeJS.Signals = "SIGTERM") {
      // Gone already (exited, or killed by a signal: then exitCode stays null).
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill(signal);
      await exited;
    },
  };
}
