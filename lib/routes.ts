// The site's routes and their facts, in one table: adding a page is one entry here. Derived
// from it: next.config.ts's rewrites (languages, the filtered listing), its cache headers and
// action body limit; the proxy's matcher (held to it by a unit test); the front door's decisions
// (lib/site/front-door.ts: the 503 gate, the first-visit language redirect, other methods at
// cached handlers, the body each route takes); the sitemap's pages (app/sitemap.ts). A unit test fails when a
// page or route handler under app/ is missing from it.
// No "server-only": next.config.ts and proxy.ts read it.
import { LOCALES } from "./i18n/locales";

export const KiB = 1024;
export const MiB = 1024 * KiB;

/** The largest resume (50 MiB, Occupop's own limit) plus the form's text fields. */
export const UPLOAD_BODY_BYTES = 51 * MiB;
/** Three branding images at their largest (lib/branding/images.ts) plus the editor's text. */
export const BRANDING_BODY_BYTES = 12 * MiB;

/**
 * For browsers: always ask again (max-age=0). For shared caches (a CDN): keep it a minute,
 * then serve it stale for up to ten while fetching a fresh copy. The origin itself renders
 * again on every job-list or branding change (lib/page-cache), so a minute is the most a
 * CDN lags behind.
 */
export const PUBLIC_CACHE_CONTROL = "public, max-age=0, s-maxage=60, stale-while-revalidate=600";

/**
 * The listing's filters, as query keys: they make the listing a filtered one, rendered per
 * request at /search; a job alert keeps the same ones (lib/alerts/filters), in this order.
 */
export const FILTER_KEYS = ["q", "department", "country", "city", "workplace", "schedule", "contract"] as const;

/** Headers every answer carries (next.config.ts; the front door's own answers too). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "SAMEORIGIN",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
};

/** What a browser's forms and React's action calls send. */
const FORM_TYPES = ["multipart/form-data", "application/x-www-form-urlencoded", "text/plain"] as const;

/** What one route takes as a request body: at most `maxBytes`, of these media types ("*": any). */
export type BodyRule = {
  maxBytes: number;
  types: readonly string[] | "*";
  /** An application with its resume, or a part of one: counted against the uploads in flight (scripts/upload-gate.mjs). */
  upload?: true;
  /**
   * A route handler's: Next.js hands it the body as a web stream, which must not have been read
   * before (it would refuse it as "disturbed"), so the front checks it by its length and type
   * and cuts the connection past the cap, and the handler reads it through lib/http/body.ts.
   */
  handler?: true;
  /** The methods that may send it (POST unless said). */
  methods?: readonly string[];
};

export type Route = {
  /** The path, ":name" one segment, ":path*" any number of them. */
  path: string;
  kind: "page" | "handler";
  /** It exists in every language: unprefixed for the default, /de/… for German (app/[locale]). */
  localized?: true;
  /**
   * "cached": served from the page cache, the same bytes for everyone (a CDN may keep it);
   * "per-request": rendered for each visitor, with a nonce (proxy.ts). Handlers not cached say neither.
   */
  render?: "cached" | "per-request";
  /** Answered 503 while no job list was ever loaded (lib/site/gate.ts). */
  gated?: true;
  /** A first visit here may be sent to the visitor's language (lib/i18n/entry.ts). */
  firstVisit?: true;
  /** Answers only GET and HEAD (a cached handler: another method must never take the GET's place). */
  readOnly?: true;
  /** The POST body it takes; pages take small forms unless they say more. */
  body?: BodyRule;
  /**
   * Its link is a credential (a token in the query string): never indexed, and never passed on
   * to another site as a Referer ("same-origin": not "no-referrer", which would make the
   * browser send "Origin: null" with the page's own forms, and Next.js refuses a Server Action
   * from a null origin). next.config.ts sets both headers; a unit test
   * fails when a page reads a token and is not marked so.
   */
  privateLink?: true;
  /** Listed in the sitemap ("/jobs/:slug": once per open job), in every language on offer. */
  sitemap?: { changeFrequency: "daily" | "weekly"; priority: number };
};

const pageForms: BodyRule = { maxBytes: 128 * KiB, types: FORM_TYPES };
const application: BodyRule = { maxBytes: UPLOAD_BODY_BYTES, types: FORM_TYPES, upload: true };

