import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ClientWords } from "@/components/client-words";
import { ClosedNotice } from "@/components/closed-notice";
import { ApplicationForm } from "@/components/apply/application-form";
import { countryOptions } from "@/lib/applications/countries";
import { formDefinition } from "@/lib/applications/definition";
import { isDraftToken, readDraft } from "@/lib/applications/drafts";
import { issueFormToken } from "@/lib/applications/form-token";
import { mailConfigured } from "@/lib/mail/transport";
import { pageLocale } from "@/lib/i18n/server";
import { getJobBySlug } from "@/lib/jobs";
import { words } from "@/lib/i18n/translator";

// The application form rendered on the server, per visit, with its own token: the way to
// apply without JavaScript (the cached job page links here), and where such a form comes back
// with its errors. With JavaScript the job page shows the same form in place. A "finish later"
// link (?draft=…, lib/applications/drafts.ts) opens it here, filled in as it was saved.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  const page = await pageLocale(locale);
  const job = await getJobBySlug(slug);
  if (!job) return {};
  const t = words(page.locale, "apply");
  return { title: t("pageTitle", { title: job.title }), alternates: { canonical: page.path(`/jobs/${job.slug}`) }, robots: { index: false, follow: true } };
}

export default async function ApplyPage({ params, searchParams }: Props) {
  const { locale, slug } = await params;
  const page = await pageLocale(locale);
  const job = await getJobBySlug(slug);
  if (!job) notFound();
  const query = await searchParams;
  const utm = query.utm_source;
  // A draft's link: its values, or a note that it no longer works (and nothing about anyone).
  const draftToken = isDraftToken(query.draft) ? query.draft : null;
  const draftValues = draftToken && job.isOpen ? await readDraft(draftToken, job.uuid) : null;
  const draftNotice = query.draft === undefined ? undefined : draftValues ? ("opened" as const) : ("expired" as const);
  const { branding } = page;
  const t = words(page.locale, "apply");
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-8 sm:px-6">
      <p>
        <Link href={page.path(`/jobs/${job.slug}`)} className="inline-flex min-h-11 items-center font-medium text-brand underline">
          <span aria-hidden="true">←&nbsp;</span>
          {t("aboutJob")}
        </Link>
      </p>
      <header className="mt-2">
        <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t("heading", { title: job.title })}</h1>
        <p className="mt-1 text-lg text-slate-700">{branding.companyName}</p>
      </header>
      {job.isOpen ? (
        <section id="apply" aria-label={t("formLabel")} className="mt-6">
          <ClientWords locale={page.locale} namespaces={["apply"]}>
            <ApplicationForm
              definition={formDefinition(job)}
              countries={countryOptions(page.locale)}
              formToken={await issueFormToken(job.uuid)}
              privacyPolicyUrl={branding.privacyPolicyUrl}
              companyName={branding.companyName}
              utmSource={typeof utm === "string" ? utm.slice(0, 60) : ""}
              permalink={page.path(`/jobs/${job.slug}/apply`)}
              prefix={page.prefix}
              canFinishLater={mailConfigured()}
              draft={draftToken && draftValues ? { token: draftToken, values: draftValues } : null}
              draftNotice={draftNotice}
            />
          </ClientWords>
        </section>
      ) : (
        <ClosedNotice locale={page.locale} prefix={page.prefix} />
      )}
    </main>
  );
}
