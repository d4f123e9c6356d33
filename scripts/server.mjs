// @ts-check
// Starts the site: the standalone Next.js build (or `next dev` with --dev) behind a thin HTTP
// front that does only what needs the socket or must happen before a body is read:
//   - the client's address (TRUST_PROXY_HOPS), and a 400 for a path or router state Next
//     could not read (lib/next-adapter.mjs knows Next's shapes);
//   - the app's front door (lib/site/front-door.ts): other methods at read-only handlers, the
//     first-visit language redirect, the 503 gate, a removed job's 410 (served by another path
//     with another status), decided from the route table (lib/routes.ts);
//   - each body admitted by its route's rule before a byte is read (./body-admission.mjs), and
//     uploads counted in flight (./upload-gate.mjs);
//   - HSTS on HTTPS, a script policy on any HTML answer and no shared redirects (guardAnswer).
// The app's side of the contract is typed in lib/front/hooks.ts. Nothing is held at start: the
// front asks /api/ready at once (Next runs instrumentation's register() before it handles a
// first request), and until start-up is done every other request gets a 503 that says so; a
// load balancer waits for /api/ready's 204.
// `npm start` runs this. PORT and HOSTNAME choose where it listens.
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadStandalone, routerStateProblem } from "../lib/next-adapter.mjs";
import { peekProcessSingleton } from "../lib/process-state.mjs";
import { answerHere, createBodyAdmission, hasBody } from "./body-admission.mjs";
import { badRequest, clientAddress, frontPage, guardAnswer, pathProblem } from "./request-hygiene.mjs";
import { createUploadGate, refusal } from "./upload-gate.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dev = process.argv.includes("--dev");

// A .env in the working directory, as `next start` would read it; real env vars win.
const envFile = resolve(process.env.ENV_FILE ?? ".env");
if (existsSync(envFile)) process.loadEnvFile(envFile);
// Resolve DATA_DIR before the standalone server changes directory.
process.env.DATA_DIR = resolve(process.env.DATA_DIR || "./data");

const port = Number.parseInt(process.env.PORT ?? "", 10) || 3000;
const hostname = process.env.HOSTNAME || "0.0.0.0";
// How many proxies in front of this server add to X-Forwarded-For (TRUST_PROXY=true is one).
const trustedHops =
  Number.parseInt(process.env.TRUST_PROXY_HOPS ?? "", 10) || (["1", "true", "yes"].includes(String(process.env.TRUST_PROXY ?? "").toLowerCase()) ? 1 : 0);
// On HTTPS, browsers are told to use nothing else for a year (HSTS).
const hsts = /^https:\/\//i.test(process.env.SITE_URL ?? "") ? "max-age=31536000; includeSubDomains" : null;
const MiB = 1024 * 1024;
const ceilingMiB = Number(process.env.UPLOADS_IN_FLIGHT_MAX_MB || 160);
// An upload must average this much after its first seconds, or it is cut off (slow-loris).
const minKbps = Number(process.env.UPLOAD_MIN_KBPS || 8);
// How long an upload that does not fit waits for room before it is answered "busy".
const queueSeconds = Number(process.env.UPLOAD_QUEUE_SECONDS ?? 30);
if (!Number.isFinite(ceilingMiB) || ceilingMiB <= 0 || !Number.isFinite(minKbps) || minKbps < 0 || !Number.isFinite(queueSeconds) || queueSeconds < 0) {
  process.stderr.write("Invalid configuration:\n  - UPLOADS_IN_FLIGHT_MAX_MB must be a positive number, UPLOAD_MIN_KBPS and UPLOAD_QUEUE_SECONDS zero or more\nSee .env.example.\n");
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
    return { next: createRequire(join(root, "package.json"))("next"), dir: root, config: undefined };
  }
  setNodeEnv("production");
  const standalone = loadStandalone(root);
  if (!standalone) {
    process.stderr.write("No production build found. Run `npm run build` first (or `npm run demo`).\n");
    process.exit(1);
  }
  return standalone;
}

const { next, dir, config } = loadNext();
/** The app's hooks (lib/front/hooks.ts), registered when it starts. @returns {import("../lib/front/hooks").FrontHooks} */
const hooks = () => peekProcessSingleton("front-hooks") ?? { shutdown: [] };
const app = next({ dev, dir, hostname, port, conf: config });
const handle = app.getRequestHandler();
await app.prepare();

const admitBody = createBodyAdmission({
  gate: createUploadGate({ ceilingBytes: ceilingMiB * MiB, waitMs: queueSeconds * 1000 }),
  hooks,
  log: logLine,
  minBytesPerSecond: minKbps * 1024,
  graceMs: 10_000,
});

