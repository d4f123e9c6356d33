// @ts-check
// Every detail of Next.js and React that is not their public API, in one file, written against
// the version named below and held to it by tests/unit/next-adapter.test.ts (which fails on any
// other installed version, and checks each detail against the installed code). Upgrading Next
// means reading this file again, not searching the codebase:
//   - starting the standalone build from a custom server (what its generated server.js does);
//   - the router state header a client sends (the segments it says it holds);
//   - the text body React sends for a server action called with plain values;
//   - the shape of the entries Next hands a custom cache handler, and the key it files a page
//     under, and the headers it serves a cached page with.
// Plain JavaScript: the HTTP front (scripts/server.mjs) and the cache handler load it unbundled.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

/** The Next.js version this file was checked against. */
export const NEXT_VERSION = "16.4.6";

// --- The standalone build ------------------------------------------------------------------

/**
 * Loads Next.js from a standalone build (`output: "standalone"`) the way its generated
 * server.js does: the build's config through a private environment variable, and the process
 * in the build's directory. Returns null when there is no build.
 * @param {string} root the project (or image) root holding .next/standalone
 * @returns {{ next: (options: object) => { getRequestHandler(): (req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => Promise<void>; prepare(): Promise<void> }; dir: string; config: Record<string, unknown> } | null}
 */
export function loadStandalone(root) {
  const standalone = join(root, ".next", "standalone");
  const serverFiles = join(standalone, ".next", "required-server-files.json");
  if (!existsSync(serverFiles)) return null;
  const { config } = JSON.parse(readFileSync(serverFiles, "utf8"));
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);
  process.chdir(standalone);
  const require = createRequire(join(standalone, "server.js"));
  return { next: require("next"), dir: standalone, config };
}

// --- The router state header ---------------------------------------------------------------

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
 * sends, or null when it can (or is absent). Next answers such a header with a 500; the front
 * makes it the client's mistake, a 400.
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

// --- React's reply encoding ----------------------------------------------------------------

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

// --- The custom cache handler's entries ----------------------------------------------------

/**
 * What the cache handler needs to know of an entry Next hands it.
 * @typedef {Record<string, unknown>} CacheEntry
 */
export const cacheEntry = {
  /** A rendered page with its HTML (what carries inline scripts). @param {CacheEntry} data */
  pageHtml: (data) => (data.kind === "APP_PAGE" && typeof data.html === "string" ? data.html : null),
  /** Replaces a rendered page's HTML. @param {CacheEntry} data @param {string} html */
  setPageHtml(data, html) {
    if (data.kind === "APP_PAGE") data.html = html;
  },
  /** A route handler's answer (a feed, the sitemap). @param {CacheEntry} data */
  isRoute: (data) => data.kind === "APP_ROUTE",
  /** The HTTP status the entry was rendered with, if it says. @param {CacheEntry} data */
  status: (data) => (typeof data.status === "number" ? data.status : null),
  /** Sets a response header the entry is served with. @param {CacheEntry} data @param {string} name @param {string} value */
  setHeader(data, name, value) {
    const headers = /** @type {Record<string, string>} */ (data.headers ?? {});
    headers[name] = value;
    data.headers = headers;
  },
  /** The tags the entry was rendered with (revalidatePath / revalidateTag). @param {CacheEntry} data */
  tags: (data) => String(/** @type {Record<string, unknown> | undefined} */ (data.headers)?.["x-next-cache-tags"] ?? "").split(","),
  /** A route handler's body. @param {CacheEntry} data @returns {Buffer | null} */
  routeBody: (data) => (data.kind === "APP_ROUTE" && Buffer.isBuffer(data.body) ? data.body : null),
  /** The headers the entry is served with, without Next's own bookkeeping. @param {CacheEntry} data @returns {Record<string, string>} */
  headers(data) {
    const own = /** @type {Record<string, unknown>} */ (data.headers ?? {});
    /** @type {Record<string, string>} */
    const out = {};
    for (const [name, value] of Object.entries(own)) {
      if (name.toLowerCase().startsWith("x-next-cache-tags") || value === undefined) continue;
      out[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : String(value);
    }
    return out;
  },
  /** The parts that take memory. @param {CacheEntry} data */
  parts: (data) => [data.html, data.rscData, data.segmentData, data.body, data.postponed],
};

/**
 * The path a localized page or feed is rendered at, after the rewrites: the default language's
 * unprefixed paths are under app/[locale]'s "_" segment (next.config.ts).
 * @param {string} pathname a public path, unprefixed for the default language
 * @param {boolean} prefixed whether it carries a language prefix (/de/…)
 */
export function renderedPath(pathname, prefixed) {
  if (prefixed) return pathname;
  return pathname === "/" ? "/_" : `/_${pathname}`;
}

/**
 * The rendered path of a page's or a route handler's key in the cache handler, or null for
 * anything else. Next 16 files them as /route-cache/APP_PAGE|APP_ROUTE/<route hash>/$<path>.
 * @param {string} key
 */
export function renderedPathOfKey(key) {
  const match = /^\/route-cache\/APP_(?:PAGE|ROUTE)\/[^/]+\/\$(\/.*)$/.exec(key);
  return match?.[1] ?? null;
}

/** The headers Next adds to an answer it serves from the cache (besides the entry's and next.config's). */
export const CACHED_HEADERS = {
  vary: "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, Accept-Encoding",
  "x-nextjs-cache": "HIT",
};

/** A cached page's content type (a route handler's entry carries its own). */
export const PAGE_CONTENT_TYPE = "text/html; charset=utf-8";

/** Request headers with which Next answers a page's path with something else than its HTML. */
export const ROUTER_REQUEST_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-action", "next-url"];
