// @ts-check
// Admission control for uploads (applications with their resume), applied before Next.js reads
// them. A server action holds a whole upload in memory (measured at ~6-7x the body size), so the
// bytes in flight are capped (UPLOADS_IN_FLIGHT_MAX_MB), and nobody can hold that cap hostage:
//   - one client (an address, an IPv6 /64: one office behind a NAT, say) holds at most a quarter
//     of the room, or one upload whatever its size when it holds nothing else;
//   - a share is kept for ordinary applications (bodies up to SMALL_UPLOAD_BYTES): large
//     declared bodies can never take all of it;
//   - a request that does not fit waits (nothing of it is read) up to `waitMs`, first come first
//     served, instead of being refused at once;
//   - an upload slower than `minBytesPerSecond` after `graceMs` is cut off (scripts/server.mjs
//     watches the socket), and so is one sending more than it may.
// Over all that, a request is answered with a friendly "try again in a minute".
import { frontPage } from "./request-hygiene.mjs";

/**
 * @typedef {{ ceilingBytes: number; waitMs?: number; smallUploadBytes?: number }} GateOptions
 * @typedef {{ outcome: "pass"; release: () => void } | { outcome: "busy" | "too-large" }} Admission
 * @typedef {{ size: number; client: string; resolve: (admission: Admission) => void; timer: NodeJS.Timeout }} Waiter
 */

/** Ordinary applications: a resume of a few megabytes and the form's text. */
export const SMALL_UPLOAD_BYTES = 4 * 1024 * 1024;

/** @param {GateOptions} options */
export function createUploadGate(options) {
  const waitMs = options.waitMs ?? 30_000;
  const smallBytes = options.smallUploadBytes ?? SMALL_UPLOAD_BYTES;
  // One client's share of the room.
  const perClientBytes = options.ceilingBytes / 4;
  // Large bodies may use the ceiling less this share, so ordinary applications always find room.
  const smallShare = Math.min(options.ceilingBytes / 2, Math.max(options.ceilingBytes / 4, 4 * smallBytes));
  let inFlight = 0;
  let largeInFlight = 0;
  let admitted = 0;
  let refused = 0;
  let cutOff = 0;
  /** @type {Map<string, { count: number; bytes: number }>} */
  const clients = new Map();
  /** @type {Waiter[]} */
  const waiting = [];

  /** @param {number} size @param {string} client */
  function fits(size, client) {
    const mine = clients.get(client) ?? { count: 0, bytes: 0 };
    if (mine.count > 0 && mine.bytes + size > perClientBytes) return false;
    // One request always goes through when nothing else is in flight, so a ceiling set below
    // the body limit cannot refuse every upload forever.
    if (inFlight === 0) return true;
    if (inFlight + size > options.ceilingBytes) return false;
    return size <= smallBytes || largeInFlight + size <= options.ceilingBytes - smallShare;
  }

  /** @param {number} size @param {string} client @returns {Admission} */
  function take(size, client) {
    const large = size > smallBytes;
    inFlight += size;
    if (large) largeInFlight += size;
    const mine = clients.get(client) ?? { count: 0, bytes: 0 };
    mine.count++;
    mine.bytes += size;
    clients.set(client, mine);
    admitted++;
    let released = false;
    return {
      outcome: "pass",
      release() {
        if (released) return;
        released = true;
        inFlight -= size;
        if (large) largeInFlight -= size;
        const entry = clients.get(client);
        if (entry) {
          entry.count--;
          entry.bytes -= size;
          if (entry.count <= 0) clients.delete(client);
        }
        pump();
      },
    };
  }

  /** Lets in, in order of arrival, every waiting request that now fits. */
  function pump() {
    for (let i = 0; i < waiting.length; ) {
      const waiter = /** @type {Waiter} */ (waiting[i]);
      if (!fits(waiter.size, waiter.client)) {
        i++;
        continue;
      }
      waiting.splice(i, 1);
      clearTimeout(waiter.timer);
      waiter.resolve(take(waiter.size, waiter.client));
    }
  }

  return {
    /**
     * @param {number} contentLength bytes announced by the request (NaN when absent: counted at the body limit)
     * @param {string} client the client's key (lib/client-ip.ts)
     * @param {number} limit the route's body limit (lib/routes.ts)
     * @returns {Promise<Admission>}
     */
    admit(contentLength, client, limit) {
      const size = Number.isFinite(contentLength) && contentLength >= 0 ? contentLength : limit;
      if (size > limit) {
        refused++;
        return Promise.resolve({ outcome: "too-large" });
      }
      if (fits(size, client) && waiting.length === 0) return Promise.resolve(take(size, client));
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          const at = waiting.indexOf(waiter);
          if (at >= 0) waiting.splice(at, 1);
          refused++;
          resolve({ outcome: "busy" });
        }, waitMs);
        timer.unref();
        /** @type {Waiter} */
        const waiter = { size, client, resolve, timer };
        waiting.push(waiter);
        pump();
      });
    },
    /** An upload cut off for being too slow (or too long): counted for the logs and the bench. */
    noteCutOff() {
      cutOff++;
    },
    stats() {
      return { inFlight, largeInFlight, waiting: waiting.length, admitted, refused, cutOff };
    },
  };
}

