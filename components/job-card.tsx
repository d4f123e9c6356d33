import Link from "next/link";
import type { PageLocale } from "@/lib/i18n/server";
import { employmentLabel, salaryLabel, whereLabel } from "@/lib/jobs/format";
import type { Job } from "@/lib/jobs/types";
import { RelativeTime } from "./relative-time";

/**
 * One job in the listing; styled by `.job-card` in app/globals.css (the whole card is the link).
 * `posted` words the date ("Posted 3 days ago"): the listing's translator, made once for all cards.
 */
export function JobCard({ job, page, posted }: { job: Job; page: PageLocale; posted: (when: string) => string }) {
  const employment = employmentLabel(job, page.locale);
  const salary = salaryLabel(job.salary, job.location?.countryCode, page.locale);
  return (
    <article className="job-card">
      <h3>
        <Link href={page.path(`/jobs/${job.slug}`)}>{job.title}</Link>
      </h3>
      <ul>
        <li>{whereLabel(job, page.locale)}</li>
        {employment ? <li>{employment}</li> : null}
        {salary ? <li className="salary">{salary}</li> : null}
        {job.departments[0] ? <li>{job.departments[0]}</li> : null}
      </ul>
      <p>
        <RelativeTime iso={job.postedAt} locale={page.locale} format={posted} />
      </p>
    </article>
  );
}
