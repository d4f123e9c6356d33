import { contractLabel, locationLabel, salaryLabel, SCHEDULE_LABELS, WORKPLACE_LABELS, longDate } from "@/lib/jobs/format";
import type { Job } from "@/lib/jobs/types";
import type { ReactNode } from "react";
import { RelativeTime } from "./relative-time";

export function JobFacts({ job }: { job: Job }) {
  const salary = salaryLabel(job.salary, job.location?.countryCode);
  const facts: Array<[string, ReactNode]> = [
    ["Location", locationLabel(job.location) ?? (job.workplace === "remote" ? "Remote" : "Not given")],
    ["Workplace", job.workplace ? WORKPLACE_LABELS[job.workplace] : null],
    ["Hours", job.schedule ? SCHEDULE_LABELS[job.schedule] : null],
    ["Contract", job.contract ? contractLabel(job.contract) : null],
    ["Salary", salary ? `${salary}${job.salary?.details ? ` (${job.salary.details})` : ""}` : null],
    ["Department", job.departments.join(", ") || null],
    ["Posted", <RelativeTime key="posted" iso={job.postedAt} />],
    ["Closing date", job.closesAt ? <time dateTime={job.closesAt}>{longDate(job.closesAt)}</time> : null],
    ["Reference", job.reference],
  ];
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-3 rounded-lg border border-slate-200 bg-slate-50 p-5 sm:grid-cols-2 lg:grid-cols-3" data-testid="job-facts">
      {facts
        .filter(([, value]) => value !== null && value !== "")
        .map(([label, value]) => (
          <div key={label}>
            <dt className="text-sm font-medium text-slate-600">{label}</dt>
            <dd className="mt-0.5 font-medium text-slate-900">{value}</dd>
          </div>
        ))}
    </dl>
  );
}
