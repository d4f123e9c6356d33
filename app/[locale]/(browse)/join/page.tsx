import type { Metadata } from "next";
import Link from "next/link";
import { ApplicationForm } from "@/components/apply/application-form";
import { ClientWords } from "@/components/client-words";
import { JobsLink } from "@/components/jobs-link";
import { alertsOffered } from "@/lib/alerts/switch";
import { countryOptions } from "@/lib/applications/countries";
import { formDefinition } from "@/lib/applications/definition";
import { issueFormToken } from "@/lib/applications/form-token";
import { env } from "@/lib/env";
import { alternates, pageLocale } from "@/lib/i18n/server";
import { words } from "@/lib/i18n/translator";
import { longDate } from "@/lib/jobs/format";
import { mailConfigured } from "@/lib/mail/transport";
import { consentUntil } from "@/lib/open-application/consents";
import { openApplicationJob } from "@/lib/open-application/settings";

// Rendered per request (it reads the query string, or per-visitor state).
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await pageLocale((await params).locale);
  const t = words(page.locale, "join");
  return { title: t("title"), description: t("intro", { company: page.branding.companyName, days: env().TALENT_CONSENT_DAYS }), alternates: alternates(page, "/join") };
}

// The open application: no job fits, and the candidate sends their CV anyway. It is the ordinary
// application form (with and without JavaScript, kept typing, finish later, the status page)
// for the Occupop job HR chose in the admin, asking the talent-database consent with its end
// date, and offering a job alert with it. Hidden while HR has chosen no job.
export default async function JoinPage({ params }: Props) {
  const page = await pageLocale((await params).locale);
  const t = words(page.locale, "join");
  const { branding } = page;
  const job = await openApplicationJob();
  const alerts = await alertsOffered();
  if (!job) {
    return (
      <main id="main" className="mx-auto max-w-3xl px-4 py-8 sm:px-6">
        <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t("title")}</h1>
        <p className="mt-3 text-slate-800" data-testid="join-closed">
          {t("closed", { company: branding.companyName })}
        </p>
        {alerts ? (
          <p className="mt-3">
            <Link href={page.path("/alerts/new")} className="inline-flex min-h-11 items-center font-medium text-brand underline">
              {t("alertsInstead")}
            </Link>
          </p>
        ) : null}
        <JobsLink href={page.path("/")} className="mt-4">
          {t("openJobs")}
        </JobsLink>
      </main>
    );
  }
  const until = longDate(consentUntil(), page.locale);
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-8 sm:px-6">
      <header>
        <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t("title")}</h1>
        <p className="mt-2 text-lg text-slate-800">{t("intro", { company: branding.companyName, days: env().TALENT_CONSENT_DAYS })}</p>
        <p className="mt-2 text-slate-700">
          {t("seeJobsFirst")}{" "}
          <Link href={page.path("/")} className="font-medium text-brand underline">
            {t("openJobs")}
          </Link>
        </p>
      </header>
      <section id="apply" aria-label={t("formLabel")} className="mt-6">
        <ClientWords locale={page.locale} namespaces={["apply"]}>
          <ApplicationForm
            definition={{ ...formDefinition(job), openApplication: { consentUntil: until, alertsOffered: alerts } }}
            countries={countryOptions(page.locale)}
            formToken={await issueFormToken(job.uuid)}
            privacyPolicyUrl={branding.privacyPolicyUrl}
            companyName={branding.companyName}
            utmSource=""
            permalink={page.path("/join")}
            prefix={page.prefix}
            canFinishLater={mailConfigured()}
          />
        </ClientWords>
      </section>
    </main>
  );
}