export const ROUTES: readonly Route[] = [
  // The public site, in every language.
  { path: "/", kind: "page", localized: true, render: "cached", gated: true, firstVisit: true, sitemap: { changeFrequency: "daily", priority: 1 } },
  { path: "/search", kind: "page", localized: true, render: "per-request", gated: true, firstVisit: true },
  { path: "/jobs/:slug", kind: "page", localized: true, render: "cached", gated: true, firstVisit: true, body: application, sitemap: { changeFrequency: "weekly", priority: 0.8 } },
  // Its ?draft= link (finish later) is a credential.
  { path: "/jobs/:slug/apply", kind: "page", localized: true, render: "per-request", gated: true, body: application, privateLink: true },
  { path: "/jobs/:slug/applied", kind: "page", localized: true, render: "per-request", gated: true },
  // A removed job's page, served with a 410 in its place (lib/site/gone.ts).
  { path: "/gone/:slug", kind: "page", localized: true, render: "per-request", gated: true },
  { path: "/jobs/:slug/opengraph-image", kind: "handler", localized: true, gated: true },
  { path: "/accessibility", kind: "page", localized: true, render: "per-request", firstVisit: true },
  { path: "/alerts/new", kind: "page", localized: true, render: "per-request", firstVisit: true },
  { path: "/alerts/confirm", kind: "page", localized: true, render: "per-request", firstVisit: true, privateLink: true },
  { path: "/alerts/manage", kind: "page", localized: true, render: "per-request", firstVisit: true, privateLink: true },
  // A candidate's private status page: the link is the credential (lib/receipts).
  { path: "/status", kind: "page", localized: true, render: "per-request", privateLink: true },
  // The open application (lib/open-application): the application form, for HR's chosen job.
  { path: "/join", kind: "page", localized: true, render: "per-request", gated: true, firstVisit: true, body: application },
  { path: "/join/renew", kind: "page", localized: true, render: "per-request", privateLink: true },
  { path: "/jobs.json", kind: "handler", localized: true, render: "cached", gated: true, readOnly: true },
  { path: "/jobs.rss", kind: "handler", localized: true, render: "cached", gated: true, readOnly: true },
  // The job list for other sites' iframes (the widget, /embed.js, is a file in public/).
  { path: "/embed", kind: "handler", localized: true, gated: true, readOnly: true },
  { path: "/sitemap.xml", kind: "handler", render: "cached", gated: true, readOnly: true },
  { path: "/robots.txt", kind: "handler", render: "cached", readOnly: true },
  { path: "/icon.svg", kind: "handler", readOnly: true },
  { path: "/indexnow-key.txt", kind: "handler", readOnly: true },
  { path: "/r/:code", kind: "page", render: "per-request" },
  { path: "/branding/images/:hash", kind: "handler" },
  // HR's area.
  { path: "/admin", kind: "page", render: "per-request" },
  { path: "/admin/branding", kind: "page", render: "per-request", body: { maxBytes: BRANDING_BODY_BYTES, types: FORM_TYPES } },
  { path: "/admin/insights/export", kind: "handler" },
  { path: "/admin/:path*", kind: "page", render: "per-request" },
  // The API. navigator.sendBeacon sends a string as text/plain.
  { path: "/api/insights", kind: "handler", body: { maxBytes: 4 * KiB, types: ["text/plain", "application/json"], handler: true } },
  { path: "/api/apply/token", kind: "handler", body: { maxBytes: 4 * KiB, types: ["application/json", "text/plain"], handler: true } },
  { path: "/api/alerts/confirm", kind: "handler", body: { maxBytes: 8 * KiB, types: ["application/x-www-form-urlencoded", "multipart/form-data"], handler: true } },
  // RFC 8058: a mail client's one-click POST is a form ("List-Unsubscribe=One-Click").
  { path: "/api/alerts/unsubscribe", kind: "handler", body: { maxBytes: 8 * KiB, types: FORM_TYPES, handler: true } },
  // The status page's and the alert management page's buttons: withdraw, export, erase.
  { path: "/api/status", kind: "handler", body: { maxBytes: 8 * KiB, types: FORM_TYPES, handler: true } },
  { path: "/api/alerts/data", kind: "handler", body: { maxBytes: 8 * KiB, types: FORM_TYPES, handler: true } },
  { path: "/api/join/consent", kind: "handler", body: { maxBytes: 8 * KiB, types: FORM_TYPES, handler: true } },
  // A webhook's body is read by nobody (it is a signal to refresh), but senders send one.
  { path: "/api/revalidate", kind: "handler", body: { maxBytes: 64 * KiB, types: "*", handler: true } },
  // Occupop's webhooks: one event, JSON (lib/occupop-events).
  { path: "/api/occupop/webhook", kind: "handler", body: { maxBytes: 64 * KiB, types: ["application/json", "text/plain"], handler: true } },
  // Resumable resume uploads (tus, lib/uploads): each PATCH carries a part of the file (the form
  // sends 4 MiB at a time), counted against the uploads in flight like a posted resume.
  { path: "/api/uploads/:path*", kind: "handler", body: { maxBytes: 8 * MiB, types: ["application/offset+octet-stream"], handler: true, upload: true, methods: ["POST", "PATCH"] } },
  // The form's finished upload checked, and the fields its CV fills in (lib/uploads/check.ts).
  { path: "/api/resume-check", kind: "handler", body: { maxBytes: 1 * KiB, types: ["application/json"], handler: true } },
  { path: "/api/health", kind: "handler" },
  { path: "/metrics", kind: "handler" },
  { path: "/api/ready", kind: "handler" },
];

/** The language prefix a localized route may carry: /de, or /_ (the default's, after the rewrite). */
const LOCALE_PREFIX = `(?:/(?:${LOCALES.join("|")}|_))?`;

