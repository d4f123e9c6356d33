// @ts-check
// The HTTP front's own small rules, before and around Next.js:
//   - a path that does not decode (a stray %) is refused with a 400, not Next's 500;
//   - the client's address, from the socket or the trusted proxies (TRUST_PROXY_HOPS);
//   - reading a body without taking it from Next.js (peek, put back untouched);
//   - every answer: an HTML page carries a script policy, a redirect is never shared (guardAnswer);
//   - the one small page the front answers with itself.

/** @typedef {import("node:http").IncomingMessage} Request */
/** @typedef {{ status: 400; reason: string }} Refusal */

/** @param {string} url */
export function pathProblem(url) {
  const path = url.split("?")[0] ?? "";
  try {
    decodeURIComponent(path);
    return null;
  } catch {
    return "the address is not valid";
  }
}

/**
 * Reads from a paused request until `enough` says stop or the body ends, then puts every
 * byte read back at the front of the stream in the same tick (so 'end' has not fired and the
 * next reader sees the body whole). Resolves with what was read.
 * @param {Request} req @param {(size: number) => boolean} enough
 * @returns {Promise<Buffer>}
 */
function peek(req, enough) {
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    const finish = () => {
      req.off("readable", onReadable);
      req.off("end", finish);
      req.off("error", onError);
      req.off("close", onClose);
      const data = Buffer.concat(chunks, size);
      if (size) req.unshift(data);
      resolve(data);
    };
    const onError = (/** @type {Error} */ error) => {
      req.off("readable", onReadable);
      req.off("end", finish);
      req.off("close", onClose);
      reject(error);
    };
    const onClose = () => {
      req.off("readable", onReadable);
      req.off("end", finish);
      req.off("error", onError);
      if (!req.complete) reject(new Error("the connection closed before the body was complete"));
    };
    const onReadable = () => {
      /** @type {Buffer | null} */
      let chunk;
      while ((chunk = req.read()) !== null) {
        chunks.push(chunk);
        size += chunk.length;
        if (enough(size)) return finish();
      }
      if (req.complete) finish();
    };
    req.on("readable", onReadable);
    // An empty body ends without a 'readable' (nothing to put back then).
    req.on("end", finish);
    req.on("error", onError);
    req.on("close", onClose);
  });
}

/**
 * Reads a body whole, but never more than `maxBytes` of it (then stops reading). The bytes stay
 * in the stream for Next.js. Resolves with the body, or null when it is longer than allowed.
 * @param {Request} req @param {number} maxBytes
 * @returns {Promise<Buffer | null>}
 */
export async function readBodyWithin(req, maxBytes) {
  const body = await peek(req, (size) => size > maxBytes);
  return body.length > maxBytes ? null : body;
}

/**
 * The first `count` bytes of a body (fewer when it is shorter), left in the stream.
 * @param {Request} req @param {number} count
 */
export function firstBytes(req, count) {
  return peek(req, (size) => size >= count);
}

/** @param {string} text */
const escapeHtml = (text) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The small page the front answers with itself (a refused form or upload, a malformed request):
 * plain HTML, no script, the same for all of them.
 * @param {string} title @param {string[]} paragraphs
 */
export function frontPage(title, paragraphs) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#0f172a}a{color:#14532d}</style></head>
<body><main><h1>${escapeHtml(title)}</h1>${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("")}<p><a href="/">See all jobs</a></p></main></body></html>`;
}

/**
 * The answer to a refused request: a sentence for a script, a small page for a person.
 * @param {string} reason @param {boolean} fromScript
 */
export function badRequest(reason, fromScript) {
  const text = `Bad request: ${reason}. Nothing was saved.`;
  if (fromScript) return { status: 400, headers: { "content-type": "text/plain; charset=utf-8" }, body: text };
  return { status: 400, headers: { "content-type": "text/html; charset=utf-8" }, body: frontPage("That request could not be read", [text, "If you were sending a form, go back and send it again."]) };
}

/**
 * The client's address: the socket's, or the one the outermost of `hops` trusted proxies
 * received the request from (each appends to X-Forwarded-For).
 * @param {import("node:http").IncomingMessage} req @param {number} hops
 */
export function clientAddress(req, hops) {
  const socket = req.socket.remoteAddress || "unknown";
  if (!hops) return socket;
  const forwarded = String(req.headers["x-forwarded-for"] ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  return forwarded.at(-hops) ?? forwarded[0] ?? socket;
}

/**
 * Whatever answers, two rules hold for every response this server sends: an HTML page carries a
 * Content-Security-Policy (the app's, or else this origin's scripts only), and a redirect is
 * never stored by a shared cache. Node sends headers through writeHead, also when the app only
 * called setHeader, so the rules are applied there.
 * @param {import("node:http").ServerResponse} res @param {() => string | undefined} fallbackPolicy
 */
export function guardAnswer(res, fallbackPolicy) {
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
    const policy = fallbackPolicy();
    if (policy && /^text\/html/i.test(headerOf("content-type") ?? "") && !headerOf("content-security-policy")) put("content-security-policy", policy);
    return writeHead.apply(res, /** @type {Parameters<typeof writeHead>} */ (args));
  };
  res.writeHead = /** @type {typeof res.writeHead} */ (guarded);
}

