// The public pages' gate (in the site's room: it speaks HTTP, in the site's branding and words).
// Pages are served from a cache and React cannot set a status, so the
// one case where there is nothing to show at all (no job list was ever loaded: Occupop has not
// answered since this deployment began) is decided before Next.js renders anything: the front
// door (./front-door.ts) asks this gate for every request to a path the route table marks gated,
// and the front sends its answer (HTTP 503 with Retry-After, never cached) instead of a page.
// With a job list in hand the check is one synchronous look and lets everything through.
import "server-only";
import { getBranding } from "@/lib/branding";
import { FALLBACK_POLICY } from "@/lib/csp.mjs";
import type { PlainAnswer } from "@/lib/front/hooks";
import { splitLocale, type Locale } from "@/lib/i18n/locales";
import { offeredLanguages } from "@/lib/i18n/offered";
import { translator } from "@/lib/i18n/translator";
import { log } from "@/lib/log";
import { routeOf } from "@/lib/routes";
import { plainPage } from "./pages";
import { getJobsSnapshot, hasJobs, JobsUnavailableError } from "@/lib/jobs/cache";

/** The feeds answer in plain text; pages get a page. */
const isFeed = (path: string) => routeOf(path)?.kind === "handler";

/** The language of a public path: its prefix, or else the default. */
function languageOf(pathname: string): { locale: Locale; path: string } {
  const { locale, path } = splitLocale(pathname);
  return { locale: locale ?? offeredLanguages()?.defaultLocale ?? "en", path };
}

async function unavailablePage(locale: Locale): Promise<string> {
  const t = translator(locale);
  const branding = await getBranding().catch(() => null);
  return plainPage({
    lang: locale,
    title: `${t("unavailable.title")} | ${branding?.siteTitle ?? "Careers"}`,
    heading: t("unavailable.title"),
    paragraphs: [t("unavailable.body")],
    header: branding?.companyName ?? "Careers",
    colour: branding?.primaryColor,
    link: { href: "", label: t("unavailable.retry") },
  });
}

async function answer(pathname: string, locale: Locale): Promise<PlainAnswer | null> {
  try {
    await getJobsSnapshot();
    return null;
  } catch (error) {
    if (!JobsUnavailableError.is(error)) throw error;
  }
  const headers = { "Retry-After": "120", "Cache-Control": "no-store", "Content-Security-Policy": FALLBACK_POLICY };
  if (isFeed(pathname)) {
    return { status: 503, headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" }, body: `${translator(locale).raw("unavailable.plain") as string}\n` };
  }
  return { status: 503, headers: { ...headers, "Content-Type": "text/html; charset=utf-8" }, body: await unavailablePage(locale) };
}

/**
 * For a path the route table marks gated (lib/routes.ts; the front door asks): null at once
 * while a job list is held, else a promise of the 503 (or null, when one could be loaded now).
 */
export function gateAnswer(pathname: string): Promise<PlainAnswer | null> | null {
  if (hasJobs()) return null;
  const { locale, path } = languageOf(pathname);
  return answer(path, locale).catch((error: unknown) => {
    log("jobs").error({ err: error instanceof Error ? error.message : String(error) }, "public gate failed; letting the request through");
    return null;
  });
}
