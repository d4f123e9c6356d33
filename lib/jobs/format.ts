// How job facts read on the page: labels, salaries in the job country's currency, dates.
import countryToCurrency from "country-to-currency";
import type { ContractKind, Job, JobLocation, Salary, SalaryPeriod, Schedule, Workplace } from "./types";

export const WORKPLACE_LABELS: Record<Workplace, string> = { "on-site": "On-site", hybrid: "Hybrid", remote: "Remote" };
export const SCHEDULE_LABELS: Record<Schedule, string> = { "full-time": "Full-time", "part-time": "Part-time" };
export const CONTRACT_LABELS: Record<ContractKind, string> = {
  permanent: "Permanent",
  temporary: "Temporary",
  contract: "Contract",
  other: "Other",
};
const PERIOD_LABELS: Record<SalaryPeriod, string> = { year: "year", month: "month", week: "week", day: "day", hour: "hour" };

const LOCALE = "en-IE";
const regionNames = new Intl.DisplayNames(["en"], { type: "region" });

export function countryName(code: string): string {
  try {
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
}

export function locationLabel(location: JobLocation | null): string | null {
  if (!location) return null;
  const country = location.country ?? (location.countryCode ? countryName(location.countryCode) : null);
  return [location.city, country].filter(Boolean).join(", ") || null;
}

/** e.g. "Dublin, Ireland · Hybrid", or "Remote" for a remote job with no place. */
export function whereLabel(job: Job): string {
  const place = locationLabel(job.location);
  const workplace = job.workplace ? WORKPLACE_LABELS[job.workplace] : null;
  return [place, workplace].filter(Boolean).join(" · ") || "Location not given";
}

export function employmentLabel(job: Job): string | null {
  const parts = [job.schedule ? SCHEDULE_LABELS[job.schedule] : null, job.contract ? contractLabel(job.contract) : null];
  return parts.filter(Boolean).join(" · ") || null;
}

export function contractLabel(contract: NonNullable<Job["contract"]>): string {
  return contract.kind === "other" ? contract.label : CONTRACT_LABELS[contract.kind];
}

export function currencyFor(countryCode: string | null | undefined): string | null {
  if (!countryCode) return null;
  const map = countryToCurrency as Record<string, string | undefined>;
  return map[countryCode.toUpperCase()] ?? null;
}

// Building an Intl formatter costs far more than using one: keep one per shape.
const numberFormats = new Map<string, Intl.NumberFormat>();

function money(amount: number, currency: string | null, countryCode: string | null | undefined, fraction: number): string {
  // English, with the job country's conventions for its currency (en-US: "$", en-GB: "£").
  const key = `${countryCode ?? ""}|${currency ?? ""}|${fraction}`;
  let format = numberFormats.get(key);
  if (!format) {
    const locales = countryCode ? [`en-${countryCode.toUpperCase()}`, LOCALE] : [LOCALE];
    format = new Intl.NumberFormat(locales, {
      ...(currency ? { style: "currency", currency } : {}),
      maximumFractionDigits: fraction,
      minimumFractionDigits: fraction,
    });
    numberFormats.set(key, format);
  }
  return format.format(amount);
}

/** "€48,000 – €56,000 a year", "£12.50 an hour", "Competitive"; null when nothing is known. */
export function salaryLabel(salary: Salary | null, countryCode: string | null | undefined): string | null {
  if (!salary) return null;
  const currency = currencyFor(countryCode);
  const per = salary.period ? ` ${salary.period === "hour" ? "an" : "a"} ${PERIOD_LABELS[salary.period]}` : "";
  // Both ends of a range show cents when either has them.
  const fraction = [salary.min, salary.max].some((n) => n !== null && n % 1 !== 0) ? 2 : 0;
  const fmt = (n: number) => money(n, currency, countryCode, fraction);
  if (salary.min !== null && salary.max !== null && salary.min !== salary.max) {
    return `${fmt(salary.min)} – ${fmt(salary.max)}${per}`;
  }
  const one = salary.min ?? salary.max;
  if (one !== null) return `${salary.min === null ? "Up to " : salary.max === null ? "From " : ""}${fmt(one)}${per}`;
  if (salary.kind === "competitive") return "Competitive";
  return salary.label || null;
}

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
const DAY = 86_400_000;

/** "today", "yesterday", "3 days ago", "2 weeks ago", "5 months ago". */
export function relativeDate(iso: string, now = Date.now()): string {
  const days = Math.floor((now - Date.parse(iso)) / DAY);
  if (days < 1) return "today";
  if (days < 14) return relative.format(-days, "day");
  if (days < 60) return relative.format(-Math.floor(days / 7), "week");
  if (days < 365) return relative.format(-Math.floor(days / 30), "month");
  return relative.format(-Math.floor(days / 365), "year");
}

const longDates = new Intl.DateTimeFormat(LOCALE, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

export function longDate(iso: string): string {
  return longDates.format(new Date(iso));
}
