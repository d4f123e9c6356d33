import Link from "next/link";
import { employmentLabel, salaryLabel, whereLabel } from "@/lib/jobs/format";
import type { Job } from "@/lib/jobs/types";
import { RelativeTime } from "./relative-time";

export function JobCard({ job }: { job: Job }) {
  const employment = employmentLabel(job);
  const salary = salaryLabel(job.salary, job.location?.countryCode);
  return (
    <article className="relative rounded-lg border border-slate-200 bg-white p-5 shadow-sm transition hover:border-brand focus-within:border-brand">
      <h3 className="text-lg font-semibold text-slate-900">
        <Link href={`/jobs/${job.slug}`} className="after:absolute after:inset-0 after:content-[''] hover:underline">
          {job.title}
        </Link>
      </h3>
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700">
        <li>{whereLabel(job)}</li>
        {employment ? <li>{employment}</li> : null}
        {salary ? <li className="font-medium text-slate-900">{salary}</li> : null}
        {job.departments[0] ? <li>{job.departments[0]}</li> : null}
      </ul>
      <p className="mt-3 text-sm text-slate-600">
        <RelativeTime iso={job.postedAt} prefix="Posted " />
      </p>
    </article>
  );
}
