import type { Metadata } from "next";
import { AlertForm } from "@/components/alerts/alert-form";
import { alertFormWords } from "@/components/alerts/alert-signup";
import { JobsLink } from "@/components/jobs-link";
import { alertFiltersSchema, canonicalFilters, type AlertFilters } from "@/lib/alerts/filters";
import { alertsOffered } from "@/lib/alerts/switch";
import { getBranding } from "@/lib/branding";
import { pageLocale } from "@/lib/i18n/server";
import { words } from "@/lib/i18n/translator";

// Rendered per request (it reads the query string, or per-visitor state).
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await pageLocale((await params).locale);
  const t = words(page.locale, "alerts");
  return { title: t("pageTitle"), robots: { index: false, follow: true } };
}

// Job alerts on a page of their own: a link from anywhere (/alerts/new?department=…), and where
// the sign-up form posts without JavaScript, to show its answer.
export default async function NewAlertPage({ params: route, searchParams }: Props) {
  const page = await pageLocale((await route).locale);
  const t = words(page.locale, "alerts");
  const params = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const parsed = alertFiltersSchema.safeParse(Object.fromEntries(Object.entries(params).map(([k, v]) => [k, one(v)])));
  const filters: AlertFilters = parsed.success ? canonicalFilters(parsed.data) : {};
  const [offered, branding] = await Promise.all([alertsOffered(), getBranding()]);
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-12 sm:px-6">
      <h1 className="text-2xl font-bold text-slate-900">{t("pageTitle")}</h1>
      <p className="mt-2 text-slate-700">{t("pageIntro", { company: branding.companyName })}</p>
      <div className="mt-6">
        {offered ? (
          <AlertForm
            id="alert-page"
            filters={filters}
            locale={page.locale}
            words={alertFormWords(page.locale, filters, branding.companyName)}
            privacyPolicyUrl={branding.privacyPolicyUrl}
          />
        ) : (
          <p className="rounded-md border border-slate-300 bg-slate-50 p-4" data-testid="alerts-off">
            {t("unavailable")}
          </p>
        )}
      </div>
      <JobsLink href={page.path("/")} className="mt-6">
        {t("allJobs")}
      </JobsLink>
    </main>
  );
}
