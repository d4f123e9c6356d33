import { requireAdmin } from "@/lib/admin/access";
import type { Metadata } from "next";
import Link from "next/link";
import { CsvLink } from "@/components/admin/insights/csv-link";
import { DailyChart } from "@/components/admin/insights/daily-chart";
import { DataTable } from "@/components/admin/insights/data-table";
import { PeriodPicker } from "@/components/admin/insights/period-picker";
import { Totals } from "@/components/admin/insights/totals";
import { env } from "@/lib/env";
import { insightsReport, periodOf } from "@/lib/insights/report";
import { insightTable } from "@/lib/insights/tables";

export const metadata: Metadata = { title: "Insights" };

type Props = { searchParams: Promise<{ period?: string }> };

export default async function InsightsPage({ searchParams }: Props) {
  await requireAdmin();
  const period = periodOf((await searchParams).period);
  const report = await insightsReport(period);
  const jobs = insightTable(report, "jobs");
  const sources = insightTable(report, "sources");
  const daily = insightTable(report, "daily");
  const nothing = !Object.values(report.totals).some(Boolean);
  return (
    <main id="main" className="py-6">
      <h1 className="text-2xl font-bold text-slate-900">Insights</h1>
      <p className="mt-1 max-w-3xl text-slate-700">
        What the careers site does for hiring, counted without cookies or personal data: only daily totals are kept, for 13 months. Crawlers
        and prefetches are not counted. Days are UTC; today counts so far, and the last few seconds may not show yet.
      </p>
      {env().INSIGHTS_ENABLED ? null : (
        <p className="mt-3 rounded-md border border-amber-600 bg-amber-50 p-3 text-sm">Counting is off on this site (INSIGHTS_ENABLED=false): the numbers below stopped when it was turned off.</p>
      )}
      <PeriodPicker period={period} basePath="/admin/insights" />
      <p className="mt-2 text-sm text-slate-700" data-testid="insight-range">
        {report.from} to {report.to}, against {period} days before.
      </p>
      <Totals totals={report.totals} previous={report.previous} period={period} />
      {nothing ? (
        <p className="mt-4 rounded-md border border-slate-300 bg-slate-50 p-3" data-testid="insights-empty">
          Nothing counted in these days yet. Visits count once people open the careers site; share a job with a tracking link (on each job’s
          page here) to see where candidates come from.
        </p>
      ) : null}

      <section aria-labelledby="over-time" className="mt-10">
        <h2 id="over-time" className="text-xl font-semibold">
          Over time
        </h2>
        <div className="grid gap-6 lg:grid-cols-2">
          <DailyChart id="chart-views" title="Job page views per day" tone="views" points={report.daily.map((d) => ({ day: d.day, value: d.views }))} />
          <DailyChart
            id="chart-applications"
            title="Applications per day"
            tone="applications"
            points={report.daily.map((d) => ({ day: d.day, value: d.applications }))}
          />
        </div>
        <details className="mt-3">
          <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium">The numbers by day</summary>
          <DataTable table={daily} testId="table-daily" />
        </details>
        <CsvLink period={period} table="daily" label="Download by day (CSV)" />
      </section>

      <section aria-labelledby="by-job" className="mt-10">
        <h2 id="by-job" className="text-xl font-semibold">
          By job
        </h2>
        <p className="text-sm text-slate-700">Open jobs, and any closed job with numbers in these days. Conversion is applications per job page view.</p>
        <DataTable
          table={jobs}
          testId="table-jobs"
          empty="No open jobs, and nothing counted for a job in these days."
          rowHeader={(i) => (
            <Link href={`/admin/jobs/${report.jobs[i]!.uuid}`} className="text-brand underline">
              {report.jobs[i]!.title}
            </Link>
          )}
        />
        <CsvLink period={period} table="jobs" label="Download by job (CSV)" />
      </section>

      <section aria-labelledby="by-source" className="mt-10">
        <h2 id="by-source" className="text-xl font-semibold">
          By source
        </h2>
        <p className="text-sm text-slate-700">
          A link’s utm_source, or else the site the visitor came from: LinkedIn, Indeed, Google, Facebook, other, or direct (no referring site).
        </p>
        <DataTable table={sources} testId="table-sources" />
        <CsvLink period={period} table="sources" label="Download by source (CSV)" />
      </section>
    </main>
  );
}
