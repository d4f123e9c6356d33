import Link from "next/link";
import type { Branding } from "@/lib/branding";
import type { Facets, Filters } from "@/lib/jobs/search";
import type { Job } from "@/lib/jobs/types";
import { AlertSignup } from "./alerts/alert-signup";
import { Hero } from "./hero";
import { JobCard } from "./job-card";
import { JobFilters } from "./job-filters";

type Props = { branding: Branding; jobs: Job[]; facets: Facets; total: number; filters: Filters; active: boolean };

/** The listing page: hero, about, filters and the matching jobs (or a helpful empty state). */
export function JobListing({ branding, jobs, facets, total, filters, active }: Props) {
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
        <section className="mt-10" aria-label="Job alerts">
          <AlertSignup filters={active ? filters : {}} />
        </section>
      </div>
    </main>
  );
}