function compile({ path, localized }: Route): RegExp {
  const body = path
    .replace(/[.+?^${}()|[\]\\]/g, "\\$&")
    .replace(/\/:[a-zA-Z]+\*/g, "(?:/.*)?")
    .replace(/:[a-zA-Z]+/g, "[^/]+");
  // Next adds a hash to a metadata image's address (opengraph-image-1a2b3c).
  const suffix = path.endsWith("-image") ? "(?:-[\\w-]+)?" : "";
  const root = path === "/" ? (localized ? `^${LOCALE_PREFIX}/?$` : "^/$") : null;
  return new RegExp(root ?? `^${localized ? LOCALE_PREFIX : ""}${body}${suffix}/?$`);
}

const COMPILED = ROUTES.map((route) => ({ route, regex: compile(route) }));

/** The route a path is served by (the first entry that matches), or null (a 404). */
export function routeOf(pathname: string): Route | null {
  return COMPILED.find((r) => r.regex.test(pathname))?.route ?? null;
}

/** True when a path is served by a route handler (not a page). */
export const isRouteHandler = (pathname: string) => routeOf(pathname)?.kind === "handler";

/** A page or a route handler not cached takes no body worth the name for other methods. */
const NO_BODY: BodyRule = { maxBytes: 16 * KiB, types: "*" };

/** The body rule for a request: its route's, else the small forms' (a page's POST) or none to speak of. */
export function bodyRuleFor(method: string, pathname: string): BodyRule {
  const route = routeOf(pathname);
  const handler = route?.kind === "handler";
  if (route?.body && (route.body.methods ?? ["POST"]).includes(method)) return route.body;
  if (method !== "POST") return handler ? { ...NO_BODY, handler: true } : NO_BODY;
  return handler ? { ...NO_BODY, handler: true } : pageForms;
}

/** The media type of a Content-Type header, lower case, without parameters. */
export function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? "").split(";")[0]!.trim().toLowerCase();
}

// --- Derived for next.config.ts and proxy.ts -----------------------------------------------

/** A language prefix in a path pattern, for Next's rewrites and headers: /:locale(en|de|fr|es). */
export const localeParam = (locales: readonly string[]) => `:locale(${locales.join("|")})`;

/** Next's path pattern of a route (":path*" stays; the rest is already Next's syntax). */
const nextSource = (path: string) => path;

/** The sources Next serves with PUBLIC_CACHE_CONTROL (a CDN may keep them), in every language. */
export function cachedSources(locales: readonly string[]): Array<{ source: string; listing: boolean }> {
  return ROUTES.filter((r) => r.render === "cached").flatMap((r) => {
    const own = { source: nextSource(r.path), listing: r.path === "/" };
    if (!r.localized) return [own];
    return [own, { source: `/${localeParam(locales)}${r.path === "/" ? "" : nextSource(r.path)}`, listing: r.path === "/" }];
  });
}

/** The sources of pages whose link is a credential (privateLink), in every language. */
export function privateLinkSources(locales: readonly string[]): string[] {
  return ROUTES.filter((r) => r.privateLink).flatMap((r) => (r.localized ? [nextSource(r.path), `/${localeParam(locales)}${nextSource(r.path)}`] : [nextSource(r.path)]));
}

/** The query parameters that carry a credential: a page reading one must be a privateLink route. */
export const CREDENTIAL_PARAMS = ["token", "draft"] as const;

/** The headers a page whose link is a credential carries. */
export const PRIVATE_LINK_HEADERS: Readonly<Record<string, string>> = { "Referrer-Policy": "same-origin", "X-Robots-Tag": "noindex, nofollow" };

/**
 * The unprefixed sources of the default language's pages and feeds, rewritten to app/[locale]'s
 * "_" segment. Everything below /jobs/ is one entry (a job's Open Graph image has a hash in its name).
 */
export function defaultLanguageSources(): string[] {
  const localized = ROUTES.filter((r) => r.localized).map((r) => nextSource(r.path));
  return [...localized.filter((p) => !p.startsWith("/jobs/")), "/jobs/:path*"];
}

/**
 * The proxy's matcher (proxy.ts), which Next reads literally at build time: every page rendered
 * per request, in every language, and the filtered listing (the plain listing with a filter key,
 * rewritten to /search after the proxy runs). Nothing with a body goes through the proxy: it
 * buffers what it matches (the `missing` conditions).
 */
export function proxyMatcher(locales: readonly string[]) {
  const missing = [
    { type: "header" as const, key: "next-action" },
    { type: "header" as const, key: "content-type" },
  ];
  const lang = `/${localeParam(locales)}`;
  const perRequest = ROUTES.filter((r) => r.kind === "page" && r.render === "per-request");
  const pages = perRequest.flatMap((r) => (r.localized ? [r.path, `${lang}${r.path}`] : [r.path]));
  const filtered = ["/", lang].flatMap((source) => FILTER_KEYS.map((key) => ({ source, has: [{ type: "query" as const, key }], missing })));
  return [...pages.map((source) => ({ source, missing })), ...filtered];
}
