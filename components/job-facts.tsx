import type { ReactNode } from "react";
import type { Locale } from "@/lib/i18n/locales";
import { contractLabel, locationLabel, longDate, salaryLabel, scheduleLabel, workplaceLabel } from "@/lib/jobs/format";
import type { Job } from "@/lib/jobs/types";
import { RelativeTime } from "./relative-time";
import { words } from "@/lib/i18n/translator";

export async function JobFacts({ job, locale }: { job: Job; locale: Locale }) {
  const t = words(locale, "facts");
  const salary = salaryLabel(job.salary, job.location?.countryCode, locale);
  const facts: Array<[string, ReactNode]> = [
    [t("location"), locationLabel(job.location, locale) ?? (job.workplace === "remote" ? t("remote") : t("notGiven"))],
    [t("workplace"), job.workplace ? workplaceLabel(job.workplace, locale) : null],
    [t("hours"), job.schedule ? scheduleLabel(job.schedule, locale) : null],
    [t("contract"), job.contract ? contractLabel(job.contract, locale) : null],
    [t("salary"), salary ? `${salary}${job.salary?.details ? ` (${job.salary.details})` : ""}` : null],
    [t("department"), job.departments.join(", ") || null],
    [t("posted"), <RelativeTime key="posted" iso={job.postedAt} locale={locale} />],
    [t("closingDate"), job.closesAt ? <time dateTime={job.closesAt}>{longDate(job.closesAt, locale)}</time> : null],
    [t("reference"), job.reference],
  ];
  return (
    // Two columns even on a phone, so the Apply button below still shows on the first screen.
    <dl
      className="grid grid-cols-2 gap-x-4 gap-y-2 rounded-lg border border-slate-200 bg-slate-50 p-3 sm:gap-x-6 sm:gap-y-3 sm:p-5 lg:grid-cols-3"
      data-testid="job-facts"
    >
      {facts
        .filter(([, value]) => value !== null && value !== "")
        .map(([label, value]) => (
          <div key={label} className="min-w-0 break-words">
            <dt className="text-xs font-medium text-slate-600 sm:text-sm">{label}</dt>
            <dd className="mt-0.5 text-sm font-medium text-slate-900 sm:text-base">{value}</dd>
          </div>
        ))}
    </dl>
  );
}
