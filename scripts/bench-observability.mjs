// @ts-check
// `npm run bench`, section 9: what metrics and tracing cost. Three SQLite servers of the same
// build, measured one at a time, in alternating rounds: nothing on; /metrics on and scraped
// every second (Prometheus scrapes every 15 s: this is fifteen times harsher); /metrics and
// traces on, exporting OTLP (protobuf, the default) to a local receiver (every request traced:
// OTEL_TRACES_SAMPLER can keep a share). Counting itself is
// always on (it is a few additions per request); its cost per call is measured in-process.
import { join } from "node:path";
import client from "prom-client";
import { percentile, root, rssMiB, start, stop, throughput, waitFor } from "./bench-lib.mjs";

const METRICS_TOKEN = "bench-metrics-token-0000";
const fixed = (/** @type {number} */ n, digits = 0) => n.toFixed(digits);

/** Nanoseconds per call of what every request's counting does (a labelled counter, a histogram). */
function countingCost() {
  const registry = new client.Registry();
  const counter = new client.Counter({ name: "bench_requests_total", help: "bench", labelNames: ["operation", "outcome"], registers: [registry] });
  const histogram = new client.Histogram({ name: "bench_duration_seconds", help: "bench", labelNames: ["operation"], buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30], registers: [registry] });
  const n = 1_000_000;
  let t = process.hrtime.bigint();
  for (let i = 0; i < n; i++) counter.inc({ operation: "listJobs", outcome: "ok" });
  const inc = Number(process.hrtime.bigint() - t) / n;
  t = process.hrtime.bigint();
  for (let i = 0; i < n; i++) histogram.observe({ operation: "listJobs" }, (i % 100) / 100);
  const observe = Number(process.hrtime.bigint() - t) / n;
  return { inc, observe };
}

/**
 * @param {(port: number, databaseUrl: string | undefined, extra?: Record<string, string>) => Promise<{ child: import("node:child_process").ChildProcess; url: string }>} site
 * @param {number} port the first of the ports this section may use (it takes 4)
 * @param {string} slug a job to visit
 */
export async function observabilityCost(site, port, slug) {
  console.log("9. Metrics and tracing: page throughput off and on, in one run (SQLite servers, one at a time)");
  const receiverPort = port + 3;
  const receiver = start([join(root, "tests", "helpers", "otlp-receiver.mjs")], { OTLP_PORT: String(receiverPort) });
  await waitFor(`http://127.0.0.1:${receiverPort}/`, receiver);
  const configs = [
    { name: "off", server: await site(port, undefined, {}) },
    { name: "metrics, scraped every second", server: await site(port + 1, undefined, { METRICS_TOKEN }), scrape: true },
    {
      name: "metrics and traces (OTLP)",
      server: await site(port + 2, undefined, { METRICS_TOKEN, OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${receiverPort}` }),
      scrape: true,
    },
  ];
  const pages = [`/jobs/${slug}`, `/jobs/${slug}/apply`, "/jobs.json"];
  for (const { server } of configs) for (const page of pages) for (let i = 0; i < 3; i++) await (await fetch(`${server.url}${page}`)).arrayBuffer();
  const scrape = (/** @type {string} */ url) => fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } }).then((r) => r.text());

  /** @type {Map<string, number[]>} */
  const rates = new Map();
  for (let round = 0; round < 2; round++) {
    for (const page of pages) {
      // Each round in the other order, so neither end of a round is favoured.
      for (const config of round % 2 ? [...configs].reverse() : configs) {
        const scraper = config.scrape ? setInterval(() => void scrape(config.server.url), 1000) : null;
        const { rps } = await throughput(`${config.server.url}${page}`, 5);
        if (scraper) clearInterval(scraper);
        const key = `${config.name} ${page}`;
        rates.set(key, [...(rates.get(key) ?? []), rps]);
      }
    }
  }
  const mean = (/** @type {number[]} */ values) => values.reduce((a, b) => a + b, 0) / values.length;
  console.log(`   req/s, 20 connections, mean of 2 rounds of 5 s (${configs.map((c) => c.name).join(" | ")}):`);
  for (const page of pages) {
    const [off = 0, metrics = 0, traced = 0] = configs.map((c) => mean(rates.get(`${c.name} ${page}`) ?? [0]));
    const label = page === `/jobs/${slug}` ? "job page (cached)" : page === `/jobs/${slug}/apply` ? "form page (rendered per request)" : "/jobs.json (cached)";
    const pct = (/** @type {number} */ x) => `${x >= off ? "+" : ""}${fixed((100 * (x - off)) / off, 1)}%`;
    console.log(
      `     ${label.padEnd(34)} ${fixed(off).padStart(6)} | ${fixed(metrics).padStart(6)} (${pct(metrics)}) | ${fixed(traced).padStart(6)} (${pct(traced)})`,
    );
  }
  const on = configs[2]?.server;
  if (on) {
    const times = [];
    let size = 0;
    for (let i = 0; i < 50; i++) {
      const t = performance.now();
      size = (await scrape(on.url)).length;
      times.push(performance.now() - t);
    }
    console.log(`   one scrape of /metrics: p50 ${fixed(percentile(times, 50), 1)} ms, p95 ${fixed(percentile(times, 95), 1)} ms, ${fixed(size / 1024, 1)} KiB of text`);
    const stats = /** @type {{ protobuf: { exports: number; bytes: number } }} */ (await (await fetch(`http://127.0.0.1:${receiverPort}/stats`)).json());
    console.log(`   traces exported during the run: ${stats.protobuf.exports} OTLP exports, ${fixed(stats.protobuf.bytes / 1024 / 1024, 1)} MiB`);
  }
  console.log(`   resident memory after the run: ${configs.map((c) => `${c.name} ${fixed(rssMiB(c.server.child.pid))} MiB`).join("; ")}`);
  const cost = countingCost();
  console.log(`   counting, in-process: a labelled counter's inc ${fixed(cost.inc)} ns, a histogram's observe ${fixed(cost.observe)} ns`);
  await Promise.all([...configs.map((c) => stop(c.server.child)), stop(receiver)]);
}
