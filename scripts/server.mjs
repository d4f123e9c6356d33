// @ts-check
// Starts the site: the standalone Next.js build (or `next dev` with --dev) behind a small
// HTTP front that caps upload bodies in flight, sets the client IP the app may trust, and asks
// the app's public gate before a page is rendered (a 503 while no job list was ever loaded).
// `npm start` runs this. PORT and HOSTNAME choose where it listens.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { badRequest, bodyProblem, dropBadRouterState, methodAnswer, pathProblem } from "./request-hygiene.mjs";
import { createUploadGate, isGuardedRequest, refusal } from "./upload-gate.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dev = process.argv.includes("--dev");

// A .env in the working directory, as `next start` would read it; real env vars win.
const envFile = resolve(process.env.ENV_FILE ?? ".env");
if (existsSync(envFile)) process.loadEnvFile(envFile);
// Resolve DATA_DIR before the standalone server changes directory.
process.env.DATA_DIR = resolve(process.env.DATA_DIR || "./data");

const port = Number.parseInt(process.env.PORT ?? "", 10) || 3000;
const hostname = process.env.HOSTNAME || "0.0.0.0";
const trustProxy = ["1", "true", "yes"].includes(String(process.env.TRUST_PROXY ?? "").toLowerCase());
// On HTTPS, browsers are told to use nothing else for a year (HSTS).
const hsts = /^https:\/\//i.test(process.env.SITE_URL ?? "") ? "max-age=31536000; includeSubDomains" : null;
const MiB = 1024 * 1024;
const ceilingMiB = Number(process.env.UPLOADS_IN_FLIGHT_MAX_MB || 160);
if (!Number.isFinite(ceilingMiB) || ceilingMiB <= 0) {
  process.stderr.write("Invalid configuration:\n  - UPLOADS_IN_FLIGHT_MAX_MB must be a positive number\nSee .env.example.\n");
  process.exit(1);
}

/** @param {"info" | "warn" | "error"} level @param {string} msg @param {Record<string, unknown>} fields */
function logLine(level, msg, fields = {}) {
  process.stdout.write(`${JSON.stringify({ level, time: new Date().toISOString(), service: "careers-site", module: "http", msg, ...fields })}\n`);
}

/** @param {string} value */
function setNodeEnv(value) {
  /** @type {Record<string, string | undefined>} */ (process.env).NODE_ENV = value;
}

function loadNext() {
  if (dev) {
    setNodeEnv("development");
    const require = createRequire(join(root, "package.json"));
    return { next: require("next"), require, dir: root, config: undefined };
  }
  const standalone = join(root, ".next", "standalone");
  const serverFiles = join(standalone, ".next", "required-server-files.json");
  if (!existsSync(serverFiles)) {
    process.stderr.write("No production build found. Run `npm run build` first (or `npm run demo`).\n");
    process.exit(1);
  }
  setNodeEnv("production");
  const { config } = JSON.parse(readFileSync(serverFiles, "utf8"));
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);
  process.chdir(standalone);
  const require = createRequire(join(standalone, "server.js"));
  return { next: require("next"), require, dir: standalone, config };
}

const { next, require, dir, config } = loadNext();
// The body limit is next.config.ts's serverActions.bodySizeLimit, read from Next itself:
// the build's config in production, Next's own loader with --dev.
const nextConfig = config ?? (await require("next/dist/server/config").default("phase-development-server", root));
const bodySizeLimit = nextConfig.experimental?.serverActions?.bodySizeLimit ?? "1mb";
/** @type {number} */
const bodyLimitBytes = typeof bodySizeLimit === "number" ? bodySizeLimit : require("next/dist/compiled/bytes").parse(bodySizeLimit);
const gate = createUploadGate({ ceilingBytes: ceilingMiB * MiB, bodyLimitBytes });
// The multipart parser Next.js itself uses for action bodies (scripts/request-hygiene.mjs).
/** @type {(options: object) => import("node:stream").Writable} */
const busboy = require("next/dist/compiled/busboy");

/**
 * The app's gate for public pages (lib/jobs/gate.ts, registered at start): null to go on to
 * Next.js, or a promise of an answer to send instead (a 503 while no job list was ever loaded).
 * @typedef {{ status: number; headers: Record<string, string>; body: string }} GateAnswer
 * @typedef {(pathname: string) => Promise<GateAnswer | null> | null} Gate
 */
const publicGate = () => /** @type {{ [key: symbol]: Gate | undefined }} */ (/** @type {unknown} */ (globalThis))[Symbol.for("careers.public-gate")];

/**
 * The app's first-visit language redirect (lib/i18n/entry.ts, registered at start): null, or
 * a 307 to the visitor's language.
 * @typedef {(request: { pathname: string; search: string; headers: import("node:http").IncomingHttpHeaders }) => GateAnswer | null} LanguageEntry
 */
const languageEntry = () => /** @type {{ [key: symbol]: LanguageEntry | undefined }} */ (/** @type {unknown} */ (globalThis))[Symbol.for("careers.language-entry")];

const app = next({ dev, dir, hostname, port, conf: config });
const handle = app.getRequestHandler();
await app.prepare();

/**
 * Requests are held until the app has started: Next.js runs instrumentation's register()
 * (migrations, the outbox worker, the public gate) before it handles its first request, so the
 * server sends itself one request (GET /api/ready) and lets the world in once it is answered.
 * Without this, a visitor's first request could race the start and miss the public gate.
 */
