import { getLocale } from "next-intl/server";
import { NotFoundContent } from "@/components/not-found-content";
import { getBranding } from "@/lib/branding";
import { localePrefix } from "@/lib/i18n/locales";

// A 404 inside a language's pages (an unknown job, say): in that language, in its layout.
export default async function NotFound() {
  const locale = await getLocale();
  const { languages } = await getBranding();
  return <NotFoundContent locale={locale} prefix={localePrefix(locale, languages.defaultLocale)} />;
}
