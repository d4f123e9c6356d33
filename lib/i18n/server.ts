// A page's language, from its [locale] segment: "_" (an unprefixed URL) is HR's default, and a
// language that is not on offer is a 404. Every localized layout, page and metadata function
// starts here, so next-intl knows the language without reading the request (the cached pages
// stay static).
import "server-only";
import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import { cache } from "react";
import { brandingIn, getBranding, type Branding } from "@/lib/branding";
import { localePrefix, localizedPath, offeredLocale, type Languages, type Locale } from "./locales";

export type PageLocale = Languages & {
  locale: Locale;
  /** "" or "/de": put before a site path (or use `path`). */
  prefix: string;
  /** A site path in this page's language. */
  path: (sitePath: string) => string;
  /** The branding as this language shows it (lib/branding brandingIn). */
  branding: Branding;
};

export const pageLocale = cache(async (segment: string): Promise<PageLocale> => {
  const branding = await getBranding();
  const { languages } = branding;
  const locale = offeredLocale(languages, segment) ?? notFound();
  setRequestLocale(locale);
  return {
    ...languages,
    locale,
    prefix: localePrefix(locale, languages.defaultLocale),
    path: (sitePath) => localizedPath(locale, languages.defaultLocale, sitePath),
    branding: brandingIn(branding, locale),
  };
});

/** hreflang alternates and the canonical URL of a page that exists in every offered language. */
export function alternates(page: PageLocale, sitePath: string): { canonical: string; languages: Record<string, string> } {
  const languages: Record<string, string> = Object.fromEntries(page.offered.map((l) => [l, localizedPath(l, page.defaultLocale, sitePath)]));
  languages["x-default"] = sitePath;
  return { canonical: page.path(sitePath), languages };
}

/** The URL prefix for a language a form says it was in ("" for the default, or one not on offer). */
export async function prefixFor(given: unknown): Promise<string> {
  const { languages } = await getBranding();
  const locale = offeredLocale(languages, given);
  return locale ? localePrefix(locale, languages.defaultLocale) : "";
}
