// @ts-check
// `npm run bench`: measures, on this machine, what the site promises about speed, scale and
// memory, and prints the numbers (nothing is asserted). Needs a build (`npm run build`),
// Chromium (for Lighthouse) and PostgreSQL binaries (as the tests do); wrk when installed.
//   1. Pages from the cache: upstream listings under a cold burst; warm req/s for the listing,
//      a job page, a filtered listing, /jobs.json and the largest static chunk, with ratios;
//      gzipped script per page; Lighthouse (mobile) for the listing and a job page.
//   2. Two replicas on one PostgreSQL: upstream listings under 200 concurrent cold visits.
//   3. Submitting an application (the form without JavaScript, over HTTP): p50/p95 latency
//      on SQLite and on PostgreSQL; peak server memory for one 50 MB resume on each.
//   4. Deliveries per second from the outbox with one replica and with two.
//   5. The cost of one admin password check: scrypt at the old and the current parameters.
//   6. Insights: a job page's req/s with counting on and off, side by side; the beacon's own
//      req/s; both at once; and that every beacon answered was counted.
//   7. Job alerts: one new job to 2,000 confirmed subscribers, through the emulator's SMTP
//      server: time to the first and the last email, on SQLite and on PostgreSQL.
//   8. Under attack (scripts/bench-attack.mjs): 400 MB bodies at every public POST route, slow
//      uploads beside ordinary applications, and a burst of wrong passwords.
//   9. Metrics and tracing (scripts/bench-observability.mjs): page req/s with nothing on, with
//      /metrics scraped every second, and with traces exported too; a scrape's cost.
//  10. Reach (scripts/bench-reach.mjs): a posted job to search engines, through the webhook and
//      without one; the widget's size and the req/s of what it asks for.
//  11. Occupop's webhooks (scripts/bench-webhooks.mjs): distinct events accepted per second and
//      the time to process them; repeated events answered per second.
//  12. The resume uploading while the form is filled in (scripts/bench-uploads.mjs): choosing
//      to ready for 5, 20 and 50 MB at 10 Mbit/s, server RSS rise per upload, the upload
//      client's script; autofill accuracy and parse time on 48 generated CVs.
import { randomBytes, scryptSync } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startPostgres } from "../tests/helpers/postgres.mjs";
import {
  lighthouseMedian,
  MiB,
  pdfOf,
  peakRssDuring,
  percentile,
  root,
  scriptBytes,
  start,
  stop,
  stopAll,
  submitApplication,
  throughput,
  waitFor,
} from "./bench-lib.mjs";
import { underAttack } from "./bench-attack.mjs";
import { observabilityCost } from "./bench-observability.mjs";
import { reach } from "./bench-reach.mjs";
import { uploads } from "./bench-uploads.mjs";
import { webhooks } from "./bench-webhooks.mjs";

const PORT = Number(process.env.BENCH_PORT ?? 3300);
const EMULATOR = `http://127.0.0.1:${PORT + 1000}`;
const TOKEN = "bench-occupop-token-0000";
const HEALTH_TOKEN = "bench-health-token-0000";
/** BENCH_SECTIONS=1,3 runs some sections only. */
/** Issue 25's script budgets (gzipped, the scripts a page's HTML loads as it loads). */
const SCRIPT_BUDGET_KIB = { listing: 110, jobOverListing: 5 };
const sections = new Set((process.env.BENCH_SECTIONS ?? "1,2,3,4,5,6,7,8,9,10,11,12").split(",").map((x) => x.trim()));
const chromium = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

if (!existsSync(join(root, ".next", "standalone", "server.js"))) {
  console.error("No build found: run `npm run build` first.");
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), "careers-bench-"));

/** A site server; `databaseUrl` for PostgreSQL. @param {number} port @param {string | undefined} databaseUrl @param {Record<string, string>} [extra] */
async function site(port, databaseUrl, extra = {}) {
  const child = start([join(root, "scripts", "server.mjs")], {
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    OCCUPOP_API_URL: `${EMULATOR}/rest`,
    OCCUPOP_API_TOKEN: TOKEN,
    SITE_URL: `http://127.0.0.1:${port}`,
    DATA_DIR: join(work, `site-${port}`),
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    LOG_LEVEL: "warn",
    HEALTH_TOKEN,
    JOBS_CACHE_SECONDS: "3600",
    APPLY_RATE_LIMIT_PER_MINUTE: "10000",
    UPLOADS_PER_CLIENT_PER_HOUR: "100000",
    APPLY_MIN_FILL_SECONDS: "0",
    OUTBOX_POLL_MS: "200",
    OUTBOX_RETRY_BASE_MS: "20",
    OUTBOX_RETRY_MAX_MS: "200",
    ENV_FILE: join(work, "no.env"),
    ...extra,
  });
  // /api/ready answers once the server has started, without loading jobs.
  await waitFor(`http://127.0.0.1:${port}/api/ready`, child);
  return { child, url: `http://127.0.0.1:${port}` };
}

