// The site's routes and their facts, in one place: which are route handlers (Next.js reads
// their bodies itself, as a web stream, so nothing may read them first), and which bodies each
// one takes. The HTTP front's body admission (lib/front/admission.ts) and next.config.ts's action
// body limit derive from it; a unit test holds the handlers to the files under app/.
// No "server-only": next.config.ts reads it.

export const KiB = 1024;
export const MiB = 1024 * KiB;

/** The largest resume (50 MiB, Occupop's own limit) plus the form's text fields. */
export const UPLOAD_BODY_BYTES = 51 * MiB;
/** Three branding images at their largest (lib/branding/images.ts) plus the editor's text. */
export const BRANDING_BODY_BYTES = 12 * MiB;

/** What a browser's forms and React's action calls send. */
const FORM_TYPES = ["multipart/form-data", "application/x-www-form-urlencoded", "text/plain"] as const;

/** What one route takes as a request body: at most `maxBytes`, of these media types ("*": any). */
export type BodyRule = {
  maxBytes: number;
  types: readonly string[] | "*";
  /** An application with its resume: counted against the uploads in flight (scripts/upload-gate.mjs). */
  upload?: true;
  /**
   * A route handler's: Next.js hands it the body as a web stream, which must not have been read
   * before (it would refuse it as "disturbed"), so the front checks it by its length and type
   * and cuts the connection past the cap, and the handler reads it through lib/http/body.ts.
   */
  handler?: true;
};

type BodyRoute = { pattern: string; localized?: true; rule: BodyRule };

/**
 * The route handlers (every route.ts under app/, and the metadata routes): every other path is a page,
 * whose server actions and form posts the front may read before Next.js does.
 */
export const ROUTE_HANDLERS: ReadonlyArray<{ pattern: string; localized?: true }> = [
  { pattern: "/api/health" },
  { pattern: "/api/ready" },
  { pattern: "/api/revalidate" },
  { pattern: "/api/insights" },
  { pattern: "/api/apply/token" },
  { pattern: "/api/alerts/confirm" },
  { pattern: "/api/alerts/unsubscribe" },
  { pattern: "/admin/insights/export" },
  { pattern: "/branding/images/:hash" },
  { pattern: "/jobs.json", localized: true },
  { pattern: "/jobs.rss", localized: true },
  { pattern: "/jobs/:slug/opengraph-image", localized: true },
  { pattern: "/sitemap.xml" },
  { pattern: "/robots.txt" },
  { pattern: "/icon.svg" },
];

/**
 * POST bodies per route. A page's server actions post to the page's own path, so the job
 * pages carry the application's limit and the branding editor its images'; every other page
 * takes small forms. Patterns: ":name" is one path segment.
 */
const BODY_ROUTES: BodyRoute[] = [
  // navigator.sendBeacon sends a string as text/plain.
  { pattern: "/api/insights", rule: { maxBytes: 4 * KiB, types: ["text/plain", "application/json"], handler: true } },
  { pattern: "/api/apply/token", rule: { maxBytes: 4 * KiB, types: ["application/json", "text/plain"], handler: true } },
  { pattern: "/api/alerts/confirm", rule: { maxBytes: 8 * KiB, types: ["application/x-www-form-urlencoded", "multipart/form-data"], handler: true } },
  // RFC 8058: a mail client's one-click POST is a form ("List-Unsubscribe=One-Click").
  { pattern: "/api/alerts/unsubscribe", rule: { maxBytes: 8 * KiB, types: FORM_TYPES, handler: true } },
  // A webhook's body is read by nobody (it is a signal to refresh), but senders send one.
  { pattern: "/api/revalidate", rule: { maxBytes: 64 * KiB, types: "*", handler: true } },
  { pattern: "/jobs/:slug", localized: true, rule: { maxBytes: UPLOAD_BODY_BYTES, types: FORM_TYPES, upload: true } },
  { pattern: "/jobs/:slug/apply", localized: true, rule: { maxBytes: UPLOAD_BODY_BYTES, types: FORM_TYPES, upload: true } },
  { pattern: "/admin/branding", rule: { maxBytes: BRANDING_BODY_BYTES, types: FORM_TYPES } },
];

/** Any other page's forms (sign-in, alerts, the admin's small forms) are small. */
const DEFAULT_FORM_RULE: BodyRule = { maxBytes: 128 * KiB, types: FORM_TYPES };
/** A route handler that takes no body (GET only) gets none worth the name. */
const HANDLER_NO_BODY_RULE: BodyRule = { maxBytes: 16 * KiB, types: "*", handler: true };
/** Other methods than POST take no body worth the name (the app answers none of them with one). */
const NO_BODY_RULE: BodyRule = { maxBytes: 16 * KiB, types: "*" };

/** The language prefixes a localized route may carry (lib/i18n/locales LOCALES, and "_" after the rewrite). */
const LOCALE_PREFIX = "(?:/(?:[a-z]{2}|_))?";

function compile({ pattern, localized }: { pattern: string; localized?: true }): RegExp {
  const body = pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/:[a-zA-Z]+/g, "[^/]+");
  // Next adds a hash to a metadata image's address (opengraph-image-1a2b3c).
  const suffix = pattern.endsWith("-image") ? "(?:-[\\w-]+)?" : "";
  return new RegExp(`^${localized ? LOCALE_PREFIX : ""}${body}${suffix}/?$`);
}

const COMPILED = BODY_ROUTES.map((route) => ({ regex: compile(route), rule: route.rule }));
const HANDLERS = ROUTE_HANDLERS.map(compile);

/** True when a path is served by a route handler (not a page). */
export const isRouteHandler = (pathname: string) => HANDLERS.some((regex) => regex.test(pathname));

/** The body rule for a request: its route's, else the small forms' (POST) or none to speak of. */
export function bodyRuleFor(method: string, pathname: string): BodyRule {
  const handler = isRouteHandler(pathname);
  if (method !== "POST") return handler ? HANDLER_NO_BODY_RULE : NO_BODY_RULE;
  return COMPILED.find((r) => r.regex.test(pathname))?.rule ?? (handler ? HANDLER_NO_BODY_RULE : DEFAULT_FORM_RULE);
}

/** The media type of a Content-Type header, lower case, without parameters. */
export function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? "").split(";")[0]!.trim().toLowerCase();
}
