import type { Metadata } from "next";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { JobsLink } from "@/components/jobs-link";
import { pageLocale } from "@/lib/i18n/server";
import { getJobBySlug } from "@/lib/jobs";
import { words } from "@/lib/i18n/translator";
import { env } from "@/lib/env";
import { mailConfigured } from "@/lib/mail/transport";
import { RECEIPT_COOKIE } from "@/lib/receipts/cookie";
import { findReceipt } from "@/lib/receipts/store";

// Rendered per request (it reads the query string, or per-visitor state).
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; slug: string }>; searchParams: Promise<{ queued?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await pageLocale((await params).locale);
  const t = words(page.locale, "applied");
  return { title: t("title"), robots: { index: false, follow: false } };
}

// No personal data here, and none in the URL: whether delivery is still under way, and the
// private status link the application's server action left in a cookie for this page.
export default async function AppliedPage({ params, searchParams }: Props) {
  const { locale, slug } = await params;
  const page = await pageLocale(locale);
  const job = await getJobBySlug(slug);
  if (!job) notFound();
  const queued = (await searchParams).queued === "1";
  const { branding } = page;
  const t = words(page.locale, "applied");
  const token = (await cookies()).get(RECEIPT_COOKIE)?.value;
  const receipt = token ? await findReceipt(token) : null;
  const statusHref = receipt && receipt.job_slug === slug ? `${page.prefix}/status?token=${token}` : null;
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-12 sm:px-6">
      <div className="rounded-lg border border-green-700 bg-green-50 p-6">
        <h1 className="text-2xl font-bold text-slate-900">{t("heading")}</h1>
        <p className="mt-2 text-slate-800">{t.rich("received", { title: job.title, company: branding.companyName, strong: (chunks) => <strong>{chunks}</strong> })}</p>
        {queued ? (
          <p className="mt-2 text-slate-800" data-testid="queued-note">
            {t("queued")}
          </p>
        ) : null}
      </div>
      {statusHref ? (
        <div className="mt-6 rounded-lg border border-slate-300 p-5" data-testid="status-link-box">
          <p className="text-slate-800">{t("statusLead")}</p>
          <a href={statusHref} rel="noreferrer" className="mt-2 inline-block font-semibold text-brand underline" data-testid="status-link">
            {t("statusLink")}
          </a>
          <p className="mt-2 text-sm text-slate-700">
            {t("statusNote", { days: env().STATUS_LINK_DAYS })}
            {mailConfigured() ? ` ${t("statusEmailed")}` : ""}
          </p>
        </div>
      ) : null}
      <h2 className="mt-8 text-xl font-semibold text-slate-900">{t("nextHeading")}</h2>
      <ol className="mt-3 list-decimal space-y-2 pl-6 text-slate-800">
        <li>{t("next1")}</li>
        <li>{t("next2")}</li>
        <li>{t("next3")}</li>
      </ol>
      <JobsLink href={page.path("/")} className="mt-8">
        {t("otherJobs")}
      </JobsLink>
    </main>
  );
}
