import type { CSSProperties, ReactNode } from "react";
import { InsightsBeacon } from "@/components/insights-beacon";
import { PageBoot } from "@/components/page-boot";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { themeVariables, type Branding } from "@/lib/branding";
import type { Locale } from "@/lib/i18n/locales";
import { words } from "@/lib/i18n/translator";

type Props = { branding: Branding; locale: Locale; prefix: string; children: ReactNode; switcher?: ReactNode };

/** The whole document around a page: <html lang>, skip link, header, footer. */
export async function SiteShell({ branding, locale, prefix, children, switcher }: Props) {
  const t = words(locale, "site");
  return (
    <html lang={locale} style={themeVariables(branding) as CSSProperties}>
      <body className="flex min-h-screen flex-col">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-3 focus:text-slate-900"
        >
          {t("skipToContent")}
        </a>
        <SiteHeader branding={branding} locale={locale} prefix={prefix} switcher={switcher} />
        <div className="flex-1">{children}</div>
        <SiteFooter branding={branding} locale={locale} prefix={prefix} />
        <InsightsBeacon />
        <PageBoot />
      </body>
    </html>
  );
}
