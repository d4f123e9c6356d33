// The languages the site has words for (one catalog each in ./messages), and how a page's
// language shows in its URL. No "server-only": next.config.ts, the HTTP front's gate and the
// browser read it too. HR chooses which of these are on offer, and the default (branding).

export const LOCALES = ["en", "de", "fr", "es"] as const;
export type Locale = (typeof LOCALES)[number];

/** Each language named in itself, for the switcher and the admin. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", de: "Deutsch", fr: "Français", es: "Español" };

/**
 * The URL segment of the default language. Its pages have no prefix (/jobs/…): next.config.ts
 * rewrites them to /_/jobs/…, and the page reads the default from the branding. The default is
 * HR's choice, made at run time, so it cannot be a segment of its own at build time.
 */
export const DEFAULT_SEGMENT = "_";

/** The cookie that remembers a visitor's language (set by the switcher and the first-visit redirect). */
export const LOCALE_COOKIE = "NEXT_LOCALE";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The languages on offer and the default: HR's choice (branding). */
export type Languages = { offered: Locale[]; defaultLocale: Locale };

export const ALL_LANGUAGES: Languages = { offered: [...LOCALES], defaultLocale: "en" };

/**
 * The language a URL segment, a form or a stored alert names, if the site offers it ("_": the
 * default); null otherwise. Every place that turns a requested language into one to use asks this.
 */
export function offeredLocale({ offered, defaultLocale }: Languages, wanted: unknown): Locale | null {
  const locale = wanted === DEFAULT_SEGMENT ? defaultLocale : wanted;
  return isLocale(locale) && offered.includes(locale) ? locale : null;
}

/** The URL prefix of a language's pages: "" for the default, "/de" for German. */
export function localePrefix(locale: Locale, defaultLocale: Locale): string {
  return locale === defaultLocale ? "" : `/${locale}`;
}

/** A site path in a language: localizedPath("de", "en", "/jobs/x") is "/de/jobs/x"; "/" stays bare. */
export function localizedPath(locale: Locale, defaultLocale: Locale, path: string): string {
  const prefix = localePrefix(locale, defaultLocale);
  if (!prefix) return path;
  return path === "/" ? prefix : `${prefix}${path.startsWith("/?") ? path.slice(1) : path}`;
}

/** This page in another language: samePageIn("de", "en", "/fr/jobs/x", "?q=1") is "/de/jobs/x?q=1". */
export function samePageIn(locale: Locale, defaultLocale: Locale, pathname: string, search: string): string {
  return `${localizedPath(locale, defaultLocale, splitLocale(pathname).path)}${search}`;
}

/** The cookie a language is remembered by, for a year: set by the language links, and by the first-visit redirect. */
export function localeCookie(locale: Locale): string {
  return `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=31536000; SameSite=Lax`;
}

/** Splits "/de/jobs/x" into { locale: "de", path: "/jobs/x" }; an unprefixed path has no locale. */
export function splitLocale(pathname: string): { locale: Locale | null; path: string } {
  const match = /^\/([a-z]{2})(?=\/|$)(.*)$/.exec(pathname);
  if (match && isLocale(match[1])) return { locale: match[1], path: match[2] || "/" };
  return { locale: null, path: pathname };
}
