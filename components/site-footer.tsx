import type { Branding } from "@/lib/branding";
import type { Locale } from "@/lib/i18n/locales";
import { words } from "@/lib/i18n/translator";

export async function SiteFooter({ branding, locale, prefix }: { branding: Branding; locale: Locale; prefix: string }) {
  const t = words(locale, "site");
  return (
    <footer className="mt-16 border-t border-slate-200 bg-slate-50">
      <div className="mx-auto flex max-w-5xl flex-col gap-4 px-4 py-8 text-sm text-slate-700 sm:flex-row sm:items-center sm:justify-between sm:px-6">
        <p>{branding.footerText}</p>
        <ul className="flex flex-wrap gap-x-2 gap-y-1" aria-label={t("footerLinks")}>
          {branding.privacyPolicyUrl ? (
            <li>
              <a className="inline-flex min-h-11 items-center px-2 underline" href={branding.privacyPolicyUrl} rel="noopener noreferrer">
                {t("privacyPolicy")}
              </a>
            </li>
          ) : null}
          {branding.socialLinks.map((link) => (
            <li key={link.url}>
              <a className="inline-flex min-h-11 items-center px-2 underline" href={link.url} rel="noopener noreferrer me">
                {link.label}
              </a>
            </li>
          ))}
          <li>
            <a className="inline-flex min-h-11 items-center px-2 underline" href={`${prefix}/accessibility`}>
              {t("accessibility")}
            </a>
          </li>
          <li>
            <a className="inline-flex min-h-11 items-center px-2 underline" href={`${prefix}/jobs.rss`}>
              {t("rss")}
            </a>
          </li>
        </ul>
      </div>
    </footer>
  );
}