const startupKey = randomBytes(16).toString("hex");
/** @type {Array<() => void>} */
let held = [];
let started = false;
function startupDone() {
  started = true;
  for (const release of held) release();
  held = [];
}

const server = createServer((req, res) => {
  if (req.headers["x-careers-startup"] === startupKey) {
    delete req.headers["x-careers-startup"];
    handle(req, res);
    return;
  }
  if (!started) {
    held.push(() => serve(req, res));
    return;
  }
  serve(req, res);
});

/**
 * Answers a request here, before Next.js, and drains what is left of its body.
 * @param {import("node:http").IncomingMessage} req @param {import("node:http").ServerResponse} res
 * @param {{ status: number; headers: Record<string, string>; body: string }} answer
 */
function answerHere(req, res, answer) {
  res.writeHead(answer.status, { ...answer.headers, connection: "close" });
  res.end(req.method === "HEAD" ? undefined : answer.body);
  req.resume();
}

/** @param {import("node:http").IncomingMessage} req @param {import("node:http").ServerResponse} res */
function serve(req, res) {
  if (hsts) res.setHeader("Strict-Transport-Security", hsts);
  const badPath = pathProblem(req.url ?? "/");
  if (badPath) return answerHere(req, res, badRequest(badPath, Boolean(req.headers["next-action"])));
  const otherMethod = methodAnswer(req.method ?? "GET", (req.url ?? "/").split("?")[0] ?? "/");
  if (otherMethod) return answerHere(req, res, otherMethod);
  dropBadRouterState(req);
  // The only client address the app trusts: the socket's, or the proxy's last hop.
  const forwarded = String(req.headers["x-forwarded-for"] ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  req.headers["x-careers-client-ip"] = (trustProxy && forwarded.at(-1)) || req.socket.remoteAddress || "unknown";

  if (isGuardedRequest(req)) {
    const admission = gate.admit(Number.parseInt(String(req.headers["content-length"] ?? ""), 10));
    if (admission.outcome !== "pass") {
      const answer = refusal(admission.outcome, Boolean(req.headers["next-action"]));
      logLine("warn", "request body refused", { outcome: admission.outcome, path: (req.url ?? "").split("?")[0], ...gate.stats() });
      return answerHere(req, res, answer);
    }
    res.on("close", admission.release);
  }
  if (req.method === "POST" || req.method === "PUT" || req.method === "PATCH") {
    bodyProblem(req, busboy).then(
      (problem) => {
        if (!problem) return route(req, res);
        logLine("info", "malformed request refused", { path: (req.url ?? "").split("?")[0], reason: problem });
        answerHere(req, res, badRequest(problem, Boolean(req.headers["next-action"])));
      },
      () => answerHere(req, res, badRequest("the request's body could not be read", Boolean(req.headers["next-action"]))),
    );
    return;
  }
  route(req, res);
}

/** To Next.js, through the public gate for GETs. @param {import("node:http").IncomingMessage} req @param {import("node:http").ServerResponse} res */
function route(req, res) {
  if (req.method === "GET" || req.method === "HEAD") {
    const [pathname = "/", query] = (req.url ?? "/").split("?");
    const redirect = languageEntry()?.({ pathname, search: query === undefined ? "" : `?${query}`, headers: req.headers });
    if (redirect) {
      res.writeHead(redirect.status, redirect.headers);
      res.end(req.method === "HEAD" ? undefined : redirect.body);
      return;
    }
  }
  const pending = req.method === "GET" || req.method === "HEAD" ? publicGate()?.((req.url ?? "/").split("?")[0] ?? "/") : null;
  if (!pending) {
    handle(req, res);
    return;
  }
  pending.then(
    (answer) => {
      if (!answer) return handle(req, res);
      res.writeHead(answer.status, answer.headers);
      res.end(req.method === "HEAD" ? undefined : answer.body);
    },
    () => handle(req, res),
  );
}
server.keepAliveTimeout = Number.parseInt(process.env.KEEP_ALIVE_TIMEOUT ?? "", 10) || 65_000;
server.listen(port, hostname, async () => {
  logLine("info", "listening", { url: `http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`, dev });
  const address = /** @type {import("node:net").AddressInfo} */ (server.address());
  const host = address.family === "IPv6" ? `[${address.address === "::" ? "::1" : address.address}]` : address.address === "0.0.0.0" ? "127.0.0.1" : address.address;
  try {
    const res = await fetch(`http://${host}:${address.port}/api/ready`, { headers: { "x-careers-startup": startupKey } });
    await res.arrayBuffer();
  } catch (error) {
    logLine("warn", "start-up request failed; serving anyway", { err: error instanceof Error ? error.message : String(error) });
  }
  startupDone();
});

// On a stop: no new connections, the app's own hooks (lib/shutdown.ts: e.g. writing the
// insight counts still in memory), then exit once both are done, or after 5 s whatever happens.
for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM"])) {
  process.once(signal, () => {
    setTimeout(() => process.exit(0), 5_000).unref();
    const hooks = /** @type {Array<() => Promise<unknown>>} */ (/** @type {Record<symbol, unknown>} */ (globalThis)[Symbol.for("careers.shutdown")] ?? []);
    const closed = new Promise((resolve) => server.close(() => resolve(undefined)));
    void Promise.allSettled([closed, ...hooks.map((hook) => hook())]).then(() => process.exit(0));
  });
}
