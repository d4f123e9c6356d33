// @ts-check
// Starts the site: the standalone Next.js build (or `next dev` with --dev) behind a small
// HTTP front that does what must happen before a body is read: it sets the client address the
// app may trust, admits each body by its route's rule (size, type, the applications' rate
// limit: asked of the app, lib/front/admission.ts) and reads no more of it than allowed, counts
// uploads in flight and cuts off ones too slow to be real (scripts/upload-gate.mjs), and asks the
// app's public gate before a page is rendered (a 503 while no job list was ever loaded).
// `npm start` runs this. PORT and HOSTNAME choose where it listens.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { badRequest, firstBytes, frontPage, methodAnswer, pathProblem, readBodyWithin, routerStateProblem } from "./request-hygiene.mjs";
import { createUploadGate, refusal, watchUpload } from "./upload-gate.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dev = process.argv.includes("--dev");

// A .env in the working directory, as `next start` would read it; real env vars win.
const envFile = resolve(process.env.ENV_FILE ?? ".env");
if (existsSync(envFile)) process.loadEnvFile(envFile);
// Resolve DATA_DIR before the standalone server changes directory.
process.env.DATA_DIR = resolve(process.env.DATA_DIR || "./data");

const port = Number.parseInt(process.env.PORT ?? "", 10) || 3000;
const hostname = process.env.HOSTNAME || "0.0.0.0";
// How many proxies in front of this server add to X-Forwarded-For: the client is the address the
// outermost of them received the request from (TRUST_PROXY=true is one hop).
const trustedHops =
  Number.parseInt(process.env.TRUST_PROXY_HOPS ?? "", 10) || (["1", "true", "yes"].includes(String(process.env.TRUST_PROXY ?? "").toLowerCase()) ? 1 : 0);
// On HTTPS, browsers are told to use nothing else for a year (HSTS).
const hsts = /^https:\/\//i.test(process.env.SITE_URL ?? "") ? "max-age=31536000; includeSubDomains" : null;
const MiB = 1024 * 1024;
const ceilingMiB = Number(process.env.UPLOADS_IN_FLIGHT_MAX_MB || 160);
// An upload must average this much after its first seconds, or it is cut off (slow-loris).
const minKbps = Number(process.env.UPLOAD_MIN_KBPS || 8);
const graceMs = 10_000;
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
    const require = createRequire(join(root, "package.json"));
    return { next: require("next"), dir: root, config: undefined };
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
  return { next: require("next"), dir: standalone, config };
}

const { next, dir, config } = loadNext();
const gate = createUploadGate({ ceilingBytes: ceilingMiB * MiB, waitMs: queueSeconds * 1000 });

/** The app's hooks (lib/front/hooks.ts), registered when it starts. @returns {import("../lib/front/hooks").FrontHooks} */
const hooks = () => /** @type {{ [key: symbol]: import("../lib/front/hooks").FrontHooks | undefined }} */ (/** @type {unknown} */ (globalThis))[Symbol.for("careers.front-hooks")] ?? { shutdown: [] };

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
 * After answering early, what is left of a body is read and thrown away for a little while (a
 * client still sending would otherwise get a reset that loses the answer), then the connection
 * is closed: nobody's 400 MB is read for nothing.
 */
const LINGER_BYTES = 16 * 1024 * 1024;
const LINGER_MS = 2_000;

/**
 * Answers a request here, before Next.js, and closes the connection after a short linger.
 * @param {import("node:http").IncomingMessage} req @param {import("node:http").ServerResponse} res
 * @param {{ status: number; headers: Record<string, string>; body: string }} answer
 */
function answerHere(req, res, answer) {
  if (!res.headersSent) {
    // No "Connection: close": Node would then reset the connection as soon as the answer is
    // out, and a client still sending would lose the answer with it. linger() closes it.
    res.writeHead(answer.status, answer.headers);
    res.end(req.method === "HEAD" ? undefined : answer.body);
  }
  linger(req);
}

/** Reads what is left of a body and drops it, up to LINGER_BYTES or LINGER_MS, then closes. @param {import("node:http").IncomingMessage} req */
function linger(req) {
  if (req.complete) return;
  let drained = 0;
  const close = () => req.socket.destroy();
  const timer = setTimeout(close, LINGER_MS);
  timer.unref();
  req.on("data", (/** @type {Buffer} */ chunk) => {
    drained += chunk.length;
    if (drained > LINGER_BYTES) close();
  });
  req.on("end", () => clearTimeout(timer));
  req.resume();
}

/** Form posts (not uploads) in flight per client key, and how many one client may have. */
const FORMS_PER_CLIENT = 6;
/** @type {Map<string, number>} */
const formsInFlight = new Map();

