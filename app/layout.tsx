import type { Metadata, Viewport } from "next";
import type { CSSProperties, ReactNode } from "react";
import { InsightsBeacon } from "@/components/insights-beacon";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { getBranding, themeVariables } from "@/lib/branding";
import { env } from "@/lib/env";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const branding = await getBranding();
  return {
    metadataBase: new URL(env().SITE_URL),
    title: { default: branding.siteTitle, template: `%s | ${branding.siteTitle}` },
    description: branding.heroIntro,
    applicationName: branding.siteTitle,
    ...(branding.faviconUrl ? { icons: { icon: branding.faviconUrl } } : {}),
    alternates: { types: { "application/rss+xml": "/jobs.rss", "application/feed+json": "/jobs.json" } },
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const branding = await getBranding();
  return (
    <html lang="en" style={themeVariables(branding) as CSSProperties}>
      <body className="flex min-h-screen flex-col">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-3 focus:text-slate-900"
        >
          Skip to content
        </a>
        <SiteHeader branding={branding} />
        <div className="flex-1">{children}</div>
        <SiteFooter branding={branding} />
        <InsightsBeacon />
      </body>
    </html>
  );
}
