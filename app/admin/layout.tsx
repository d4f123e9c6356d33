import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { SiteShell } from "@/components/site-shell";
import { getBranding } from "@/lib/branding";
import { env } from "@/lib/env";

// The admin area is in English, whichever languages the public site offers. Its titles need
// nothing from the database, so they are there at once, also while an action re-renders a page.
export function generateMetadata(): Metadata {
  return { metadataBase: new URL(env().SITE_URL), title: { default: "Admin", template: "%s | Admin" } };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function AdminRootLayout({ children }: { children: ReactNode }) {
  const branding = await getBranding();
  const home = branding.languages.defaultLocale === "en" ? "" : "/en";
  return (
    <SiteShell branding={branding} locale="en" prefix={branding.languages.offered.includes("en") ? home : ""}>
      {children}
    </SiteShell>
  );
}
