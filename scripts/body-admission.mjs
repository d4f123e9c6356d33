// @ts-check
// Body admission, before Next.js reads a byte: the app says what the route takes (its rule,
// lib/front/admission.ts, from lib/routes.ts); this reads no more than that, holds a page's form
// posts to a few at a time per client, admits uploads through the gate (./upload-gate.mjs) and
// watches them, has the app check the framing (lib/front/body-checks.ts), then hands the request
// on. What it refuses is answered at once, and the rest of the body lingers briefly unread.
import { badRequest, firstBytes, frontPage, readBodyWithin } from "./request-hygiene.mjs";
import { probe, tally, TALLY } from "../lib/metrics/tally.mjs";
import { refusal, watchUpload } from "./upload-gate.mjs";

/**
 * After answering early, what is left of a body is read and thrown away for a little while (a
 * client still sending would otherwise get a reset that loses the answer), then the connection
 * is closed: nobody's 400 MB is read for nothing.
 */
const LINGER_BYTES = 16 * 1024 * 1024;
const LINGER_MS = 2_000;
/** An upload up to this size is read whole before Next.js sees it, to check its framing. */
const WHOLE_UPLOAD_BYTES = 1024 * 1024;
/** Form posts (not uploads) in flight per client key. */
const FORMS_PER_CLIENT = 6;

/** @typedef {import("node:http").IncomingMessage} Req @typedef {import("node:http").ServerResponse} Res */
/** @typedef {{ status: number; headers: Record<string, string>; body: string | Buffer }} Answer */

/** Reads what is left of a body and drops it, up to LINGER_BYTES or LINGER_MS, then closes. @param {Req} req */
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

/**
 * Answers a request here, before Next.js, and closes the connection after a short linger.
 * @param {Req} req @param {Res} res @param {Answer} answer
 */
export function answerHere(req, res, answer) {
  if (!res.headersSent) {
    // No "Connection: close": Node would then reset the connection as soon as the answer is
    // out, and a client still sending would lose the answer with it. linger() closes it.
    res.writeHead(answer.status, answer.headers);
    res.end(req.method === "HEAD" ? undefined : answer.body);
  }
  linger(req);
}

/**
 * Whether the request goes through the body rules: it has a body, or it is a form post or an
 * action call with an empty one (Next.js would try to parse that and fail with a 500).
 * @param {Req} req
 */
export function hasBody(req) {
  const length = Number.parseInt(String(req.headers["content-length"] ?? ""), 10);
  if ((Number.isFinite(length) && length > 0) || req.headers["transfer-encoding"] !== undefined) return true;
  if (req.method === "GET" || req.method === "HEAD") return false;
  return String(req.headers["content-type"] ?? "").toLowerCase().startsWith("multipart/") || req.headers["next-action"] !== undefined;
}

/** @param {boolean} fromScript @returns {Answer} */
function tooManyAtOnce(fromScript) {
  const text = "Too many forms are being sent from your connection at once. Please wait a moment and send yours again.";
  if (fromScript) return { status: 429, headers: { "content-type": "text/plain", "retry-after": "5", "cache-control": "no-store" }, body: text };
  return { status: 429, headers: { "content-type": "text/html; charset=utf-8", "retry-after": "5", "cache-control": "no-store" }, body: frontPage("One moment, please", [text]) };
}

/**
 * @param {{
 *   gate: ReturnType<typeof import("./upload-gate.mjs").createUploadGate>;
 *   hooks: () => import("../lib/front/hooks").FrontHooks;
 *   log: (level: "info" | "warn" | "error", msg: string, fields?: Record<string, unknown>) => void;
 *   minBytesPerSecond: number;
 *   graceMs: number;
 * }} options
 */
