import type { Metadata } from "next";
import { JobsLink } from "@/components/jobs-link";
import { clientIp } from "@/lib/client-ip";
import type { Locale } from "@/lib/i18n/locales";
import { pageLocale } from "@/lib/i18n/server";
import { words } from "@/lib/i18n/translator";
import { hit } from "@/lib/rate-limit";
import { STATUS_VIEWS_PER_MINUTE } from "@/lib/receipts/limits";
import { retentionDays } from "@/lib/receipts/rights";
import { statusOf, type StatusView } from "@/lib/receipts/status";
import { findReceipt } from "@/lib/receipts/store";
import { longDate } from "@/lib/jobs/format";

// Rendered per request (it reads the query string, or per-visitor state).
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// The link is the credential: never indexed, and no other site it leads to learns it (lib/routes.ts).
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await pageLocale((await params).locale);
  return { title: words(page.locale, "status")("title"), robots: { index: false, follow: false }, referrer: "same-origin" };
}

const sizeIn = (bytes: number, locale: Locale) =>
  new Intl.NumberFormat(locale, { style: "unit", unit: bytes >= 1024 * 1024 ? "megabyte" : "kilobyte", maximumFractionDigits: 1 }).format(bytes >= 1024 * 1024 ? bytes / 1024 / 1024 : Math.max(1, bytes / 1024));

// The candidate's private page for one application: where it is, withdraw it, and their data
// rights. No account: the link (from the thank-you page or the confirmation email) is the
// credential. A wrong, expired or erased link shows the same page, about no one. Works without
// JavaScript: every action is a plain form posted to /api/status.
export default async function StatusPage({ params: route, searchParams }: Props) {
  const page = await pageLocale((await route).locale);
  const t = words(page.locale, "status");
  const params = await searchParams;
  const token = typeof params.token === "string" ? params.token : "";
  const limit = await hit(`status-view:${await clientIp()}`, STATUS_VIEWS_PER_MINUTE, 60_000);
  const receipt = limit.allowed && token ? await findReceipt(token) : null;
  const { branding } = page;
  const home = (
    <JobsLink href={page.path("/")} className="mt-6">
      {t("otherJobs")}
    </JobsLink>
  );

  if (!limit.allowed) {
    return (
      <main id="main" className="mx-auto max-w-2xl px-4 py-12 sm:px-6">
        <h1 className="text-2xl font-bold text-slate-900">{t("title")}</h1>
        <p className="mt-2 text-slate-800" role="alert" data-testid="status-too-many">
          {t("tooMany", { seconds: Math.ceil(limit.retryAfterMs / 1000) })}
        </p>
      </main>
    );
  }
  if (!receipt) {
    const erased = params.erased === "1";
    return (
      <main id="main" className="mx-auto max-w-2xl px-4 py-12 sm:px-6">
        <h1 className="text-2xl font-bold text-slate-900">{erased ? t("erasedTitle") : t("goneTitle")}</h1>
        <p className="mt-2 text-slate-800" data-testid={erased ? "status-erased" : "status-gone"}>
          {erased ? t("erasedBody") : t("goneBody")}
        </p>
        {home}
      </main>
    );
  }

  const view = await statusOf(receipt, page.locale);
  const date = (ms: number) => longDate(ms, page.locale);
  const busy = params.busy === "1";
  const retention = retentionDays();
  const canWithdraw = view.stage === "received" || view.stage === "sent";
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-12 sm:px-6">
      <h1 className="text-2xl font-bold text-slate-900">{t("heading", { title: view.jobTitle })}</h1>
      <p className="mt-2 text-sm text-slate-700">{t("private")}</p>
      {busy ? (
        <p className="mt-4 rounded-md border border-amber-600 bg-amber-50 p-3" role="alert" data-testid="status-busy">
          {t("busy")}
        </p>
      ) : null}

      <section aria-labelledby="progress-heading" className="mt-8">
        <h2 id="progress-heading" className="text-xl font-semibold">
          {t("progress")}
        </h2>
        <Progress view={view} t={t} date={date} company={branding.companyName} />
      </section>

      {canWithdraw ? (
        <section aria-labelledby="withdraw-heading" className="mt-10">
          <h2 id="withdraw-heading" className="text-xl font-semibold">
            {t("withdrawHeading")}
          </h2>
          <p className="mt-1 text-slate-700">{t("withdrawBody")}</p>
          <StatusForm token={token} locale={page.locale} action="withdraw" label={t("withdrawButton")} tone="danger" />
        </section>
      ) : null}

      <section aria-labelledby="data-heading" className="mt-10">
        <h2 id="data-heading" className="text-xl font-semibold">
          {t("dataHeading")}
        </h2>
        <p className="mt-1 text-slate-700">{t("dataBody")}</p>
        <div className="mt-3 flex flex-wrap gap-3">
          <StatusForm token={token} locale={page.locale} action="export" label={t("exportButton")} />
          {view.resumeHeld && view.resumeBytes ? (
            <StatusForm token={token} locale={page.locale} action="resume" label={t("resumeButton", { size: sizeIn(view.resumeBytes, page.locale) })} />
          ) : null}
        </div>
        <h3 className="mt-6 font-semibold">{t("keptHeading")}</h3>
        <ul className="mt-2 list-disc space-y-1 pl-6 text-slate-800" data-testid="status-retention">
          <li>{t("keptDetails", { days: retention.detailsAfterDelivery })}</li>
          <li>{t("keptResume")}</li>
          <li>{t("keptLink", { date: date(view.expiresAt) })}</li>
          <li>
            {t("keptElsewhere", { company: branding.companyName })}
            {branding.privacyPolicyUrl ? (
              <>
                {" "}
                <a href={branding.privacyPolicyUrl} className="font-medium text-brand underline">
                  {t("privacyPolicy")}
                </a>
              </>
            ) : null}
          </li>
        </ul>
        <p className="mt-4 text-slate-700">{t("eraseNote")}</p>
        <StatusForm token={token} locale={page.locale} action="erase" label={t("eraseButton")} tone="danger" />
      </section>
      {home}
    </main>
  );
}

