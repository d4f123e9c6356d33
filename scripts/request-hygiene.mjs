// @ts-check
// Requests Next.js would answer with a 500 because they are malformed, answered 400 (or
// repaired) before Next.js sees them. The framework reads a bad body or header the way it
// reads a bug in our code; these checks make it the client's mistake it is:
//   - a path that does not decode (a stray %) is refused;
//   - a cached feed, the sitemap, robots.txt or the icon sent another method than GET or HEAD
//     is answered here (methodAnswer), so the answer never takes the GET's place in the cache;
//   - a router-state header (client navigations) that is not what Next's router sends is
//     refused: it is the client's claim of what it already holds;
//   - a body is read here only within its route's cap (lib/routes.ts, asked through the app's
//     body admission), and its framing is checked by the app (lib/front/body-checks.ts) before
//     Next.js reads it. Bytes read are put back in the stream, untouched.

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

const PARAM_TYPES = new Set(["c", "ci(..)(..)", "ci(.)", "ci(..)", "ci(...)", "oc", "d", "di(..)(..)", "di(.)", "di(..)", "di(...)"]);
const REFRESH_MARKERS = new Set(["refetch", "inside-shared-layout", "metadata-only"]);

/**
 * The shape Next's router gives the segments it holds (its FlightRouterState):
 * [segment, { slot: tree }, url?, refresh marker?, flags?, string?], a segment being a name or
 * [param, value, type, static siblings].
 * @param {unknown} node @param {number} depth
 * @returns {boolean}
 */
function isRouterTree(node, depth = 0) {
  if (!Array.isArray(node) || node.length < 2 || node.length > 6 || depth > 200) return false;
  const [segment, slots, url, refresh, flags, extra] = node;
  const segmentOk =
    typeof segment === "string" ||
    (Array.isArray(segment) &&
      segment.length === 4 &&
      typeof segment[0] === "string" &&
      typeof segment[1] === "string" &&
      PARAM_TYPES.has(segment[2]) &&
      (segment[3] === null || (Array.isArray(segment[3]) && segment[3].every((s) => typeof s === "string"))));
  // Next reads the slots as a record: any object (an array too), each value a tree.
  if (!segmentOk || !slots || typeof slots !== "object") return false;
  if (url !== undefined && url !== null && !(Array.isArray(url) && url.length === 2 && url.every((u) => typeof u === "string"))) return false;
  if (refresh !== undefined && refresh !== null && !REFRESH_MARKERS.has(/** @type {string} */ (refresh))) return false;
  if (flags !== undefined && flags !== null && typeof flags !== "number") return false;
  if (extra !== undefined && typeof extra !== "string") return false;
  return Object.values(slots).every((child) => isRouterTree(child, depth + 1));
}

/**
 * Why a router-state header (the segments a client says it holds) cannot be what Next's router
 * sends, or null when it can (or is absent). Next refuses such a header with a 500; here it is
 * the client's mistake, a 400.
 * @param {string | string[] | undefined} value
 */
export function routerStateProblem(value) {
  if (value === undefined) return null;
  // Next's own limit is 40,000 characters.
  if (typeof value !== "string" || value.length > 40_000) return "the router state header is not valid";
  try {
    return isRouterTree(JSON.parse(decodeURIComponent(value))) ? null : "the router state header is not valid";
  } catch {
    return "the router state header is not valid";
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
      req.off("error", onError);
      req.off("close", onClose);
      const data = Buffer.concat(chunks, size);
      if (size) req.unshift(data);
      resolve(data);
    };
    const onError = (/** @type {Error} */ error) => {
      req.off("readable", onReadable);
      req.off("close", onClose);
      reject(error);
    };
    const onClose = () => {
      req.off("readable", onReadable);
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
