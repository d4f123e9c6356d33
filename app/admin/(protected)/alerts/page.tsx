import { requireAdmin } from "@/lib/admin/access";
import type { Metadata } from "next";
import { setAlertsAction } from "./actions";
import { ActionForm } from "@/components/admin/action-form";
import { adminTime } from "@/components/admin/when";
import { alertStats } from "@/lib/alerts/subscriptions";
import { alertCadence, alertsSwitchOn } from "@/lib/alerts/switch";
import { env } from "@/lib/env";
import { mailStats, recentFailures } from "@/lib/mail/outbox";
import { mailConfigured } from "@/lib/mail/transport";

export const metadata: Metadata = { title: "Job alerts" };

const when = adminTime;

export default async function AlertsAdminPage() {
  await requireAdmin();
  const configured = mailConfigured();
  const [on, subscribers, mail, failures] = await Promise.all([alertsSwitchOn(), alertStats(), mailStats(30), recentFailures(20)]);
  return (
    <main id="main" className="py-6">
      <h1 className="text-2xl font-bold text-slate-900">Job alerts</h1>
      <p className="mt-1 max-w-3xl text-slate-700">
        Candidates sign up with an email address on the job list and job pages, confirm it, and get an email when new jobs match ({alertCadence()}).
        Every email has one-click unsubscribe.
      </p>
      {configured ? null : (
        <p className="mt-4 rounded-md border border-amber-600 bg-amber-50 p-3" data-testid="alerts-unconfigured">
          Job alerts are off: this site has no mail server. Set <code>SMTP_URL</code> and <code>MAIL_FROM</code> (see .env.example) and restart to
          offer them.
        </p>
      )}
      {configured ? (
        <section aria-labelledby="switch-heading" className="mt-6 rounded-lg border border-slate-200 p-5">
          <h2 id="switch-heading" className="text-lg font-semibold">
            {on ? "Job alerts are on" : "Job alerts are off"}
          </h2>
          <p className="mt-1 text-slate-700" data-testid="alerts-state">
            {on
              ? "The sign-up form shows on the site and new jobs are emailed to subscribers."
              : "The sign-up form is hidden and no alert emails are sent. Subscribers are kept, and can still unsubscribe."}
          </p>
          <ActionForm
            action={setAlertsAction}
            submitLabel={on ? "Turn job alerts off" : "Turn job alerts on"}
            pendingLabel="Saving…"
            tone={on ? "danger" : "primary"}
            className="mt-3"
          >
            <input type="hidden" name="on" value={on ? "false" : "true"} />
          </ActionForm>
        </section>
      ) : null}

      <dl className="mt-6 grid gap-4 text-center sm:grid-cols-3" data-testid="alert-counts">
        {(
          [
            ["Subscribers", subscribers.confirmed, "confirmed"],
            ["Awaiting confirmation", subscribers.pending, "pending"],
            ["Emails sent (30 days)", mail.sent, "sent"],
            ["Emails waiting to go", mail.waiting, "waiting"],
            ["Emails failed (30 days)", mail.failed, "failed"],
            ["Addresses that refuse our mail", mail.suppressed, "suppressed"],
          ] as const
        ).map(([label, n, id]) => (
          <div key={id} className="rounded-lg border border-slate-200 p-4">
            <dt className="text-sm font-medium text-slate-700">{label}</dt>
            <dd className="text-3xl font-bold text-slate-900" data-testid={`alerts-${id}`}>
              {n}
            </dd>
          </div>
        ))}
      </dl>

      <section aria-labelledby="failures-heading" className="mt-10">
        <h2 id="failures-heading" className="text-xl font-semibold">
          Emails that failed
        </h2>
        {failures.length ? (
          <ul className="mt-3 space-y-3" data-testid="mail-failures">
            {failures.map((m) => (
              <li key={m.id} className="rounded-lg border border-red-300 p-4">
                <p className="font-medium">
                  {m.subject} → {m.to_address}
                </p>
                <p className="text-sm text-slate-700">
                  Queued {when(Number(m.created_at))} · {m.attempts} attempt(s) · {m.last_error}
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-slate-700">None{configured ? `: mail goes through ${new URL(env().SMTP_URL ?? "smtp://-").hostname}.` : "."}</p>
        )}
      </section>
    </main>
  );
}
