import Link from "next/link";
import type { ReactNode } from "react";
import type { Branding } from "@/lib/branding";
import type { Locale } from "@/lib/i18n/locales";
import { words } from "@/lib/i18n/translator";

export async function SiteHeader({ branding, locale, prefix, switcher }: { branding: Branding; locale: Locale; prefix: string; switcher?: ReactNode }) {
  const t = words(locale, "site");
  const home = prefix || "/";
  return (
    <header className="border-b border-slate-200 bg-white">
      {/* One row on a phone: the name (the way home), and the languages as one control. */}
      <div className="mx-auto flex max-w-5xl items-center justify-between gap-x-4 gap-y-1 px-4 py-2 sm:flex-wrap sm:px-6 sm:py-3">
        <Link href={home} className="flex min-h-11 min-w-0 items-center gap-3 rounded font-semibold text-slate-900">
          {branding.logoUrl ? (
            // eslint-disable-next-line @next/next/no-img-element -- a content-hashed image from our own store
            <img src={branding.logoUrl} alt="" className="h-9 w-auto max-w-40 object-contain" />
          ) : null}
          <span className="truncate text-lg">{branding.companyName}</span>
        </Link>
        <div className="flex shrink-0 items-center gap-x-3 sm:flex-wrap">
          {switcher}
          {/* On a phone the page's own link (or the name) leads back: one way, not two. */}
          <nav aria-label={t("siteNav")} className="hidden sm:block">
            <Link href={home} className="inline-flex min-h-11 items-center rounded px-3 font-medium text-brand hover:underline">
              {t("allJobs")}
            </Link>
          </nav>
        </div>
      </div>
    </header>
  );
}
