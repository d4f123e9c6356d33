// The public pages' gate. Pages are served from a cache and React cannot set a status, so the
// one case where there is nothing to show at all (no job list was ever loaded: Occupop has not
// answered since this deployment began) is decided before Next.js renders anything:
// scripts/server.mjs asks this gate first, for every GET of a public page or feed, and sends
// its answer (HTTP 503 with Retry-After, never cached) instead of a page. With a job list in
// hand the check is one synchronous look and lets everything through.
import "server-only";
import { getBranding } from "@/lib/branding";
import { FALLBACK_POLICY } from "@/lib/csp.mjs";
import { frontHooks, type FrontHooks, type PlainAnswer } from "@/lib/front/hooks";
import { splitLocale, type Locale } from "@/lib/i18n/locales";
import { offeredLanguages } from "@/lib/i18n/offered";
import { translator } from "@/lib/i18n/translator";
import { log } from "@/lib/log";
import { getJobsSnapshot, hasJobs, JobsUnavailableError } from "./cache";

export type GateAnswer = PlainAnswer;
/** null at once when there is nothing to decide; a promise when the job list must be sought. */
type Gate = NonNullable<FrontHooks["publicGate"]>;

const FEEDS = new Set(["/jobs.json", "/jobs.rss", "/sitemap.xml"]);
const isJobsPath = (p: string) => p === "/" || p === "/search" || p.startsWith("/jobs/") || FEEDS.has(p);

/** The language of a public path: its prefix, or else the default. */
function languageOf(pathname: string): { locale: Locale; path: string } {
  const { locale, path } = splitLocale(pathname);
  return { locale: locale ?? offeredLanguages()?.defaultLocale ?? "en", path };
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

async function unavailablePage(locale: Locale): Promise<string> {
  const t = translator(locale);
  const branding = await getBranding().catch(() => null);
  const company = escape(branding?.companyName ?? "Careers");
  const title = escape(branding?.siteTitle ?? "Careers");
  const colour = /^#[0-9a-f]{6}$/i.test(branding?.primaryColor ?? "") ? branding!.primaryColor : "#14532d";
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escape(t("unavailable.title"))} | ${title}</title>
<style>body{margin:0;font:16px/1.6 system-ui,-apple-system,"Segoe UI",sans-serif;color:#0f172a}header{border-bottom:1px solid #e2e8f0;padding:1rem}header p{margin:0 auto;max-width:64rem;font-weight:600;font-size:1.125rem}main{max-width:36rem;margin:4rem auto;padding:0 1rem;text-align:center}h1{font-size:1.5rem}a{display:inline-flex;align-items:center;min-height:2.75rem;padding:0 1.25rem;border-radius:.375rem;background:${colour};color:#fff;font-weight:600;text-decoration:none}</style></head>
<body><header><p>${company}</p></header><main id="main"><h1>${escape(t("unavailable.title"))}</h1><p>${escape(t("unavailable.body"))}</p><p><a href="">${escape(t("unavailable.retry"))}</a></p></main></body></html>`;
}

async function answer(pathname: string, locale: Locale): Promise<GateAnswer | null> {
  try {
    await getJobsSnapshot();
    return null;
  } catch (error) {
    if (!(error instanceof JobsUnavailableError)) throw error;
  }
  const headers = { "Retry-After": "120", "Cache-Control": "no-store", "Content-Security-Policy": FALLBACK_POLICY };
  if (FEEDS.has(pathname)) {
    return { status: 503, headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" }, body: `${translator(locale).raw("unavailable.plain") as string}\n` };
  }
  return { status: 503, headers: { ...headers, "Content-Type": "text/html; charset=utf-8" }, body: await unavailablePage(locale) };
}

/** Called once at start (lib/boot.ts). */
export function registerPublicGate(): void {
  const gate: Gate = (pathname) => {
    if (hasJobs()) return null;
    const { locale, path } = languageOf(pathname);
    return !isJobsPath(path)
      ? null
      : answer(path, locale).catch((error: unknown) => {
          log("jobs").error({ err: error instanceof Error ? error.message : String(error) }, "public gate failed; letting the request through");
          return null;
        });
  };
  frontHooks().publicGate = gate;
}
