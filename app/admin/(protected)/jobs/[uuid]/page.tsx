import { requireAdmin } from "@/lib/admin/access";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { createTrackingLinkAction, deleteTrackingLinkAction } from "./actions";
import { ActionForm } from "@/components/admin/action-form";
import { CsvLink } from "@/components/admin/insights/csv-link";
import { DataTable } from "@/components/admin/insights/data-table";
import { HealthList } from "@/components/admin/insights/health-list";
import { PeriodPicker } from "@/components/admin/insights/period-picker";
import { Totals } from "@/components/admin/insights/totals";
import { env } from "@/lib/env";
import { jobHealth } from "@/lib/insights/health";
import { trackingLinksFor } from "@/lib/insights/links";
import { insightsReport, periodOf } from "@/lib/insights/report";
import { insightTable } from "@/lib/insights/tables";
import { getJobBySlug } from "@/lib/jobs";

export const metadata: Metadata = { title: "Job insights" };

type Props = { params: Promise<{ uuid: string }>; searchParams: Promise<{ period?: string }> };

const when = (ms: number) => new Intl.DateTimeFormat("en-IE", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(ms));
const CHANNELS = ["linkedin", "indeed", "facebook", "instagram", "newsletter", "jobs-fair", "referral", "qr-poster"];

export default async function JobInsightsPage({ params, searchParams }: Props) {
  await requireAdmin();
  const job = await getJobBySlug((await params).uuid);
  if (!job) notFound();
  const period = periodOf((await searchParams).period);
  const [report, links] = await Promise.all([insightsReport(period, { job: job.uuid }), trackingLinksFor(job.uuid)]);
  const sources = insightTable(report, "sources", { forJob: true });
  const site = env().SITE_URL;
  return (
    <main id="main" className="py-6">
      <p className="text-sm">
        <Link href="/admin/insights" className="text-brand underline">
          Insights
        </Link>{" "}
        / this job
      </p>
      <h1 className="mt-1 text-2xl font-bold text-slate-900">{job.title}</h1>
      <p className="mt-1 text-slate-700">
        {job.isOpen ? "Open for applications." : "Closed for applications."}{" "}
        <Link href={`/jobs/${job.slug}`} className="text-brand underline">
          See the job page
        </Link>
      </p>

      <section aria-labelledby="health-heading" className="mt-8">
        <h2 id="health-heading" className="text-xl font-semibold">
          Job health
        </h2>
        <div className="mt-3">
          <HealthList findings={jobHealth(job)} />
        </div>
      </section>

      <section aria-labelledby="numbers-heading" className="mt-10">
        <h2 id="numbers-heading" className="text-xl font-semibold">
          Numbers
        </h2>
        <PeriodPicker period={period} basePath={`/admin/jobs/${job.uuid}`} />
        <p className="mt-2 text-sm text-slate-700">
          {report.from} to {report.to} (UTC), against {period} days before.
        </p>
        <Totals totals={report.totals} previous={report.previous} period={period} listing={false} />
        <h3 className="mt-6 text-lg font-semibold">By source</h3>
        <DataTable table={sources} testId="table-job-sources" />
        <CsvLink period={period} table="sources" job={job.uuid} label="Download by source (CSV)" />
      </section>

      <section aria-labelledby="links-heading" className="mt-10">
        <h2 id="links-heading" className="text-xl font-semibold">
          Tracking links
        </h2>
        <p className="max-w-3xl text-slate-700">
          A short link per channel: share it there, and visits, applications and the candidate’s source in Occupop name the channel. For a
          referral, give the referrer’s name: applications through their link name them as the source in Occupop, and insights count them
          as their own channel.
        </p>
        {links.length ? (
          <ul className="mt-3 space-y-3" data-testid="tracking-links">
            {links.map((link) => (
              <li key={link.code} className="flex flex-wrap items-start justify-between gap-3 rounded-lg border border-slate-200 p-4" data-channel={link.channel}>
                <div>
                  <p className="font-medium">{link.channel}</p>
                  {link.referrer ? <p data-testid="tracking-link-referrer">Referral by {link.referrer}</p> : null}
                  <p>
                    <code className="break-all" data-testid="tracking-link-url">{`${site}/r/${link.code}`}</code>
                  </p>
                  <p className="text-sm text-slate-700">
                    Made {when(link.createdAt)} by {link.createdBy}
                  </p>
                </div>
                <ActionForm action={deleteTrackingLinkAction} submitLabel={`Delete the ${link.channel} link`} pendingLabel="Deleting…" tone="danger">
                  <input type="hidden" name="code" value={link.code} />
                  <input type="hidden" name="job" value={job.uuid} />
                </ActionForm>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-3 text-slate-700">No tracking links for this job yet.</p>
        )}
        <ActionForm action={createTrackingLinkAction} submitLabel="Make a link" pendingLabel="Making…" tone="primary" className="mt-4 max-w-md space-y-2">
          <input type="hidden" name="job" value={job.uuid} />
          <label htmlFor="channel" className="block font-medium">
            Channel
          </label>
          <p id="channel-hint" className="text-sm text-slate-700">
            Where you will share it, e.g. linkedin, newsletter or jobs-fair: letters, digits, dots, dashes. Needed unless you name a referrer.
          </p>
          <input
            id="channel"
            name="channel"
            list="channel-suggestions"
            maxLength={40}
            aria-describedby="channel-hint"
            autoComplete="off"
            className="block min-h-11 w-full rounded-md border border-slate-500 px-3"
          />
          <datalist id="channel-suggestions">
            {CHANNELS.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
          <label htmlFor="referrer" className="block font-medium">
            Referrer’s name (optional)
          </label>
          <p id="referrer-hint" className="text-sm text-slate-700">
            For a referral link: the person who shares it. Leave the channel empty and it becomes referral-their-name.
          </p>
          <input id="referrer" name="referrer" maxLength={80} aria-describedby="referrer-hint" autoComplete="off" className="block min-h-11 w-full rounded-md border border-slate-500 px-3" />
        </ActionForm>
      </section>
    </main>
  );
}
