import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { JobsLink } from "@/components/jobs-link";
import { pageLocale } from "@/lib/i18n/server";
import { getJobBySlug } from "@/lib/jobs";
import { words } from "@/lib/i18n/translator";

// Rendered per request (it reads the query string, or per-visitor state).
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; slug: string }>; searchParams: Promise<{ queued?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await pageLocale((await params).locale);
  const t = words(page.locale, "applied");
  return { title: t("title"), robots: { index: false, follow: false } };
}

// No personal data here, and none in the URL: only whether delivery is still under way.
export default async function AppliedPage({ params, searchParams }: Props) {
  const { locale, slug } = await params;
  const page = await pageLocale(locale);
  const job = await getJobBySlug(slug);
  if (!job) notFound();
  const queued = (await searchParams).queued === "1";
  const { branding } = page;
  const t = words(page.locale, "applied");
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
