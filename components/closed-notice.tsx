import Link from "next/link";
import type { Locale } from "@/lib/i18n/locales";
import { words } from "@/lib/i18n/translator";

/** Said on a job's page and its form page when the job no longer takes applications. */
export async function ClosedNotice({ locale, prefix }: { locale: Locale; prefix: string }) {
  const t = words(locale, "job");
  return (
    <div className="mt-6 rounded-lg border border-amber-300 bg-amber-50 p-5" role="status" data-testid="closed-notice">
      <h2 className="font-semibold text-slate-900">{t("closedTitle")}</h2>
      <p className="mt-1 text-slate-800">
        {t.rich("closedBody", {
          link: (chunks) => (
            <Link href={prefix || "/"} className="font-medium text-brand underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
    </div>
  );
}