/** @param {boolean} fromScript */
function tooManyAtOnce(fromScript) {
  const text = "Too many forms are being sent from your connection at once. Please wait a moment and send yours again.";
  if (fromScript) return { status: 429, headers: { "content-type": "text/plain", "retry-after": "5", "cache-control": "no-store" }, body: text };
  return { status: 429, headers: { "content-type": "text/html; charset=utf-8", "retry-after": "5", "cache-control": "no-store" }, body: frontPage("One moment, please", [text]) };
}

/** @param {import("node:http").IncomingMessage} req */
function hasBody(req) {
  const length = Number.parseInt(String(req.headers["content-length"] ?? ""), 10);
  return (Number.isFinite(length) && length > 0) || req.headers["transfer-encoding"] !== undefined;
}

/** @param {import("node:http").IncomingMessage} req */
function clientAddress(req) {
  const socket = req.socket.remoteAddress || "unknown";
  if (!trustedHops) return socket;
  const forwarded = String(req.headers["x-forwarded-for"] ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  return forwarded.at(-trustedHops) ?? forwarded[0] ?? socket;
}

/** @param {import("node:http").IncomingMessage} req @param {import("node:http").ServerResponse} res */
function serve(req, res) {
  if (hsts) res.setHeader("Strict-Transport-Security", hsts);
  const fromScript = Boolean(req.headers["next-action"]);
  const url = req.url ?? "/";
  const badPath = pathProblem(url);
  if (badPath) return answerHere(req, res, badRequest(badPath, fromScript));
  const [pathname = "/", query] = url.split("?");
  const otherMethod = methodAnswer(req.method ?? "GET", pathname);
  if (otherMethod) return answerHere(req, res, otherMethod);
  const badState = routerStateProblem(req.headers["next-router-state-tree"]);
  if (badState) return answerHere(req, res, badRequest(badState, true));
  // The only client address the app trusts (lib/client-ip.ts).
  const client = clientAddress(req);
  req.headers["x-careers-client-ip"] = client;
  if (!hasBody(req)) return route(req, res);
  admitBody(req, res, { method: req.method ?? "POST", pathname, search: query === undefined ? "" : `?${query}`, headers: req.headers, client }).catch((error) => {
    // A connection cut (by the client, or by the upload watch) mid-body is no server error.
    if (req.socket.destroyed) return;
    logLine("error", "body admission failed", { path: pathname, err: error instanceof Error ? error.message : String(error) });
    if (!res.headersSent) answerHere(req, res, refusal("busy", fromScript));
  });
}

/**
 * A body is read only as far as its route allows, and an upload only while there is room for it
 * and it keeps moving; then its framing is checked, then Next.js gets it, whole and untouched.
 * @param {import("node:http").IncomingMessage} req @param {import("node:http").ServerResponse} res
 * @param {import("../lib/front/hooks").FrontRequest} request
 */
async function admitBody(req, res, request) {
  const fromScript = Boolean(req.headers["next-action"]);
  const app = hooks();
  // Before the app has registered its rules (never, once started), only small bodies pass.
  const admission = app.admitBody ? await app.admitBody(request) : { kind: /** @type {const} */ ("read"), maxBytes: 64 * 1024, clientKey: request.client };
  if (admission.kind === "refuse") {
    logLine("warn", "request body refused", { path: request.pathname, reason: admission.reason, status: admission.answer.status });
    return answerHere(req, res, admission.answer);
  }
  if (admission.kind === "stream") {
    // A route handler reads its body itself (through its cap); a chunked one that runs past the
    // cap has its connection cut here.
    if (req.headers["content-length"] === undefined) {
      watchUpload(req, { maxBytes: admission.maxBytes, minBytesPerSecond: 0, graceMs: 0, everyMs: 200, onViolation: () => req.socket.destroy() });
    }
    return route(req, res);
  }
  // A page's forms: a few at a time per client, so one address cannot queue hundreds of posts
  // (each renders a page) in front of everyone else.
  if (admission.kind === "read") {
    const held = formsInFlight.get(admission.clientKey) ?? 0;
    if (held >= FORMS_PER_CLIENT) {
      logLine("warn", "form post refused: too many at once from one client", { path: request.pathname });
      return answerHere(req, res, tooManyAtOnce(fromScript));
    }
    formsInFlight.set(admission.clientKey, held + 1);
    res.once("close", () => {
      const left = (formsInFlight.get(admission.clientKey) ?? 1) - 1;
      if (left > 0) formsInFlight.set(admission.clientKey, left);
      else formsInFlight.delete(admission.clientKey);
    });
  }
  /** @type {Buffer | null} */
  let body = null;
  /** @type {Buffer} */
  let start = Buffer.alloc(0);
  if (admission.kind === "upload") {
    const declared = Number.parseInt(String(req.headers["content-length"] ?? ""), 10);
    const passed = await gate.admit(Number.isFinite(declared) ? declared : admission.maxBytes, admission.clientKey, admission.maxBytes);
    if (passed.outcome !== "pass") {
      logLine("warn", "upload refused", { outcome: passed.outcome, path: request.pathname, ...gate.stats() });
      return answerHere(req, res, refusal(passed.outcome, fromScript));
    }
    res.on("close", passed.release);
    watchUpload(req, {
      maxBytes: admission.maxBytes,
      minBytesPerSecond: minKbps * 1024,
      graceMs,
      onViolation(why) {
        gate.noteCutOff();
        logLine("warn", "upload cut off", { why, path: request.pathname, ...gate.stats() });
        if (!res.headersSent) {
          const answer = refusal(why, fromScript);
          res.writeHead(answer.status, { ...answer.headers, connection: "close" });
          res.end(answer.body);
        }
        req.socket.destroy();
        passed.release();
      },
    });
    start = await firstBytes(req, 80);
  } else {
    body = await readBodyWithin(req, admission.maxBytes);
    if (body === null) {
      logLine("warn", "request body over its route's cap", { path: request.pathname, maxBytes: admission.maxBytes });
      return answerHere(req, res, refusal("too-large", fromScript));
    }
    start = body;
  }
  const problem = app.bodyProblem ? await app.bodyProblem({ method: request.method, headers: req.headers, body, start }) : null;
  if (problem) {
    logLine("info", "malformed request refused", { path: request.pathname, reason: problem });
    return answerHere(req, res, badRequest(problem, fromScript));
  }
  route(req, res);
}

/**
 * Whatever answers, two rules hold for every response this server sends: an HTML page carries a
 * Content-Security-Policy (the app's, or else this origin's scripts only), and a redirect is
 * never stored by a shared cache. Node sends headers through writeHead, also when the app only
 * called setHeader, so the rules are applied there.
 * @param {import("node:http").ServerResponse} res
 */
function guardAnswer(res) {
  const writeHead = res.writeHead;
  /** @type {(...args: unknown[]) => import("node:http").ServerResponse} */
  const guarded = function (/** @type {unknown[]} */ ...args) {
    const status = Number(args[0]);
    const at = typeof args[1] === "string" ? 2 : 1;
    const given = args[at];
    /** @param {string} name */
    const headerOf = (name) => {
      if (given && typeof given === "object" && !Array.isArray(given)) {
        const key = Object.keys(given).find((k) => k.toLowerCase() === name);
        if (key) return String(/** @type {Record<string, unknown>} */ (given)[key]);
      }
      if (Array.isArray(given)) {
        for (let i = 0; i < given.length; i += 2) if (String(given[i]).toLowerCase() === name) return String(given[i + 1]);
      }
      const own = res.getHeader(name);
      return own === undefined ? undefined : String(own);
    };
    /** @param {string} name @param {string} value */
    const put = (name, value) => {
      if (given && typeof given === "object" && !Array.isArray(given)) {
        const record = /** @type {Record<string, unknown>} */ (given);
        for (const key of Object.keys(record)) if (key.toLowerCase() === name) delete record[key];
        record[name] = value;
      } else if (Array.isArray(given)) {
        for (let i = given.length - 2; i >= 0; i -= 2) if (String(given[i]).toLowerCase() === name) given.splice(i, 2);
        given.push(name, value);
      } else res.setHeader(name, value);
    };
    if (status >= 300 && status < 400 && status !== 304) put("cache-control", "private, no-store");
    const policy = hooks().fallbackPolicy;
    if (policy && /^text\/html/i.test(headerOf("content-type") ?? "") && !headerOf("content-security-policy")) put("content-security-policy", policy);
    return writeHead.apply(res, /** @type {Parameters<typeof writeHead>} */ (args));
  };
  res.writeHead = /** @type {typeof res.writeHead} */ (guarded);
}

/** To Next.js, through the public gate for GETs. @param {import("node:http").IncomingMessage} req @param {import("node:http").ServerResponse} res */
function route(req, res) {
  guardAnswer(res);
  if (req.method === "GET" || req.method === "HEAD") {
    const [pathname = "/", query] = (req.url ?? "/").split("?");
    const redirect = hooks().languageEntry?.({ pathname, search: query === undefined ? "" : `?${query}`, headers: req.headers });
    if (redirect) {
      res.writeHead(redirect.status, redirect.headers);
      res.end(req.method === "HEAD" ? undefined : redirect.body);
      return;
    }
  }
  // Every method: a form posted to a job page while no job list was ever loaded gets the 503 too.
  const pending = hooks().publicGate?.((req.url ?? "/").split("?")[0] ?? "/") ?? null;
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
    const closed = new Promise((resolve) => server.close(() => resolve(undefined)));
    void Promise.allSettled([closed, ...hooks().shutdown.map((hook) => hook())]).then(() => process.exit(0));
  });
}
