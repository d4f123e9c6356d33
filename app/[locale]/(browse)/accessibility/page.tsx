import type { Metadata } from "next";
import { JobsLink } from "@/components/jobs-link";
import { LOCALE_NAMES, type Locale } from "@/lib/i18n/locales";
import { alternates, pageLocale } from "@/lib/i18n/server";
import { longDate } from "@/lib/jobs/format";
import { words } from "@/lib/i18n/translator";

// Rendered per request (it reads the query string, or per-visitor state).
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await pageLocale((await params).locale);
  const t = words(page.locale, "statement");
  return { title: t("title"), alternates: alternates(page, "/accessibility") };
}

/** When this statement was last reviewed against the site (update with each review). */
const REVIEWED = "2026-11-30T00:00:00Z";

async function Contact({ contact, companyName, locale }: { contact: string | null; companyName: string; locale: Locale }) {
  const t = words(locale, "statement");
  if (!contact) return <p data-testid="adjustment-contact">{t("contactNone", { company: companyName })}</p>;
  const isEmail = contact.includes("@") && !/^https?:/i.test(contact);
  return (
    <p data-testid="adjustment-contact">
      {t.rich("contactGiven", {
        company: companyName,
        contact: () => (
          <a href={isEmail ? `mailto:${contact}` : contact} className="font-medium text-brand underline">
            {contact}
          </a>
        ),
      })}
    </p>
  );
}

// The accessibility statement (the European Accessibility Act and EN 301 549 expect one): the
// standard aimed at, how the site is tested, what is known not to work, and how to ask for an
// adjustment or to apply another way, with the contact HR gives in the branding.
export default async function AccessibilityPage({ params }: Props) {
  const page = await pageLocale((await params).locale);
  const { branding } = page;
  const t = words(page.locale, "statement");
  const languages = new Intl.ListFormat(page.locale, { type: "conjunction" }).format(
    page.offered.map((l) => new Intl.DisplayNames([page.locale], { type: "language" }).of(l) ?? LOCALE_NAMES[l]),
  );
  const list = (keys: Array<Parameters<typeof t>[0]>) => (
    <ul className="mt-2 list-disc space-y-1 pl-6 text-slate-800">
      {keys.map((key) => (
        <li key={key}>{t(key, { languages })}</li>
      ))}
    </ul>
  );
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-12 sm:px-6">
      <h1 className="text-3xl font-bold text-slate-900">{t("title")}</h1>
      <p className="mt-3 text-slate-800">{t("intro", { company: branding.companyName })}</p>

      <h2 className="mt-8 text-xl font-semibold text-slate-900">{t("expectHeading")}</h2>
      {list(["expect1", "expect2", "expect3", "expect4", "expect5", "expect6"])}

      <h2 className="mt-8 text-xl font-semibold text-slate-900">{t("testedHeading")}</h2>
      {list(["tested1", "tested2", "tested3"])}

      <h2 className="mt-8 text-xl font-semibold text-slate-900">{t("gapsHeading")}</h2>
      {list(["gap1", "gap2"])}

      <h2 id="adjustments" className="mt-8 scroll-mt-4 text-xl font-semibold text-slate-900">
        {t("adjustHeading")}
      </h2>
      <p className="mt-2 text-slate-800">{t("adjustBody")}</p>
      <div className="mt-2 text-slate-800">
        <Contact contact={branding.accessibilityContact} companyName={branding.companyName} locale={page.locale} />
      </div>

      <p className="mt-8 text-sm text-slate-700">{t("reviewed", { date: longDate(REVIEWED, page.locale) })}</p>
      <JobsLink href={page.path("/")} className="mt-4">
        {t("openJobs")}
      </JobsLink>
    </main>
  );
}
