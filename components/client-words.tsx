import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { catalogs, type Messages } from "@/lib/i18n/catalogs";
import type { Locale } from "@/lib/i18n/locales";

/**
 * The words the browser's components below need, and no others: each page carries only the
 * namespaces its forms use (the catalog is kilobytes; the cached pages stay small).
 */
export function ClientWords({ locale, namespaces, children }: { locale: Locale; namespaces: Array<keyof Messages>; children: ReactNode }) {
  const messages = Object.fromEntries(namespaces.map((n) => [n, catalogs[locale][n]]));
  return (
    <NextIntlClientProvider locale={locale} timeZone="UTC" messages={messages}>
      {children}
    </NextIntlClientProvider>
  );
}
