import { requireAdmin } from "@/lib/admin/access";
import { discardApplicationAction, retryApplicationAction, sendHeldApplicationAction } from "./actions";
import { ActionForm } from "@/components/admin/action-form";
import { findById, listByStatus, payloadOf, queueStats, type ApplicationRecord } from "@/lib/applications/outbox";
import { recentErasures } from "@/lib/receipts/rights";
import { listWithdrawn } from "@/lib/receipts/withdraw";

const when = (ms: number) => new Intl.DateTimeFormat("en-IE", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(new Date(ms));

function Applicant({ record }: { record: ApplicationRecord }) {
  const p = payloadOf(record);
  return (
    <>
      <span className="font-medium">
        {p.firstName} {p.lastName}
      </span>{" "}
      <span className="text-slate-700">&lt;{p.email}&gt;</span> for <span className="font-medium">{record.job_title}</span>
    </>
  );
}

export default async function ApplicationsPage() {
  await requireAdmin();
  const [stats, failed, pending, held, withdrawn, erasures] = await Promise.all([
    queueStats(),
    listByStatus("failed"),
    listByStatus("pending"),
    listByStatus("held"),
    listWithdrawn(),
    recentErasures(),
  ]);
  const earlier = new Map<string, ApplicationRecord | undefined>(
    await Promise.all(held.map(async (r) => [r.id, r.duplicate_of ? await findById(r.duplicate_of) : undefined] as const)),
  );
  return (
    <main id="main" className="py-6">
      <h1 className="text-2xl font-bold text-slate-900">Applications on their way to Occupop</h1>
      <p className="mt-1 text-slate-700">
        Every application is stored here first, then delivered to Occupop. Delivered ones are deleted from this site after the retention period.
      </p>
      <dl className="mt-6 grid grid-cols-2 gap-4 sm:grid-cols-4 text-center" data-testid="queue-counts">
        {(
          [
            ["Waiting", stats.pending, "pending"],
            ["Held", stats.held, "held"],
            ["Failed", stats.failed, "failed"],
            ["Delivered", stats.delivered, "delivered"],
          ] as const
        ).map(([label, n, id]) => (
          <div key={id} className="rounded-lg border border-slate-200 p-4">
            <dt className="text-sm font-medium text-slate-700">{label}</dt>
            <dd className="text-3xl font-bold text-slate-900" data-testid={`count-${id}`}>
              {n}
            </dd>
          </div>
        ))}
      </dl>
      {stats.uncertainCreates ? (
        <p className="mt-4 rounded-md border border-amber-600 bg-amber-50 p-3 text-sm">
          {stats.uncertainCreates} delivery attempt(s) sent a candidate to Occupop without hearing back, then tried again. Occupop may hold a
          duplicate of those candidates.
        </p>
      ) : null}

      <section aria-labelledby="held-heading" className="mt-10">
        <h2 id="held-heading" className="text-xl font-semibold">
          Held: the same job and email as an earlier application
        </h2>
        <p className="mt-1 max-w-3xl text-slate-700">
          A second application to a job with the same email within a day is kept here instead of being sent: it may be the person applying
          twice, or someone else typing their address. Compare the two, then send it to Occupop or delete it.
        </p>
        {held.length ? (
          <ul className="mt-3 space-y-4" data-testid="held-list">
            {held.map((record) => {
              const first = earlier.get(record.id);
              return (
                <li key={record.id} className="rounded-lg border border-amber-400 p-4" data-testid="held-application">
                  <p>
                    <Applicant record={record} />
                  </p>
                  <p className="text-sm text-slate-700">Received {when(record.created_at)} UTC</p>
                  <p className="mt-1 text-sm" data-testid="held-earlier">
                    {first ? (
                      <>
                        Earlier: {payloadOf(first).firstName} {payloadOf(first).lastName}, received {when(first.created_at)} UTC, {first.status}
                        {first.status === "delivered" ? " to Occupop" : ""}.
                      </>
                    ) : (
                      "The earlier application is no longer kept here."
                    )}
                  </p>
                  <div className="mt-3 flex flex-wrap gap-6">
                    <ActionForm action={sendHeldApplicationAction} submitLabel="Send to Occupop" pendingLabel="Queuing…" tone="primary">
                      <input type="hidden" name="id" value={record.id} />
                    </ActionForm>
                    <ActionForm action={discardApplicationAction} submitLabel="Delete" pendingLabel="Deleting…" tone="danger" className="flex flex-col items-start gap-2">
                      <input type="hidden" name="id" value={record.id} />
                      <label className="inline-flex min-h-11 items-center gap-2 text-sm">
                        <input type="checkbox" name="confirm" value="yes" className="h-5 w-5" />
                        Yes, delete this application and its resume for good
                      </label>
                    </ActionForm>
                  </div>
                </li>
              );
            })}
          </ul>
        ) : (
          <p className="mt-2 text-slate-700">None.</p>
        )}
      </section>

      <section aria-labelledby="failed-heading" className="mt-10">
        <h2 id="failed-heading" className="text-xl font-semibold">
          Failed: need a decision
        </h2>
        {failed.length ? (
          <ul className="mt-3 space-y-4" data-testid="failed-list">
            {failed.map((record) => (
              <li key={record.id} className="rounded-lg border border-red-300 p-4" data-testid="failed-application">
                <p>
                  <Applicant record={record} />
                </p>
                <p className="text-sm text-slate-700">Received {when(record.created_at)} UTC · {record.attempts} attempt(s)</p>
                <p className="mt-2 text-sm">
                  <span className="font-medium">Why: </span>
                  <span data-testid="failure-reason">{record.failure_reason}</span>
                </p>
                <div className="mt-3 flex flex-wrap gap-6">
                  <ActionForm action={retryApplicationAction} submitLabel="Retry now" pendingLabel="Queuing…" tone="primary">
                    <input type="hidden" name="id" value={record.id} />
                  </ActionForm>
                  <ActionForm action={discardApplicationAction} submitLabel="Discard" pendingLabel="Deleting…" tone="danger" className="flex flex-col items-start gap-2">
                    <input type="hidden" name="id" value={record.id} />
                    <label className="inline-flex min-h-11 items-center gap-2 text-sm">
                      <input type="checkbox" name="confirm" value="yes" className="h-5 w-5" />
                      Yes, delete this application and its resume for good
                    </label>
                  </ActionForm>
                </div>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-slate-700">None. Every application either reached Occupop or is on its way.</p>
        )}
      </section>

      <section aria-labelledby="pending-heading" className="mt-10">
        <h2 id="pending-heading" className="text-xl font-semibold">
          Waiting to be delivered
        </h2>
        {pending.length ? (
          <ul className="mt-3 space-y-3">
            {pending.map((record) => (
              <li key={record.id} className="rounded-lg border border-slate-200 p-4">
                <p>
                  <Applicant record={record} />
                </p>
                <p className="text-sm text-slate-700">
                  Received {when(record.created_at)} UTC · {record.attempts} attempt(s) · next try {when(record.next_attempt_at)} UTC
                  {record.last_error ? ` · last error: ${record.last_error}` : ""}
                </p>
                <ActionForm action={retryApplicationAction} submitLabel="Retry now" pendingLabel="Queuing…" className="mt-2">
                  <input type="hidden" name="id" value={record.id} />
                </ActionForm>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-slate-700">Nothing is waiting.</p>
        )}
      </section>

      <section aria-labelledby="withdrawn-heading" id="withdrawn" className="mt-10">
        <h2 id="withdrawn-heading" className="text-xl font-semibold">
          Withdrawn by the candidate after delivery
        </h2>
        <p className="mt-1 max-w-3xl text-slate-700">
          These candidates withdrew from their private status page after their application reached Occupop. Occupop offers this site no way
          to remove a candidate: archive or reject them there. (Withdrawn before delivery, an application is simply not sent.)
        </p>
        {withdrawn.length ? (
          <ul className="mt-3 space-y-3" data-testid="withdrawn-list">
            {withdrawn.map((w) => (
              <li key={w.id} className="rounded-lg border border-slate-300 p-4" data-testid="withdrawn-application">
                <p>
                  <span className="font-medium">{w.name}</span> <span className="text-slate-700">&lt;{w.email}&gt;</span> for{" "}
                  <span className="font-medium">{w.jobTitle}</span>
                </p>
                <p className="text-sm text-slate-700">
                  Withdrawn {when(w.withdrawnAt)} UTC{w.sentAt ? ` · delivered ${when(w.sentAt)} UTC` : ""}
                  {w.candidateUuid ? ` · Occupop candidate ${w.candidateUuid}` : ""}
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-slate-700">None.</p>
        )}
      </section>

      <section aria-labelledby="erasures-heading" className="mt-10">
        <h2 id="erasures-heading" className="text-xl font-semibold">
          Erasures asked for by candidates
        </h2>
        <p className="mt-1 max-w-3xl text-slate-700">
          Candidates erase what this site holds about them from their status page (one application) or from a job alert&apos;s page
          (everything under their address). The log keeps when and how much, never whose.
        </p>
        {erasures.length ? (
          <ul className="mt-3 space-y-1 text-sm" data-testid="erasure-log">
            {erasures.map((e) => (
              <li key={`${e.at}-${e.origin}`}>
                {when(e.at)} UTC · from the {e.origin === "status-page" ? "status page" : "job alert page"} · {e.counts.applications} application(s),{" "}
                {e.counts.resumes} resume(s), {e.counts.receipts} status link(s), {e.counts.drafts} draft(s), {e.counts.alerts} alert(s), {e.counts.consents} talent consent(s), {e.counts.emails}{" "}
                email(s)
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
