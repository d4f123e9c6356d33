// Shared by the end-to-end tests: the emulator's view of Occupop, its controls, the
// site's revalidation hook, extra site servers, and the accessibility check.
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { E2E, E2E_SITE_ENV } from "../../playwright.config";

export const EMULATOR = `http://127.0.0.1:${E2E.emulatorPort}`;
export const SITE = `http://localhost:${E2E.appPort}`;

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

/** Every job the emulator lists, across all pages, read the way Occupop serves them. */
export async function emulatorJobs(): Promise<WireJob[]> {
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

/** Refreshes the site's job cache now (as an Occupop webhook would). */
export async function revalidate(base = SITE): Promise<void> {
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

/** Another site server on its own port and data directory: a cold process, for cache and restart tests. */
export async function startSiteServer(port: number, env: Record<string, string> = {}, reuseDataDir?: string) {
  const dataDir = reuseDataDir ?? mkdtempSync(join(tmpdir(), "careers-extra-"));
  const child = spawn(process.execPath, ["scripts/server.mjs"], {
    env: {
      ...process.env,
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      OCCUPOP_API_URL: `${EMULATOR}/rest`,
      OCCUPOP_API_TOKEN: E2E.token,
      SITE_URL: `http://localhost:${port}`,
      DATA_DIR: dataDir,
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
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    output: () => output,
    async stop(signal: NodeJS.Signals = "SIGTERM") {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill(signal);
      await exited;
    },
  };
}
