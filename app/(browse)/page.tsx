import type { Metadata } from "next";
import Link from "next/link";
import { Hero } from "@/components/hero";
import { JobCard } from "@/components/job-card";
import { JobFilters } from "@/components/job-filters";
import { getBranding } from "@/lib/branding";
import { getOpenJobs } from "@/lib/jobs";
import { hasFilters, parseFilters, searchJobs } from "@/lib/jobs/search";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const filtered = hasFilters(parseFilters(await searchParams));
  // Filtered views are for people; the canonical listing is for search engines.
  return { alternates: { canonical: "/" }, ...(filtered ? { robots: { index: false, follow: true } } : {}) };
}

export default async function HomePage({ searchParams }: Props) {
  const filters = parseFilters(await searchParams);
  const [openJobs, branding] = await Promise.all([getOpenJobs(), getBranding()]);
  const { jobs, facets, total } = searchJobs(openJobs, filters);
  const active = hasFilters(filters);
  return (
    <main id="main">
      <Hero branding={branding} openCount={total} />
      <div className="mx-auto max-w-5xl px-4 py-8 sm:px-6">
        {branding.about ? (
          <section aria-labelledby="about-heading" className="mb-8">
            <h2 id="about-heading" className="text-xl font-semibold">
              About {branding.companyName}
            </h2>
            <p className="mt-2 whitespace-pre-line text-slate-700">{branding.about}</p>
          </section>
        ) : null}
        <JobFilters filters={filters} facets={facets} active={active} />
        <section aria-labelledby="jobs-heading" className="mt-8">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="jobs-heading" className="text-xl font-semibold">
              Open positions
            </h2>
            <p className="text-sm text-slate-700" role="status" data-testid="result-count">
              {active ? `${jobs.length} of ${total} jobs match` : `${total} jobs`}
            </p>
          </div>
          {jobs.length ? (
            <ul className="mt-4 grid gap-4" data-testid="job-list">
              {jobs.map((job) => (
                <li key={job.uuid}>
                  <JobCard job={job} />
                </li>
              ))}
            </ul>
          ) : (
            <div className="mt-4 rounded-lg border border-dashed border-slate-300 p-8 text-center" data-testid="empty-state">
              <p className="font-semibold text-slate-900">
                {total ? "No jobs match these filters." : "There are no open positions right now."}
              </p>
              <p className="mt-2 text-slate-700">
                {total ? (
                  <>
                    Try fewer filters or other words, or{" "}
                    <Link href="/" className="font-medium text-brand underline">
                      clear all filters
                    </Link>{" "}
                    to see all {total} jobs.
                  </>
                ) : (
                  "New roles are posted here first: come back soon."
                )}
              </p>
            </div>
          )}
        </section>
      </div>
    </main>
  );
}
