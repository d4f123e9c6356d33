import type { Metadata } from "next";
import { ActionForm } from "@/components/admin/action-form";
import { requireAdmin } from "@/lib/admin/access";
import { env } from "@/lib/env";
import { getOpenJobs } from "@/lib/jobs";
import { listEndedConsents } from "@/lib/open-application/consents";
import { openApplicationJobUuid } from "@/lib/open-application/settings";
import { setOpenApplicationAction } from "./actions";

export const metadata: Metadata = { title: "Open application" };

const when = (ms: number) => new Intl.DateTimeFormat("en-IE", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(ms));

// The open application at /join: which Occupop job its CVs go to (a "General application" job),
// and the talent-database consents that lapsed or were ended, to act on in Occupop.
export default async function OpenApplicationAdminPage() {
  await requireAdmin();
  const [jobs, chosen, ended] = await Promise.all([getOpenJobs().catch(() => []), openApplicationJobUuid(), listEndedConsents()]);
  const chosenJob = jobs.find((j) => j.uuid === chosen);
  return (
    <main id="main" className="py-6">
      <h1 className="text-2xl font-bold text-slate-900">Open application</h1>
      <p className="mt-1 max-w-3xl text-slate-700">
        At <code>/join</code> (in every language on offer), candidates for whom no job fits send their CV anyway. It reaches Occupop as an
        application to the job you choose here (create a &ldquo;General application&rdquo; job in Occupop for it). They agree to be kept for
        future jobs for {env().TALENT_CONSENT_DAYS} days, are asked by email {env().TALENT_RENEWAL_NOTICE_DAYS} days before whether to renew, and
        may sign up for job alerts at the same time. While no job is chosen, or the chosen one closes, /join shows no form.
      </p>
      {chosen && !chosenJob ? (
        <p className="mt-4 rounded-md border border-amber-600 bg-amber-50 p-3" data-testid="open-application-closed">
          The job chosen before is no longer open in Occupop, so /join shows no form. Choose another.
        </p>
      ) : null}
      <ActionForm action={setOpenApplicationAction} submitLabel="Save" pendingLabel="Saving…" tone="primary" className="mt-6 max-w-xl">
        <label htmlFor="open-application-job" className="block font-medium">
          Occupop job for open applications
        </label>
        <select id="open-application-job" name="job" defaultValue={chosenJob?.uuid ?? ""} className="mt-1 min-h-11 w-full rounded-md border border-slate-400 bg-white px-3">
          <option value="">None: no form at /join</option>
          {jobs.map((job) => (
            <option key={job.uuid} value={job.uuid}>
              {job.title}
            </option>
          ))}
        </select>
      </ActionForm>

      <section aria-labelledby="ended-heading" className="mt-10">
        <h2 id="ended-heading" className="text-xl font-semibold">
          Consents that ended
        </h2>
        <p className="mt-1 max-w-3xl text-slate-700">
          These candidates&apos; consent to be kept for future jobs lapsed or was ended by them: remove them from the talent pool in Occupop.
          Listed for 90 days.
        </p>
        {ended.length ? (
          <ul className="mt-3 space-y-1" data-testid="ended-consents">
            {ended.map((c) => (
              <li key={c.id}>
                {c.email} · given {when(c.consentedAt)} · {c.ended === "withdrawn" ? "ended by the candidate" : "lapsed"} {when(c.endedAt)}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-slate-700">None.</p>
        )}
      </section>
    </main>
  );
}
