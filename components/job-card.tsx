import Link from "next/link";
import { employmentLabel, salaryLabel, whereLabel } from "@/lib/jobs/format";
import type { Job } from "@/lib/jobs/types";
import { RelativeTime } from "./relative-time";

/** One job in the listing; styled by `.job-card` in app/globals.css (the whole card is the link). */
export function JobCard({ job }: { job: Job }) {
  const employment = employmentLabel(job);
  const salary = salaryLabel(job.salary, job.location?.countryCode);
  return (
    <article className="job-card">
      <h3>
        <Link href={`/jobs/${job.slug}`}>{job.title}</Link>
      </h3>
      <ul>
        <li>{whereLabel(job)}</li>
        {employment ? <li>{employment}</li> : null}
        {salary ? <li className="salary">{salary}</li> : null}
        {job.departments[0] ? <li>{job.departments[0]}</li> : null}
      </ul>
      <p>
        <RelativeTime iso={job.postedAt} prefix="Posted " />
      </p>
    </article>
  );
}
