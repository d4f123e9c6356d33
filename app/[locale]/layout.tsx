import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { ErrorWordsProvider } from "@/components/error-words";
import { LanguageSwitcher } from "@/components/language-switcher";
import { SiteShell } from "@/components/site-shell";
import { env } from "@/lib/env";
import { catalogs } from "@/lib/i18n/catalogs";
import { LOCALE_NAMES, localizedPath } from "@/lib/i18n/locales";
import { pageLocale } from "@/lib/i18n/server";

type Props = { children: ReactNode; params: Promise<{ locale: string }> };

// Every language's pages are rendered on their first visit and then served from the page cache
// (none at build time: the languages on offer are HR's choice, made at run time).
export async function generateStaticParams(): Promise<Array<{ locale: string }>> {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { branding, ...page } = await pageLocale((await params).locale);
  return {
    metadataBase: new URL(env().SITE_URL),
    title: { default: branding.siteTitle, template: `%s | ${branding.siteTitle}` },
    description: branding.heroIntro,
    applicationName: branding.siteTitle,
    ...(branding.faviconUrl ? { icons: { icon: branding.faviconUrl } } : {}),
    alternates: { types: { "application/rss+xml": page.path("/jobs.rss"), "application/feed+json": page.path("/jobs.json") } },
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function LocaleLayout({ children, params }: Props) {
  const page = await pageLocale((await params).locale);
  const { branding } = page;
  const messages = catalogs[page.locale];
  const languages = page.offered.map((l) => ({ locale: l, name: LOCALE_NAMES[l], home: localizedPath(l, page.defaultLocale, "/") }));
  return (
    <SiteShell
      branding={branding}
      locale={page.locale}
      prefix={page.prefix}
      switcher={<LanguageSwitcher current={page.locale} defaultLocale={page.defaultLocale} languages={languages} label={messages.site.language} />}
    >
      {/* The error page's words; each page adds those its own forms use (components/client-words). */}
      <ErrorWordsProvider words={messages.error}>{children}</ErrorWordsProvider>
    </SiteShell>
  );
}