/** The answer while the app is starting (a second or two after launch). @param {boolean} fromScript */
function starting(fromScript) {
  const text = "The site is starting. Please try again in a moment.";
  const headers = { "retry-after": "1", "cache-control": "no-store" };
  if (fromScript) return { status: 503, headers: { ...headers, "content-type": "text/plain" }, body: text };
  return { status: 503, headers: { ...headers, "content-type": "text/html; charset=utf-8" }, body: frontPage("Starting", [text]) };
}

/** @param {import("node:http").IncomingMessage} req @param {import("node:http").ServerResponse} res */
function serve(req, res) {
  if (hsts) res.setHeader("Strict-Transport-Security", hsts);
  guardAnswer(res, () => hooks().fallbackPolicy);
  const fromScript = Boolean(req.headers["next-action"]);
  const url = req.url ?? "/";
  const badPath = pathProblem(url);
  if (badPath) return answerHere(req, res, badRequest(badPath, fromScript));
  const badState = routerStateProblem(req.headers["next-router-state-tree"]);
  if (badState) return answerHere(req, res, badRequest(badState, true));
  const [pathname = "/", query] = url.split("?");
  // Not started yet: say so (the decisions below need the app), except to the readiness probe.
  if (hooks().startedAt === undefined && pathname !== "/api/ready") return answerHere(req, res, starting(fromScript));
  // The only client address the app trusts (lib/client-ip.ts).
  const client = clientAddress(req, trustedHops);
  req.headers["x-careers-client-ip"] = client;
  const request = { method: req.method ?? "GET", pathname, search: query === undefined ? "" : `?${query}`, headers: req.headers, client };
  const go = () => (hasBody(req) ? admitBody(req, res, request, () => handle(req, res)) : handle(req, res));
  const fail = (/** @type {unknown} */ error) => {
    // A connection cut (by the client, or by the upload watch) mid-body is no server error.
    if (req.socket.destroyed) return;
    logLine("error", "request failed in the front", { path: pathname, err: error instanceof Error ? error.message : String(error) });
    if (!res.headersSent) answerHere(req, res, refusal("busy", fromScript));
  };
  /** @param {import("../lib/front/hooks").PlainAnswer | import("../lib/front/hooks").Reroute | null} answer */
  const follow = (answer) => {
    if (answer === null) return go();
    if (!("rewrite" in answer)) return answerHere(req, res, answer);
    // Served as that path, with that status in place of Next's 2xx.
    req.url = `${answer.rewrite}${query === undefined ? "" : `?${query}`}`;
    withStatus(res, answer.status);
    return go();
  };
  const decided = hooks().decide?.(request) ?? null;
  if (decided === null || !("then" in decided)) return void Promise.resolve(follow(decided)).catch(fail);
  decided.then(follow).catch(fail);
}

/** Sends `status` instead of any 2xx the app answers with (an error stays as it is). @param {import("node:http").ServerResponse} res @param {number} status */
function withStatus(res, status) {
  const writeHead = res.writeHead;
  /** @type {(...args: unknown[]) => import("node:http").ServerResponse} */
  const replaced = function (/** @type {unknown[]} */ ...args) {
    const given = Number(args[0]);
    if (given >= 200 && given < 300) args[0] = status;
    return writeHead.apply(res, /** @type {Parameters<typeof writeHead>} */ (args));
  };
  res.writeHead = /** @type {typeof res.writeHead} */ (replaced);
}

const server = createServer(serve);
server.keepAliveTimeout = Number.parseInt(process.env.KEEP_ALIVE_TIMEOUT ?? "", 10) || 65_000;
server.listen(port, hostname, () => {
  logLine("info", "listening", { url: `http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`, dev });
  // Start the app now rather than on a visitor's request: its first request runs register().
  const address = /** @type {import("node:net").AddressInfo} */ (server.address());
  const host = address.family === "IPv6" ? `[${address.address === "::" ? "::1" : address.address}]` : address.address === "0.0.0.0" ? "127.0.0.1" : address.address;
  fetch(`http://${host}:${address.port}/api/ready`).then(
    (res) => res.arrayBuffer(),
    (error) => logLine("warn", "start-up request failed", { err: error instanceof Error ? error.message : String(error) }),
  );
});

// On a stop: no new connections, the app's own hooks (lib/shutdown.ts: e.g. writing the
// insight counts still in memory), then exit once both are done, or after 5 s whatever happens.
for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM"])) {
  process.once(signal, () => {
    setTimeout(() => process.exit(0), 5_000).unref();
    const closed = new Promise((resolve) => server.close(() => resolve(undefined)));
    void Promise.allSettled([closed, ...hooks().shutdown.map((hook) => hook())]).then(() => process.exit(0));
  });
}
