// @ts-check
// Next.js's cache handler (next.config.ts `cacheHandler`): where the rendered public pages,
// their React Server Component payloads and the cached route handlers (feeds, sitemap) live.
// Next loads this file by itself, outside the app's bundle, in the same process.
//
// - Entries live in this server's memory, in an LRU bounded by PAGE_CACHE_MAX_MB (64 MiB).
// - Each entry remembers the page generation it was rendered in (lib/page-cache/index.ts):
//   once the job list or the branding changes, older entries are misses and are rendered
//   again on their next visit. Every server raises its generation on the same events, so
//   every replica's cache follows them (lib/sync).
// - What `next build` prerendered is never served: this handler starts empty, so the first
//   visit renders with live data. (The build renders placeholders: it has no data.)
// - Responses with a 5xx status are never kept, nor a route handler's answer other than a 200.
// - A page is stored with its React and Next.js runtime held until the visitor engages
//   (lib/on-demand): the HTML is complete without it.
// - A page's Content-Security-Policy is stored with it: the hashes of its inline scripts that
//   are the framework's own (a cached page cannot carry a per-request nonce), sent on every
//   visit, the first included.
import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
import { contentSecurityPolicy } from "../csp.mjs";
import { cacheEntry, renderedPathOfKey } from "../next-adapter.mjs";
import { deferRuntime } from "../on-demand/defer.mjs";
import { TALLY, tally } from "../metrics/tally.mjs";
import { peekProcessSingleton, processSingleton } from "../process-state.mjs";


const MiB = 1024 * 1024;
const maxMiB = Number(process.env.PAGE_CACHE_MAX_MB) > 0 ? Number(process.env.PAGE_CACHE_MAX_MB) : 64;

/** The current generation, or 0 before the app has set one. */
function generation() {
  return /** @type {{ value: number } | undefined} */ (peekProcessSingleton("page-generation"))?.value ?? 0;
}

/** @param {unknown} value */
function bytes(value) {
  if (!value) return 0;
  if (typeof value === "string") return value.length;
  if (value instanceof Uint8Array) return value.byteLength;
  if (value instanceof Map) {
    let total = 0;
    for (const v of value.values()) total += bytes(v);
    return total;
  }
  return 0;
}

/** @param {Record<string, unknown>} data */
function sizeOf(data) {
  let total = 1024;
  for (const part of cacheEntry.parts(data)) total += bytes(part);
  return total;
}

/**
 * The inline scripts Next.js and React write into a page, by their whole shape: the flight data
 * (`self.__next_f.push([1,"…"])`, one string literal), its bootstrap, and Turbopack's chunk
 * list. Nothing else written inline into a cached page is allowed to run, whatever put it there.
 */
const FRAMEWORK_SCRIPTS = [
  /^\(self\.__next_f=self\.__next_f\|\|\[\]\)\.push\(\[0\]\)$/,
  /^self\.__next_f\.push\(\[[1-3],"(?:[^"\\\n]|\\.)*"\]\)$/,
  /^\(globalThis\["TURBOPACK"\] \|\| \(globalThis\["TURBOPACK"\] = \[\]\)\)\.push\(\{"otherChunks":\[(?:"[\w./-]+"(?:,"[\w./-]+")*)?\],"runtimeModuleIds":\[[\d,]*\]\}\);?$/,
];

/** True for an inline script the framework wrote (see FRAMEWORK_SCRIPTS). @param {string} code */
export function isFrameworkScript(code) {
  return FRAMEWORK_SCRIPTS.some((shape) => shape.test(code));
}

/**
 * A cached page cannot carry a per-request nonce, so it carries the hashes of its own inline
 * scripts instead: the same bytes for every visitor, so the same policy. Only the framework's
 * own inline scripts are hashed; external scripts come from this origin ('self'); nothing else
 * may run. An inline script of another shape is reported once (it will not run).
 * @param {string} html
 * @param {(code: string) => void} [onForeign]
 */
export function scriptPolicyFor(html, onForeign) {
  const hashes = new Set();
  for (const match of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)) {
    const attributes = match[1] ?? "";
    if (/\ssrc\s*=/i.test(attributes)) continue;
    const type = /\stype\s*=\s*"([^"]*)"/i.exec(attributes)?.[1]?.toLowerCase();
    // Data blocks (JSON-LD) never run, and CSP does not govern them.
    if (type && type !== "text/javascript" && type !== "module" && type !== "application/javascript") continue;
    const code = match[2] ?? "";
    if (!isFrameworkScript(code)) {
      onForeign?.(code);
      continue;
    }
    hashes.add(`'sha256-${createHash("sha256").update(code, "utf8").digest("base64")}'`);
  }
  return [...hashes].join(" ");
}

