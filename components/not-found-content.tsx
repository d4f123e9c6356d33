import { JobsLink } from "@/components/jobs-link";
import { SearchBox } from "@/components/search-box";
import type { Locale } from "@/lib/i18n/locales";
import { words } from "@/lib/i18n/translator";

export async function NotFoundContent({ locale, prefix }: { locale: Locale; prefix: string }) {
  const t = words(locale, "notFound");
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-16 text-center sm:px-6">
      <h1 className="text-2xl font-bold text-slate-900">{t("title")}</h1>
      <p className="mt-4 text-slate-700">{t("body")}</p>
      <div className="mt-6">
        <SearchBox locale={locale} prefix={prefix} />
      </div>
      <JobsLink href={prefix || "/"} className="mt-6">
        {t("allJobs")}
      </JobsLink>
    </main>
  );
}