export function createBodyAdmission({ gate, hooks, log, minBytesPerSecond, graceMs }) {
  // What /metrics reports of the gate (lib/metrics): the bytes it holds now, and what it refused.
  probe(TALLY.uploadBytesInFlight, () => gate.stats().inFlight);
  /** @type {Map<string, number>} */
  const formsInFlight = new Map();

  /**
   * Counts an upload (or a part of one) in flight through the gate, and watches it for speed and
   * size; answers it here instead when there is no room or it is too large (then null).
   * @param {Req} req @param {Res} res @param {import("../lib/front/hooks").FrontRequest} request
   * @param {{ maxBytes: number; clientKey: string }} admission @param {boolean} fromScript
   * @returns {Promise<number | null>} the length the request declared (NaN when none)
   */
  async function gated(req, res, request, admission, fromScript) {
    const declared = Number.parseInt(String(req.headers["content-length"] ?? ""), 10);
    const passed = await gate.admit(Number.isFinite(declared) ? declared : admission.maxBytes, admission.clientKey, admission.maxBytes);
    if (passed.outcome !== "pass") {
      log("warn", "upload refused", { outcome: passed.outcome, path: request.pathname, ...gate.stats() });
      tally(TALLY.uploadRefusals, passed.outcome === "busy" ? "busy" : "too_large");
      answerHere(req, res, refusal(passed.outcome, fromScript));
      return null;
    }
    res.on("close", passed.release);
    watchUpload(req, {
      maxBytes: admission.maxBytes,
      minBytesPerSecond,
      graceMs,
      onViolation(why) {
        gate.noteCutOff();
        tally(TALLY.uploadRefusals, why === "slow" ? "slow" : "too_large");
        log("warn", "upload cut off", { why, path: request.pathname, ...gate.stats() });
        if (!res.headersSent) {
          const answer = refusal(why, fromScript);
          res.writeHead(answer.status, { ...answer.headers, connection: "close" });
          res.end(answer.body);
        }
        req.socket.destroy();
        passed.release();
      },
    });
    return declared;
  }

  /**
   * Admits a request's body, then calls `next`; or answers it here.
   * @param {Req} req @param {Res} res @param {import("../lib/front/hooks").FrontRequest} request @param {() => void} next
   */
  return async function admit(req, res, request, next) {
    const fromScript = Boolean(req.headers["next-action"]);
    const app = hooks();
    // Without the app's rules (the front answers nothing before start-up), only small bodies pass.
    const admission = app.admitBody ? await app.admitBody(request) : { kind: /** @type {const} */ ("read"), maxBytes: 64 * 1024, clientKey: request.client };
    if (admission.kind === "refuse") {
      log("warn", "request body refused", { path: request.pathname, reason: admission.reason, status: admission.answer.status });
      return answerHere(req, res, admission.answer);
    }
    if (admission.kind === "stream" && admission.clientKey !== undefined) {
      // A part of a resumable upload (lib/uploads): counted in flight and watched like a posted
      // resume; its route handler reads it as a stream. A part cut off keeps what arrived.
      if ((await gated(req, res, request, { ...admission, clientKey: admission.clientKey }, fromScript)) === null) return;
      return next();
    }
    if (admission.kind === "stream") {
      // A route handler reads its body itself (through its cap); a chunked one that runs past
      // the cap has its connection cut here.
      if (req.headers["content-length"] === undefined) {
        watchUpload(req, { maxBytes: admission.maxBytes, minBytesPerSecond: 0, graceMs: 0, everyMs: 200, onViolation: () => req.socket.destroy() });
      }
      return next();
    }
    // A page's forms: a few at a time per client, so one address cannot queue hundreds of posts
    // (each renders a page) in front of everyone else.
    if (admission.kind === "read") {
      const held = formsInFlight.get(admission.clientKey) ?? 0;
      if (held >= FORMS_PER_CLIENT) {
        log("warn", "form post refused: too many at once from one client", { path: request.pathname });
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
      const declared = await gated(req, res, request, admission, fromScript);
      if (declared === null) return;
      // A small one is read whole and checked like a form (a cut-off body would fail in Next's
      // parser with a 500); a big one by its first bytes, so nothing big is held twice.
      const small = Number.isFinite(declared) && declared <= WHOLE_UPLOAD_BYTES ? await readBodyWithin(req, WHOLE_UPLOAD_BYTES) : null;
      if (small) body = small;
      start = small ?? (await firstBytes(req, 80));
    } else {
      body = await readBodyWithin(req, admission.maxBytes);
      if (body === null) {
        log("warn", "request body over its route's cap", { path: request.pathname, maxBytes: admission.maxBytes });
        return answerHere(req, res, refusal("too-large", fromScript));
      }
      start = body;
    }
    const problem = app.bodyProblem ? await app.bodyProblem({ method: request.method, headers: req.headers, body, start }) : null;
    if (problem) {
      log("info", "malformed request refused", { path: request.pathname, reason: problem });
      return answerHere(req, res, badRequest(problem, fromScript));
    }
    next();
  };
}