/** @param {string} key @param {string} code */
function reportForeignScript(key, code) {
  process.stderr.write(
    `${JSON.stringify({ level: "warn", time: new Date().toISOString(), service: "careers-site", module: "page-cache", page: key, script: code.slice(0, 80), msg: "an inline script of no known shape in a cached page: it will not run" })}\n`,
  );
}

/**
 * An entry: Next's value, when it was stored, the generation it was rendered in, its size, and
 * how long Next said it stays fresh (ctx.cacheControl.revalidate, in seconds; false: for ever).
 * @typedef {{ value: Record<string, unknown>; lastModified: number; generation: number; size: number; revalidate: number | false }} Entry
 */

/** @type {LRUCache<string, Entry>} */
const entries = new LRUCache({ maxSize: maxMiB * MiB, sizeCalculation: (entry) => Math.max(1, entry.size) });
/** The generation current when a render of a key began (Next reads, renders, then stores). */
/** @type {LRUCache<string, number>} */
const renderedFrom = new LRUCache({ max: 20_000 });
/** A page's rendered path → its key (Next's keys carry more than the path). */
/** @type {LRUCache<string, string>} */
const pageKeys = new LRUCache({ max: 20_000 });

/**
 * Read access for the front door (lib/page-cache/front.ts): an entry of the current generation
 * that Next itself would serve as fresh, or null. The front serves such a page without Next.
 */
processSingleton("page-cache", () => ({
  /** @param {string} path a page's rendered path (lib/next-adapter.mjs renderedPath) @returns {Entry | null} */
  fresh(path) {
    const key = pageKeys.get(path);
    const entry = key === undefined ? undefined : entries.peek(key);
    if (!entry || entry.generation !== generation()) return null;
    if (entry.revalidate !== false && Date.now() - entry.lastModified >= entry.revalidate * 1000) return null;
    return entry;
  },
}));

export default class PageCacheHandler {
  /** @param {string} key */
  async get(key) {
    const current = generation();
    renderedFrom.set(key, current);
    const entry = entries.get(key);
    // Counted for pages and feeds (lib/metrics: careers_page_cache_requests_total), not Next's other lookups.
    const counted = renderedPathOfKey(key) !== null;
    if (!entry || entry.generation !== current) {
      if (entry) entries.delete(key);
      if (counted) tally(TALLY.pageCache, "miss");
      return null;
    }
    if (counted) tally(TALLY.pageCache, "hit");
    return { value: entry.value, lastModified: entry.lastModified };
  }

  /** @param {string} key @param {Record<string, unknown> | null} data @param {{ cacheControl?: { revalidate?: number | false } }} [ctx] */
  async set(key, data, ctx) {
    const startedIn = /** @type {number | undefined} */ (renderedFrom.get(key));
    renderedFrom.delete(key);
    const status = data ? cacheEntry.status(data) : null;
    if (!data || (status !== null && status >= 500)) {
      entries.delete(key);
      return;
    }
    // A route handler's entry is its GET's 200. Next stores what any method got under the same
    // key (a 405 for a POST, a 204 for an OPTIONS); the next GET must not be served that.
    if (cacheEntry.isRoute(data) && status !== 200) return;
    const rendered = cacheEntry.pageHtml(data);
    // A page, not an error: Next's error document (a 404 raised while rendering) is filled in by
    // the runtime, so it keeps it.
    const html = rendered === null ? null : status === null || status === 200 ? deferRuntime(rendered) : rendered;
    if (html !== null) {
      cacheEntry.setPageHtml(data, html);
      cacheEntry.setHeader(data, "content-security-policy", contentSecurityPolicy(`'self' ${scriptPolicyFor(html, (code) => reportForeignScript(key, code))}`.trim()));
    }
    // A render that began before the last change is stored as already stale.
    const path = renderedPathOfKey(key);
    if (path !== null) pageKeys.set(path, key);
    entries.set(key, { value: data, lastModified: Date.now(), generation: startedIn ?? generation(), size: sizeOf(data), revalidate: ctx?.cacheControl?.revalidate ?? 0 });
  }

  /** revalidatePath()/revalidateTag() from the app: drop the entries carrying those tags. @param {string | string[]} tags */
  async revalidateTag(tags) {
    const wanted = new Set(Array.isArray(tags) ? tags : [tags]);
    for (const [key, entry] of entries.entries()) {
      if (cacheEntry.tags(entry.value).some((tag) => wanted.has(tag))) entries.delete(key);
    }
  }

  resetRequestCache() {}
}
