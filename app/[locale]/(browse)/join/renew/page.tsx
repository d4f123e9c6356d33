import type { Metadata } from "next";
import { JobsLink } from "@/components/jobs-link";
import { env } from "@/lib/env";
import { pageLocale } from "@/lib/i18n/server";
import { words } from "@/lib/i18n/translator";
import { findConsent } from "@/lib/open-application/consents";
import { longDate } from "@/lib/jobs/format";

// Rendered per request (it reads the query string, or per-visitor state).
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await pageLocale((await params).locale);
  return { title: words(page.locale, "join")("renewTitle"), robots: { index: false, follow: false }, referrer: "same-origin" };
}


// From the renewal email: keep the talent-database consent another TALENT_CONSENT_DAYS, or end
// it now. The link is the credential; a wrong one shows nothing about anyone. No JavaScript needed.
export default async function RenewConsentPage({ params, searchParams }: Props) {
  const page = await pageLocale((await params).locale);
  const t = words(page.locale, "join");
  const query = await searchParams;
  const token = typeof query.token === "string" ? query.token : "";
  const consent = await findConsent(token);
  const company = page.branding.companyName;
  const home = (
    <JobsLink href={page.path("/")} className="mt-6">
      {t("openJobs")}
    </JobsLink>
  );
  if (!consent) {
    return (
      <main id="main" className="mx-auto max-w-2xl px-4 py-12 sm:px-6">
        <h1 className="text-2xl font-bold text-slate-900">{t("renewGoneTitle")}</h1>
        <p className="mt-2 text-slate-800" data-testid="consent-gone">
          {t("renewGone")}
        </p>
        {home}
      </main>
    );
  }
  const standing = consent.ended === null;
  const form = (action: "renew" | "end", label: string, look: string) => (
    <form method="post" action="/api/join/consent">
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="locale" value={page.locale} />
      <input type="hidden" name="action" value={action} />
      <button type="submit" className={`min-h-11 rounded-md px-5 font-semibold ${look}`} data-testid={`consent-${action}`}>
        {label}
      </button>
    </form>
  );
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-12 sm:px-6">
      <h1 className="text-2xl font-bold text-slate-900">{t("renewTitle")}</h1>
      <p className="mt-3 text-slate-800" role="status" data-testid="consent-state" data-state={consent.ended ?? "standing"}>
        {standing
          ? t("standsUntil", { company, date: longDate(Number(consent.expires_at), page.locale) })
          : t("endedOn", { company, date: longDate(Number(consent.ended_at), page.locale) })}
      </p>
      <div className="mt-6 flex flex-wrap gap-3">
        {form("renew", t("renewButton"), "bg-brand text-brand-contrast")}
        {standing ? form("end", t("endButton"), "border border-slate-400 bg-white text-slate-900") : null}
      </div>
      <p className="mt-4 text-sm text-slate-700">{t("renewNote", { days: env().TALENT_CONSENT_DAYS })}</p>
      {home}
    </main>
  );
}
