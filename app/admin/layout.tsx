import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { SiteShell } from "@/components/site-shell";
import { getBranding } from "@/lib/branding";
import { env } from "@/lib/env";
import { localePrefix, offeredLocale } from "@/lib/i18n/locales";

// The admin area is in English, whichever languages the public site offers. Its titles need
// nothing from the database, so they are there at once, also while an action re-renders a page.
export function generateMetadata(): Metadata {
  return { metadataBase: new URL(env().SITE_URL), title: { default: "Admin", template: "%s | Admin" } };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function AdminRootLayout({ children }: { children: ReactNode }) {
  const branding = await getBranding();
  // Its header and footer link to the English pages, or the default language's without them.
  const prefix = offeredLocale(branding.languages, "en") ? localePrefix("en", branding.languages.defaultLocale) : "";
  return (
    <SiteShell branding={branding} locale="en" prefix={prefix}>
      {children}
    </SiteShell>
  );
}
