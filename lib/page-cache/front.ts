// Cached pages and feeds served by the front door without Next.js: a GET of a page or route
// handler the route table marks cached, whose entry in the page cache (./cache-handler.mjs) is of
// the current generation and still fresh by Next's own lifetime, is answered with that entry's
// bytes and the headers Next would send (a page's script policy, the CDN cache headers), plus an
// ETag with 304s and gzip made once per entry. Anything else (a miss, a stale entry, a router
// request, a filtered listing, an encoded path) goes to Next, which renders and stores it. A
// cached answer is the same bytes for everyone, so who serves it does not matter; speed does.
import "server-only";
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import type { FrontRequest, PlainAnswer } from "@/lib/front/hooks";
import { splitLocale } from "@/lib/i18n/locales";
import { CACHED_HEADERS, cacheEntry, PAGE_CONTENT_TYPE, renderedPath, ROUTER_REQUEST_HEADERS } from "@/lib/next-adapter.mjs";
import { TALLY, tally } from "@/lib/metrics/tally.mjs";
import { peekProcessSingleton } from "@/lib/process-state.mjs";
import { FILTER_KEYS, PUBLIC_CACHE_CONTROL, routeOf, SECURITY_HEADERS } from "@/lib/routes";

type Entry = { value: Record<string, unknown>; lastModified: number };
type PageCache = { fresh(renderedPath: string): Entry | null };

/** What an entry is sent as, worked out once per entry (a new render is a new entry). */
type Prepared = { body: Buffer; gzip: Buffer | null; etag: string; headers: Record<string, string>; status: number };
const prepared = new WeakMap<Entry, Prepared>();

/** The entry's bytes and headers, or null when it is nothing the front may serve. */
function prepare(entry: Entry): Prepared | null {
  const ready = prepared.get(entry);
  if (ready) return ready;
  const html = cacheEntry.pageHtml(entry.value);
  const body = html !== null ? Buffer.from(html, "utf8") : cacheEntry.routeBody(entry.value);
  const own = cacheEntry.headers(entry.value);
  const status = cacheEntry.status(entry.value) ?? 200;
  // A page without its script policy, or anything but a 200, is Next's to answer.
  if (body === null || status !== 200 || (html !== null && !own["content-security-policy"])) return null;
  // As Next sends it: the entry's own headers under next.config's (the route table's cache
  // headers win over a metadata route's own), and its cache markers.
  const headers: Record<string, string> = {
    ...(html !== null ? { "content-type": PAGE_CONTENT_TYPE } : {}),
    ...own,
    ...SECURITY_HEADERS,
    "cache-control": PUBLIC_CACHE_CONTROL,
    ...CACHED_HEADERS,
  };
  const etag = `"${createHash("sha1").update(body).digest("base64url").slice(0, 20)}"`;
  const made = { body, gzip: null, etag, headers, status };
  prepared.set(entry, made);
  return made;
}

const accepts = (header: string | string[] | undefined, coding: string) => String(header ?? "").toLowerCase().split(",").some((part) => part.trim().split(";")[0] === coding);

/** The cached page or feed for this request, or null to let Next answer. */
export function cachedPageAnswer(request: Omit<FrontRequest, "client">): PlainAnswer | null {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  if (ROUTER_REQUEST_HEADERS.some((name) => request.headers[name] !== undefined)) return null;
  const { pathname, search } = request;
  if (pathname.includes("%") || (pathname !== "/" && pathname.endsWith("/"))) return null;
  const route = routeOf(pathname);
  if (route?.render !== "cached") return null;
  if (route.path === "/" && search) {
    const query = new URLSearchParams(search);
    if (FILTER_KEYS.some((key) => query.has(key))) return null;
  }
  const path = route.localized ? renderedPath(pathname, splitLocale(pathname).locale !== null) : pathname;
  const entry = peekProcessSingleton<PageCache>("page-cache")?.fresh(path);
  const page = entry ? prepare(entry) : null;
  if (!page) return null;
  tally(TALLY.pageCache, "hit");
  if (String(request.headers["if-none-match"] ?? "").split(",").some((tag) => tag.trim() === page.etag)) {
    return { status: 304, headers: { etag: page.etag, "cache-control": page.headers["cache-control"] ?? PUBLIC_CACHE_CONTROL, vary: CACHED_HEADERS.vary }, body: "" };
  }
  const gzip = accepts(request.headers["accept-encoding"], "gzip");
  if (gzip) page.gzip ??= gzipSync(page.body);
  const body = gzip && page.gzip ? page.gzip : page.body;
  return {
    status: 200,
    headers: { ...page.headers, etag: page.etag, "content-length": String(body.length), ...(body === page.gzip ? { "content-encoding": "gzip" } : {}) },
    body,
  };
}
