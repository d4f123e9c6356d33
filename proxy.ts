// Next.js's proxy (formerly middleware), for pages rendered per request only: it gives each
// such page a fresh nonce and a Content-Security-Policy that lets only scripts carrying it run
// (Next puts the nonce on its own scripts when it finds it in the request's policy). Pages
// served from the cache carry the hashes of their inline scripts instead (the cache handler).
//
// The matcher is narrow on purpose: the proxy buffers the bodies it matches and passes on
// only their first 10 MB, so nothing with a body (a form post, a Server Action with its
// resume: the next-action header) ever goes through it, nor static files. Prefetches do: a
// page rendered for a prefetch carries its policy like any other.
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy } from "@/lib/csp.mjs";

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = contentSecurityPolicy(`'nonce-${nonce}' 'strict-dynamic'`);
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

// Kept literal, every entry whole: Next reads it at build time. It is what lib/routes.ts's
// proxyMatcher() derives from the route table (every page rendered per request, in every
// language, and the filtered listing, rewritten to /search after this runs); a unit test holds
// the two together and prints the entries to paste when a page is added. Nothing with a body
// matches (the `missing` list): the proxy buffers what it matches.
export const config = {
  matcher: [
    { source: "/search", missing: [{ type: "header", key: "next-action" }, { type: "header", key: "content-type" }] },
    { source: "/:locale(en|de|fr|es)/search", missing: [{ type: "header", key: "next-action" }, { type: "header", key: "content-type" }] },
    { source: "/jobs/:slug/apply", missing: [{ type: "header", key: "next-action" }, { type: "header", key: "content-type" }] },
    { source: "/:locale(en|de|fr|es)/jobs/:slug/apply", missing: [{ type: "header", key: "next-action" }, { type: "header", key: "content-type" }] },
    { source: "/jobs/:slug/applied", missing: [{ type: "header", key: "next-action" }, { type: "header", key: "content-type" }] },
    { source: "/:locale(en|de|fr|es)/jobs/:slug/applied", missing: [{ type: "header", key: "next-action" }, { type: "header", key: "content-type" }] },
    { source: "/gone/:slug", missing: [{ type: "header", key: "next-action" }, { type: "header", key: "content-type" }] },
    { source: "/:locale(en|de|fr|es)/gone/:slug", missing: [{ type: "header", key: "next-action" }, { type: "header", key: "content-type" }] },
    { source: "/accessibility", missing: [{ type: "header", key: "next-action" }, { type: "header", key: "content-type" }] },
    { source: "/:locale(en|de|fr|es)/accessibility", missing: [{ type: "header", key: "next-action" }, { type: "header", key: "content-type" }] },
    { source: "/alerts/new", missing: [{ type: "header", key: "next-action" }, { type: "header", key: "content-type" }] },
    { source: "/:locale(en|de|fr|es)/alerts/new", missing: [{ type: "header", key: "next-action" }, { type: "header", key: "content-type" }] },
    { source: "/alerts/confirm", missing: [{ type: "header", key: "next-action" }, { type: "header", key: "content-type" }] },
    { source: "/:locale(en|de|fr|es)/alerts/confirm", missing: [{ type: "header", key: "next-action" }, { type: "header", key: "content-type" }] },
    { source: "/alerts/manage", missing: [{ type: "header", key: "next-action" }, { type: "header", key: "content-type" }] },
    { source: "/:locale(en|de|fr|es)/alerts/manage", missing: [{ type: "header", key: "next-action" }, { type: "header", key: "content-type" }] },
    { source: "/status", missing: [{ type: "header", key: "next-action" }, { type: "header", key: "content-type" }] },
    { source: "/:locale(en|de|fr|es)/status", missing: [{ type: "header", key: "next-action" }, { type: "header", key: "content-type" }] },
    { source: "/join", missing: [{ type: "header", key: "next-action" }, { type: "header", key: "content-type" }] },
    { source: "/:locale(en|de|fr|es)/join", missing: [{ type: "header", key: "next-action" }, { type: "header", key: "content-type" }] },
    { source: "/join/renew", missing: [{ type: "header", key: "next-action" }, { type: "header", key: "content-type" }] },
    { source: "/:locale(en|de|fr|es)/join/renew", missing: [{ type: "header", key: "next-action" }, { type: "header", key: "content-type" }] },
    { source: "/r/:code", missing: [{ type: "header", key: "next-action" }, { type: "header", key: "content-type" }] },
    { source: "/admin", missing: [{ type: "header", key: "next-action" }, { type: "header", key: "content-type" }] },
    { source: "/admin/branding", missing: [{ type: "header", key: "next-action" }, { type: "header", key: "content-type" }] },
    { source: "/admin/:path*", missing: [{ type: "header", key: "next-action" }, { type: "header", key: "content-type" }] },
    { source: "/", has: [{ type: "query", key: "q" }], missing: [{ type: "header", key: "next-action" }, { type: "header", key: "content-type" }] },
    { source: "/", has: [{ type: "query", key: "department" }], missing: [{ type: "header", key: "next-action" }, { type: "header", key: "content-type" }] },
    { source: "/", has: [{ type: "query", key: "country" }], missing: [{ type: "header", key: "next-action" }, { type: "header", key: "content-type" }] },
    { source: "/", has: [{ type: "query", key: "city" }], missing: [{ type: "header", key: "next-action" }, { type: "header", key: "content-type" }] },
    { source: "/", has: [{ type: "query", key: "workplace" }], missing: [{ type: "header", key: "next-action" }, { type: "header", key: "content-type" }] },
    { source: "/", has: [{ type: "query", key: "schedule" }], missing: [{ type: "header", key: "next-action" }, { type: "header", key: "content-type" }] },
    { source: "/", has: [{ type: "query", key: "contract" }], missing: [{ type: "header", key: "next-action" }, { type: "header", key: "content-type" }] },
    { source: "/:locale(en|de|fr|es)", has: [{ type: "query", key: "q" }], missing: [{ type: "header", key: "next-action" }, { type: "header", key: "content-type" }] },
    { source: "/:locale(en|de|fr|es)", has: [{ type: "query", key: "department" }], missing: [{ type: "header", key: "next-action" }, { type: "header", key: "content-type" }] },
    { source: "/:locale(en|de|fr|es)", has: [{ type: "query", key: "country" }], missing: [{ type: "header", key: "next-action" }, { type: "header", key: "content-type" }] },
    { source: "/:locale(en|de|fr|es)", has: [{ type: "query", key: "city" }], missing: [{ type: "header", key: "next-action" }, { type: "header", key: "content-type" }] },
    { source: "/:locale(en|de|fr|es)", has: [{ type: "query", key: "workplace" }], missing: [{ type: "header", key: "next-action" }, { type: "header", key: "content-type" }] },
    { source: "/:locale(en|de|fr|es)", has: [{ type: "query", key: "schedule" }], missing: [{ type: "header", key: "next-action" }, { type: "header", key: "content-type" }] },
    { source: "/:locale(en|de|fr|es)", has: [{ type: "query", key: "contract" }], missing: [{ type: "header", key: "next-action" }, { type: "header", key: "content-type" }] },
  ],
};
