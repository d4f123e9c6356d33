import Link from "next/link";
import type { Branding } from "@/lib/branding";
import type { PageLocale } from "@/lib/i18n/server";
import type { Facets, Filters } from "@/lib/jobs/search";
import type { Job } from "@/lib/jobs/types";
import { AlertSignup } from "./alerts/alert-signup";
import { Hero } from "./hero";
import { JobCard } from "./job-card";
import { JobFilters } from "./job-filters";
import { words } from "@/lib/i18n/translator";
import { openApplicationJob } from "@/lib/open-application/settings";

type Props = { branding: Branding; page: PageLocale; jobs: Job[]; facets: Facets; total: number; filters: Filters; active: boolean };

/** The listing page: hero, about, filters and the matching jobs (or a helpful empty state). */
export async function JobListing({ branding, page, jobs, facets, total, filters, active }: Props) {
  const t = words(page.locale, "listing");
  const tJob = words(page.locale, "job");
  const posted = (when: string) => tJob("posted", { when });
  const home = page.path("/");
  const openApplication = await openApplicationJob().catch(() => null);
  return (
    <main id="main">
      <Hero branding={branding} openCount={total} locale={page.locale} />
      <div className="mx-auto max-w-5xl px-4 py-4 sm:px-6 sm:py-8">
        {branding.about ? (
          <section aria-labelledby="about-heading" className="mb-8">
            <h2 id="about-heading" className="text-xl font-semibold">
              {t("about", { company: branding.companyName })}
            </h2>
            <p className="mt-2 whitespace-pre-line text-slate-700">{branding.about}</p>
          </section>
        ) : null}
        <JobFilters filters={filters} facets={facets} active={active} page={page} />
        <section aria-labelledby="jobs-heading" className="mt-6 sm:mt-8">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="jobs-heading" className="text-xl font-semibold">
              {t("openPositions")}
            </h2>
            <p className="text-sm text-slate-700" role="status" data-testid="result-count">
              {active ? t("matchCount", { shown: jobs.length, total }) : t("count", { total })}
            </p>
          </div>
          {jobs.length ? (
            <ul className="mt-4 grid gap-4" data-testid="job-list">
              {jobs.map((job) => (
                <li key={job.uuid}>
                  <JobCard job={job} page={page} posted={posted} />
                </li>
              ))}
            </ul>
          ) : (
            <div className="mt-4 rounded-lg border border-dashed border-slate-300 p-8 text-center" data-testid="empty-state">
              <p className="font-semibold text-slate-900">{total ? t("noMatch") : t("noJobs")}</p>
              <p className="mt-2 text-slate-700">
                {total
                  ? t.rich("tryFewer", {
                      total,
                      clear: (chunks) => (
                        <Link href={home} className="font-medium text-brand underline">
                          {chunks}
                        </Link>
                      ),
                    })
                  : t("comeBack")}
              </p>
            </div>
          )}
        </section>
        {openApplication ? (
          <p className="mt-8 rounded-lg border border-slate-200 p-4 text-slate-800" data-testid="join-link">
            {t("joinLead")}{" "}
            <Link href={page.path("/join")} className="font-medium text-brand underline">
              {t("joinLink")}
            </Link>
          </p>
        ) : null}
        <section className="mt-10" aria-label={t("alertsSection")}>
          <AlertSignup filters={active ? filters : {}} locale={page.locale} />
        </section>
      </div>
    </main>
  );
}
