// The site's branding: what HR can change (company name, colours, words, images), read
// from the newest saved version. Until something is saved, tasteful defaults, with the
// company name Occupop gives.
import "server-only";
import { cache } from "react";
import { isBuildPhase } from "@/lib/build-phase";
import { getJobsSnapshot } from "@/lib/jobs";
import type { Languages, Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { textOn } from "./colors";
import { imageUrl } from "./images";
import { DEFAULT_STORED_BRANDING, type StoredBranding } from "./schema";
import { currentVersion } from "./store";

export type SocialLink = { label: string; url: string };

/** The branding the public site shows, with every blank filled in and images as URLs. */
export type Branding = {
  version: number;
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
  /** An email address or a web address, for adjustments (the accessibility statement). */
  accessibilityContact: string | null;
  sourceName: string;
  footerText: string;
  /** The languages on offer and the default (unprefixed URLs). */
  languages: Languages;
  /** The headline and introduction HR wrote per language other than the default. */
  translations: StoredBranding["translations"];
  /** Whether HR named the site; otherwise each language says "Careers at …" in its own words. */
  customSiteTitle: boolean;
};

async function companyFromOccupop(): Promise<string | null> {
  try {
    const { jobs } = await getJobsSnapshot();
    return jobs.find((j) => j.companyName)?.companyName ?? null;
  } catch {
    return null;
  }
}

export function resolveBranding(stored: StoredBranding, version: number, fallbackCompany: string | null): Branding {
  const companyName = stored.companyName || fallbackCompany || "Our company";
  return {
    version,
    companyName,
    siteTitle: stored.siteTitle || `Careers at ${companyName}`,
    heroHeadline: stored.heroHeadline || DEFAULT_STORED_BRANDING.heroHeadline,
    heroIntro: stored.heroIntro,
    about: stored.about,
    primaryColor: stored.primaryColor,
    accentColor: stored.accentColor,
    logoUrl: imageUrl(stored.logo),
    faviconUrl: imageUrl(stored.favicon),
    heroImageUrl: imageUrl(stored.heroImage),
    socialLinks: stored.socialLinks.filter((l) => l.label && l.url),
    privacyPolicyUrl: stored.privacyPolicyUrl || null,
    accessibilityContact: stored.accessibilityContact || null,
    sourceName: stored.sourceName || `${companyName} careers site`,
    footerText: stored.footerText || `© ${new Date().getUTCFullYear()} ${companyName}`,
    languages: { offered: stored.languages, defaultLocale: stored.defaultLanguage },
    translations: stored.translations,
    customSiteTitle: Boolean(stored.siteTitle),
  };
}

/**
 * The branding as a page in `locale` shows it: the headline and introduction HR wrote for that
 * language (/admin/languages); else, in the default language, the Branding page's own; else
 * the catalog's words. Left at the shipped defaults, every language has the catalog's words.
 */
export function brandingIn(branding: Branding, locale: Locale): Branding {
  const t = translator(locale);
  const own = branding.translations[locale];
  const isDefault = locale === branding.languages.defaultLocale;
  // The Branding page's text, if HR changed it (an introduction cleared on purpose stays blank).
  const pick = (written: string | undefined, value: string, shipped: string, catalog: string) =>
    written || (isDefault && value !== shipped ? value : catalog);
  return {
    ...branding,
    siteTitle: branding.customSiteTitle ? branding.siteTitle : t("site.title", { company: branding.companyName }),
    heroHeadline: pick(own?.heroHeadline, branding.heroHeadline, DEFAULT_STORED_BRANDING.heroHeadline, t("hero.defaultHeadline")),
    heroIntro: pick(own?.heroIntro, branding.heroIntro, DEFAULT_STORED_BRANDING.heroIntro, t("hero.defaultIntro")),
  };
}

/** The branding in effect (read once per request). */
export const getBranding = cache(async (): Promise<Branding> => {
  if (isBuildPhase()) return resolveBranding(DEFAULT_STORED_BRANDING, 0, null);
  const current = await currentVersion();
  const stored = current?.data ?? DEFAULT_STORED_BRANDING;
  return resolveBranding(stored, current?.id ?? 0, stored.companyName ? null : await companyFromOccupop());
});

/** CSS variables for the root element; the Tailwind theme reads them (tailwind.config.ts). */
export function themeVariables(branding: Branding): Record<string, string> {
  return {
    "--brand-primary": branding.primaryColor,
    "--brand-primary-contrast": textOn(branding.primaryColor),
    "--brand-accent": branding.accentColor,
    "--brand-accent-contrast": textOn(branding.accentColor),
  };
}