/**
 * Watches an admitted upload's socket: once `graceMs` have passed, it must have averaged at
 * least `minBytesPerSecond`, and it may never send more than `maxBytes` of body. `onViolation`
 * is called once (the caller cuts the connection). Stops when the body is complete or the
 * response is done. Reads nothing itself: the socket's own byte count is enough.
 * @param {import("node:http").IncomingMessage} req
 * @param {{ maxBytes: number; minBytesPerSecond: number; graceMs: number; everyMs?: number; onViolation: (why: "slow" | "too-large") => void }} options
 */
export function watchUpload(req, { maxBytes, minBytesPerSecond, graceMs, everyMs = 1000, onViolation }) {
  const socket = req.socket;
  const start = Date.now();
  const startBytes = socket.bytesRead;
  // Headers were read before this point; what follows is body (plus chunk framing, a little).
  const slack = 64 * 1024;
  const timer = setInterval(() => {
    if (req.complete || socket.destroyed) return stop();
    const received = socket.bytesRead - startBytes;
    if (received > maxBytes + slack) {
      stop();
      return onViolation("too-large");
    }
    const elapsed = Date.now() - start;
    if (elapsed >= graceMs && received < (minBytesPerSecond * elapsed) / 1000) {
      stop();
      onViolation("slow");
    }
  }, everyMs);
  timer.unref();
  const stop = () => clearInterval(timer);
  req.once("end", stop);
  req.once("close", stop);
  return stop;
}

/**
 * The answer to an upload refused or cut off here. Server-action calls from the page's
 * JavaScript get a short status (the form keeps its values and says what happened); plain form
 * posts get a small page that says what to do.
 * @param {"busy" | "too-large" | "slow"} outcome
 * @param {boolean} fromScript
 */
export function refusal(outcome, fromScript) {
  const status = outcome === "busy" ? 503 : outcome === "slow" ? 408 : 413;
  const title = outcome === "busy" ? "We are busy right now" : outcome === "slow" ? "The upload was too slow" : "That upload is too large";
  const text =
    outcome === "busy"
      ? "Many applications are being sent at this moment, and yours was not received. Please try again in a minute."
      : outcome === "slow"
        ? "Your connection sent the form too slowly for us to keep waiting, so it was not received. Please try again, if you can on a faster connection."
        : "The form you sent was larger than we accept (the resume may be at most 50 MB). Please choose a smaller file and send it again.";
  if (fromScript) return { status, headers: { "content-type": "text/plain", "retry-after": "60", "cache-control": "no-store" }, body: text };
  const body = frontPage(title, [text, "Nothing was sent. Use your browser's Back button to return to the form: what you typed is usually still there, but the resume has to be chosen again."]);
  return { status, headers: { "content-type": "text/html; charset=utf-8", "retry-after": "60", "cache-control": "no-store" }, body };
}
