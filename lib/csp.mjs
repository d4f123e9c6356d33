// @ts-check
// The Content-Security-Policy every page carries, in one place. Scripts are the point: a page
// rendered per request runs only scripts carrying its nonce (proxy.ts), a page served from
// the cache only its own inline scripts by hash (lib/page-cache/cache-handler.mjs), both only
// this origin's files. Always: no plugins, no <base>, forms post here, framed only by us.
// Plain JavaScript: the cache handler, which Next loads outside the app's bundle, reads it too.

/** @param {string} scriptSources e.g. "'nonce-…' 'strict-dynamic'" or "'self' 'sha256-…'" */
export function contentSecurityPolicy(scriptSources) {
  const dev = process.env.NODE_ENV === "development";
  return [
    "default-src 'self'",
    `script-src ${scriptSources}${dev ? " 'unsafe-eval'" : ""}`,
    // Tailwind and React set style attributes (the brand colours on <html>); no script runs from CSS.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join("; ");
}

/** For a response whose scripts are not known here (errors, feeds): this origin's files only. */
export const FALLBACK_POLICY = contentSecurityPolicy("'self'");
