import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { catalogs } from "@/lib/i18n/catalogs";
import { ClosedNotice } from "@/components/closed-notice";
import { AlertSignup } from "@/components/alerts/alert-signup";
import { ApplySection } from "@/components/apply/apply-section";
import { JobFacts } from "@/components/job-facts";
import { JobsLink } from "@/components/jobs-link";
import { StickyApply } from "@/components/sticky-apply";
import { formDefinition } from "@/lib/applications/definition";
import { env } from "@/lib/env";
import { alternates, pageLocale } from "@/lib/i18n/server";
import { getJobBySlug } from "@/lib/jobs";
import { mailConfigured } from "@/lib/mail/transport";
import { describeJob, excerpt } from "@/lib/jobs/description";
import { whereLabel } from "@/lib/jobs/format";
import { descriptionLanguage } from "@/lib/jobs/language";
import { jobPostingJsonLd, serializeJsonLd } from "@/lib/jobs/structured-data";
import { words } from "@/lib/i18n/translator";

type Props = { params: Promise<{ locale: string; slug: string }> };

// Served from the page cache (the same for every visitor; the form's per-visitor token is
// fetched by the browser): rendered on a job's first visit, again when the job list or the
// branding changes (lib/page-cache), and at least hourly. None is rendered at build time.
export const revalidate = 3600;
export async function generateStaticParams(): Promise<Array<{ slug: string }>> {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  const page = await pageLocale(locale);
  const job = await getJobBySlug(slug);
  if (!job) return {};
  const { branding } = page;
  const t = words(page.locale, "job");
  const title = t("titleAt", { title: job.title, company: branding.companyName });
  const description = excerpt(`${whereLabel(job, page.locale)}. ${describeJob(job).text}`, 200);
  const links = alternates(page, `/jobs/${job.slug}`);
  return {
    title: job.title,
    description,
    alternates: links,
    openGraph: { type: "website", title, description, url: links.canonical, siteName: branding.siteTitle, locale: page.locale },
    twitter: { card: "summary_large_image", title, description },
    ...(job.isOpen ? {} : { robots: { index: false, follow: true } }),
  };
}

export default async function JobPage({ params }: Props) {
  const { locale, slug } = await params;
  const page = await pageLocale(locale);
  const job = await getJobBySlug(slug);
  if (!job) notFound();
  const { branding } = page;
  const t = words(page.locale, "job");
  const { SITE_URL } = env();
  const description = describeJob(job);
  // The description is Occupop's, in whatever language the hiring team wrote it: when that is
  // not the page's, its element says so, for screen readers' pronunciation.
  const written = descriptionLanguage(job.uuid, description.text);
  const absolute = (u: string | null) => (u ? new URL(u, SITE_URL).toString() : null);
  const jsonLd = job.isOpen
    ? jobPostingJsonLd(job, `${SITE_URL}${page.path(`/jobs/${job.slug}`)}`, {
        name: branding.companyName,
        url: SITE_URL,
        logoUrl: absolute(branding.logoUrl) ?? job.companyLogoUrl,
        sameAs: branding.socialLinks.map((l) => l.url),
      })
    : null;

  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-4 sm:px-6 sm:py-8">
      <JobsLink href={page.path("/")}>
        <span aria-hidden="true">←&nbsp;</span>
        {t("backToAll")}
      </JobsLink>
      <header className="mt-1 sm:mt-2">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl" lang={written && written !== page.locale ? written : undefined}>
          {job.title}
        </h1>
        <p className="mt-1 text-slate-700 sm:text-lg">{branding.companyName}</p>
      </header>

      {job.isOpen ? null : <ClosedNotice locale={page.locale} prefix={page.prefix} />}

      <div className="mt-4 sm:mt-6">
        <JobFacts job={job} locale={page.locale} />
      </div>

      {job.isOpen ? (
        <p className="mt-4 sm:mt-6">
          <a
            id="apply-now"
            href="#apply"
            className="inline-flex min-h-11 items-center rounded-md bg-brand px-6 font-semibold text-brand-contrast hover:opacity-90"
          >
            {t("applyNow")}
          </a>
        </p>
      ) : null}

      <section aria-labelledby="role-heading" className="mt-10">
        <h2 id="role-heading" className="text-xl font-semibold text-slate-900">
          {t("aboutRole")}
        </h2>
        <div
          className="job-description mt-3"
          data-testid="job-description"
          lang={written && written !== page.locale ? written : undefined}
          dangerouslySetInnerHTML={{ __html: description.html }}
        />
      </section>

      {job.isOpen ? (
        <section id="apply" aria-labelledby="apply-heading" className="mt-12 scroll-mt-4 border-t border-slate-200 pt-8">
          <h2 id="apply-heading" className="text-2xl font-semibold text-slate-900">
            {t("applyHeading")}
          </h2>
          <ApplySection
            definition={formDefinition(job)}
            privacyPolicyUrl={branding.privacyPolicyUrl}
            companyName={branding.companyName}
            prefix={page.prefix}
            locale={page.locale}
            messages={catalogs[page.locale].apply}
            canFinishLater={mailConfigured()}
          />
        </section>
      ) : null}

      <section className="mt-12" aria-label={t("alertsSection")}>
        <AlertSignup filters={job.departments[0] ? { department: job.departments[0] } : {}} locale={page.locale} />
      </section>

      {job.isOpen ? <StickyApply label={t("applyNow")} buttonId="apply-now" formId="apply" /> : null}

      {jsonLd ? <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(jsonLd) }} /> : null}
    </main>
  );
}
