import { requireAdmin } from "@/lib/admin/access";
import Link from "next/link";
import { HealthList } from "@/components/admin/insights/health-list";
import { queueStats } from "@/lib/applications/outbox";
import { currentVersion } from "@/lib/branding/store";
import { jobHealth } from "@/lib/insights/health";
import { changeLabel, insightsReport } from "@/lib/insights/report";
import { getOpenJobs } from "@/lib/jobs";

export default async function AdminHome() {
  await requireAdmin();
  const [stats, version, week, open] = await Promise.all([
    queueStats(),
    currentVersion(),
    insightsReport(7),
    getOpenJobs().catch(() => null),
  ]);
  const health = (open ?? []).map((job) => ({ job, findings: jobHealth(job) }));
  const needing = health.filter((h) => h.findings.length);
  return (
    <main id="main" className="py-6">
      <h1 className="text-2xl font-bold text-slate-900">Overview</h1>
      <div className="mt-6 grid gap-4 sm:grid-cols-2">
        <section className="rounded-lg border border-slate-200 p-5" aria-labelledby="branding-heading">
          <h2 id="branding-heading" className="text-lg font-semibold">
            Branding
          </h2>
          <p className="mt-1 text-slate-700">
            {version ? `Version ${version.id}, saved by ${version.createdBy}.` : "The default look: nothing saved yet."}
          </p>
          <Link href="/admin/branding" className="mt-3 inline-flex min-h-11 items-center font-medium text-brand underline">
            Edit the branding
          </Link>
        </section>
        <section className="rounded-lg border border-slate-200 p-5" aria-labelledby="apps-heading">
          <h2 id="apps-heading" className="text-lg font-semibold">
            Applications on their way to Occupop
          </h2>
          <p className="mt-1 text-slate-700">
            {stats.pending} waiting, {stats.held} held for a look, {stats.failed} failed, {stats.delivered} delivered recently.
          </p>
          <Link href="/admin/applications" className="mt-3 inline-flex min-h-11 items-center font-medium text-brand underline">
            See applications
          </Link>
        </section>
        <section className="rounded-lg border border-slate-200 p-5 sm:col-span-2" aria-labelledby="week-heading">
          <h2 id="week-heading" className="text-lg font-semibold">
            The last 7 days
          </h2>
          <p className="mt-1 text-slate-700" data-testid="week-summary">
            {week.totals.views} job page views ({changeLabel(week.totals.views, week.previous.views)}), {week.totals.applications} applications (
            {changeLabel(week.totals.applications, week.previous.applications)}) against the 7 days before.
          </p>
          <Link href="/admin/insights?period=7" className="mt-3 inline-flex min-h-11 items-center font-medium text-brand underline">
            See insights
          </Link>
        </section>
      </div>

      <section className="mt-10" aria-labelledby="health-heading">
        <h2 id="health-heading" className="text-xl font-semibold">
          Job health
        </h2>
        {open === null ? (
          <p className="mt-2 text-slate-700">The jobs could not be read from Occupop just now; reload in a minute.</p>
        ) : (
          <>
            <p className="mt-1 max-w-3xl text-slate-700">
              {needing.length
                ? `${needing.length} of ${health.length} open jobs lose candidates or their place in Google for Jobs. Each fix is made in Occupop; this site picks it up within minutes.`
                : `All ${health.length} open jobs give candidates and Google for Jobs what they look for.`}
            </p>
            <ul className="mt-4 space-y-6" data-testid="health-overview">
              {needing.map(({ job, findings }) => (
                <li key={job.uuid} data-job={job.uuid}>
                  <h3 className="font-semibold">
                    <Link href={`/admin/jobs/${job.uuid}`} className="text-brand underline">
                      {job.title}
                    </Link>
                  </h3>
                  <div className="mt-2">
                    <HealthList findings={findings} />
                  </div>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </main>
  );
}
