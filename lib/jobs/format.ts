// How job facts read on the page, in the page's language: labels, salaries in the job
// country's currency, dates. The words come from the message catalogs (lib/i18n).
import countryToCurrency from "country-to-currency";
import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import type { ContractKind, Job, JobLocation, Salary, Schedule, Workplace } from "./types";

/** English labels (the admin's, and the default of every function here). */
export const WORKPLACE_LABELS: Record<Workplace, string> = { "on-site": "On-site", hybrid: "Hybrid", remote: "Remote" };
export const SCHEDULE_LABELS: Record<Schedule, string> = { "full-time": "Full-time", "part-time": "Part-time" };
export const CONTRACT_LABELS: Record<ContractKind, string> = {
  permanent: "Permanent",
  temporary: "Temporary",
  contract: "Contract",
  other: "Other",
};

/** A page's language for dates and numbers: English is Irish English (day month year, €). */
const intlLocale = (locale: Locale) => (locale === "en" ? "en-IE" : locale);

// Building an Intl formatter costs far more than using one: keep one per shape and language.
function memo<T>(make: (key: string) => T): (key: string) => T {
  const made = new Map<string, T>();
  return (key) => {
    let value = made.get(key);
    if (value === undefined) {
      value = make(key);
      made.set(key, value);
    }
    return value;
  };
}

const regionNames = memo((locale) => new Intl.DisplayNames([locale], { type: "region" }));

export const workplaceLabel = (w: Workplace, locale: Locale = "en") => translator(locale)(`facts.workplaceKind.${w}`);
export const scheduleLabel = (s: Schedule, locale: Locale = "en") => translator(locale)(`facts.scheduleKind.${s}`);

export function countryName(code: string, locale: Locale = "en"): string {
  try {
    return regionNames(locale).of(code) ?? code;
  } catch {
    return code;
  }
}

export function locationLabel(location: JobLocation | null, locale: Locale = "en"): string | null {
  if (!location) return null;
  // English keeps the name Occupop gives; another language names the country code in itself.
  const named = location.countryCode ? countryName(location.countryCode, locale) : null;
  const country = locale === "en" ? (location.country ?? named) : (named ?? location.country);
  return [location.city, country].filter(Boolean).join(", ") || null;
}

/** e.g. "Dublin, Ireland · Hybrid", or "Remote" for a remote job with no place. */
export function whereLabel(job: Job, locale: Locale = "en"): string {
  const place = locationLabel(job.location, locale);
  const workplace = job.workplace ? workplaceLabel(job.workplace, locale) : null;
  return [place, workplace].filter(Boolean).join(" · ") || translator(locale)("facts.locationNotGiven");
}

export function employmentLabel(job: Job, locale: Locale = "en"): string | null {
  const parts = [job.schedule ? scheduleLabel(job.schedule, locale) : null, job.contract ? contractLabel(job.contract, locale) : null];
  return parts.filter(Boolean).join(" · ") || null;
}

export function contractLabel(contract: NonNullable<Job["contract"]>, locale: Locale = "en"): string {
  return contract.kind === "other" ? contract.label : contractKindLabel(contract.kind, locale);
}

export const contractKindLabel = (kind: ContractKind, locale: Locale = "en") => translator(locale)(`facts.contractKind.${kind}`);

export function currencyFor(countryCode: string | null | undefined): string | null {
  if (!countryCode) return null;
  const map = countryToCurrency as Record<string, string | undefined>;
  return map[countryCode.toUpperCase()] ?? null;
}

const numberFormats = memo((key) => {
  const [locale = "en", countryCode = "", currency = "", fraction = "0"] = key.split("|");
  // The page's language, with the job country's conventions for its currency (en-US: "$",
  // en-GB: "£", de-CH: "CHF").
  const locales = countryCode ? [`${locale}-${countryCode}`, intlLocale(locale as Locale)] : [intlLocale(locale as Locale)];
  return new Intl.NumberFormat(locales, {
    ...(currency ? { style: "currency", currency } : {}),
    maximumFractionDigits: Number(fraction),
    minimumFractionDigits: Number(fraction),
  });
});

function money(amount: number, currency: string | null, countryCode: string | null | undefined, fraction: number, locale: Locale): string {
  return numberFormats(`${locale}|${countryCode?.toUpperCase() ?? ""}|${currency ?? ""}|${fraction}`).format(amount);
}

/** "€48,000 – €56,000 a year", "£12.50 an hour", "Competitive"; null when nothing is known. */
export function salaryLabel(salary: Salary | null, countryCode: string | null | undefined, locale: Locale = "en"): string | null {
  if (!salary) return null;
  const t = translator(locale);
  const currency = currencyFor(countryCode);
  const per = (amount: string) => (salary.period ? t("facts.perPeriod", { amount, period: salary.period }) : amount);
  // Both ends of a range show cents when either has them.
  const fraction = [salary.min, salary.max].some((n) => n !== null && n % 1 !== 0) ? 2 : 0;
  const fmt = (n: number) => money(n, currency, countryCode, fraction, locale);
  if (salary.min !== null && salary.max !== null && salary.min !== salary.max) {
    return per(`${fmt(salary.min)} – ${fmt(salary.max)}`);
  }
  const one = salary.min ?? salary.max;
  if (one !== null) {
    const amount = fmt(one);
    return per(salary.min === null ? t("facts.upTo", { amount }) : salary.max === null ? t("facts.from", { amount }) : amount);
  }
  if (salary.kind === "competitive") return t("facts.competitive");
  return salary.label || null;
}

const relatives = memo((locale) => new Intl.RelativeTimeFormat(intlLocale(locale as Locale), { numeric: "auto" }));
const DAY = 86_400_000;

/** "today", "yesterday", "3 days ago", "2 weeks ago", "5 months ago" (in the page's language). */
export function relativeDate(iso: string, now = Date.now(), locale: Locale = "en"): string {
  const relative = relatives(locale);
  const days = Math.floor((now - Date.parse(iso)) / DAY);
  if (days < 1) return relative.format(0, "day");
  if (days < 14) return relative.format(-days, "day");
  if (days < 60) return relative.format(-Math.floor(days / 7), "week");
  if (days < 365) return relative.format(-Math.floor(days / 30), "month");
  return relative.format(-Math.floor(days / 365), "year");
}

const longDates = memo((locale) => new Intl.DateTimeFormat(intlLocale(locale as Locale), { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }));

/** "6 December 2026", "6. Dezember 2026": an ISO date or a moment in milliseconds, in UTC. */
export function longDate(when: string | number, locale: Locale = "en"): string {
  return longDates(locale).format(new Date(when));
}
