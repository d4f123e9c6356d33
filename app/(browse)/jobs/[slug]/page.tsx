import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ClosedNotice } from "@/components/closed-notice";
import { AlertSignup } from "@/components/alerts/alert-signup";
import { ApplySection } from "@/components/apply/apply-section";
import { JobFacts } from "@/components/job-facts";
import { formDefinition } from "@/lib/applications/definition";
import { getBranding } from "@/lib/branding";
import { env } from "@/lib/env";
import { getJobBySlug } from "@/lib/jobs";
import { describeJob, excerpt } from "@/lib/jobs/description";
import { whereLabel } from "@/lib/jobs/format";
import { jobPostingJsonLd, serializeJsonLd } from "@/lib/jobs/structured-data";

type Props = { params: Promise<{ slug: string }> };

// Served from the page cache (the same for every visitor; the form's per-visitor token is
// fetched by the browser): rendered on a job's first visit, again when the job list or the
// branding changes (lib/page-cache), and at least hourly. None is rendered at build time.
export const revalidate = 3600;
export async function generateStaticParams(): Promise<Array<{ slug: string }>> {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const job = await getJobBySlug((await params).slug);
  if (!job) return {};
  const branding = await getBranding();
  const title = `${job.title} at ${branding.companyName}`;
  const description = excerpt(`${whereLabel(job)}. ${describeJob(job).text}`, 200);
  const url = `/jobs/${job.slug}`;
  return {
    title: job.title,
    description,
    alternates: { canonical: url },
    openGraph: { type: "website", title, description, url, siteName: branding.siteTitle },
    twitter: { card: "summary_large_image", title, description },
    ...(job.isOpen ? {} : { robots: { index: false, follow: true } }),
  };
}

export default async function JobPage({ params }: Props) {
  const job = await getJobBySlug((await params).slug);
  if (!job) notFound();
  const branding = await getBranding();
  const { SITE_URL } = env();
  const description = describeJob(job);
  const absolute = (u: string | null) => (u ? new URL(u, SITE_URL).toString() : null);
  const jsonLd = job.isOpen
    ? jobPostingJsonLd(job, `${SITE_URL}/jobs/${job.slug}`, {
        name: branding.companyName,
        url: SITE_URL,
        logoUrl: absolute(branding.logoUrl) ?? job.companyLogoUrl,
        sameAs: branding.socialLinks.map((l) => l.url),
      })
    : null;

  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-8 sm:px-6">
      <p>
        <Link href="/" className="inline-flex min-h-11 items-center font-medium text-brand underline">
          <span aria-hidden="true">←&nbsp;</span>All jobs
        </Link>
      </p>
      <header className="mt-2">
        <h1 className="text-3xl font-bold tracking-tight text-slate-900">{job.title}</h1>
        <p className="mt-1 text-lg text-slate-700">{branding.companyName}</p>
      </header>

      {job.isOpen ? null : (
        <ClosedNotice />
      )}

      <div className="mt-6">
        <JobFacts job={job} />
      </div>

      {job.isOpen ? (
        <p className="mt-6">
          <a href="#apply" className="inline-flex min-h-11 items-center rounded-md bg-brand px-6 font-semibold text-brand-contrast hover:opacity-90">
            Apply now
          </a>
        </p>
      ) : null}

      <section aria-labelledby="role-heading" className="mt-10">
        <h2 id="role-heading" className="text-xl font-semibold text-slate-900">
          About the role
        </h2>
        <div className="job-description mt-3" data-testid="job-description" dangerouslySetInnerHTML={{ __html: description.html }} />
      </section>

      {job.isOpen ? (
        <section id="apply" aria-labelledby="apply-heading" className="mt-12 scroll-mt-4 border-t border-slate-200 pt-8">
          <h2 id="apply-heading" className="text-2xl font-semibold text-slate-900">
            Apply for this job
          </h2>
          <ApplySection definition={formDefinition(job)} privacyPolicyUrl={branding.privacyPolicyUrl} companyName={branding.companyName} />
        </section>
      ) : null}

      <section className="mt-12" aria-label="Job alerts">
        <AlertSignup filters={job.departments[0] ? { department: job.departments[0] } : {}} />
      </section>

      {jsonLd ? <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(jsonLd) }} /> : null}
    </main>
  );
}
