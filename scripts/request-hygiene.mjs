// @ts-check
// Requests Next.js would answer with a 500 because they are malformed, answered 400 (or
// repaired) before Next.js sees them. The framework reads a bad body or header the way it
// reads a bug in our code; these checks make it the client's mistake it is:
//   - a path that does not decode (a stray %) is refused;
//   - a cached feed, the sitemap, robots.txt or the icon sent another method than GET or HEAD
//     is answered here (methodAnswer), so the answer never takes the GET's place in the cache;
//   - a router-state header (client navigations) that is not what Next's router sends is
//     dropped: Next then sends the full page payload, as for a request without it;
//   - a Server Action call (next-action header) is multipart/form-data (a form), or a small
//     text/plain body that parses as JSON (what React sends for an action called with plain
//     values, as the logout button does);
//   - a multipart body must name a boundary and begin with it. Small bodies (at most 1 MiB
//     declared) are read whole first and must parse with busboy, the parser Next itself uses
//     for action bodies; then the bytes are put back in the stream, untouched. Larger ones
//     (uploads) are checked by their first bytes only, so nothing big is held twice.

const SMALL_BODY = 1024 * 1024;

/**
 * The route handlers served from the page cache: the feeds in every language (/_ is the
 * default's, after the rewrite), the sitemap, robots.txt and the icon.
 */
const CACHED_ROUTE = /^(?:\/[a-z]{2}|\/_)?\/jobs\.(?:json|rss)$|^\/(?:sitemap\.xml|robots\.txt|icon\.svg)$/;
const ALLOWED = "GET, HEAD, OPTIONS";

/**
 * Another method than GET or HEAD at a cached route handler, answered here. Next.js keeps what
 * any method gets from such a route under the same cache key as the GET: an OPTIONS on a cold
 * entry gets a 500 (Next rebuilds its own 204 with a body, vercel/next.js#49005), and every GET
 * after it is served that answer in place of the feed until the pages are rendered again.
 * OPTIONS gets what is allowed (the JSON feed may be read from other sites); the rest a 405.
 * @param {string} method @param {string} pathname
 * @returns {{ status: number; headers: Record<string, string>; body: string } | null}
 */
export function methodAnswer(method, pathname) {
  if (method === "GET" || method === "HEAD" || !CACHED_ROUTE.test(pathname)) return null;
  if (method === "OPTIONS") {
    /** @type {Record<string, string>} */
    const headers = { allow: ALLOWED };
    if (pathname.endsWith("/jobs.json")) Object.assign(headers, { "access-control-allow-origin": "*", "access-control-allow-methods": "GET, HEAD" });
    return { status: 204, headers, body: "" };
  }
  return {
    status: 405,
    headers: { allow: ALLOWED, "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    body: `${pathname} can only be read (${ALLOWED}).\n`,
  };
}

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

/** Drops a router-state header that is not a URL-encoded JSON array, as Next's router sends. @param {Request} req */
export function dropBadRouterState(req) {
  const value = req.headers["next-router-state-tree"];
  if (typeof value !== "string") return;
  try {
    const tree = JSON.parse(decodeURIComponent(value));
    if (Array.isArray(tree) && typeof tree[0] === "string") return;
  } catch {
    // fall through
  }
  delete req.headers["next-router-state-tree"];
}

/** The boundary of a multipart Content-Type (RFC 2046: 1 to 70 characters), or null. @param {string} type */
export function boundaryOf(type) {
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;"]{1,70}))\s*(?:;|$)/i.exec(type);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

/**
 * What React sends as a text body for an action called with plain values: a JSON array of the
 * arguments. A string starting with "$" there is a reference to another part, which a text
 * body cannot have (a browser escapes a literal "$" as "$$"), except these plain values.
 * @param {unknown} value
 */
export function plainReply(value) {
  if (!Array.isArray(value)) return false;
  const PLAIN = /^\$(\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|n-?\d+$|D)/;
  /** @param {unknown} v @returns {boolean} */
  const ok = (v) => {
    if (typeof v === "string") return !v.startsWith("$") || PLAIN.test(v);
    if (Array.isArray(v)) return v.every(ok);
    if (v && typeof v === "object") return Object.entries(v).every(([k, x]) => !k.startsWith("$") && ok(x));
    return true;
  };
  return ok(value);
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
      req.off("error", onError);
      const data = Buffer.concat(chunks, size);
      if (size) req.unshift(data);
      resolve(data);
    };
    const onError = (/** @type {Error} */ error) => {
      req.off("readable", onReadable);
      reject(error);
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
    req.on("error", onError);
  });
}

/**
 * Parses a whole (small) multipart body with the given busboy factory; resolves true when it parses.
 * @param {Buffer} body @param {import("node:http").IncomingHttpHeaders} headers @param {(options: object) => import("node:stream").Writable} busboy
 */
function parses(body, headers, busboy) {
  return new Promise((resolve) => {
    let parser;
    try {
      parser = busboy({ headers, defParamCharset: "utf8" });
    } catch {
      resolve(false);
      return;
    }
    parser.on("file", (/** @type {string} */ _name, /** @type {import("node:stream").Readable} */ stream) => stream.resume());
    parser.on("error", () => resolve(false));
    parser.on("close", () => resolve(true));
    parser.end(body);
  });
}

/**
 * Checks a request's body framing before Next.js reads it. Resolves null to go on, or why not.
 * @param {Request} req @param {(options: object) => import("node:stream").Writable} busboy
 * @returns {Promise<string | null>}
 */
export async function bodyProblem(req, busboy) {
  if (req.method !== "POST" && req.method !== "PUT" && req.method !== "PATCH") return null;
  const type = String(req.headers["content-type"] ?? "");
  const multipart = type.toLowerCase().startsWith("multipart/form-data");
  const declared = Number.parseInt(String(req.headers["content-length"] ?? ""), 10);
  if (req.headers["next-action"] && !multipart) {
    if (!/^(text\/plain|$)/i.test(type) || !(Number.isFinite(declared) && declared <= SMALL_BODY)) return "this action's body is not what a browser sends";
    const body = await peek(req, (size) => size > SMALL_BODY);
    try {
      return plainReply(JSON.parse(body.toString("utf8"))) ? null : "this action's body is not what a browser sends";
    } catch {
      return "this action's body could not be read";
    }
  }
  if (!multipart) return null;
  const boundary = boundaryOf(type);
  if (!boundary) return "the form's content type names no boundary";
  if (Number.isFinite(declared) && declared <= SMALL_BODY) {
    const body = await peek(req, (size) => size > SMALL_BODY);
    return (await parses(body, req.headers, busboy)) ? null : "the form's body could not be read";
  }
  const opening = Buffer.from(`--${boundary}\r\n`);
  const start = await peek(req, (size) => size >= opening.length);
  return start.subarray(0, opening.length).equals(opening) ? null : "the form's body does not begin with its boundary";
}

/**
 * The answer to a refused request: a sentence for a script, a small page for a person.
 * @param {string} reason @param {boolean} fromScript
 */
export function badRequest(reason, fromScript) {
  const text = `Bad request: ${reason}. Nothing was saved.`;
  if (fromScript) return { status: 400, headers: { "content-type": "text/plain; charset=utf-8" }, body: text };
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>Bad request</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#0f172a}a{color:#14532d}</style></head>
<body><main><h1>That request could not be read</h1><p>${text}</p><p>If you were sending a form, go back and send it again.</p><p><a href="/">See all jobs</a></p></main></body></html>`;
  return { status: 400, headers: { "content-type": "text/html; charset=utf-8" }, body };
}
