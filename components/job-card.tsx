import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { PageLocale } from "@/lib/i18n/server";
import { employmentLabel, salaryLabel, whereLabel } from "@/lib/jobs/format";
import type { Job } from "@/lib/jobs/types";
import { RelativeTime } from "./relative-time";

/** One job in the listing; styled by `.job-card` in app/globals.css (the whole card is the link). */
export async function JobCard({ job, page }: { job: Job; page: PageLocale }) {
  const t = await getTranslations({ locale: page.locale, namespace: "job" });
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
        <RelativeTime iso={job.postedAt} locale={page.locale} format={(when) => t("posted", { when })} />
      </p>
    </article>
  );
}