type T = ReturnType<typeof words<"status">>;

function Progress({ view, t, date, company }: { view: StatusView; t: T; date: (ms: number) => string; company: string }) {
  if (view.stage === "cancelled" || view.stage === "withdrawn") {
    return (
      <p className="mt-3 rounded-md border border-slate-300 bg-slate-50 p-3" data-testid="status-stage" data-stage={view.stage}>
        {t(view.stage, { date: date(view.withdrawnAt ?? view.receivedAt) })}
      </p>
    );
  }
  const steps: Array<{ key: string; title: string; body: string; done: boolean }> = [
    { key: "received", title: t("received"), body: t("receivedAt", { date: date(view.receivedAt) }), done: true },
  ];
  if (view.stage === "not-sent") steps.push({ key: "not-sent", title: t("sent"), body: t("notSent"), done: false });
  else steps.push({ key: "sent", title: t("sent"), body: view.sentAt ? t("sentAt", { company, date: date(view.sentAt) }) : t("sending"), done: view.sentAt !== null });
  if (view.stage === "sent") {
    steps.push({
      key: "latest",
      title: t("latest"),
      body: view.latest ? `${view.latest.words} (${t("latestUpdated", { date: date(view.latest.at) })})` : t("latestNone"),
      done: view.latest !== null,
    });
  }
  return (
    <ol className="mt-3 space-y-4 border-l-2 border-slate-300 pl-5" data-testid="status-stage" data-stage={view.stage}>
      {steps.map((step) => (
        <li key={step.key} data-step={step.key} data-done={step.done ? "true" : "false"} aria-current={step === steps[steps.length - 1] ? "step" : undefined}>
          <p className="font-semibold text-slate-900">
            <span aria-hidden="true">{step.done ? "✓ " : "… "}</span>
            {step.title}
          </p>
          <p className="text-slate-800">{step.body}</p>
        </li>
      ))}
    </ol>
  );
}

function StatusForm({ token, locale, action, label, tone }: { token: string; locale: Locale; action: "withdraw" | "erase" | "export" | "resume"; label: string; tone?: "danger" }) {
  return (
    <form method="post" action="/api/status" className="mt-3">
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="action" value={action} />
      <button
        type="submit"
        className={`min-h-11 rounded-md px-5 font-semibold ${tone === "danger" ? "bg-red-800 text-white" : "border border-slate-400 bg-white text-slate-900"}`}
        data-testid={`status-${action}`}
      >
        {label}
      </button>
    </form>
  );
}
