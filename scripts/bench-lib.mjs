// @ts-check
// The pieces `npm run bench` (scripts/bench.mjs) measures with: servers it starts and stops,
// load generation (wrk when installed, else a small fetch loop), submitting the application
// form over HTTP the way a browser without JavaScript does, and reading memory from /proc.
import { execFile, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";

export const root = resolve(import.meta.dirname ?? ".", "..");
export const MiB = 1024 * 1024;

/** @type {import("node:child_process").ChildProcess[]} */
const children = [];

/** @param {string[]} args @param {Record<string, string>} env */
export function start(args, env) {
  // Only errors are shown: a server that cannot start says why.
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "inherit"] });
  children.push(child);
  return child;
}

export function stopAll() {
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
}

/** @param {import("node:child_process").ChildProcess} child */
export async function stop(child) {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await exited;
}

/** @param {string} url @param {import("node:child_process").ChildProcess} [child] */
export async function waitFor(url, child) {
  for (let i = 0; i < 600; i++) {
    if (child && child.exitCode !== null) throw new Error(`the server for ${url} exited (${child.exitCode})`);
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not come up`);
}

/** Resident memory of a process, in MiB. @param {number | undefined} pid */
export function rssMiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** Samples a process's RSS every 20 ms while `work` runs; returns the peak over the start. */
export async function peakRssDuring(/** @type {number | undefined} */ pid, /** @type {() => Promise<unknown>} */ work) {
  const baseline = rssMiB(pid);
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(pid))), 20);
  try {
    await work();
  } finally {
    clearInterval(sampler);
  }
  return { baseline, rise: peak - baseline };
}

/** @param {number[]} values @param {number} p */
export const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))] ?? 0;

const hasWrk = spawnSync("wrk", ["--version"]).error === undefined;

/** @typedef {{ method: "POST"; body: string; headers: Record<string, string> }} Post */

/** A wrk script that sends `post` (wrk sends GET without one). @param {Post} post */
function wrkScript(post) {
  const file = join(mkdtempSync(join(tmpdir(), "careers-wrk-")), "post.lua");
  const lua = [`wrk.method = "POST"`, `wrk.body = ${JSON.stringify(post.body)}`, ...Object.entries(post.headers).map(([k, v]) => `wrk.headers[${JSON.stringify(k)}] = ${JSON.stringify(v)}`)];
  writeFileSync(file, `${lua.join("\n")}\n`);
  return file;
}

/**
 * Requests per second for one URL: wrk (2 threads, `connections`, `seconds`) when installed,
 * else as many fetch loops for the same time. Runs in the background (several can run at once).
 * `headers` go with every request; `redirects` accepts 3xx answers (the first-visit redirect).
 * @param {string} url @param {number} seconds @param {{ post?: Post; connections?: number; headers?: Record<string, string>; redirects?: boolean }} [options]
 */
export async function throughput(url, seconds = 5, { post, connections = 20, headers = {}, redirects = false } = {}) {
  if (hasWrk) {
    const headerArgs = Object.entries(headers).flatMap(([k, v]) => ["-H", `${k}: ${v}`]);
    const args = ["-t2", `-c${connections}`, `-d${seconds}s`, ...headerArgs, ...(post ? ["-s", wrkScript(post)] : []), url];
    const out = await new Promise((resolve) => execFile("wrk", args, { encoding: "utf8" }, (_error, stdout) => resolve(stdout)));
    const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0);
    const requests = Number(/(\d+) requests in/.exec(out)?.[1] ?? 0);
    if (/Non-2xx/.test(out) && !redirects) throw new Error(`${url}: non-2xx answers under load`);
    return { rps, requests, tool: "wrk" };
  }
  let count = 0;
  const end = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < end) {
        const res = await fetch(url, post ?? { headers, redirect: "manual" });
        await res.arrayBuffer();
        count++;
      }
    }),
  );
  return { rps: count / seconds, requests: count, tool: "fetch" };
}

/**
 * Script bytes a page makes a modern browser download, gzipped (nomodule polyfills left out): at
 * load, and held in the page until the visitor engages (a cached page's runtime, lib/on-demand).
 * @param {string} base @param {string} path
 */
export async function scriptBytes(base, path) {
  const html = await (await fetch(base + path)).text();
  const template = /<template data-runtime>([\s\S]*?)<\/template>/.exec(html);
  const gzippedOf = async (/** @type {string} */ part) => {
    const tags = [...part.matchAll(/<script[^>]*\bsrc="([^"]+)"[^>]*>/g)].filter((m) => !/\bnoModule\b|\bnomodule\b/.test(m[0]));
    const sources = [...new Set(tags.map((m) => m[1] ?? ""))];
    let gzipped = 0;
    for (const src of sources) gzipped += gzipSync(Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer()), { level: 9 }).length;
    return { scripts: sources.length, kib: gzipped / 1024 };
  };
  const atLoad = await gzippedOf(template ? html.replace(template[0], "") : html);
  const held = await gzippedOf(template?.[1] ?? "");
  return { scripts: atLoad.scripts, gzippedKiB: atLoad.kib, heldScripts: held.scripts, heldKiB: held.kib };
}

const ENTITIES = /** @type {Record<string, string>} */ ({ "&quot;": '"', "&amp;": "&", "&lt;": "<", "&gt;": ">", "&#x27;": "'", "&#39;": "'" });
const unescape = (/** @type {string} */ s) => s.replace(/&(quot|amp|lt|gt|#x27|#39);/g, (e) => ENTITIES[e] ?? e);

/**
 * Sends the application form as a browser without JavaScript does: GET the server-rendered
 * form (/jobs/<slug>/apply), keep its hidden fields, POST it as multipart. Returns the time the
 * POST took and where it was sent on (the thank-you page).
 * @param {string} base @param {string} slug @param {{ email: string; resume?: Blob; headers?: Record<string, string> }} fields
 */
export async function submitApplication(base, slug, fields) {
  const html = await (await fetch(`${base}/jobs/${slug}/apply`, { headers: fields.headers })).text();
  const form = new FormData();
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/>/g)) form.set(unescape(m[1] ?? ""), unescape(m[2] ?? ""));
  form.set("firstName", "Bench");
  form.set("lastName", "Mark");
  form.set("email", fields.email);
  if (fields.resume) form.set("resume", fields.resume, "resume.pdf");
  const started = performance.now();
  // A browser sends its Origin with a form post; Next.js checks it against the host.
  const res = await fetch(`${base}/jobs/${slug}/apply`, { method: "POST", body: form, redirect: "manual", headers: { Origin: base, ...fields.headers } });
  const ms = performance.now() - started;
  const text = await res.text();
  // When the form comes back instead of the thank-you page, what it says.
  const problem = res.status === 303 ? "" : (/data-testid="apply-summary"[^>]*>([\s\S]*?)<\/div>/.exec(text)?.[1] ?? "").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();
  return { ms, status: res.status, location: res.headers.get("location") ?? "", problem };
}

/** A PDF of `bytes` bytes. @param {number} bytes @param {string} tag */
export function pdfOf(bytes, tag) {
  const head = Buffer.from(`%PDF-1.4\n% ${tag}\n`);
  return new Blob([new Uint8Array(Buffer.concat([head, Buffer.alloc(Math.max(0, bytes - head.length), 0x20)]))], { type: "application/pdf" });
}

/**
 * Lighthouse (mobile, default throttling) for a URL, with the machine's Chromium.
 * @param {string} url @param {string | undefined} chrome
 */
export function lighthouse(url, chrome) {
  const out = join(root, ".next", `lighthouse-${Date.now()}.json`);
  const flags = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run --disable-quic";
  const run = spawnSync(
    process.execPath,
    [join(root, "node_modules", "lighthouse", "cli", "index.js"), url, "--quiet", `--chrome-flags=${flags}`, "--output=json", `--output-path=${out}`, "--only-categories=performance,accessibility,best-practices,seo"],
    { env: { ...process.env, ...(chrome ? { CHROME_PATH: chrome } : {}) }, encoding: "utf8", timeout: 180_000 },
  );
  if (run.status !== 0) throw new Error(`lighthouse failed: ${(run.stderr || "").trim().split("\n").pop()}`);
  const report = JSON.parse(readFileSync(out, "utf8"));
  /** @type {Record<string, number>} */
  const scores = {};
  for (const [key, category] of Object.entries(report.categories)) scores[key] = Math.round(/** @type {{ score: number }} */ (category).score * 100);
  const audit = (/** @type {string} */ id) => report.audits[id]?.displayValue ?? "?";
  const value = (/** @type {string} */ id) => Number(report.audits[id]?.numericValue ?? NaN);
  return {
    scores,
    lcp: audit("largest-contentful-paint"),
    tbt: audit("total-blocking-time"),
    cls: audit("cumulative-layout-shift"),
    lcpMs: value("largest-contentful-paint"),
    tbtMs: value("total-blocking-time"),
  };
}

/**
 * Lighthouse `runs` times on one URL (the score moves with the machine's load): the run with
 * the median performance score, and each category's median.
 * @param {string} url @param {string | undefined} chrome
 */
export function lighthouseMedian(url, chrome, runs = 3) {
  const all = Array.from({ length: runs }, () => lighthouse(url, chrome));
  const median = (/** @type {number[]} */ xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  const middle = [...all].sort((a, b) => (a.scores.performance ?? 0) - (b.scores.performance ?? 0))[Math.floor(runs / 2)] ?? all[0];
  /** @type {Record<string, number>} */
  const scores = {};
  for (const key of Object.keys(all[0]?.scores ?? {})) scores[key] = median(all.map((r) => r.scores[key] ?? 0));
  return { scores, runs: all.map((r) => r.scores.performance ?? 0), tbtMs: median(all.map((r) => r.tbtMs)), lcpMs: median(all.map((r) => r.lcpMs)), cls: middle?.cls ?? "?" };
}
