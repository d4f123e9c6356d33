// The feed routes' answer (/jobs.json, /jobs.rss, in each language): the open jobs in the
// language's branding, or a 503 in its words when none were ever loaded.
import "server-only";
import { brandingIn, getBranding, type Branding } from "@/lib/branding";
import { env } from "@/lib/env";
import { localePrefix, offeredLocale, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { getOpenJobs, JobsUnavailableError, type Job } from "@/lib/jobs";

export type FeedInput = { jobs: Job[]; siteUrl: string; branding: Branding; language: { locale: Locale; prefix: string } };

/** The feed routes' [locale] segment ("_": the default language); null when not on offer. */
export async function feedLanguage(segment: string): Promise<{ locale: Locale; prefix: string } | null> {
  const { languages } = await getBranding();
  const locale = offeredLocale(languages, segment);
  if (!locale) return null;
  return { locale, prefix: localePrefix(locale, languages.defaultLocale) };
}

export async function withOpenJobs(segment: string, render: (input: FeedInput) => Response): Promise<Response> {
  const language = await feedLanguage(segment);
  if (!language) return new Response("Not found\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  try {
    const [jobs, branding] = await Promise.all([getOpenJobs(), getBranding()]);
    return render({ jobs, siteUrl: env().SITE_URL, branding: brandingIn(branding, language.locale), language });
  } catch (error) {
    if (!JobsUnavailableError.is(error)) throw error;
    return new Response(`${translator(language.locale)("unavailable.plain")}\n`, {
      status: 503,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "120" },
    });
  }
}
