import { createRequire } from "node:module";
import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { FALLBACK_POLICY } from "./lib/csp.mjs";
import { DEFAULT_SEGMENT, LOCALES } from "./lib/i18n/locales";
import { cachedSources, defaultLanguageSources, FILTER_KEYS, localeParam, PRIVATE_LINK_HEADERS, privateLinkSources, PUBLIC_CACHE_CONTROL, SECURITY_HEADERS, UPLOAD_BODY_BYTES } from "./lib/routes";

const require = createRequire(import.meta.url);
// next-intl reads each page's catalog through this (lib/i18n/request.ts).
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");
/** A language prefix in a path pattern: /:locale(en|de|fr|es). */
const LOCALE_PARAM = localeParam(LOCALES);

const nextConfig: NextConfig = {
  // Deployed as a standalone Node.js server (scripts/server.mjs runs it).
  output: "standalone",
  // Replicas must come from one build. Building once (one image) gives that; a build made
  // more than once for the same release can pin its id with NEXT_BUILD_ID. The key that
  // seals server actions is NEXT_SERVER_ACTIONS_ENCRYPTION_KEY at build time (Next reads it).
  generateBuildId: async () => process.env.NEXT_BUILD_ID || null,
  poweredByHeader: false,
  // Native and worker-thread packages stay plain Node requires.
  serverExternalPackages: ["better-sqlite3", "pg", "pino"],
  // The public pages' cache: this server's memory, kept in step with every change to the job
  // list or the branding (lib/page-cache). Next's own memory layer is off: the handler is it.
  cacheHandler: require.resolve("./lib/page-cache/cache-handler.mjs"),
  cacheMaxMemorySize: 0,
  async rewrites() {
    return {
      beforeFiles: [
        // A listing with search words or filters is rendered per request; the plain one is cached.
        ...FILTER_KEYS.map((key) => ({ source: "/", has: [{ type: "query" as const, key }], destination: `/${DEFAULT_SEGMENT}/search` })),
        ...FILTER_KEYS.map((key) => ({ source: `/${LOCALE_PARAM}`, has: [{ type: "query" as const, key }], destination: "/:locale/search" })),
        // The default language's pages have no prefix: they live under app/[locale] as "_".
        ...defaultLanguageSources().map((source) => ({ source, destination: `/${DEFAULT_SEGMENT}${source === "/" ? "" : source}` })),
      ],
      afterFiles: [],
      fallback: [],
    };
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: Object.entries(SECURITY_HEADERS).map(([key, value]) => ({ key, value })),
      },
      // Pages bring their own Content-Security-Policy (a nonce per request in proxy.ts, or the
      // hashes of a cached page's inline scripts from the cache handler): a second policy here
      // would be enforced too and block them. API routes get this-origin-only scripts; the
      // branding images set their own (nothing at all may run).
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: FALLBACK_POLICY }] },
      // The widget for other sites (lib/embed/widget.ts): any page may load it, a CDN may keep
      // it a day, browsers an hour (its address never changes, so that is how long a new one takes).
      {
        source: "/embed.js",
        headers: [
          { key: "Cache-Control", value: "public, max-age=3600, s-maxage=86400, stale-while-revalidate=604800" },
          { key: "Access-Control-Allow-Origin", value: "*" },
          { key: "Cross-Origin-Resource-Policy", value: "cross-origin" },
        ],
      },
      // A link that is a credential (a status page, an alert's management page): never indexed,
      // never passed on as a Referer. Later entries win, so this replaces the site-wide policy.
      ...privateLinkSources(LOCALES).map((source) => ({
        source,
        headers: Object.entries(PRIVATE_LINK_HEADERS).map(([key, value]) => ({ key, value })),
      })),
      // The same for every visitor, so a CDN may keep them (lib/routes.ts). Errors still go out
      // as private, no-store: Next sets that on them itself. A listing with search words or
      // filters is rendered per request for one visitor: never shared (it carries a nonce).
      ...cachedSources(LOCALES).map(({ source, listing }) => ({
        source,
        ...(listing ? { missing: FILTER_KEYS.map((key) => ({ type: "query" as const, key })) } : {}),
        headers: [{ key: "Cache-Control", value: PUBLIC_CACHE_CONTROL }],
      })),
    ];
  },
  experimental: {
    serverActions: {
      // A 50 MiB resume plus the form's text fields (lib/routes.ts; the front caps other routes lower).
      bodySizeLimit: UPLOAD_BODY_BYTES,
    },
  },
};

export default withNextIntl(nextConfig);
