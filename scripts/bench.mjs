// @ts-check
// `npm run bench`: measures, on this machine, what the site promises about speed and memory,
// and prints the numbers. Needs a build (`npm run build`) and Chromium (as the e2e tests do).
//   1. Upstream traffic: 100 concurrent cold visits, then warm traffic, counted at the emulator.
//   2. Page latency and throughput for the listing and a job page, warm.
//   3. Server memory per upload in flight: the peak RSS while resumes of a known size are
//      sent through the real form, one at a time and several at once, with the upload cap.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium } from "@playwright/test";

const root = resolve(import.meta.dirname ?? ".", "..");
const SITE_PORT = Number(process.env.BENCH_PORT ?? 3300);
const EMULATOR_PORT = SITE_PORT + 1000;
const TOKEN = "bench-occupop-token-0000";
const EMULATOR = `http://127.0.0.1:${EMULATOR_PORT}`;
const SITE = `http://127.0.0.1:${SITE_PORT}`;
const MiB = 1024 * 1024;
const chromiumPath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

if (!existsSync(join(root, ".next", "standalone", "server.js"))) {
  console.error("No build found: run `npm run build` first.");
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), "careers-bench-"));
/** @type {import("node:child_process").ChildProcess[]} */
const children = [];

/** @param {string[]} args @param {Record<string, string>} env */
function start(args, env) {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: "ignore" });
  children.push(child);
  return child;
}

/** @param {string} url */
async function waitFor(url) {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not come up`);
}

/** @param {number | undefined} pid */
function rssMiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/** @param {number[]} values @param {number} p */
const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))] ?? 0;

async function listings() {
  const log = /** @type {{ data: Array<{ target: string; page: number }> }} */ (await (await fetch(`${EMULATOR}/_emulator/requests`)).json());
  return log.data.filter((r) => r.target === "list" && r.page === 1).length;
}

/** @param {string} path @param {number} total @param {number} concurrency */
async function load(path, total, concurrency) {
  /** @type {number[]} */
  const times = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        next++;
        const t = performance.now();
        const res = await fetch(`${SITE}${path}`);
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
        times.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { rps: total / seconds, p50: percentile(times, 50), p95: percentile(times, 95) };
}

/** @param {import("@playwright/test").Browser} browser @param {string} slug @param {string} file @param {string} tag */
async function applyOnce(browser, slug, file, tag) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${SITE}/jobs/${slug}`);
  await page.getByLabel("First name").fill("Bench");
  await page.getByLabel("Last name").fill(tag);
  await page.getByLabel("Email").fill(`bench.${tag}.${Date.now()}@example.com`);
  await page.getByLabel("Resume").setInputFiles(file);
  await page.waitForTimeout(3_100);
  await page.getByRole("button", { name: "Submit application" }).click();
  const heading = await page.locator("h1").first().textContent();
  await context.close();
  return heading ?? "";
}

async function main() {
  start([join(root, "node_modules", "tsx", "dist", "cli.mjs"), "emulator/main.ts"], {
    EMULATOR_PORT: String(EMULATOR_PORT),
    EMULATOR_TOKEN: TOKEN,
    EMULATOR_DATA_DIR: join(work, "emulator"),
  });
  await waitFor(`${EMULATOR}/_emulator`);
  const site = start([join(root, "scripts", "server.mjs")], {
    PORT: String(SITE_PORT),
    HOSTNAME: "127.0.0.1",
    OCCUPOP_API_URL: `${EMULATOR}/rest`,
    OCCUPOP_API_TOKEN: TOKEN,
    SITE_URL: SITE,
    DATA_DIR: join(work, "site"),
    LOG_LEVEL: "warn",
    APPLY_RATE_LIMIT_PER_MINUTE: "10000",
    UPLOADS_IN_FLIGHT_MAX_MB: process.env.UPLOADS_IN_FLIGHT_MAX_MB ?? "160",
    ENV_FILE: join(work, "no.env"),
  });
  // Wait for the port without touching a page (that would warm the cache).
  await waitFor(`${SITE}/robots.txt`);

  console.log("1. Upstream traffic (counted at the emulator)");
  await fetch(`${EMULATOR}/_emulator/requests`, { method: "DELETE" });
  let t = performance.now();
  const cold = await Promise.all(Array.from({ length: 100 }, () => fetch(`${SITE}/`).then((r) => r.status)));
  console.log(`   100 concurrent cold visits: ${cold.filter((s) => s === 200).length} × 200 in ${(performance.now() - t).toFixed(0)} ms, upstream listings: ${await listings()}`);
  const jobs = /** @type {{ jobs: Array<{ url: string }> }} */ (await (await fetch(`${SITE}/jobs.json`)).json()).jobs;
  const slug = new URL(jobs[0]?.url ?? SITE).pathname.split("/").pop() ?? "";
  await load("/", 500, 20);
  console.log(`   + 500 warm visits: upstream listings still ${await listings()}`);

  console.log("2. Warm pages: one at a time (latency), then 20 at a time (throughput)");
  for (const path of ["/", "/?workplace=remote&q=engineer", `/jobs/${slug}`, "/jobs.json"]) {
    const one = await load(path, 100, 1);
    const many = await load(path, 400, 20);
    console.log(
      `   ${path.padEnd(32)} alone p50 ${one.p50.toFixed(1).padStart(5)} ms p95 ${one.p95.toFixed(1).padStart(5)} ms` +
        `   ×20: ${many.rps.toFixed(0).padStart(4)} req/s p95 ${many.p95.toFixed(0)} ms`,
    );
  }

  console.log("3. Server memory per upload in flight");
  const sizeMiB = Number(process.env.BENCH_RESUME_MB ?? 20);
  const file = join(work, "resume.pdf");
  writeFileSync(file, Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(sizeMiB * MiB - 9, 0x20)]));
  const jobsFull = /** @type {{ data: Array<{ unique_slug: string; require_cv: boolean; questions_form: unknown[]; require_opt_in_for_job: boolean; require_opt_in_for_database: boolean; closed_for_applicants: boolean }> }} */ (
    await (await fetch(`${EMULATOR}/rest/jobs`, { headers: { Authorization: TOKEN } })).json()
  ).data;
  const simple = jobsFull.find((j) => j.require_cv && !j.questions_form.length && !j.require_opt_in_for_job && !j.require_opt_in_for_database && !j.closed_for_applicants);
  if (!simple) throw new Error("no simple job to apply to");
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
  for (const parallel of [1, 4]) {
    global.gc?.();
    await new Promise((r) => setTimeout(r, 1500));
    const baseline = rssMiB(site.pid);
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(site.pid))), 20);
    t = performance.now();
    const outcomes = await Promise.all(Array.from({ length: parallel }, (_, i) => applyOnce(browser, simple.unique_slug, file, `p${parallel}-${i}`)));
    clearInterval(sampler);
    const received = outcomes.filter((h) => h.startsWith("Thank you")).length;
    const busy = outcomes.filter((h) => h.includes("busy")).length;
    console.log(
      `   ${parallel} × ${sizeMiB} MiB at once: ${received} received, ${busy} asked to retry, ` +
        `peak RSS +${(peak - baseline).toFixed(0)} MiB over ${baseline.toFixed(0)} MiB ` +
        `(${((peak - baseline) / (sizeMiB * (parallel - busy || 1))).toFixed(1)}× the bytes admitted), ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
  }
  await browser.close();
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => {
    for (const child of children) child.kill("SIGTERM");
    setTimeout(() => rmSync(work, { recursive: true, force: true }), 500);
  });