/** @param {string} path @param {string} [method] @param {unknown} [body] */
const emulator = (path, method = "GET", body) =>
  fetch(`${EMULATOR}/_emulator${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });

async function listings() {
  const log = /** @type {{ data: Array<{ target: string; page: number }> }} */ (await (await emulator("/requests")).json());
  return log.data.filter((r) => r.target === "list" && r.page === 1).length;
}

/** Pending applications in a server's database (its health report). @param {string} url */
async function pending(url) {
  const health = /** @type {{ applications?: { pending: number } }} */ (await (await fetch(`${url}/api/health`, { headers: { authorization: `Bearer ${HEALTH_TOKEN}` } })).json());
  return health.applications?.pending ?? -1;
}

const fixed = (/** @type {number} */ n, digits = 0) => n.toFixed(digits);

async function main() {
  start([join(root, "node_modules", "tsx", "dist", "cli.mjs"), "emulator/main.ts"], {
    EMULATOR_PORT: String(PORT + 1000),
    EMULATOR_SMTP_PORT: String(PORT + 1025),
    EMULATOR_TOKEN: TOKEN,
    EMULATOR_DATA_DIR: join(work, "emulator"),
  });
  await waitFor(`${EMULATOR}/_emulator`);
  const jobs = /** @type {{ data: Array<{ uuid: string; unique_slug: string; require_cv: boolean; questions_form: unknown[]; require_opt_in_for_job: boolean; require_opt_in_for_database: boolean; closed_for_applicants: boolean }> }} */ (
    await (await fetch(`${EMULATOR}/rest/jobs`, { headers: { Authorization: TOKEN } })).json()
  ).data;
  const simple = jobs.find((j) => j.require_cv && !j.questions_form.length && !j.require_opt_in_for_job && !j.require_opt_in_for_database && !j.closed_for_applicants);
  if (!simple) throw new Error("no simple job to apply to");
  const slug = simple.unique_slug;
  const pgServer = await startPostgres();

  const sqlite = await site(PORT, undefined);
  if (sections.has("1")) await pagesFromTheCache(sqlite, slug);
  /** @type {Array<{ child: import("node:child_process").ChildProcess }>} */
  const servers = [sqlite];
  if (sections.has("2")) servers.push(...(await replicas(pgServer, slug)));
  if (sections.has("3")) servers.push(await submitting(pgServer, sqlite, slug));
  if (sections.has("4")) servers.push(...(await deliveries(pgServer, slug)));
  if (sections.has("5")) passwordCost();
  if (sections.has("6")) servers.push(...(await counting(slug, simple.uuid)));
  if (sections.has("7")) servers.push(...(await alerts(pgServer)));
  if (sections.has("8")) {
    const admin = { email: "bench-admin@example.com", password: "bench-admin-password-1" };
    const target = await site(PORT + 30, undefined, { TRUST_PROXY: "true", ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password, APPLY_RATE_LIMIT_PER_MINUTE: "5" });
    await underAttack(target, slug, admin);
    servers.push(target);
  }
  if (sections.has("9")) await observabilityCost(site, PORT + 50, slug);
  if (sections.has("10")) servers.push(...(await reach(site, emulator, PORT + 60)));
  if (sections.has("11")) servers.push(...(await webhooks(site, PORT + 70, join(work, `site-${PORT + 70}`))));
  if (sections.has("12")) servers.push(...(await uploads(site, PORT + 80, slug, chromium)));
  await emulator("/faults", "DELETE");
  await Promise.all(servers.map((s) => stop(s.child)));
  await pgServer.stop();
}

/** @typedef {{ child: import("node:child_process").ChildProcess; url: string }} Site */
/** @typedef {Awaited<ReturnType<typeof startPostgres>>} PgServer */

/** @param {Site} sqlite @param {string} slug */
async function pagesFromTheCache(sqlite, slug) {
  console.log("1. Pages from the cache (SQLite server)");
  await emulator("/requests", "DELETE");
  const t = performance.now();
  const cold = await Promise.all(Array.from({ length: 100 }, (_, i) => fetch(`${sqlite.url}${i % 2 ? "/" : `/jobs/${slug}`}`).then((r) => r.status)));
  console.log(`   100 concurrent cold visits: ${cold.filter((s) => s === 200).length} × 200 in ${fixed(performance.now() - t)} ms; upstream listings: ${await listings()}`);

  const html = await (await fetch(`${sqlite.url}/`)).text();
  const chunks = [...new Set([...html.matchAll(/\/_next\/static\/chunks\/[^"]+\.js/g)].map((m) => m[0]))];
  let largest = { path: "", size: 0 };
  for (const chunk of chunks) {
    const size = (await (await fetch(`${sqlite.url}${chunk}`)).arrayBuffer()).byteLength;
    if (size > largest.size) largest = { path: chunk, size };
  }
  const pages = ["/", `/jobs/${slug}`, "/de", `/de/jobs/${slug}`, "/?workplace=remote&q=store", "/jobs.json", largest.path];
  for (const p of pages) await fetch(`${sqlite.url}${p}`); // warm
  /** @type {Array<{ path: string; rps: number; tool: string }>} */
  const rates = [];
  for (const p of pages) rates.push({ path: p, ...(await throughput(`${sqlite.url}${p}`, 5)) });
  // A German browser's first visit to an English page: answered by the HTTP front (a 307 to
  // /de/…), and, with the language cookie, the English page from the cache as before.
  const firstVisit = await throughput(`${sqlite.url}/jobs/${slug}`, 5, { headers: { "Accept-Language": "de-DE,de;q=0.9" }, redirects: true });
  const remembered = await throughput(`${sqlite.url}/jobs/${slug}`, 5, { headers: { "Accept-Language": "de-DE,de;q=0.9", Cookie: "NEXT_LOCALE=en" } });
  const staticRate = rates.at(-1)?.rps ?? 1;
  console.log(`   warm throughput, 20 connections (${rates[0]?.tool}):`);
  for (const r of rates) {
    const label = r.path === largest.path ? `largest static chunk (${fixed(largest.size / 1024)} KiB)` : r.path;
    console.log(`     ${label.padEnd(40)} ${fixed(r.rps).padStart(6)} req/s  ${fixed((100 * r.rps) / staticRate).padStart(3)}% of the static chunk`);
  }
  console.log(`     ${"German first visit (307 to /de/…)".padEnd(40)} ${fixed(firstVisit.rps).padStart(6)} req/s`);
  console.log(`     ${"German browser, English chosen (cookie)".padEnd(40)} ${fixed(remembered.rps).padStart(6)} req/s`);
  const homeJs = await scriptBytes(sqlite.url, "/");
  const jobJs = await scriptBytes(sqlite.url, `/jobs/${slug}`);
  const applyJs = await scriptBytes(sqlite.url, `/jobs/${slug}/apply`);
  console.log(
    `   script per page at load, gzipped: / ${fixed(homeJs.gzippedKiB, 1)} KiB; a job page ${fixed(jobJs.gzippedKiB, 1)} KiB ` +
      `(+${fixed(jobJs.gzippedKiB - homeJs.gzippedKiB, 1)} KiB over /); the form page without JavaScript's help ${fixed(applyJs.gzippedKiB, 1)} KiB`,
  );
  console.log(
    `   held until the visitor engages (React and Next.js's runtime): / ${fixed(homeJs.heldKiB, 1)} KiB in ${homeJs.heldScripts} scripts; ` +
      `a job page ${fixed(jobJs.heldKiB, 1)} KiB in ${jobJs.heldScripts}`,
  );
  const within = (/** @type {boolean} */ ok) => (ok ? "within" : "OVER");
  console.log(
    `   budgets: / ≤ ${SCRIPT_BUDGET_KIB.listing} KiB: ${within(homeJs.gzippedKiB <= SCRIPT_BUDGET_KIB.listing)}; ` +
      `a job page ≤ +${SCRIPT_BUDGET_KIB.jobOverListing} KiB over /: ${within(jobJs.gzippedKiB - homeJs.gzippedKiB <= SCRIPT_BUDGET_KIB.jobOverListing)}`,
  );
  if (chromium || existsSync("/usr/bin/chromium")) {
    for (const p of ["/", `/jobs/${slug}`, `/de/jobs/${slug}`]) {
      try {
        const lh = lighthouseMedian(`${sqlite.url}${p}`, chromium, 3);
        console.log(
          `   Lighthouse mobile ${p}, median of 3: ${Object.entries(lh.scores).map(([k, v]) => `${k} ${v}`).join(", ")} ` +
            `(performance runs ${lh.runs.join("/")}; LCP ${fixed(lh.lcpMs / 1000, 2)} s, TBT ${fixed(lh.tbtMs)} ms, CLS ${lh.cls})`,
        );
      } catch (error) {
        console.log(`   Lighthouse ${p}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  } else console.log("   Lighthouse: skipped (no Chromium; set CHROMIUM_PATH)");
}

/** @param {PgServer} pgServer @param {string} slug */
async function replicas(pgServer, slug) {
  console.log("2. Two replicas on one PostgreSQL");
  const sharedDb = await pgServer.createDatabase("bench_replicas");
  const [a, b] = await Promise.all([site(PORT + 1, sharedDb), site(PORT + 2, sharedDb)]);
  await emulator("/requests", "DELETE");
  const t = performance.now();
  const burst = await Promise.all(
    Array.from({ length: 200 }, (_, i) => fetch(`${(i % 2 ? a : b).url}${i % 4 < 2 ? "/" : `/jobs/${slug}`}`).then((r) => r.status)),
  );
  console.log(`   200 concurrent cold visits over both: ${burst.filter((s) => s === 200).length} × 200 in ${fixed(performance.now() - t)} ms; upstream listings: ${await listings()}`);
  return [a, b];
}

/** @param {PgServer} pgServer @param {Site} sqlite @param {string} slug */
async function submitting(pgServer, sqlite, slug) {
  console.log("3. Submitting an application without JavaScript (200 KB resume), 30 in a row");
  const pgSite = await site(PORT + 3, await pgServer.createDatabase("bench_submit"));
  for (const [name, server] of /** @type {const} */ ([["SQLite", sqlite], ["PostgreSQL", pgSite]])) {
    /** @type {number[]} */
    const times = [];
    for (let i = 0; i < 30; i++) {
      const r = await submitApplication(server.url, slug, { email: `latency.${name}.${i}.${Date.now()}@example.com`, resume: pdfOf(200 * 1024, `${name}-${i}`) });
      if (r.status !== 303) throw new Error(`submit answered ${r.status}: ${r.problem}`);
      times.push(r.ms);
    }
    console.log(`   ${name.padEnd(10)} p50 ${fixed(percentile(times, 50))} ms, p95 ${fixed(percentile(times, 95))} ms (stored, uploaded and created in the request)`);
  }
  console.log("   peak server memory while one 50 MB resume is sent (4 in turn; the first also grows the heap for good):");
  for (const [name, server] of /** @type {const} */ ([["SQLite", sqlite], ["PostgreSQL", pgSite]])) {
    /** @type {string[]} */
    const rises = [];
    for (let i = 0; i < 4; i++) {
      await new Promise((r) => setTimeout(r, 1500));
      const resume = pdfOf(50 * MiB, `${name}-50mb-${i}`);
      let status = 0;
      const { rise } = await peakRssDuring(server.child.pid, async () => {
        status = (await submitApplication(server.url, slug, { email: `memory.${name}.${i}.${Date.now()}@example.com`, resume })).status;
      });
      rises.push(`+${fixed(rise)} MiB${status === 303 ? "" : ` (answer ${status})`}`);
    }
    console.log(`     ${name.padEnd(10)} ${rises.join(", ")}`);
  }
  return pgSite;
}

/** @param {PgServer} pgServer @param {string} slug */
async function deliveries(pgServer, slug) {
  let t = 0;
  console.log("4. Outbox deliveries per second (60 queued applications; Occupop answering in ~100 ms per call)");
  const one = [await site(PORT + 4, await pgServer.createDatabase("bench_one"))];
  const twoDb = await pgServer.createDatabase("bench_two");
  const two = await Promise.all([site(PORT + 5, twoDb), site(PORT + 6, twoDb)]);
  for (const [label, servers] of /** @type {const} */ ([["1 replica ", one], ["2 replicas", two]])) {
    await emulator("/faults", "DELETE");
    await emulator("/faults", "POST", { target: "upload", kind: "500", count: 1_000_000 });
    for (let i = 0; i < 60; i++) {
      const server = servers[i % servers.length];
      if (!server) continue;
      const sent = await submitApplication(server.url, slug, { email: `deliver.${servers.length}r.${i}.${Date.now()}@example.com`, resume: pdfOf(100 * 1024, `d${i}`) });
      if (sent.status !== 303) throw new Error(`submit answered ${sent.status}: ${sent.problem}`);
    }
    const queued = await pending(servers[0]?.url ?? "");
    await emulator("/faults", "DELETE");
    await emulator("/faults", "POST", { target: "any", kind: "latency", latencyMs: 100, count: 1_000_000 });
    t = performance.now();
    // Counted where it matters: candidates Occupop (the emulator) has.
    const arrived = async () =>
      /** @type {{ data: Array<{ candidate: { email: string } }> }} */ (await (await emulator("/candidates")).json()).data.filter((c) =>
        c.candidate.email.startsWith(`deliver.${servers.length}r.`),
      ).length;
    while ((await arrived()) < queued && performance.now() - t < 120_000) await new Promise((r) => setTimeout(r, 50));
    const seconds = (performance.now() - t) / 1000;
    console.log(`   ${label}: ${queued} delivered in ${fixed(seconds, 1)} s = ${fixed(queued / seconds, 1)} deliveries/s`);
  }
  return [...one, ...two];
}

const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

/** Counting on and off, in one run. @param {string} slug @param {string} uuid */
async function counting(slug, uuid) {
  console.log("6. Insights: counting on and off (two SQLite servers, same build)");
  const flood = { INSIGHTS_EVENTS_PER_ADDRESS_PER_MINUTE: "1000000", INSIGHTS_FLUSH_MS: "1000" };
  const on = await site(PORT + 20, undefined, { ...flood, INSIGHTS_ENABLED: "true" });
  const off = await site(PORT + 21, undefined, { ...flood, INSIGHTS_ENABLED: "false" });
  const page = `/jobs/${slug}`;
  for (const s of [on, off]) for (let i = 0; i < 50; i++) await (await fetch(`${s.url}${page}`)).arrayBuffer(); // warm
  /** @type {{ on: number[]; off: number[] }} */
  const pages = { on: [], off: [] };
  for (let round = 0; round < 2; round++) {
    pages.off.push((await throughput(`${off.url}${page}`, 4)).rps);
    pages.on.push((await throughput(`${on.url}${page}`, 4)).rps);
  }
  const best = (/** @type {number[]} */ xs) => Math.max(...xs);
  console.log(`   a job page, 20 connections: counting off ${fixed(best(pages.off))} req/s, on ${fixed(best(pages.on))} req/s (best of 2 each, alternated)`);
  const post = {
    method: /** @type {const} */ ("POST"),
    body: JSON.stringify({ type: "view", path: page, source: "bench" }),
    headers: { "Content-Type": "text/plain", "User-Agent": BROWSER },
  };
  const before = await countedViews(on.url, uuid);
  const beacon = await throughput(`${on.url}/api/insights`, 4, { post });
  console.log(`   the beacon alone, 20 connections: ${fixed(beacon.rps)} req/s`);
  const [pagesWith, beacons] = await Promise.all([
    throughput(`${on.url}${page}`, 4, { connections: 10 }),
    throughput(`${on.url}/api/insights`, 4, { connections: 10, post }),
  ]);
  console.log(`   a page and its beacon together (10 + 10 connections): ${fixed(pagesWith.rps)} pages/s with ${fixed(beacons.rps)} beacons/s`);
  await new Promise((r) => setTimeout(r, 2500)); // a flush or two
  console.log(`   counted in the database: ${(await countedViews(on.url, uuid)) - before} views for ${beacon.requests + beacons.requests} beacons wrk saw answered (a few more were in flight when it stopped)`);
  return [on, off];
}

/** Views counted for a job today, read through the server's own database file. @param {string} url @param {string} uuid */
async function countedViews(url, uuid) {
  const port = new URL(url).port;
  const { default: SQLite } = await import("better-sqlite3");
  const db = new SQLite(join(work, `site-${port}`, "careers.sqlite"), { readonly: true });
  try {
    const row = /** @type {{ n: number | null }} */ (db.prepare("select sum(count) as n from insight_counts where job_uuid = ? and metric = 'view'").get(uuid));
    return row.n ?? 0;
  } finally {
    db.close();
  }
}

/** A new job to many subscribers, end to end. @param {PgServer} pgServer */
async function alerts(pgServer) {
  const N = Number(process.env.BENCH_SUBSCRIBERS ?? 2000);
  console.log(`7. Job alerts: one new job to ${N} confirmed subscribers, through the emulator's SMTP server`);
  const mailEnv = {
    SMTP_URL: `smtp://127.0.0.1:${PORT + 1025}`,
    MAIL_FROM: "Bench <bench@example.com>",
    ALERTS_POLL_MS: "200",
    MAIL_POLL_MS: "100",
    ALERTS_MIN_HOURS_BETWEEN: "0",
    REVALIDATE_SECRET: "bench-revalidate-secret-0000",
  };
  const started = [];
  for (const [name, port, databaseUrl] of /** @type {const} */ ([["SQLite", PORT + 30, undefined], ["PostgreSQL", PORT + 31, await pgServer.createDatabase("bench_alerts")]])) {
    const server = await site(port, databaseUrl, mailEnv);
    started.push(server);
    await fetch(`${server.url}/`); // the job list, loaded
    await new Promise((r) => setTimeout(r, 1000)); // a pass or two: today's jobs are seen, so not new
    const confirmedAt = Date.now() - 1000;
    const rows = Array.from({ length: N }, (_, i) => [`bench-${name}-${i}`, `subscriber-${i}@${name.toLowerCase()}.example`, "{}", "confirmed", confirmedAt, confirmedAt]);
    if (databaseUrl) {
      const { default: pg } = await import("pg");
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      for (let i = 0; i < rows.length; i += 500) {
        const chunk = rows.slice(i, i + 500);
        const values = chunk.map((_, j) => `($${j * 6 + 1}, $${j * 6 + 2}, $${j * 6 + 3}, $${j * 6 + 4}, $${j * 6 + 5}, $${j * 6 + 6})`).join(", ");
        await client.query(`insert into alert_subscriptions (id, email, filters, status, created_at, confirmed_at) values ${values}`, chunk.flat());
      }
      await client.end();
    } else {
      const { default: SQLite } = await import("better-sqlite3");
      const db = new SQLite(join(work, `site-${port}`, "careers.sqlite"));
      db.pragma("busy_timeout = 5000");
      const insert = db.prepare("insert into alert_subscriptions (id, email, filters, status, created_at, confirmed_at) values (?, ?, ?, ?, ?, ?)");
      db.transaction(() => rows.forEach((r) => insert.run(...r)))();
      db.close();
    }
    await emulator("/mail", "DELETE");
    await emulator("/jobs", "POST", { title: `Bench Job ${name}` });
    const t = performance.now();
    await fetch(`${server.url}/api/revalidate`, { method: "POST", headers: { Authorization: `Bearer ${mailEnv.REVALIDATE_SECRET}` } });
    let first = 0;
    let count = 0;
    const deadline = Date.now() + 600_000;
    while (count < N && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      count = /** @type {{ count: number }} */ (await (await emulator("/mail?count")).json()).count;
      if (count && !first) first = performance.now() - t;
    }
    const all = performance.now() - t;
    console.log(`   ${name.padEnd(10)} first email after ${fixed(first)} ms; ${count} of ${N} in ${fixed(all / 1000, 1)} s (${fixed((count * 1000) / all)} emails/s)`);
  }
  return started;
}

/** Median time of one scrypt password check, at the previous release's parameters and at ASVS's. */
function passwordCost() {
  console.log("5. One admin password check (scrypt, r = 8, p = 1; median of 7)");
  for (const [label, N] of /** @type {const} */ ([["N = 2^15 (before)", 2 ** 15], ["N = 2^17 (OWASP ASVS 5.0, now)", 2 ** 17]])) {
    const salt = randomBytes(16);
    /** @type {number[]} */
    const times = [];
    for (let i = 0; i < 7; i++) {
      const t = performance.now();
      scryptSync("correct horse battery staple", salt, 32, { N, r: 8, p: 1, maxmem: 256 * N * 8 });
      times.push(performance.now() - t);
    }
    console.log(`   ${label.padEnd(32)} ${fixed(percentile(times, 50))} ms, ${fixed((128 * N * 8) / MiB)} MiB of memory`);
  }
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => {
    stopAll();
    setTimeout(() => rmSync(work, { recursive: true, force: true }), 500);
  });
