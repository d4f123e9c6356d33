// The site's branding: what HR can change (company name, colours, words, images).
// Until something is saved, tasteful defaults, with the company name Occupop gives.
import "server-only";
import { getJobsSnapshot } from "@/lib/jobs";
import { textOn } from "./colors";

export type SocialLink = { label: string; url: string };

export type Branding = {
  companyName: string;
  siteTitle: string;
  heroHeadline: string;
  heroIntro: string;
  about: string;
  primaryColor: string;
  accentColor: string;
  logoUrl: string | null;
  faviconUrl: string | null;
  heroImageUrl: string | null;
  socialLinks: SocialLink[];
  privacyPolicyUrl: string | null;
  sourceName: string;
  footerText: string;
};

export const DEFAULT_BRANDING: Branding = {
  companyName: "",
  siteTitle: "",
  heroHeadline: "Find your next role with us",
  heroIntro: "Browse our open positions and apply in a couple of minutes. Every application is read by a person.",
  about: "",
  primaryColor: "#14532d",
  accentColor: "#b45309",
  logoUrl: null,
  faviconUrl: null,
  heroImageUrl: null,
  socialLinks: [],
  privacyPolicyUrl: null,
  sourceName: "",
  footerText: "",
};

async function companyFromOccupop(): Promise<string | null> {
  try {
    const { jobs } = await getJobsSnapshot();
    return jobs.find((j) => j.companyName)?.companyName ?? null;
  } catch {
    return null;
  }
}

/** The branding in effect, with every blank filled in. */
export async function getBranding(): Promise<Branding> {
  const stored = DEFAULT_BRANDING;
  const companyName = stored.companyName || (await companyFromOccupop()) || "Our company";
  return {
    ...stored,
    companyName,
    siteTitle: stored.siteTitle || `Careers at ${companyName}`,
    sourceName: stored.sourceName || `${companyName} careers site`,
    footerText: stored.footerText || `© ${new Date().getUTCFullYear()} ${companyName}`,
  };
}

/** CSS variables for the root element; the Tailwind theme reads them (tailwind.config.ts). */
export function themeVariables(branding: Branding): Record<string, string> {
  return {
    "--brand-primary": branding.primaryColor,
    "--brand-primary-contrast": textOn(branding.primaryColor),
    "--brand-accent": branding.accentColor,
    "--brand-accent-contrast": textOn(branding.accentColor),
  };
}
