// @ts-check
// Starts the site: the standalone Next.js build (or `next dev` with --dev) behind a small
// HTTP front that caps upload bodies in flight and sets the client IP the app may trust.
// `npm start` runs this. PORT and HOSTNAME choose where it listens.
import { AsyncLocalStorage } from "node:async_hooks";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
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

// Lets the app pick a response status from a layout (see lib/request-context.ts).
/** @type {AsyncLocalStorage<{ status?: number }>} */
const requestContext = new AsyncLocalStorage();
Object.assign(globalThis, { [Symbol.for("careers.request-context")]: requestContext });

/**
 * Applies a status the app asked for, replacing a 200 only (never a redirect or an error).
 * @param {import("node:http").ServerResponse} res
 * @param {{ status?: number }} context
 */
function honourRequestedStatus(res, context) {
  const writeHead = /** @type {(status: number, ...rest: unknown[]) => typeof res} */ (res.writeHead.bind(res));
  res.writeHead = /** @type {typeof res.writeHead} */ (
    (/** @type {number} */ status, /** @type {unknown[]} */ ...rest) =>
      writeHead(status === 200 && context.status ? context.status : status, ...rest)
  );
}

const app = next({ dev, dir, hostname, port, conf: config });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  // The only client address the app trusts: the socket's, or the proxy's last hop.
  const forwarded = String(req.headers["x-forwarded-for"] ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  req.headers["x-careers-client-ip"] = (trustProxy && forwarded.at(-1)) || req.socket.remoteAddress || "unknown";

  if (isGuardedRequest(req)) {
    const admission = gate.admit(Number.parseInt(String(req.headers["content-length"] ?? ""), 10));
    if (admission.outcome !== "pass") {
      const answer = refusal(admission.outcome, Boolean(req.headers["next-action"]));
      logLine("warn", "request body refused", { outcome: admission.outcome, path: (req.url ?? "").split("?")[0], ...gate.stats() });
      res.writeHead(answer.status, { ...answer.headers, connection: "close" });
      res.end(answer.body);
      req.resume();
      return;
    }
    res.on("close", admission.release);
  }
  /** @type {{ status?: number }} */
  const context = {};
  honourRequestedStatus(res, context);
  requestContext.run(context, () => handle(req, res));
});
server.keepAliveTimeout = Number.parseInt(process.env.KEEP_ALIVE_TIMEOUT ?? "", 10) || 65_000;
server.listen(port, hostname, () => {
  logLine("info", "listening", { url: `http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`, dev });
});

for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM"])) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
