// Which public URLs a CDN may cache, and for how long: read by next.config.ts (headers and
// rewrites), so the policy lives in one place. No "server-only": next.config imports it.

/**
 * For browsers: always ask again (max-age=0). For shared caches (a CDN): keep it a minute,
 * then serve it stale for up to ten while fetching a fresh copy. The origin itself renders
 * again on every job-list or branding change (lib/page-cache), so a minute is the most a
 * CDN lags behind.
 */
export const PUBLIC_CACHE_CONTROL = "public, max-age=0, s-maxage=60, stale-while-revalidate=600";

/** Paths served from the page cache (next.config.ts `headers`). */
export const CACHED_PATHS = ["/", "/jobs/:slug", "/jobs.json", "/jobs.rss", "/sitemap.xml", "/robots.txt"];

/** Those of them each language has too, under its prefix (/de/jobs/:slug); the sitemap and robots.txt are one for all. */
export const CACHED_PER_LANGUAGE = ["/", "/jobs/:slug", "/jobs.json", "/jobs.rss"];

/**
 * The public pages that exist in every language (app/[locale]): /de/jobs/x is German, and the
 * unprefixed /jobs/x is the default language's, rewritten to /_/jobs/x (next.config.ts).
 */
export const LOCALIZED_PATHS = ["/", "/search", "/accessibility", "/jobs/:path*", "/alerts/:path*", "/jobs.json", "/jobs.rss"];

/**
 * The listing's filters, as query keys: they make the listing a filtered one, rendered per
 * request at /search; a job alert keeps the same ones (lib/alerts/filters), in this order.
 */
export const FILTER_KEYS = ["q", "department", "country", "city", "workplace", "schedule", "contract"] as const;
